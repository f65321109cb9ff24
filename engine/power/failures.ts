// Single-failure what-ifs (the planner's first question): lose one element, does every rack stay
// powered, and what is overloaded then. Each scenario is applied as a delta on the normal flow:
// the lost element and everything left without a live source go dark, racks on them move to
// their other side (or drop), parallel sources of a surviving child take over its share, and
// the differences travel up to the utilities (flow.ts). Cost per scenario is the size of the
// affected region, not of the hall, so all 7,280 single failures of the gigawatt hall are cheap.
import type { PowerGraph, RackTable } from './graph.js';
import { Propagator, shareA, shareB, type FlowState } from './flow.js';

/** Relative tolerance for "over the limit" and "load rose", so rounding never raises an alarm. */
const EPS = 1e-9;

export interface OverloadedElement { element: number; loadKw: number; limitKw: number }

/** A failure that drops racks or overloads something; kept in full for the violation. */
export interface FailureDetail {
  failed: number;
  droppedRacks: number[];
  overloaded: OverloadedElement[];
}

/** One row per element: what happens when that element (alone) fails. */
export interface ScenarioTable {
  /** 1 when the element was live, so its loss is a scenario; elements already down are skipped. */
  evaluated: Uint8Array;
  droppedRacks: Int32Array;
  /** Racks whose load moved to another side (evidence of A/B redundancy). */
  movedRacks: Int32Array;
  /** Highest load / continuous limit among surviving elements whose load rose; 0 when none did. */
  worstUtil: Float64Array;
  /** Element with that utilisation (-1 none) and its load in the scenario. */
  worstElement: Int32Array;
  worstLoadKw: Float64Array;
  details: Map<number, FailureDetail>;
}

export function emptyTable(n: number): ScenarioTable {
  return {
    evaluated: new Uint8Array(n), droppedRacks: new Int32Array(n), movedRacks: new Int32Array(n),
    worstUtil: new Float64Array(n), worstElement: new Int32Array(n).fill(-1), worstLoadKw: new Float64Array(n), details: new Map(),
  };
}

/** Utilisation against the continuous limit; a load on a zero limit is infinitely over. */
export function utilisationOf(loadKw: number, limitKw: number): number {
  if (limitKw > 0) return loadKw / limitKw;
  return loadKw > 0 ? Infinity : 0;
}

/** Scratch that lives for one analysis: the propagator and a per-rack visit stamp. */
export interface FailureScratch {
  p: Propagator;
  rackSeen: Int32Array;
}

export function makeScratch(g: PowerGraph, flow: FlowState, racks: RackTable): FailureScratch {
  return { p: new Propagator(g, flow), rackSeen: new Int32Array(racks.count) };
}

/** Evaluate the loss of element f on top of the normal flow and write row f of the table. */
export function runScenario(s: FailureScratch, racks: RackTable, f: number, out: ScenarioTable): void {
  const { p } = s;
  const { g, flow } = p;
  p.begin();
  out.details.delete(f);
  if (!flow.live[f]) {
    out.evaluated[f] = 0;
    out.droppedRacks[f] = 0;
    out.movedRacks[f] = 0;
    out.worstUtil[f] = 0;
    out.worstElement[f] = -1;
    out.worstLoadKw[f] = 0;
    return;
  }
  p.markDead(f);
  // Everything whose every live source is now gone goes dark too (breadth first, downstream).
  for (let i = 0; i < p.deadCount; i++) {
    const d = p.deadList[i]!;
    for (let k = g.downStart[d]!; k < g.downStart[d + 1]!; k++) {
      const c = g.downList[k]!;
      if (!p.isLive(c)) continue;
      let fed = false;
      for (let j = g.upStart[c]!; j < g.upStart[c + 1]!; j++) {
        if (p.isLive(g.upList[j]!)) {
          fed = true;
          break;
        }
      }
      if (fed) p.requeue(c); // its surviving sources take over its share
      else p.markDead(c);
    }
  }
  // Racks on a lost element move to their other side, or drop.
  const dropped: number[] = [];
  let moved = 0;
  for (let i = 0; i < p.deadCount; i++) {
    const d = p.deadList[i]!;
    for (let k = racks.rackStart[d]!; k < racks.rackStart[d + 1]!; k++) {
      const r = racks.rackList[k]!;
      if (s.rackSeen[r] === p.epoch) continue;
      s.rackSeen[r] = p.epoch;
      const a = racks.feedA[r]!;
      const b = racks.feedB[r]!;
      const la = a >= 0 && flow.live[a] === 1;
      const lb = b >= 0 && flow.live[b] === 1;
      const na = a >= 0 && p.isLive(a);
      const nb = b >= 0 && p.isLive(b);
      const oA = shareA(a, b, la, lb);
      const oB = shareB(a, b, la, lb);
      const nA = shareA(a, b, na, nb);
      const nB = shareB(a, b, na, nb);
      const load = racks.loadKw[r]!;
      if (nA !== oA) p.addLoad(a, load * (nA - oA));
      if (nB !== oB) p.addLoad(b, load * (nB - oB));
      if (oA + oB > 0 && nA + nB === 0) dropped.push(r);
      else if (nA !== oA || nB !== oB) moved += 1;
    }
  }
  p.propagate();

  let worstUtil = 0;
  let worst = -1;
  const overloaded: OverloadedElement[] = [];
  for (let i = 0; i < p.touchedCount; i++) {
    const t = p.touched[i]!;
    if (!p.isLive(t)) continue;
    const load = p.newOut[t]!;
    // Only elements the failure loads more: the rest are no closer to their limit than before.
    if (!(load > flow.outKw[t]! * (1 + EPS) + EPS)) continue;
    const limit = g.continuousKw[t]!;
    const u = utilisationOf(load, limit);
    if (u > worstUtil) {
      worstUtil = u;
      worst = t;
    }
    if (load > limit * (1 + EPS)) overloaded.push({ element: t, loadKw: load, limitKw: limit });
  }
  out.evaluated[f] = 1;
  out.droppedRacks[f] = dropped.length;
  out.movedRacks[f] = moved;
  out.worstUtil[f] = worstUtil;
  out.worstElement[f] = worst;
  out.worstLoadKw[f] = worst >= 0 ? p.newOut[worst]! : 0;
  if (dropped.length > 0 || overloaded.length > 0) {
    overloaded.sort((x, y) => y.loadKw / y.limitKw - x.loadKw / x.limitKw);
    out.details.set(f, { failed: f, droppedRacks: dropped, overloaded });
  }
}

/** Every single-element failure, one after the other on shared scratch space. */
export function analyseFailures(g: PowerGraph, flow: FlowState, racks: RackTable): ScenarioTable {
  const table = emptyTable(g.n);
  const scratch = makeScratch(g, flow, racks);
  for (let f = 0; f < g.n; f++) runScenario(scratch, racks, f, table);
  return table;
}
