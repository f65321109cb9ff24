// The placed objects as boxes in hall coordinates (footprint on the floor, bottom and height):
// what picking, collision and snapping look at. Busways hang overhead (they never block the
// floor); containment and trays are boxes too so they can be picked and moved.
import type { Footprint, ProjectDocument } from '../../engine/model/index';
import { footprint } from '../../engine/model/index';

/** Height busways hang at (the scene draws them there too, HallObjects.tsx). */
export const BUSWAY_Z = 2.9;

export type Section = 'racks' | 'cooling' | 'power' | 'trays' | 'containment';

export interface ObjectBox {
  id: string;
  section: Section;
  name: string;
  fp: Footprint;
  z0: number;
  h: number;
  /** Stands on the floor and keeps others out of its footprint. */
  blocking: boolean;
}

const TRAY_HALF_WIDTH_M = 0.15;
const TRAY_HEIGHT_M = 0.1;

/**
 * Boxes already made, by record object, per catalog (the types give the sizes). Documents are
 * immutable and an edit replaces only the records it changes, so the next document's boxes are
 * the previous ones but for those: building all 38,000 of a gigawatt hall afresh took ~50 ms per
 * inspector edit (its collision check) and again for the next click. Boxes are never mutated.
 */
const made = new WeakMap<ProjectDocument['catalog'], WeakMap<object, ObjectBox>>();

export function objectBoxes(doc: ProjectDocument): ObjectBox[] {
  let cache = made.get(doc.catalog);
  if (cache === undefined) made.set(doc.catalog, (cache = new WeakMap()));
  const out: ObjectBox[] = [];
  const keep = (rec: object, box: ObjectBox | null) => {
    if (box === null) return;
    cache.set(rec, box);
    out.push(box);
  };
  let rackTypes: Map<string, ProjectDocument['catalog']['rackTypes'][number]> | undefined;
  for (const r of doc.racks) {
    const hit = cache.get(r);
    if (hit !== undefined) { out.push(hit); continue; }
    rackTypes ??= new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
    const t = rackTypes.get(r.typeId);
    keep(r, t === undefined ? null : { id: r.id, section: 'racks', name: r.name, fp: footprint(r.position, t.widthM, t.depthM, r.rotationDeg), z0: 0, h: t.heightM, blocking: true });
  }
  let coolingTypes: Map<string, ProjectDocument['catalog']['coolingTypes'][number]> | undefined;
  for (const u of doc.cooling) {
    const hit = cache.get(u);
    if (hit !== undefined) { out.push(hit); continue; }
    coolingTypes ??= new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
    const t = coolingTypes.get(u.typeId);
    keep(u, t === undefined ? null : { id: u.id, section: 'cooling', name: u.name, fp: footprint(u.position, t.widthM, t.depthM, u.rotationDeg), z0: 0, h: t.heightM, blocking: true });
  }
  let powerTypes: Map<string, ProjectDocument['catalog']['powerTypes'][number]> | undefined;
  for (const e of doc.power) {
    const hit = cache.get(e);
    if (hit !== undefined) { out.push(hit); continue; }
    powerTypes ??= new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
    const t = powerTypes.get(e.typeId);
    if (t === undefined) continue;
    const busway = t.kind === 'busway';
    keep(e, {
      id: e.id, section: 'power', name: e.name, fp: footprint(e.position, busway ? (e.lengthM ?? t.widthM) : t.widthM, t.depthM, e.rotationDeg),
      z0: busway ? BUSWAY_Z : 0, h: t.heightM, blocking: !busway,
    });
  }
  for (const c of doc.containment) {
    keep(c, cache.get(c) ?? { id: c.id, section: 'containment', name: c.name, fp: { minX: c.min.x, minY: c.min.y, maxX: c.max.x, maxY: c.max.y }, z0: 0, h: c.heightM, blocking: false });
  }
  for (const t of doc.trays) {
    const hit = cache.get(t);
    if (hit !== undefined) { out.push(hit); continue; }
    const xs = t.points.map((p) => p.x), ys = t.points.map((p) => p.y);
    keep(t, {
      id: t.id, section: 'trays', name: t.name, z0: t.elevationM, h: TRAY_HEIGHT_M, blocking: false,
      fp: { minX: Math.min(...xs) - TRAY_HALF_WIDTH_M, minY: Math.min(...ys) - TRAY_HALF_WIDTH_M, maxX: Math.max(...xs) + TRAY_HALF_WIDTH_M, maxY: Math.max(...ys) + TRAY_HALF_WIDTH_M },
    });
  }
  return out;
}

export function sectionOf(doc: ProjectDocument, id: string): Section | null {
  for (const s of ['racks', 'cooling', 'power', 'trays', 'containment'] as const) {
    if ((doc[s] as readonly { id: string }[]).some((o) => o.id === id)) return s;
  }
  return null;
}

/** Smallest box around several footprints. */
export function boundsOf(fps: readonly Footprint[]): Footprint | null {
  if (fps.length === 0) return null;
  return fps.reduce((a, b) => ({ minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) }));
}

/** A ray in hall coordinates (z up) against axis-aligned boxes: the nearest hit, if any. */
export function pickBox(boxes: readonly ObjectBox[], origin: readonly [number, number, number], dir: readonly [number, number, number]): ObjectBox | null {
  let best: ObjectBox | null = null;
  let bestT = Infinity;
  for (const b of boxes) {
    const lo = [b.fp.minX, b.fp.minY, b.z0], hi = [b.fp.maxX, b.fp.maxY, b.z0 + b.h];
    let t0 = 0, t1 = Infinity;
    for (let k = 0; k < 3; k++) {
      const o = origin[k]!, d = dir[k]!;
      if (Math.abs(d) < 1e-12) { if (o < lo[k]! || o > hi[k]!) { t0 = Infinity; break; } continue; }
      let a = (lo[k]! - o) / d, c = (hi[k]! - o) / d;
      if (a > c) [a, c] = [c, a];
      t0 = Math.max(t0, a); t1 = Math.min(t1, c);
      if (t0 > t1) break;
    }
    // Containment is a see-through shell: picked only where nothing solid is in front of it.
    const t = b.section === 'containment' ? t0 + 1e-3 : t0;
    if (t0 <= t1 && t < bestT) { bestT = t; best = b; }
  }
  return best;
}
