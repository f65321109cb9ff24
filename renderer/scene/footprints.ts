// Where every placed object stands, by id: the one lookup the camera (frame these objects), the
// labels, the violation markers and the cables share. Cached per document object, which is
// immutable (every operation yields a new one); an edit's document is derived from the last one
// built: only the changed records' footprints are new (a full build of the gigawatt hall's 38,000
// footprints cost ~30 ms on the UI thread per edit).
import type { ProjectDocument } from '../../engine/model/index';

/** Height busways hang at when the hall does not say: above a 2.3 m rack with room to work. */
export const BUSWAY_Z = 2.9;

export interface Footprint {
  id: string;
  name: string;
  /** Centre on the floor and the box's bottom height, metres (hall coordinates, z up). */
  x: number;
  y: number;
  z0: number;
  /** Extents along the object's front (x at rotation 0), depth (y) and height (z). */
  w: number;
  d: number;
  h: number;
  rotationDeg: number;
  kind: 'rack' | 'cooling' | 'power' | 'containment' | 'tray';
}

export interface Box3Like { min: [number, number, number]; max: [number, number, number] }

/** Footprints by object id. */
export interface FootprintIndex { get(id: string): Footprint | undefined }

/**
 * A full build plus the footprints that changed since (never removed or added: a patch keeps the
 * ids), so an edit costs a copy of the few changed entries, not of the 38,000 others.
 */
class Layered implements FootprintIndex {
  constructor(readonly base: Map<string, Footprint>, readonly changed: Map<string, Footprint>) {}
  get(id: string): Footprint | undefined {
    return this.changed.get(id) ?? this.base.get(id);
  }
}

const cache = new WeakMap<ProjectDocument, Layered>();
/** The index built last: the next document (usually one edit later) is derived from it. */
let last: { doc: ProjectDocument; index: Layered } | null = null;

type Lookups = ReturnType<typeof lookupsOf>;
function lookupsOf(doc: ProjectDocument) {
  return {
    rack: new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t])),
    cooling: new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t])),
    power: new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t])),
  };
}

const SECTIONS = ['racks', 'cooling', 'power', 'containment', 'trays'] as const;
type Section = typeof SECTIONS[number];
type Rec = ProjectDocument[Section][number];

function footprintOf(section: Section, rec: Rec, types: Lookups): Footprint | undefined {
  switch (section) {
    case 'racks': {
      const r = rec as ProjectDocument['racks'][number];
      const t = types.rack.get(r.typeId);
      return t === undefined ? undefined : { id: r.id, name: r.name, x: r.position.x, y: r.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: r.rotationDeg, kind: 'rack' };
    }
    case 'cooling': {
      const u = rec as ProjectDocument['cooling'][number];
      const t = types.cooling.get(u.typeId);
      return t === undefined ? undefined : { id: u.id, name: u.name, x: u.position.x, y: u.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: u.rotationDeg, kind: 'cooling' };
    }
    case 'power': {
      const e = rec as ProjectDocument['power'][number];
      const t = types.power.get(e.typeId);
      if (t === undefined) return undefined;
      const busway = t.kind === 'busway';
      return {
        id: e.id, name: e.name, x: e.position.x, y: e.position.y, z0: busway ? BUSWAY_Z : 0,
        w: busway ? (e.lengthM ?? t.widthM) : t.widthM, d: t.depthM, h: t.heightM, rotationDeg: e.rotationDeg, kind: 'power',
      };
    }
    case 'containment': {
      const c = rec as ProjectDocument['containment'][number];
      return {
        id: c.id, name: c.name, x: (c.min.x + c.max.x) / 2, y: (c.min.y + c.max.y) / 2, z0: 0,
        w: c.max.x - c.min.x, d: c.max.y - c.min.y, h: c.heightM, rotationDeg: 0, kind: 'containment',
      };
    }
    case 'trays': {
      const t = rec as ProjectDocument['trays'][number];
      const xs = t.points.map((p) => p.x), ys = t.points.map((p) => p.y);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      return { id: t.id, name: t.name, x: (x0 + x1) / 2, y: (y0 + y1) / 2, z0: t.elevationM, w: x1 - x0, d: y1 - y0, h: 0.1, rotationDeg: 0, kind: 'tray' };
    }
  }
}

function buildIndex(doc: ProjectDocument): Map<string, Footprint> {
  const out = new Map<string, Footprint>();
  const types = lookupsOf(doc);
  for (const section of SECTIONS) {
    for (const rec of doc[section] as readonly Rec[]) {
      const f = footprintOf(section, rec, types);
      if (f !== undefined) out.set(rec.id, f);
    }
  }
  return out;
}

/** Past this many changed records since the last full build, build afresh. */
const PATCH_MAX = 2000;

/**
 * `index` (of `prev`) updated to `doc` when they differ only in some records, same ids in the same
 * order and the same catalog: a copy with those records' footprints replaced, the rest shared.
 * Null otherwise (records added, removed or reordered), and for ids that repeat across sections,
 * where which footprint wins depends on the build order.
 */
function patchIndex(prev: ProjectDocument, index: Layered, doc: ProjectDocument): Layered | null {
  if (prev.catalog !== doc.catalog) return null;
  const changed: [Section, Rec][] = [];
  for (const section of SECTIONS) {
    const a = prev[section] as readonly Rec[], b = doc[section] as readonly Rec[];
    if (a === b) continue;
    if (a.length !== b.length) return null;
    for (let i = 0; i < b.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i]!.id !== b[i]!.id || changed.length + index.changed.size >= PATCH_MAX) return null;
      changed.push([section, b[i]!]);
    }
  }
  const out = new Map(index.changed);
  const types = lookupsOf(doc);
  for (const [section, rec] of changed) {
    const before = index.get(rec.id);
    // Known under another section (a repeated id), or drawn only now or no longer: rebuild.
    if (before !== undefined && before.kind !== KIND[section]) return null;
    const f = footprintOf(section, rec, types);
    if ((f === undefined) !== (before === undefined)) return null;
    if (f !== undefined) out.set(rec.id, f);
  }
  return new Layered(index.base, out);
}
const KIND: Record<Section, Footprint['kind']> = { racks: 'rack', cooling: 'cooling', power: 'power', containment: 'containment', trays: 'tray' };

