// Collision on the floor plan: an object must stand inside the hall, clear of walls, columns and
// every other floor-standing object (touching is allowed, as racks in a row touch). The reason
// is returned in words so the editor can show it near the cursor.
import type { Footprint, ProjectDocument } from '../../engine/model/index';
import { overlaps } from '../../engine/model/index';
import type { ObjectBox } from './objects';

const EDGE_TOLERANCE_M = 0.001;

function wallBoxes(doc: ProjectDocument): { name: string; fp: Footprint }[] {
  const out: { name: string; fp: Footprint }[] = [];
  for (const w of doc.hall.walls) {
    // Walls are drawn axis-aligned in practice; a slanted wall is taken by its bounding box.
    const t = w.thicknessM / 2;
    out.push({ name: `wall ${w.id}`, fp: { minX: Math.min(w.a.x, w.b.x) - t, minY: Math.min(w.a.y, w.b.y) - t, maxX: Math.max(w.a.x, w.b.x) + t, maxY: Math.max(w.a.y, w.b.y) + t } });
  }
  for (const c of doc.hall.columns) {
    const h = c.sizeM / 2;
    out.push({ name: `column ${c.id}`, fp: { minX: c.at.x - h, minY: c.at.y - h, maxX: c.at.x + h, maxY: c.at.y + h } });
  }
  return out;
}

export interface Candidate { fp: Footprint; label: string; kind: 'floor' | 'aisle' }

/**
 * Why the candidates cannot stand where they are, or null when they can. `others` are the boxes
 * of the document minus the objects being moved; floor objects are kept out of each other and
 * out of contained aisles; an aisle (containment) is kept clear of floor objects.
 */
export function collisionReason(doc: ProjectDocument, candidates: readonly Candidate[], others: readonly ObjectBox[]): string | null {
  const { lengthM, widthM } = doc.hall;
  const walls = wallBoxes(doc);
  for (const c of candidates) {
    const f = c.fp;
    if (f.minX < -EDGE_TOLERANCE_M || f.minY < -EDGE_TOLERANCE_M || f.maxX > lengthM + EDGE_TOLERANCE_M || f.maxY > widthM + EDGE_TOLERANCE_M) {
      return `${c.label} would stand outside the hall`;
    }
    for (const w of walls) if (overlaps(f, w.fp)) return `${c.label} would hit ${w.name}`;
    for (const o of others) {
      const clash = c.kind === 'floor' ? (o.blocking || o.section === 'containment') : o.blocking;
      if (clash && overlaps(f, o.fp)) return `${c.label} would overlap ${o.name}`;
    }
  }
  // Candidates placed together must not overlap each other either (a pasted group is fine as copied).
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      if (candidates[i]!.kind === 'floor' && candidates[j]!.kind === 'floor' && overlaps(candidates[i]!.fp, candidates[j]!.fp)) {
        return `${candidates[i]!.label} would overlap ${candidates[j]!.label}`;
      }
    }
  }
  return null;
}
