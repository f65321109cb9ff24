// Load flow up the chain. Real power is conserved except for conversion losses:
//   P_in = P_out / eta                                   (each element)
//   P_out(u) = sum over racks r on u of L_r * s_r,u + sum over children c of P_in(c) * w_u / W_c
// where a dual-fed rack puts s = 1/2 on each live side (all of it on the survivor when one side
// is lost) and parallel sources share a child's input in proportion to their rating w = rated kW
// (W_c = sum of w over the child's live sources). Everything is linear in the rack loads, so a
// change (a failed element, an edited rack) is applied as a delta that travels only up the
// affected paths, visited in topological order with a small heap: the Propagator below.
import type { PowerGraph, RackTable } from './graph.js';
import { UTILITY } from './graph.js';

export interface FlowState {
  /** 1 when the element has a path of running elements up to a running utility. */
  live: Uint8Array;
  /** Real power delivered at the element's output (kW). */
  outKw: Float64Array;
  /** Sum of the share weights of the element's live sources (the W_c above). */
  liveWeight: Float64Array;
}

/** Share weight of a source: its rating; a zero-rated source still gets a (tiny) equal share. */
export const weightOf = (g: PowerGraph, u: number): number => (g.ratedKw[u]! > 0 ? g.ratedKw[u]! : 1e-9);

/** Share of a rack's load on feed A, given which of its feeds are live. Both cords on one element count once. */
export function shareA(a: number, b: number, liveA: boolean, liveB: boolean): number {
  if (a < 0 || !liveA) return 0;
  if (a === b) return 1;
  return b >= 0 && liveB ? 0.5 : 1;
}
export function shareB(a: number, b: number, liveA: boolean, liveB: boolean): number {
  if (b < 0 || !liveB || a === b) return 0;
  return a >= 0 && liveA ? 0.5 : 1;
}

/** Liveness from the sources down: running, and a utility or fed by at least one live source. */
export function computeLive(g: PowerGraph): Uint8Array {
  const live = new Uint8Array(g.n);
  for (let p = g.order.length - 1; p >= 0; p--) {
    const e = g.order[p]!;
    if (!g.running[e]) continue;
    if (g.kind[e] === UTILITY) {
      live[e] = 1;
      continue;
    }
    for (let k = g.upStart[e]!; k < g.upStart[e + 1]!; k++) {
      if (live[g.upList[k]!]) {
        live[e] = 1;
        break;
      }
    }
  }
  return live;
}

export function fullFlow(g: PowerGraph, racks: RackTable = g.racks): FlowState {
  const live = computeLive(g);
  const outKw = new Float64Array(g.n);
  const liveWeight = new Float64Array(g.n);
  for (let r = 0; r < racks.count; r++) {
    const a = racks.feedA[r]!;
    const b = racks.feedB[r]!;
    const la = a >= 0 && live[a] === 1;
    const lb = b >= 0 && live[b] === 1;
    const load = racks.loadKw[r]!;
    if (la) outKw[a]! += load * shareA(a, b, la, lb);
    if (lb) outKw[b]! += load * shareB(a, b, la, lb);
  }
  for (let e = 0; e < g.n; e++) {
    let w = 0;
    for (let k = g.upStart[e]!; k < g.upStart[e + 1]!; k++) if (live[g.upList[k]!]) w += weightOf(g, g.upList[k]!);
    liveWeight[e] = w;
  }
  for (let p = 0; p < g.order.length; p++) {
    const e = g.order[p]!;
    if (!live[e] || g.kind[e] === UTILITY) continue; // a utility is a source: nothing above it carries its load
    const input = outKw[e]! / g.efficiency[e]!;
    const w = liveWeight[e]!;
    for (let k = g.upStart[e]!; k < g.upStart[e + 1]!; k++) {
      const u = g.upList[k]!;
      if (live[u]) outKw[u]! += (input * weightOf(g, u)) / w;
    }
  }
  return { live, outKw, liveWeight };
}

/**
 * Scratch space for applying one change on top of a flow without copying it: elements touched
 * in the current epoch hold their new output in `newOut`; `dead` marks elements lost in this epoch.
 * Allocated once per analysis and reused for every scenario.
 */
