// Entry points of the power model: computePower (everything from the document), updatePower
// (after rack edits: only the affected paths and failure scenarios are recomputed) and
// explainElement (the explained figures of one element, built on demand).
import type { ProjectDocument } from '../model/index.js';
import type { Explained, Violation } from '../results/index.js';
import { buildGraph, buildRacks, patchRacks, type PowerGraph, type RackTable } from './graph.js';
import { fullFlow, type FlowState } from './flow.js';
import type { FailureDetail, ScenarioTable } from './failures.js';
import { analyseIndexed, applyRackEdits, refreshScenarios, type TouchIndex } from './incremental.js';
import { elementFigures, explainAt, totals, type ElementExplanation, type ElementFigures } from './figures.js';
import { levelRedundancy, supportedIt, worstFailures, type LevelRedundancy, type WorstFailure } from './levels.js';
import { failureViolations, stateViolations, structureViolations } from './violations.js';
import { buswayRuns, reachViolations, type BuswayRuns } from './reach.js';

/** What the incremental path needs from the previous result; not part of the JSON output. */
export interface PowerState {
  graph: PowerGraph;
  racks: RackTable;
  flow: FlowState;
  table: ScenarioTable;
  index: TouchIndex;
  structure: Violation[];
  /** Busway runs and their tap-off reach, by element (power.feed-out-of-reach). */
  runs: BuswayRuns;
  /** The document parts the graph was built from; a different one means a full recompute. */
  power: ProjectDocument['power'];
  catalog: ProjectDocument['catalog'];
}

export interface PowerResult {
  /** Element ids in the order of every per-element array. */
  elementIds: readonly string[];
  elements: ElementFigures;
  rackIds: readonly string[];
  /** 1 when the rack has at least one live feed now. */
  rackPowered: Uint8Array;
  /** IT load measured at the rack input (IT input), powered racks only. */
  itLoadKw: Explained;
  lossesKw: Explained;
  /** Drawn from the utility feeds: IT load + chain losses. */
  upstreamKw: Explained;
  /** Largest IT load with redundancy intact (tightest element in the worst single failure). */
  supportedItKw: Explained;
  redundancy: LevelRedundancy[];
  worstFailures: WorstFailure[];
  violations: Violation[];
  state: PowerState;
}

export function computePower(doc: ProjectDocument): PowerResult {
  const graph = buildGraph(doc);
  const flow = fullFlow(graph);
  const { table, index } = analyseIndexed(graph, flow, graph.racks);
  return assemble(doc, {
    graph, racks: graph.racks, flow, table, index, structure: structureViolations(graph), runs: buswayRuns(doc, graph),
    power: doc.power, catalog: doc.catalog,
  });
}

/**
 * Recompute after the racks named in `changedRackIds` were edited, moved, added or removed.
 * Any other change (power equipment, catalog) falls back to computePower. `prev` is not modified.
 */
export function updatePower(prev: PowerResult, doc: ProjectDocument, changedIds: readonly string[]): PowerResult {
  const st = prev.state;
  if (doc.power !== st.power || doc.catalog !== st.catalog) return computePower(doc);
  const g = st.graph;
  const before = st.racks;
  const changedRackIds = [...new Set(changedIds)]; // a rack named twice must not move its load twice
  const positions = changedRackIds.map((id) => before.ids.indexOf(id));
  const samePlaces = doc.racks.length === before.count && positions.every((i) => i >= 0 && doc.racks[i]!.id === before.ids[i]);
  const after = samePlaces ? patchRacks(before, doc, g, positions) : buildRacks(doc, g);
  const edits = changedRackIds.map((id, k) => ({ before: positions[k]!, after: samePlaces ? positions[k]! : doc.racks.findIndex((r) => r.id === id) }));
  const { flow, changed } = applyRackEdits(g, st.flow, before, after, edits);
  // A rack on a feed that is down moves no load, yet its feeds' failure scenarios may change.
  const touched = new Set<number>(changed);
  for (const e of edits) {
    for (const [t, r] of [[before, e.before], [after, e.after]] as const) {
      if (r < 0) continue;
      if (t.feedA[r]! >= 0) touched.add(t.feedA[r]!);
      if (t.feedB[r]! >= 0) touched.add(t.feedB[r]!);
    }
  }
  const prevTable = samePlaces ? st.table : renumberRacks(st.table, before, after);
  const { table, index } = refreshScenarios(g, flow, after, prevTable, st.index, Int32Array.from(touched));
  return assemble(doc, { ...st, racks: after, flow, table, index });
}

