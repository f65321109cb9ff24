// Small timing helpers for the benchmarks: median of several runs after a warm-up.
export function medianMs(runs: number, fn: () => void): number {
  fn(); // warm-up: JIT and caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
