// The power chain as a compact graph. Elements and racks are numbered 0..n-1; upstream and
// downstream adjacency live in CSR arrays (start offsets + one flat list) and a topological
// order puts every element after all elements it feeds, so loads flow up in one pass.
// Built once per document in O(elements + racks); the rack table alone is rebuilt on rack edits.
import type { PowerType, ProjectDocument, Rack, RackType } from '../model/index.js';
import { rackLoadKw, rackTypeIndex } from '../model/index.js';
import { continuousFactor, ratedKw } from '../generators/sizing.js';

export const POWER_KINDS = ['utility', 'transformer', 'ups', 'switchboard', 'busway', 'pdu'] as const;
export type PowerKind = (typeof POWER_KINDS)[number];
const KIND_INDEX = new Map<string, number>(POWER_KINDS.map((k, i) => [k, i]));
export const UTILITY = 0;
/** Kind code of an element whose catalog type is missing. */
export const UNKNOWN_KIND = 255;

/** Racks and where each side of their power shelves hangs. */
export interface RackTable {
  count: number;
  ids: string[];
  /** Electrical draw at the rack input (design power x utilisation, model/loads.ts). */
  loadKw: Float64Array;
  /** Element index of feed A / B; -1 when the side is not connected (or names no element). */
  feedA: Int32Array;
  feedB: Int32Array;
  /** Racks hanging from each element on either side (CSR over element index). */
  rackStart: Int32Array;
  rackList: Int32Array;
  /** Feeds naming an element that does not exist. */
  unknownFeeds: { rack: number; id: string }[];
  unknownTypes: number[];
}

export interface PowerGraph {
  n: number;
  ids: string[];
  names: string[];
  index: Map<string, number>;
  typeIds: string[];
  kind: Uint8Array;
  /** 1 when the document's status is 'running'. */
  running: Uint8Array;
  /** 0 shared, 1 side A, 2 side B. */
  side: Int8Array;
  voltageV: Float64Array;
  phases: Uint8Array;
  powerFactor: Float64Array;
  efficiency: Float64Array;
  /** Real power at the rated current (kW) and the continuous share of it. */
  ratedKw: Float64Array;
  continuousKw: Float64Array;
  rated100: Uint8Array;
  upStart: Int32Array;
  upList: Int32Array;
  downStart: Int32Array;
  downList: Int32Array;
  /** Children before parents; elements on or above a loop are left out. */
  order: Int32Array;
  /** Position in `order`, -1 for elements left out. */
  rank: Int32Array;
  unknownUpstreams: { element: number; id: string }[];
  racks: RackTable;
}

function csr(n: number, lists: number[][]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + lists[i]!.length;
  const list = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) list.set(lists[i]!, start[i]!);
  return { start, list };
}

export function buildGraph(doc: ProjectDocument): PowerGraph {
  const n = doc.power.length;
  const types = new Map<string, PowerType>(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  const index = new Map<string, number>();
  doc.power.forEach((e, i) => index.set(e.id, i));
  const g: PowerGraph = {
    n, ids: doc.power.map((e) => e.id), names: doc.power.map((e) => e.name), index, typeIds: doc.power.map((e) => e.typeId),
    kind: new Uint8Array(n), running: new Uint8Array(n), side: new Int8Array(n),
    voltageV: new Float64Array(n), phases: new Uint8Array(n), powerFactor: new Float64Array(n), efficiency: new Float64Array(n),
    ratedKw: new Float64Array(n), continuousKw: new Float64Array(n), rated100: new Uint8Array(n),
    upStart: new Int32Array(0), upList: new Int32Array(0), downStart: new Int32Array(0), downList: new Int32Array(0),
    order: new Int32Array(0), rank: new Int32Array(n), unknownUpstreams: [],
    racks: emptyRacks(n),
  };
  const ups: number[][] = [];
  const downs: number[][] = Array.from({ length: n }, () => []);
  doc.power.forEach((e, i) => {
    const t = types.get(e.typeId);
    g.kind[i] = t ? (KIND_INDEX.get(t.kind) ?? UNKNOWN_KIND) : UNKNOWN_KIND;
    g.running[i] = e.status === 'running' && t !== undefined ? 1 : 0;
    g.side[i] = e.side === 'A' ? 1 : e.side === 'B' ? 2 : 0;
    if (t) {
      g.voltageV[i] = t.voltageV;
      g.phases[i] = t.phases;
      g.powerFactor[i] = t.powerFactor;
      // An efficiency of 0 would make input power infinite; the schema allows it, physics does not.
      g.efficiency[i] = t.efficiency > 0 ? t.efficiency : 1;
      g.ratedKw[i] = ratedKw(t);
      g.continuousKw[i] = ratedKw(t) * continuousFactor(t);
      g.rated100[i] = t.ratedFor100PctContinuous ? 1 : 0;
    }
    const mine: number[] = [];
    for (const uid of e.upstreamIds) {
      const u = index.get(uid);
      if (u === undefined) g.unknownUpstreams.push({ element: i, id: uid });
      else if (u !== i && !mine.includes(u)) {
        mine.push(u);
        downs[u]!.push(i);
      }
    }
    ups.push(mine);
  });
  const up = csr(n, ups);
  const down = csr(n, downs);
  g.upStart = up.start;
  g.upList = up.list;
  g.downStart = down.start;
  g.downList = down.list;
  topoOrder(g);
  g.racks = buildRacks(doc, g);
  return g;
}

/** Kahn's algorithm, children first: an element is placed once everything it feeds is placed. */
function topoOrder(g: PowerGraph): void {
  const pending = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) pending[i] = g.downStart[i + 1]! - g.downStart[i]!;
  const order = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < g.n; i++) if (pending[i] === 0) order[tail++] = i;
  while (head < tail) {
    const e = order[head++]!;
    for (let k = g.upStart[e]!; k < g.upStart[e + 1]!; k++) {
      const u = g.upList[k]!;
      if (--pending[u]! === 0) order[tail++] = u;
    }
  }
  g.order = order.subarray(0, tail);
  g.rank.fill(-1);
  for (let p = 0; p < tail; p++) g.rank[order[p]!] = p;
}

