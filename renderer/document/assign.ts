// Where a new or moved rack belongs, so the power and cooling models see it: the row of the nearest
// rack, the A and B busways (or PDUs) feeding that row nearest to it, and the row's CDU when the
// rack is liquid cooled. What could not be found is said in words for the UI.
import type { CoolingId, PowerId, ProjectDocument, RotationDeg, RowId } from '../../engine/model/index';

/** A rack further than this from every rack of a row joins no row (one rack depth plus a cold aisle, with margin). */
const ROW_REACH_M = 3.6;

export interface Assignment {
  rowId: RowId | null;
  feedA: PowerId | null;
  feedB: PowerId | null;
  cduId: CoolingId | null;
  /** What is missing, e.g. "no CDU in Row 02: its liquid heat is not removed". */
  missing: string[];
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance from a point to a busway run (a segment along its rotation axis). */
function toRun(p: { x: number; y: number }, centre: { x: number; y: number }, lengthM: number, rotationDeg: RotationDeg): number {
  const alongX = rotationDeg === 0 || rotationDeg === 180;
  const half = lengthM / 2;
  const [u, v] = alongX ? [p.x - centre.x, p.y - centre.y] : [p.y - centre.y, p.x - centre.x];
  const over = Math.max(0, Math.abs(u) - half);
  return Math.hypot(over, v);
}

/** The row of the nearest rack in a row, if within reach; null on open floor. */
export function nearestRow(racks: ProjectDocument['racks'], at: { x: number; y: number }): RowId | null {
  let nearest: RowId | null = null;
  let nearestD = Infinity;
  for (const r of racks) {
    if (r.rowId === null) continue;
    const d = dist(r.position, at);
    if (d < nearestD) { nearest = r.rowId; nearestD = d; }
  }
  return nearestD <= ROW_REACH_M ? nearest : null;
}

/** Row, feeds and CDU for a rack at `at`: of the nearest row, or of `row` when the user chose it. */
export function assignRack(doc: ProjectDocument, at: { x: number; y: number }, liquid: boolean, row?: RowId | null): Assignment {
  const missing: string[] = [];
  const rowId = row === undefined ? nearestRow(doc.racks, at) : row;
  const rowName = doc.rows.find((r) => r.id === rowId)?.name ?? rowId ?? '';
  if (rowId === null) missing.push('no row nearby: no busways or CDU assigned');

  const rowRacks = rowId === null ? [] : doc.racks.filter((r) => r.rowId === rowId);
  // The row's feeds are what its racks already hang on: busways (nearest run) or PDUs (nearest unit).
  const feeders = new Map(doc.power.map((p) => [p.id as string, p]));
  const feed = (side: 'A' | 'B'): PowerId | null => {
    if (rowId === null) return null;
    const ids = new Set(rowRacks.map((r) => (side === 'A' ? r.feedA : r.feedB)).filter((f): f is PowerId => f !== null));
    let best: PowerId | null = null, bestD = Infinity;
    for (const id of ids) {
      const b = feeders.get(id);
      if (b === undefined) continue;
      const d = b.lengthM === null ? dist(b.position, at) : toRun(at, b.position, b.lengthM, b.rotationDeg);
      if (d < bestD) { best = b.id; bestD = d; }
    }
    if (best === null) missing.push(`no busway ${side} in ${rowName}`);
    return best;
  };
  const feedA = feed('A');
  const feedB = feed('B');

  let cduId: CoolingId | null = null;
  if (liquid && rowId !== null) {
    const kinds = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t.kind]));
    const cdus = doc.cooling.filter((u) => kinds.get(u.typeId) === 'cdu' && u.status !== 'off' &&
      (u.rowId === rowId || rowRacks.some((r) => r.cduId === u.id)));
    cdus.sort((a, b) => dist(a.position, at) - dist(b.position, at));
    cduId = cdus[0]?.id ?? null;
    if (cduId === null) missing.push(`no CDU in ${rowName}: its liquid heat is not removed`);
  }
  return { rowId, feedA, feedB, cduId, missing };
}
