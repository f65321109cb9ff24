// What the single-failure table says about the chain as a whole: the redundancy each level
// actually achieves (read from the graph and the loads, never from a label), the worst failure
// of each element class, and the largest IT load the chain carries with its redundancy intact.
import type { Explained } from '../results/index.js';
import { explained } from '../results/index.js';
import type { FlowState } from './flow.js';
import type { ScenarioTable } from './failures.js';
import { utilisationOf } from './failures.js';
import { POWER_KINDS, type PowerGraph, type PowerKind } from './graph.js';

export type Redundancy = 'none' | 'N' | 'N+1' | '2N';

export interface LevelRedundancy {
  kind: PowerKind;
  /** Elements of this kind that are live (and so were failed one at a time). */
  elements: number;
  /**
   * none: some element of the level is over its continuous limit in normal operation (less than N);
   * N: losing one element drops racks or overloads what is left (capacity, no redundancy);
   * N+1: every loss is absorbed by parallel units of the same level (label N+k with k spares);
   * 2N: every loss is absorbed, at least one by racks moving to their other (A/B) side.
   */
  redundancy: Redundancy;
  label: string;
  spareUnits: number | null;
  failuresDroppingRacks: number;
  failuresOverloading: number;
  note: string;
}

export function levelRedundancy(g: PowerGraph, flow: FlowState, table: ScenarioTable): LevelRedundancy[] {
  const levels: LevelRedundancy[] = [];
  POWER_KINDS.forEach((kind, k) => {
    let count = 0;
    let present = 0;
    let drops = 0;
    let overloads = 0;
    let moves = 0;
    let overNormal = 0;
    for (let e = 0; e < g.n; e++) {
      if (g.kind[e] !== k) continue;
      present += 1;
      if (!table.evaluated[e]) continue;
      count += 1;
      if (table.droppedRacks[e]! > 0) drops += 1;
      else if ((table.details.get(e)?.overloaded.length ?? 0) > 0) overloads += 1;
      if (table.movedRacks[e]! > 0) moves += 1;
      if (flow.outKw[e]! > g.continuousKw[e]! * (1 + 1e-9)) overNormal += 1;
    }
    if (present === 0) return;
    const spares = spareUnits(g, flow, k);
    let redundancy: Redundancy;
    let note: string;
    if (count === 0) {
      redundancy = 'none';
      note = 'no element of this level is live';
    } else if (overNormal > 0) {
      redundancy = 'none';
      note = `${overNormal} element(s) over their continuous limit in normal operation`;
    } else if (drops > 0) {
      redundancy = 'N';
      note = `${drops} single failure(s) leave racks without power`;
    } else if (overloads > 0) {
      redundancy = 'N';
      note = `an alternate path exists, but ${overloads} single failure(s) overload what is left`;
    } else if (moves > 0) {
      redundancy = '2N';
      note = 'every single failure is carried by the racks\u2019 other side within continuous limits';
    } else {
      redundancy = 'N+1';
      note = 'every single failure is carried by parallel units of this level within continuous limits';
    }
    const label = redundancy === 'N+1' && spares !== null && spares > 1 ? `N+${spares}` : redundancy;
    levels.push({ kind, elements: count, redundancy, label, spareUnits: spares, failuresDroppingRacks: drops, failuresOverloading: overloads, note });
  });
  return levels;
}

/**
 * Spare units among parallel sources of one kind: for every element fed by two or more live
 * sources of that kind, k = units - ceil(load they carry / smallest continuous limit). Null when
 * the level has no parallel group.
 */
function spareUnits(g: PowerGraph, flow: FlowState, kind: number): number | null {
  let best: number | null = null;
  for (let c = 0; c < g.n; c++) {
    let units = 0;
    let load = 0;
    let minLimit = Infinity;
    for (let j = g.upStart[c]!; j < g.upStart[c + 1]!; j++) {
      const u = g.upList[j]!;
      if (g.kind[u] !== kind || !flow.live[u]) continue;
      units += 1;
      load += flow.outKw[u]!;
      minLimit = Math.min(minLimit, g.continuousKw[u]!);
    }
    if (units < 2 || !(minLimit > 0)) continue;
    const k = units - Math.ceil(load / minLimit - 1e-9);
    best = best === null ? k : Math.min(best, k);
  }
  return best;
}

