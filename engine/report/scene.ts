// The hall as boxes for the pictures: racks, cooling units, power equipment and containment,
// sized from the catalog and turned by their rotation (footprint() in the model). Large halls
// are simplified by merging touching boxes of the same kind and colour into blocks, so a
// 10,000-rack hall draws as a few hundred row blocks instead of 30,000 faces.
import { footprint, rackTypeIndex, type ProjectDocument } from '../model/index.js';
import type { SceneKind } from './colour.js';
import type { Box3 } from './projection.js';

export interface SceneBox {
  kind: SceneKind;
  /** Object id (first member's id for a merged block). */
  id: string;
  name: string;
  box: Box3;
  /** Index into doc.racks for a rack (-1 otherwise), to look up per-rack results. */
  rack: number;
  /** Objects merged into this box (1 unless simplified). */
  members: number;
}

/** Busway hangs above the racks (a 48U rack is about 2.3 m tall), as in the glb export. */
export const BUSWAY_ELEVATION_M = 2.6;
const BUSWAY_SECTION_M = 0.15;
/** Objects with a zero dimension in the catalog (a utility feed) still get a visible box. */
const MIN_SIZE_M = 0.1;

export function sceneBoxes(doc: ProjectDocument): SceneBox[] {
  const out: SceneBox[] = [];
  const dim = (v: number | undefined, fallback: number) => Math.max(MIN_SIZE_M, v ?? fallback);
  const standing = (kind: SceneKind, id: string, name: string, rack: number, o: ProjectDocument['racks'][number] | ProjectDocument['cooling'][number] | ProjectDocument['power'][number], t: { widthM: number; depthM: number; heightM: number } | undefined) => {
    const f = footprint(o.position, dim(t?.widthM, 0.6), dim(t?.depthM, 1.2), o.rotationDeg);
    out.push({ kind, id, name, rack, members: 1, box: { minX: f.minX, minY: f.minY, minZ: 0, maxX: f.maxX, maxY: f.maxY, maxZ: dim(t?.heightM, 2) } });
  };
  const rackTypes = rackTypeIndex(doc.catalog);
  doc.racks.forEach((r, i) => {
    const t = rackTypes.get(r.typeId);
    standing(`rack-${t?.kind ?? 'cpu'}`, r.id, r.name, i, r, t);
  });
  const coolingTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  for (const u of doc.cooling) {
    const t = coolingTypes.get(u.typeId);
    standing(t?.kind ?? 'crah', u.id, u.name, -1, u, t);
  }
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  for (const p of doc.power) {
    const t = powerTypes.get(p.typeId);
    if (t?.kind === 'busway') {
      // A busway run lies along the row: its length is along the rack fronts (x at rotation 0).
      const f = footprint(p.position, dim(p.lengthM ?? undefined, 1), 0.2, p.rotationDeg);
      out.push({ kind: 'busway', id: p.id, name: p.name, rack: -1, members: 1, box: { minX: f.minX, minY: f.minY, minZ: BUSWAY_ELEVATION_M, maxX: f.maxX, maxY: f.maxY, maxZ: BUSWAY_ELEVATION_M + BUSWAY_SECTION_M } });
    } else {
      standing(t?.kind ?? 'switchboard', p.id, p.name, -1, p, t);
    }
  }
  for (const k of doc.containment) {
    out.push({
      kind: 'containment', id: k.id, name: k.name, rack: -1, members: 1,
      box: { minX: Math.min(k.min.x, k.max.x), minY: Math.min(k.min.y, k.max.y), minZ: 0, maxX: Math.max(k.min.x, k.max.x), maxY: Math.max(k.min.y, k.max.y), maxZ: dim(k.heightM, 2) },
    });
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.02;

/**
 * Merges boxes that touch end to end (same kind, same `colourOf`, same cross-section) along x,
 * then along y. Rows of racks become row blocks; the count of members is kept for captions.
 */
export function mergeBoxes(boxes: readonly SceneBox[], colourOf: (b: SceneBox) => string = (b) => b.kind): SceneBox[] {
  return mergeAlong(mergeAlong(boxes, 'x', colourOf), 'y', colourOf);
}

function mergeAlong(boxes: readonly SceneBox[], axis: 'x' | 'y', colourOf: (b: SceneBox) => string): SceneBox[] {
  const [lo, hi, oLo, oHi] = axis === 'x' ? (['minX', 'maxX', 'minY', 'maxY'] as const) : (['minY', 'maxY', 'minX', 'maxX'] as const);
  const keyed = boxes.map((b) => ({ b, key: `${b.kind}|${colourOf(b)}|${b.box[oLo].toFixed(2)}|${b.box[oHi].toFixed(2)}|${b.box.minZ.toFixed(2)}|${b.box.maxZ.toFixed(2)}` }));
  keyed.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : p.b.box[lo] - q.b.box[lo]));
  const out: SceneBox[] = [];
  let cur: SceneBox | null = null;
  let curKey = '';
  for (const { b, key } of keyed) {
    if (cur && key === curKey && near(b.box[lo], cur.box[hi])) {
      cur.box = { ...cur.box, [hi]: Math.max(cur.box[hi], b.box[hi]) };
      cur.members += b.members;
      continue;
    }
    cur = { ...b, box: { ...b.box } };
    curKey = key;
    out.push(cur);
  }
  return out;
}

/** Hall bounds including anything placed outside the walls (equipment yards). */
export function sceneBounds(doc: ProjectDocument, boxes: readonly SceneBox[]): Box3 {
  const b: Box3 = { minX: 0, minY: 0, minZ: 0, maxX: doc.hall.lengthM, maxY: doc.hall.widthM, maxZ: 0 };
  for (const s of boxes) {
    b.minX = Math.min(b.minX, s.box.minX); b.minY = Math.min(b.minY, s.box.minY);
    b.maxX = Math.max(b.maxX, s.box.maxX); b.maxY = Math.max(b.maxY, s.box.maxY); b.maxZ = Math.max(b.maxZ, s.box.maxZ);
  }
  return b;
}
