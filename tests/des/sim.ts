// A small seeded discrete-event simulation of a first-come-first-served queue with c servers,
// written only to check the closed-form queueing models in engine/queueing against. With FCFS
// the next customer starts on the server that frees first, so a min-heap of the c servers'
// free times replaces an event list: start = max(arrival, earliest free), end = start + service.

/** Mulberry32: a tiny 32-bit seeded generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Exponential sample at the given rate by inversion; 1 - u keeps the log finite. */
export const exponential = (rng: () => number, rate: number): number => -Math.log(1 - rng()) / rate;

export interface SimResult {
  /** Response (wait + service) of every customer after the warm-up, sorted ascending. */
  response: Float64Array;
  /** Wait in queue of the same customers, sorted ascending. */
  wait: Float64Array;
}

export interface SimSpec {
  servers: number;
  customers: number;
  warmup: number;
  seed: number;
  /** Inter-arrival time sampler. */
  interArrival: (rng: () => number) => number;
  service: (rng: () => number) => number;
}

export function simulateQueue(spec: SimSpec): SimResult {
  const { servers, customers, warmup } = spec;
  const rng = mulberry32(spec.seed);
  const heap = new Float64Array(servers); // free times, a binary min-heap
  const response = new Float64Array(customers);
  const wait = new Float64Array(customers);
  let clock = 0;
  for (let i = 0; i < warmup + customers; i++) {
    clock += spec.interArrival(rng);
    const start = Math.max(clock, heap[0]!);
    const end = start + spec.service(rng);
    // replace the root with the new free time and sift down
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= servers) break;
      const r = l + 1;
      const m = r < servers && heap[r]! < heap[l]! ? r : l;
      if (heap[m]! >= end) break;
      heap[k] = heap[m]!;
      k = m;
    }
    heap[k] = end;
    if (i >= warmup) {
      response[i - warmup] = end - clock;
      wait[i - warmup] = start - clock;
    }
  }
  response.sort();
  wait.sort();
  return { response, wait };
}

/** Empirical percentile of sorted samples (nearest rank). */
export function percentile(sorted: Float64Array, p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

export function mean(xs: Float64Array): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