export interface WorstFailure {
  kind: PowerKind;
  failedId: string;
  droppedRacks: number;
  /** Of the elements the failure loads more, the one closest to (or furthest over) its limit. */
  worstElementId: string | null;
  utilisation: Explained;
}

/** Per element class, the single failure that drops most racks, then loads a survivor most. */
export function worstFailures(g: PowerGraph, table: ScenarioTable): WorstFailure[] {
  const out: WorstFailure[] = [];
  POWER_KINDS.forEach((kind, k) => {
    let best = -1;
    for (let e = 0; e < g.n; e++) {
      if (g.kind[e] !== k || !table.evaluated[e]) continue;
      if (best < 0) best = e;
      else {
        const d = table.droppedRacks[e]! - table.droppedRacks[best]!;
        if (d > 0 || (d === 0 && table.worstUtil[e]! > table.worstUtil[best]!)) best = e;
      }
    }
    if (best < 0) return;
    const w = table.worstElement[best]!;
    const limit = w >= 0 ? g.continuousKw[w]! : 0;
    const load = table.worstLoadKw[best]!;
    out.push({
      kind, failedId: g.ids[best]!, droppedRacks: table.droppedRacks[best]!, worstElementId: w >= 0 ? g.ids[w]! : null,
      utilisation: explained(table.worstUtil[best]! * 100, '%', 'u = P_out after the failure / continuous limit', [
        { name: 'failed element', value: g.ids[best]!, unit: '' },
        { name: 'most loaded survivor', value: w >= 0 ? g.ids[w]! : 'none', unit: '' },
        { name: 'P_out after the failure', value: load, unit: 'kW' },
        { name: 'continuous limit', value: limit, unit: 'kW' },
        { name: 'racks left without power', value: table.droppedRacks[best]!, unit: 'racks' },
      ], 'single-failure analysis of the power graph'),
    });
  });
  return out;
}

/**
 * Largest IT load with redundancy intact. Every element load is linear in the rack loads (shares
 * and efficiencies do not depend on load), so scaling all racks by s scales every load by s:
 * P_IT,max = P_IT / u_max, with u_max the highest load/limit over normal operation and, for every
 * single failure that keeps all racks powered, over the elements it loads more (the others are no
 * closer to their limit than in normal operation). Failures that drop racks do so at any load and
 * are counted apart (they are violations of their own).
 */
export function supportedIt(g: PowerGraph, flow: FlowState, table: ScenarioTable, itKw: number): Explained {
  let uMax = 0;
  let tight = -1;
  let scenario = -1;
  for (let e = 0; e < g.n; e++) {
    if (!flow.live[e]) continue;
    const u = utilisationOf(flow.outKw[e]!, g.continuousKw[e]!);
    if (u > uMax) {
      uMax = u;
      tight = e;
    }
  }
  let dropping = 0;
  for (let f = 0; f < g.n; f++) {
    if (!table.evaluated[f]) continue;
    if (table.droppedRacks[f]! > 0) {
      dropping += 1;
      continue;
    }
    if (table.worstUtil[f]! > uMax) {
      uMax = table.worstUtil[f]!;
      tight = table.worstElement[f]!;
      scenario = f;
    }
  }
  const value = uMax > 0 && Number.isFinite(uMax) ? itKw / uMax : 0;
  const loadKw = tight < 0 ? 0 : scenario < 0 ? flow.outKw[tight]! : table.worstLoadKw[scenario]!;
  return explained(value, 'kW', 'P_IT,max = P_IT / u_max, u_max = max over normal operation and each single failure of P_out / continuous limit', [
    { name: 'IT load now (rack input)', value: itKw, unit: 'kW' },
    { name: 'tightest element', value: tight >= 0 ? g.ids[tight]! : 'none', unit: '' },
    { name: 'in scenario', value: scenario >= 0 ? `loss of ${g.ids[scenario]!}` : 'normal operation', unit: '' },
    { name: 'its load then', value: loadKw, unit: 'kW' },
    { name: 'its continuous limit', value: tight >= 0 ? g.continuousKw[tight]! : 0, unit: 'kW' },
    { name: 'u_max', value: uMax, unit: '' },
    { name: 'single failures that drop racks at any load (excluded)', value: dropping, unit: '' },
  ], 'loads are linear in IT load; single-failure analysis of the power graph');
}
