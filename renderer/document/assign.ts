// Where a new or moved rack belongs, so the power and cooling models see it: the row of the nearest
// rack, the A and B busways (or PDUs) feeding that row nearest to it, and the row's CDU when the
// rack is liquid cooled. What could not be found is said in words for the UI.
import type { CoolingId, CoolingUnit, PowerEquipment, PowerId, ProjectDocument, Rack, RotationDeg, RowId } from '../../engine/model/index';

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

type Point = { x: number; y: number };
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** Distance from a point to a busway run (a segment along its rotation axis). */
function toRun(p: Point, centre: Point, lengthM: number, rotationDeg: RotationDeg): number {
  const alongX = rotationDeg === 0 || rotationDeg === 180;
  const half = lengthM / 2;
  const [u, v] = alongX ? [p.x - centre.x, p.y - centre.y] : [p.y - centre.y, p.x - centre.x];
  const over = Math.max(0, Math.abs(u) - half);
  return Math.hypot(over, v);
}

/** Grid cell of a point, as one number (halls are far smaller than a million cells a side). */
const cellOf = (i: number, j: number) => i * 1e6 + j;
const cellIndex = (v: number) => Math.floor(v / ROW_REACH_M);
/** Nearest-row questions answered by a plain scan before a grid is worth building. */
const SCANS_BEFORE_GRID = 16;

/**
 * A document's racks, rows, feeds and CDUs, indexed as questions come: a one-rack move on a
 * 10,000-rack hall scans the racks twice; a moved or pasted block builds a grid once and then
 * costs a lookup a rack. Rows' racks, feeders and CDUs are gathered only when a rack is assigned.
 */
export class RowIndex {
  /** Indices (document order) of racks in a row, by grid cell of ROW_REACH_M. */
  private cells: Map<number, number[]> | null = null;
  private scans = 0;
  private readonly rowRacks = new Map<RowId, Rack[]>();
  private readonly feeders = new Map<string, PowerEquipment | undefined>();
  private cdus: CoolingUnit[] | null = null;

  constructor(private readonly doc: ProjectDocument) {}

  /** The row of the nearest rack in a row, if within reach; null on open floor. */
  nearestRow(at: Point): RowId | null {
    const racks = this.doc.racks;
    if (this.cells === null && ++this.scans > SCANS_BEFORE_GRID) {
      const cells = new Map<number, number[]>();
      racks.forEach((r, k) => {
        if (r.rowId === null) return;
        const key = cellOf(cellIndex(r.position.x), cellIndex(r.position.y));
        const cell = cells.get(key);
        if (cell === undefined) cells.set(key, [k]); else cell.push(k);
      });
      this.cells = cells;
    }
    let best = -1, bestD = Infinity;
    // Ties go to the rack first in the document, scanned or looked up by cell.
    const visit = (k: number) => {
      const r = racks[k]!;
      if (r.rowId === null) return;
      const d = dist(r.position, at);
      if (d < bestD || (d === bestD && k < best)) { best = k; bestD = d; }
    };
    if (this.cells === null) {
      for (let k = 0; k < racks.length; k++) visit(k);
    } else {
      const ci = cellIndex(at.x), cj = cellIndex(at.y);
      for (let i = ci - 1; i <= ci + 1; i++) for (let j = cj - 1; j <= cj + 1; j++) this.cells.get(cellOf(i, j))?.forEach(visit);
    }
    return best >= 0 && bestD <= ROW_REACH_M ? racks[best]!.rowId : null;
  }

  private racksOf(rowId: RowId): Rack[] {
    let racks = this.rowRacks.get(rowId);
    if (racks === undefined) { racks = this.doc.racks.filter((r) => r.rowId === rowId); this.rowRacks.set(rowId, racks); }
    return racks;
  }

  private feeder(id: string): PowerEquipment | undefined {
    if (!this.feeders.has(id)) this.feeders.set(id, this.doc.power.find((p) => p.id === id));
    return this.feeders.get(id);
  }

  /** Row, feeds and CDU for a rack at `at`: of the nearest row, or of `row` when the user chose it. */
  assign(at: Point, liquid: boolean, row?: RowId | null): Assignment {
    const missing: string[] = [];
    const rowId = row === undefined ? this.nearestRow(at) : row;
    const rowName = this.doc.rows.find((r) => r.id === rowId)?.name ?? rowId ?? '';
    if (rowId === null) missing.push('no row nearby: no busways or CDU assigned');
    const rowRacks = rowId === null ? [] : this.racksOf(rowId);
    // The row's feeds are what its racks already hang on: busways (nearest run) or PDUs (nearest unit).
    const feed = (side: 'A' | 'B'): PowerId | null => {
      if (rowId === null) return null;
      const ids = new Set(rowRacks.map((r) => (side === 'A' ? r.feedA : r.feedB)).filter((f): f is PowerId => f !== null));
      let best: PowerId | null = null, bestD = Infinity;
      for (const id of ids) {
        const b = this.feeder(id);
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
      const used = new Set(rowRacks.map((r) => r.cduId));
      if (this.cdus === null) {
        const kinds = new Map(this.doc.catalog.coolingTypes.map((t) => [t.id as string, t.kind]));
        this.cdus = this.doc.cooling.filter((u) => kinds.get(u.typeId) === 'cdu' && u.status !== 'off');
      }
      const cdus = this.cdus.filter((u) => u.rowId === rowId || used.has(u.id));
      cdus.sort((a, b) => dist(a.position, at) - dist(b.position, at));
      cduId = cdus[0]?.id ?? null;
      if (cduId === null) missing.push(`no CDU in ${rowName}: its liquid heat is not removed`);
    }
    return { rowId, feedA, feedB, cduId, missing };
  }
}

/** One rack's assignment (see RowIndex.assign); index the document once when assigning many. */
export function assignRack(doc: ProjectDocument, at: Point, liquid: boolean, row?: RowId | null): Assignment {
  return new RowIndex(doc).assign(at, liquid, row);
}