export function footprintIndex(doc: ProjectDocument): FootprintIndex {
  const hit = cache.get(doc);
  // The document asked for last (after an undo, an older one) is the best base for the next edit.
  if (hit !== undefined) { last = { doc, index: hit }; return hit; }
  const out = (last === null ? null : patchIndex(last.doc, last.index, doc)) ?? new Layered(buildIndex(doc), new Map());
  cache.set(doc, out);
  last = { doc, index: out };
  return out;
}

/** Axis-aligned bounds of the named objects (turned footprints included), or null if none is known. */
export function boundsOf(doc: ProjectDocument, ids: readonly string[]): Box3Like | null {
  const index = footprintIndex(doc);
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  let any = false;
  for (const id of ids) {
    const f = index.get(id);
    if (f === undefined) continue;
    any = true;
    const a = (f.rotationDeg * Math.PI) / 180;
    // Half extents of the turned rectangle along x and y.
    const hx = (Math.abs(Math.cos(a)) * f.w + Math.abs(Math.sin(a)) * f.d) / 2;
    const hy = (Math.abs(Math.sin(a)) * f.w + Math.abs(Math.cos(a)) * f.d) / 2;
    min[0] = Math.min(min[0], f.x - hx); max[0] = Math.max(max[0], f.x + hx);
    min[1] = Math.min(min[1], f.y - hy); max[1] = Math.max(max[1], f.y + hy);
    min[2] = Math.min(min[2], f.z0); max[2] = Math.max(max[2], f.z0 + f.h);
  }
  return any ? { min, max } : null;
}

/** Rows as the floor shows them: name, the racks' extent along the row and its axis. */
export interface RowExtent { id: string; name: string; a: [number, number]; b: [number, number]; lengthM: number; racks: number; maxH: number }

/** Each row's racks (ids, in document order) and extent, as last measured. */
interface RowsMeasured { doc: ProjectDocument; members: Map<string, string[]>; extents: Map<string, RowExtent | null>; out: RowExtent[] }
let lastRows: RowsMeasured | null = null;

function extentOf(doc: ProjectDocument, row: ProjectDocument['rows'][number], ids: readonly string[] | undefined): RowExtent | null {
  if (ids === undefined) return null;
  const b = boundsOf(doc, ids);
  if (b === null) return null;
  const along = b.max[0] - b.min[0] >= b.max[1] - b.min[1];
  const cx = (b.min[0] + b.max[0]) / 2, cy = (b.min[1] + b.max[1]) / 2;
  return {
    id: row.id, name: row.name, racks: ids.length, maxH: b.max[2],
    a: along ? [b.min[0], cy] : [cx, b.min[1]], b: along ? [b.max[0], cy] : [cx, b.max[1]],
    lengthM: along ? b.max[0] - b.min[0] : b.max[1] - b.min[1],
  };
}

/**
 * The rows to measure again going from `prev` to `doc`: those of the racks that changed (their
 * old and new row), when only racks changed in place (same ids, same order, same rows and
 * catalog); null when everything must be measured again. A one-rack move on the gigawatt hall
 * measures one row instead of 400 (7-25 ms per edit, for the row labels and dimensions).
 */
function rowsTouched(prev: ProjectDocument, doc: ProjectDocument): Set<string> | null {
  if (prev.rows !== doc.rows || prev.catalog !== doc.catalog) return null;
  const a = prev.racks, b = doc.racks;
  if (a.length !== b.length) return null;
  const touched = new Set<string>();
  for (let i = 0; i < b.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i]!.id !== b[i]!.id || a[i]!.rowId !== b[i]!.rowId) return null;
    if (b[i]!.rowId !== null) touched.add(b[i]!.rowId!);
  }
  return touched;
}

function measureRows(doc: ProjectDocument): RowsMeasured {
  const members = new Map<string, string[]>();
  for (const r of doc.racks) {
    if (r.rowId === null) continue;
    let list = members.get(r.rowId);
    if (list === undefined) members.set(r.rowId, (list = []));
    list.push(r.id);
  }
  const extents = new Map(doc.rows.map((row) => [row.id as string, extentOf(doc, row, members.get(row.id))]));
  return { doc, members, extents, out: [...extents.values()].filter((e) => e !== null) };
}

/** rowExtents measured afresh, every row (no cache read or written): what the incremental path must equal. */
export const rowExtentsAfresh = (doc: ProjectDocument): RowExtent[] => measureRows(doc).out;

/** Each row's ends, length and height, in document order (rows without racks left out). */
export function rowExtents(doc: ProjectDocument): RowExtent[] {
  const prev = lastRows;
  if (prev !== null && prev.doc === doc) return prev.out;
  const touched = prev === null ? null : rowsTouched(prev.doc, doc);
  if (prev === null || touched === null) {
    lastRows = measureRows(doc);
    return lastRows.out;
  }
  const extents = new Map(prev.extents);
  for (const row of doc.rows) if (touched.has(row.id)) extents.set(row.id, extentOf(doc, row, prev.members.get(row.id)));
  lastRows = { doc, members: prev.members, extents, out: touched.size === 0 ? prev.out : [...extents.values()].filter((e) => e !== null) };
  return lastRows.out;
}