/** Racks were added or removed: scenarios not re-run keep their dropped racks under the new numbers. */
function renumberRacks(table: ScenarioTable, before: RackTable, after: RackTable): ScenarioTable {
  const now = new Map<string, number>();
  after.ids.forEach((id, r) => now.set(id, r));
  const details = new Map<number, FailureDetail>();
  for (const [f, d] of table.details) {
    const droppedRacks = d.droppedRacks.map((r) => now.get(before.ids[r]!) ?? -1).filter((r) => r >= 0);
    details.set(f, { ...d, droppedRacks });
  }
  return { ...table, details };
}

function assemble(doc: ProjectDocument, st: PowerState): PowerResult {
  const { graph: g, racks, flow, table } = st;
  const elements = elementFigures(g, flow);
  const rackPowered = new Uint8Array(racks.count);
  for (let r = 0; r < racks.count; r++) {
    const a = racks.feedA[r]!;
    const b = racks.feedB[r]!;
    rackPowered[r] = (a >= 0 && flow.live[a]) || (b >= 0 && flow.live[b]) ? 1 : 0;
  }
  const t = totals(g, racks, flow, elements, rackPowered);
  return {
    elementIds: g.ids, elements, rackIds: racks.ids, rackPowered,
    ...t,
    supportedItKw: supportedIt(g, flow, table, t.itLoadKw.value),
    redundancy: levelRedundancy(g, flow, table),
    worstFailures: worstFailures(g, table),
    violations: [
      ...st.structure, ...stateViolations(g, racks, flow, rackPowered), ...reachViolations(doc, racks, st.runs, g), ...failureViolations(g, racks, table),
    ],
    state: st,
  };
}

/** Explained figures of one element, plus what its loss would do; undefined for an unknown id. */
export function explainElement(result: PowerResult, id: string): (ElementExplanation & { ifLost: FailureOutcome | null }) | undefined {
  const { graph: g, racks, table } = result.state;
  const e = g.index.get(id);
  if (e === undefined) return undefined;
  const base = explainAt(g, racks, result.elements, e);
  if (!table.evaluated[e]) return { ...base, ifLost: null };
  const detail = table.details.get(e);
  const w = table.worstElement[e]!;
  return {
    ...base,
    ifLost: {
      droppedRackIds: (detail?.droppedRacks ?? []).map((r) => racks.ids[r]!),
      overloadedIds: (detail?.overloaded ?? []).map((o) => g.ids[o.element]!),
      racksMovedToOtherSide: table.movedRacks[e]!,
      worstElementId: w >= 0 ? g.ids[w]! : null,
      worstUtilisationPct: table.worstUtil[e]! * 100,
    },
  };
}

export interface FailureOutcome {
  droppedRackIds: string[];
  overloadedIds: string[];
  racksMovedToOtherSide: number;
  worstElementId: string | null;
  worstUtilisationPct: number;
}

/** The JSON-friendly part of a result (no typed arrays, no internal state). */
export function powerSummary(r: PowerResult) {
  return {
    itLoadKw: r.itLoadKw, lossesKw: r.lossesKw, upstreamKw: r.upstreamKw, supportedItKw: r.supportedItKw,
    redundancy: r.redundancy, worstFailures: r.worstFailures, violations: r.violations,
  };
}
