// The incremental path. After a rack edit only the paths from its old and new feeds up to the
// utilities change in normal operation (a delta pushed through flow.ts), and only the failure
// scenarios that touched one of those elements can change their outcome: a scenario's result is
// a function of the loads of the elements it touches and of the racks on the elements it kills,
// and a changed rack always touches its own feeds. So each scenario's touched set is recorded
// once (about 105k entries for the gigawatt hall) with its inverse, element -> scenarios.
import type { PowerGraph, RackTable } from './graph.js';
import { Propagator, shareA, shareB, type FlowState } from './flow.js';
import { emptyTable, makeScratch, runScenario, type ScenarioTable } from './failures.js';

export interface TouchIndex {
  /** Elements each scenario (by failed element) touched, CSR from the full analysis ... */
  start: Int32Array;
  list: Int32Array;
  /** ... and its inverse, the scenarios that touched each element ... */
  invStart: Int32Array;
  invList: Int32Array;
  /** ... plus what later incremental runs added, both ways (a superset is safe: it only costs a re-run). */
  extra: Map<number, number[]>;
  extraByScenario: Map<number, number[]>;
}

/** Every single failure, recording which elements each one touched. */
export function analyseIndexed(g: PowerGraph, flow: FlowState, racks: RackTable): { table: ScenarioTable; index: TouchIndex } {
  const table = emptyTable(g.n);
  const s = makeScratch(g, flow, racks);
  let list = new Int32Array(Math.max(1024, g.n * 16));
  const start = new Int32Array(g.n + 1);
  let used = 0;
  for (let f = 0; f < g.n; f++) {
    runScenario(s, racks, f, table);
    const count = s.p.touchedCount;
    if (used + count > list.length) {
      const bigger = new Int32Array(Math.max(list.length * 2, used + count));
      bigger.set(list.subarray(0, used));
      list = bigger;
    }
    list.set(s.p.touched.subarray(0, count), used);
    used += count;
    start[f + 1] = used;
  }
  // Invert scenario -> touched into element -> scenarios with a counting sort.
  const invStart = new Int32Array(g.n + 1);
  for (let i = 0; i < used; i++) invStart[list[i]! + 1]! += 1;
  for (let e = 0; e < g.n; e++) invStart[e + 1]! += invStart[e]!;
  const fill = invStart.slice(0, g.n);
  const invList = new Int32Array(used);
  for (let f = 0; f < g.n; f++) for (let i = start[f]!; i < start[f + 1]!; i++) invList[fill[list[i]!]!++] = f;
  return { table, index: { start, list: list.subarray(0, used), invStart, invList, extra: new Map(), extraByScenario: new Map() } };
}

/**
 * Apply edited racks to a normal-operation flow: remove each rack's old share from its old feeds,
 * add the new share to its new feeds, and carry the differences up. Returns the new flow (the
 * old one is not modified) and every element whose load changed.
 */
export function applyRackEdits(
  g: PowerGraph, prev: FlowState, before: RackTable, after: RackTable, edits: readonly { before: number; after: number }[],
): { flow: FlowState; changed: Int32Array } {
  const p = new Propagator(g, prev);
  p.begin();
  const live = prev.live;
  const put = (t: RackTable, r: number, sign: number) => {
    const a = t.feedA[r]!;
    const b = t.feedB[r]!;
    const la = a >= 0 && live[a] === 1;
    const lb = b >= 0 && live[b] === 1;
    const load = sign * t.loadKw[r]!;
    if (la) p.addLoad(a, load * shareA(a, b, la, lb));
    if (lb) p.addLoad(b, load * shareB(a, b, la, lb));
  };
  for (const e of edits) {
    if (e.before >= 0) put(before, e.before, -1);
    if (e.after >= 0) put(after, e.after, +1);
  }
  p.propagate();
  const outKw = prev.outKw.slice();
  const changed = p.touched.slice(0, p.touchedCount);
  for (const t of changed) outKw[t] = p.newOut[t]!;
  return { flow: { live: prev.live, outKw, liveWeight: prev.liveWeight }, changed };
}

/** Re-run the scenarios that touched any changed element; returns a new table and index. */
export function refreshScenarios(
  g: PowerGraph, flow: FlowState, racks: RackTable, prev: ScenarioTable, index: TouchIndex, changed: Int32Array,
): { table: ScenarioTable; index: TouchIndex; rerun: number } {
  const redo = new Set<number>();
  for (const e of changed) {
    redo.add(e);
    for (let i = index.invStart[e]!; i < index.invStart[e + 1]!; i++) redo.add(index.invList[i]!);
    for (const f of index.extra.get(e) ?? []) redo.add(f);
  }
  const table: ScenarioTable = {
    evaluated: prev.evaluated.slice(), droppedRacks: prev.droppedRacks.slice(), movedRacks: prev.movedRacks.slice(),
    worstUtil: prev.worstUtil.slice(), worstElement: prev.worstElement.slice(), worstLoadKw: prev.worstLoadKw.slice(),
    details: new Map(prev.details),
  };
  const extra = new Map(index.extra);
  const extraByScenario = new Map(index.extraByScenario);
  const s = makeScratch(g, flow, racks);
  const seen = new Int32Array(g.n);
  let mark = 0;
  for (const f of redo) {
    mark += 1;
    for (let i = index.start[f]!; i < index.start[f + 1]!; i++) seen[index.list[i]!] = mark;
    for (const e of extraByScenario.get(f) ?? []) seen[e] = mark;
    runScenario(s, racks, f, table);
    for (let i = 0; i < s.p.touchedCount; i++) {
      const e = s.p.touched[i]!;
      if (seen[e] === mark) continue;
      extra.set(e, [...(extra.get(e) ?? []), f]);
      extraByScenario.set(f, [...(extraByScenario.get(f) ?? []), e]);
    }
  }
  return { table, index: { ...index, extra, extraByScenario }, rerun: redo.size };
}
