// Where every placed object stands, by id: the one lookup the camera (frame these objects), the
// labels, the violation markers and the cables share. Cached per document object, which is
// immutable (every operation yields a new one), so a rebuild happens once per edit.
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

const cache = new WeakMap<ProjectDocument, Map<string, Footprint>>();

export function footprintIndex(doc: ProjectDocument): Map<string, Footprint> {
  const hit = cache.get(doc);
  if (hit !== undefined) return hit;
  const out = new Map<string, Footprint>();
  const rackTypes = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  for (const r of doc.racks) {
    const t = rackTypes.get(r.typeId);
    if (t === undefined) continue;
    out.set(r.id, { id: r.id, name: r.name, x: r.position.x, y: r.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: r.rotationDeg, kind: 'rack' });
  }
  const coolingTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  for (const u of doc.cooling) {
    const t = coolingTypes.get(u.typeId);
    if (t === undefined) continue;
    out.set(u.id, { id: u.id, name: u.name, x: u.position.x, y: u.position.y, z0: 0, w: t.widthM, d: t.depthM, h: t.heightM, rotationDeg: u.rotationDeg, kind: 'cooling' });
  }
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  for (const e of doc.power) {
    const t = powerTypes.get(e.typeId);
    if (t === undefined) continue;
    const busway = t.kind === 'busway';
    out.set(e.id, {
      id: e.id, name: e.name, x: e.position.x, y: e.position.y, z0: busway ? BUSWAY_Z : 0,
      w: busway ? (e.lengthM ?? t.widthM) : t.widthM, d: t.depthM, h: t.heightM, rotationDeg: e.rotationDeg, kind: 'power',
    });
  }
  for (const c of doc.containment) {
    out.set(c.id, {
      id: c.id, name: c.name, x: (c.min.x + c.max.x) / 2, y: (c.min.y + c.max.y) / 2, z0: 0,
      w: c.max.x - c.min.x, d: c.max.y - c.min.y, h: c.heightM, rotationDeg: 0, kind: 'containment',
    });
  }
  for (const t of doc.trays) {
    const xs = t.points.map((p) => p.x), ys = t.points.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    out.set(t.id, { id: t.id, name: t.name, x: (x0 + x1) / 2, y: (y0 + y1) / 2, z0: t.elevationM, w: x1 - x0, d: y1 - y0, h: 0.1, rotationDeg: 0, kind: 'tray' });
  }
  cache.set(doc, out);
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

export function rowExtents(doc: ProjectDocument): RowExtent[] {
  const byRow = new Map<string, string[]>();
  for (const r of doc.racks) {
    if (r.rowId === null) continue;
    let list = byRow.get(r.rowId);
    if (list === undefined) byRow.set(r.rowId, (list = []));
    list.push(r.id);
  }
  const out: RowExtent[] = [];
  for (const row of doc.rows) {
    const ids = byRow.get(row.id);
    if (ids === undefined) continue;
    const b = boundsOf(doc, ids);
    if (b === null) continue;
    const along = b.max[0] - b.min[0] >= b.max[1] - b.min[1];
    const cx = (b.min[0] + b.max[0]) / 2, cy = (b.min[1] + b.max[1]) / 2;
    out.push({
      id: row.id, name: row.name, racks: ids.length, maxH: b.max[2],
      a: along ? [b.min[0], cy] : [cx, b.min[1]], b: along ? [b.max[0], cy] : [cx, b.max[1]],
      lengthM: along ? b.max[0] - b.min[0] : b.max[1] - b.min[1],
    });
  }
  return out;
}
