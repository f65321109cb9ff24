// Where a new or moved rack belongs, so the power and cooling models see it: the row of the nearest
// rack, the A and B busways (or PDUs) feeding that row nearest to it, and the row's CDU when the
// rack is liquid cooled. What could not be found is said in words for the UI.
import type { CoolingId, CoolingUnit, PowerEquipment, PowerId, ProjectDocument, Rack, RowId } from '../../engine/model/index';
import { distanceToRun } from '../../engine/power/reach';
import { rackGrid, type RackGrid } from './rack-grid';

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

/** Power equipment by id, per power array (a rack edit keeps it). */
const powerById = new WeakMap<ProjectDocument['power'], Map<string, PowerEquipment>>();
/** Running CDUs, per cooling array and catalog (the kinds). */
const runningCdus = new WeakMap<ProjectDocument['cooling'], { catalog: ProjectDocument['catalog']; cdus: CoolingUnit[] }>();

/**
 * A document's racks, rows, feeds and CDUs, for assigning racks to rows. The racks' grid is kept
 * from edit to edit (rack-grid.ts), the power equipment by id and the CDUs per array, so a one-rack
 * move on a 10,000-rack hall looks at the racks near it and its row's. Racks in `exclude` (those
 * being moved or reassigned) are neither nearest nor members of a row.
 */
export class RowIndex {
  private grid: RackGrid | null = null;
  private readonly rowRacks = new Map<RowId, Rack[]>();

  constructor(private readonly doc: ProjectDocument, private readonly exclude?: ReadonlySet<string>) {}

  /** The grid of this document's racks (fetched again if it has since been handed on to another array). */
  private racksGrid(): RackGrid {
    if (this.grid === null || this.grid.racks !== this.doc.racks) this.grid = rackGrid(this.doc.racks);
    return this.grid;
  }

  /** The row of the nearest rack in a row, if within reach; null on open floor. Ties go to the rack first in the document. */
  nearestRow(at: Point): RowId | null {
    const k = this.racksGrid().nearest(at, this.exclude);
    return k < 0 ? null : this.doc.racks[k]!.rowId;
  }

  /** Whether any rack (not excluded) stands in this row. */
  hasRacks(rowId: RowId): boolean {
    return this.racksOf(rowId).length > 0;
  }

  private racksOf(rowId: RowId): Rack[] {
    let racks = this.rowRacks.get(rowId);
    if (racks === undefined) { racks = this.racksGrid().rowRacks(rowId, this.exclude); this.rowRacks.set(rowId, racks); }
    return racks;
  }

  private feeder(id: string): PowerEquipment | undefined {
    let byId = powerById.get(this.doc.power);
    if (byId === undefined) {
      byId = new Map();
      // The first of an id, as a search would find it.
      for (const p of this.doc.power) if (!byId.has(p.id)) byId.set(p.id, p);
      powerById.set(this.doc.power, byId);
    }
    return byId.get(id);
  }

  private cdus(): CoolingUnit[] {
    let known = runningCdus.get(this.doc.cooling);
    if (known === undefined || known.catalog !== this.doc.catalog) {
      const kinds = new Map(this.doc.catalog.coolingTypes.map((t) => [t.id as string, t.kind]));
      known = { catalog: this.doc.catalog, cdus: this.doc.cooling.filter((u) => kinds.get(u.typeId) === 'cdu' && u.status !== 'off') };
      runningCdus.set(this.doc.cooling, known);
    }
    return known.cdus;
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
        // A busway's run is measured as the power model measures a tap-off's reach (engine/power/reach.ts).
        const d = b.lengthM === null ? dist(b.position, at) : distanceToRun(at, { position: b.position, lengthM: b.lengthM, rotationDeg: b.rotationDeg });
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
      const cdus = this.cdus().filter((u) => u.rowId === rowId || used.has(u.id));
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