function emptyRacks(n: number): RackTable {
  return {
    count: 0, ids: [], loadKw: new Float64Array(0), feedA: new Int32Array(0), feedB: new Int32Array(0),
    rackStart: new Int32Array(n + 1), rackList: new Int32Array(0), unknownFeeds: [], unknownTypes: [],
  };
}

/** The rack table: loads and feed indices. O(racks); cheap enough to rebuild after any rack edit. */
export function buildRacks(doc: ProjectDocument, g: Pick<PowerGraph, 'n' | 'index'>): RackTable {
  const count = doc.racks.length;
  const t: RackTable = {
    count, ids: new Array<string>(count), loadKw: new Float64Array(count), feedA: new Int32Array(count), feedB: new Int32Array(count),
    rackStart: new Int32Array(g.n + 1), rackList: new Int32Array(0), unknownFeeds: [], unknownTypes: [],
  };
  const typeOf = rackTypeIndex(doc.catalog);
  doc.racks.forEach((rack, r) => fillRack(t, r, rack, doc, typeOf, g.index));
  indexRacks(t, g.n);
  return t;
}

/**
 * The table after editing the racks at `positions` (same rack list otherwise): arrays are copied
 * and patched, and the per-element lists rebuilt only when a feed changed.
 */
export function patchRacks(prev: RackTable, doc: ProjectDocument, g: Pick<PowerGraph, 'n' | 'index'>, positions: readonly number[]): RackTable {
  const t: RackTable = {
    ...prev, ids: prev.ids.slice(), loadKw: prev.loadKw.slice(), feedA: prev.feedA.slice(), feedB: prev.feedB.slice(),
    unknownFeeds: prev.unknownFeeds.filter((u) => !positions.includes(u.rack)),
    unknownTypes: prev.unknownTypes.filter((r) => !positions.includes(r)),
  };
  const typeOf = rackTypeIndex(doc.catalog);
  let feedsChanged = false;
  for (const r of positions) {
    fillRack(t, r, doc.racks[r]!, doc, typeOf, g.index);
    if (t.feedA[r] !== prev.feedA[r] || t.feedB[r] !== prev.feedB[r]) feedsChanged = true;
  }
  if (feedsChanged) indexRacks(t, g.n);
  return t;
}

function fillRack(t: RackTable, r: number, rack: Rack, doc: ProjectDocument, typeOf: Map<string, RackType>, index: Map<string, number>): void {
  t.ids[r] = rack.id;
  const type = typeOf.get(rack.typeId);
  t.loadKw[r] = type ? rackLoadKw(rack, type, doc.catalog) : 0;
  if (!type) t.unknownTypes.push(r);
  const feed = (id: string | null): number => {
    if (id === null) return -1;
    const e = index.get(id);
    if (e === undefined) t.unknownFeeds.push({ rack: r, id });
    return e ?? -1;
  };
  t.feedA[r] = feed(rack.feedA);
  t.feedB[r] = feed(rack.feedB);
}

/** Racks hanging from each element, as CSR (a rack with both cords on one element is listed once). */
function indexRacks(t: RackTable, n: number): void {
  const start = new Int32Array(n + 1);
  for (let r = 0; r < t.count; r++) {
    const a = t.feedA[r]!;
    const b = t.feedB[r]!;
    if (a >= 0) start[a + 1]! += 1;
    if (b >= 0 && b !== a) start[b + 1]! += 1;
  }
  for (let e = 0; e < n; e++) start[e + 1]! += start[e]!;
  const list = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let r = 0; r < t.count; r++) {
    const a = t.feedA[r]!;
    const b = t.feedB[r]!;
    if (a >= 0) list[fill[a]!++] = r;
    if (b >= 0 && b !== a) list[fill[b]!++] = r;
  }
  t.rackStart = start;
  t.rackList = list;
}

export function kindOf(g: PowerGraph, e: number): PowerKind | 'unknown' {
  return POWER_KINDS[g.kind[e]!] ?? 'unknown';
}