export class Propagator {
  epoch = 0;
  readonly stamp: Int32Array;
  readonly newOut: Float64Array;
  readonly dead: Int32Array;
  private readonly queued: Int32Array;
  private readonly heap: Int32Array;
  private heapSize = 0;
  readonly touched: Int32Array;
  touchedCount = 0;
  readonly deadList: Int32Array;
  deadCount = 0;

  constructor(
    readonly g: PowerGraph,
    readonly flow: FlowState,
  ) {
    const n = g.n;
    this.stamp = new Int32Array(n);
    this.newOut = new Float64Array(n);
    this.dead = new Int32Array(n);
    this.queued = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.deadList = new Int32Array(n);
  }

  begin(): void {
    this.epoch += 1;
    this.touchedCount = 0;
    this.deadCount = 0;
    this.heapSize = 0;
  }

  /** Live in the current scenario: live before and not lost now. */
  isLive(e: number): boolean {
    return this.flow.live[e] === 1 && this.dead[e] !== this.epoch;
  }

  /** Output in the current scenario (0 for a lost element). */
  loadOf(e: number): number {
    if (!this.isLive(e)) return 0;
    return this.stamp[e] === this.epoch ? this.newOut[e]! : this.flow.outKw[e]!;
  }

  markDead(e: number): void {
    this.dead[e] = this.epoch;
    this.deadList[this.deadCount++] = e;
    this.touch(e);
    this.push(e);
  }

  touch(e: number): void {
    if (this.stamp[e] === this.epoch) return;
    this.stamp[e] = this.epoch;
    this.newOut[e] = this.flow.outKw[e]!;
    this.touched[this.touchedCount++] = e;
  }

  addLoad(e: number, deltaKw: number): void {
    this.touch(e);
    this.newOut[e]! += deltaKw;
    this.push(e);
  }

  /** Queue an element whose sources must be recomputed (its load or its sources changed). */
  requeue(e: number): void {
    this.touch(e);
    this.push(e);
  }

  private push(e: number): void {
    if (this.queued[e] === this.epoch) return;
    this.queued[e] = this.epoch;
    const rank = this.g.rank;
    let i = this.heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pe = this.heap[parent]!;
      if (rank[pe]! <= rank[e]!) break;
      this.heap[i] = pe;
      i = parent;
    }
    this.heap[i] = e;
  }

  private pop(): number {
    const rank = this.g.rank;
    const top = this.heap[0]!;
    const last = this.heap[--this.heapSize]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.heapSize) break;
      if (c + 1 < this.heapSize && rank[this.heap[c + 1]!]! < rank[this.heap[c]!]!) c += 1;
      if (rank[this.heap[c]!]! >= rank[last]!) break;
      this.heap[i] = this.heap[c]!;
      i = c;
    }
    this.heap[i] = last;
    return top;
  }

  /**
   * Carry every queued change up to the sources, children before parents. For each element the
   * difference between what it now asks of each source and what it asked before is added there.
   */
  propagate(): void {
    const { g, flow } = this;
    while (this.heapSize > 0) {
      const e = this.pop();
      if (g.kind[e] === UTILITY || g.rank[e]! < 0) continue;
      const eta = g.efficiency[e]!;
      const oldIn = flow.live[e] ? flow.outKw[e]! / eta : 0;
      const nowLive = this.isLive(e);
      const newIn = nowLive ? this.loadOf(e) / eta : 0;
      let newW = 0;
      for (let k = g.upStart[e]!; k < g.upStart[e + 1]!; k++) if (this.isLive(g.upList[k]!)) newW += weightOf(g, g.upList[k]!);
      const oldW = flow.liveWeight[e]!;
      for (let k = g.upStart[e]!; k < g.upStart[e + 1]!; k++) {
        const u = g.upList[k]!;
        const w = weightOf(g, u);
        const before = flow.live[u] && oldW > 0 ? (oldIn * w) / oldW : 0;
        const after = this.isLive(u) && newW > 0 ? (newIn * w) / newW : 0;
        if (after !== before) this.addLoad(u, after - before);
      }
    }
  }
}
