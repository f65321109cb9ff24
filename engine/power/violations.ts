// Power problems as violations naming the objects involved: the structure of the chain (feeds,
// sources, loops), the present state (overloads, racks without power) and the single-failure
// what-ifs (a loss that drops racks, or overloads what is left).
import type { Violation } from '../results/index.js';
import type { FlowState } from './flow.js';
import type { ScenarioTable } from './failures.js';
import { kindOf, UTILITY, type PowerGraph, type RackTable } from './graph.js';
import { RULE_100, RULE_80 } from './figures.js';

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const kw = (x: number) => `${x.toFixed(1)} kW`;

/** Problems of the chain itself, independent of rack loads. */
export function structureViolations(g: PowerGraph): Violation[] {
  const out: Violation[] = [];
  for (const { element, id } of g.unknownUpstreams) {
    out.push({ code: 'power.unknown-upstream', severity: 'error', message: `${g.names[element]!} names a source "${id}" that does not exist`, objectIds: [g.ids[element]!] });
  }
  for (let e = 0; e < g.n; e++) {
    const name = g.names[e]!;
    if (kindOf(g, e) === 'unknown') {
      out.push({ code: 'power.unknown-type', severity: 'error', message: `${name} has no power type "${g.typeIds[e]!}" in the catalog`, objectIds: [g.ids[e]!] });
    }
    if (g.rank[e]! < 0) {
      out.push({ code: 'power.loop', severity: 'error', message: `${name} is on or above a loop of feeds; it is treated as unpowered`, objectIds: [g.ids[e]!] });
    }
    if (g.kind[e] !== UTILITY && g.upStart[e + 1] === g.upStart[e]) {
      out.push({ code: 'power.no-source', severity: 'error', message: `${name} (${kindOf(g, e)}) has no upstream source and is not a utility feed`, objectIds: [g.ids[e]!] });
    }
  }
  return out;
}

/** Present state: overloads, elements cut off, and racks badly fed or without power. */
export function stateViolations(g: PowerGraph, racks: RackTable, flow: FlowState, rackPowered: Uint8Array): Violation[] {
  const out: Violation[] = [];
  for (let e = 0; e < g.n; e++) {
    const load = flow.outKw[e]!;
    const limit = g.continuousKw[e]!;
    if (flow.live[e] && load > limit * (1 + 1e-9)) {
      out.push({
        code: 'power.overload', severity: 'error',
        message: `${g.names[e]!} carries ${kw(load)}, ${limit > 0 ? pct(load / limit) : 'over'} of its continuous limit ${kw(limit)} (${g.rated100[e] ? RULE_100 : RULE_80})`,
        objectIds: [g.ids[e]!],
      });
    }
    const feeds = g.downStart[e + 1]! > g.downStart[e]! || racks.rackStart[e + 1]! > racks.rackStart[e]!;
    if (!flow.live[e] && g.running[e] && g.upStart[e + 1]! > g.upStart[e]! && feeds && g.kind[e] !== UTILITY) {
      out.push({ code: 'power.unfed', severity: 'warning', message: `${g.names[e]!} is running but none of its sources is live`, objectIds: [g.ids[e]!] });
    }
  }
  const unknown = new Set(racks.unknownFeeds.map((u) => u.rack));
  for (const { rack, id } of racks.unknownFeeds) {
    out.push({ code: 'power.unknown-feed', severity: 'error', message: `rack ${racks.ids[rack]!} is fed from "${id}", which does not exist`, objectIds: [racks.ids[rack]!] });
  }
  for (const r of racks.unknownTypes) {
    out.push({ code: 'power.unknown-rack-type', severity: 'error', message: `rack ${racks.ids[r]!} has no rack type in the catalog; its load is taken as 0 kW`, objectIds: [racks.ids[r]!] });
  }
  for (let r = 0; r < racks.count; r++) {
    const a = racks.feedA[r]!;
    const b = racks.feedB[r]!;
    const id = racks.ids[r]!;
    if (a < 0 && b < 0) {
      if (!unknown.has(r)) out.push({ code: 'power.rack-no-feed', severity: 'error', message: `rack ${id} has no power feed`, objectIds: [id] });
      continue;
    }
    if (a < 0 || b < 0 || a === b) {
      out.push({
        code: 'power.rack-single-fed', severity: 'warning',
        message: a === b ? `rack ${id} has both cords on ${g.names[a]!}: one failure drops it` : `rack ${id} has only one feed: one failure drops it`,
        objectIds: [id, g.ids[a >= 0 ? a : b]!],
      });
    } else if (g.side[a] === 2 || g.side[b] === 1 || (g.side[a] !== 0 && g.side[a] === g.side[b])) {
      out.push({
        code: 'power.feed-side', severity: 'warning',
        message: `rack ${id}: feed A ${g.names[a]!} is on side ${sideName(g.side[a]!)} and feed B ${g.names[b]!} on side ${sideName(g.side[b]!)}`,
        objectIds: [id, g.ids[a]!, g.ids[b]!],
      });
    }
    if (!rackPowered[r]) {
      out.push({ code: 'power.rack-unpowered', severity: 'error', message: `rack ${id} has no live feed: it is without power now`, objectIds: [id, ...[a, b].filter((x) => x >= 0).map((x) => g.ids[x]!)] });
    }
  }
  return out;
}

const sideName = (s: number) => (s === 1 ? 'A' : s === 2 ? 'B' : 'shared');

/** One violation per single failure that drops racks or overloads a survivor. */
export function failureViolations(g: PowerGraph, racks: RackTable, table: ScenarioTable): Violation[] {
  const out: Violation[] = [];
  const failed = [...table.details.keys()].sort((x, y) => x - y);
  for (const f of failed) {
    const d = table.details.get(f)!;
    const what = `loss of ${g.names[f]!} (${kindOf(g, f)})`;
    if (d.droppedRacks.length > 0) {
      out.push({
        code: 'power.failure-drops-racks', severity: 'error',
        message: `${what} leaves ${d.droppedRacks.length} rack(s) without power`,
        objectIds: [g.ids[f]!, ...d.droppedRacks.map((r) => racks.ids[r]!)],
      });
    }
    if (d.overloaded.length > 0) {
      const top = d.overloaded[0]!;
      out.push({
        code: 'power.failure-overload', severity: 'error',
        message: `${what} overloads ${d.overloaded.length} element(s); worst ${g.names[top.element]!} at ${kw(top.loadKw)}, ${pct(top.loadKw / top.limitKw)} of its continuous limit`,
        objectIds: [g.ids[f]!, ...d.overloaded.map((o) => g.ids[o.element]!)],
      });
    }
  }
  return out;
}
