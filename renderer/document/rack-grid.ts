// Racks standing in rows, by grid cell and by row, kept from edit to edit: an edit replaces only
// the records it changes (document/edits.ts), so the next racks array's grid is the last one with
// those racks moved (or moved to another row), found by identity as document/replaced.ts finds
// them. Reassigning a moved rack on a 10,000-rack hall then costs the racks it moved plus a walk by
// identity, not two scans and a filtered copy of the hall. Racks added, removed or reordered
// rebuild it.
import type { Rack, RowId } from '../../engine/model/index';

/** A rack further than this from every rack of a row joins no row (one rack depth plus a cold aisle, with margin). */
export const ROW_REACH_M = 3.6;

type Point = { x: number; y: number };
const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
/** Grid cell of a point, as one number (halls are far smaller than a million cells a side). */
const cellOf = (i: number, j: number) => i * 1e6 + j;
const cellIndex = (v: number) => Math.floor(v / ROW_REACH_M);
const cellAt = (p: Point) => cellOf(cellIndex(p.x), cellIndex(p.y));

/** Insert into an ascending list of indices (document order) / take out of it. */
function insertSorted(list: number[], k: number): void {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]! < k) lo = mid + 1; else hi = mid; }
  list.splice(lo, 0, k);
}
function removeFrom<K>(map: Map<K, number[]>, key: K, k: number): void {
  const list = map.get(key);
  if (list === undefined) return;
  const i = list.indexOf(k);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

export class RackGrid {
  /** Indices (document order) of racks in a row, by grid cell of ROW_REACH_M. */
  private readonly cells = new Map<number, number[]>();
  /** Indices of each row's racks, ascending. */
  private readonly members = new Map<RowId, number[]>();

  constructor(public racks: readonly Rack[]) {
    racks.forEach((r, k) => this.add(r, k));
  }

  private add(r: Rack, k: number): void {
    if (r.rowId === null) return;
    const key = cellAt(r.position);
    const cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, [k]); else insertSorted(cell, k);
    const row = this.members.get(r.rowId);
    if (row === undefined) this.members.set(r.rowId, [k]); else insertSorted(row, k);
  }

  private remove(r: Rack, k: number): void {
    if (r.rowId === null) return;
    removeFrom(this.cells, cellAt(r.position), k);
    removeFrom(this.members, r.rowId, k);
  }

  /** Become the grid of `racks` if it lines up with the current array (same ids at the same places). */
  moveTo(racks: readonly Rack[]): boolean {
    const before = this.racks;
    if (before.length !== racks.length) return false;
    for (let k = 0; k < racks.length; k++) if (before[k] !== racks[k] && before[k]!.id !== racks[k]!.id) return false;
    for (let k = 0; k < racks.length; k++) {
      const old = before[k]!, now = racks[k]!;
      if (old === now) continue;
      this.remove(old, k);
      this.add(now, k);
    }
    this.racks = racks;
    return true;
  }

  /** Index of the rack in a row nearest `at` (ties: first in the document), skipping `exclude`; -1 when none within reach. */
  nearest(at: Point, exclude?: ReadonlySet<string>): number {
    let best = -1, bestD = Infinity;
    const ci = cellIndex(at.x), cj = cellIndex(at.y);
    for (let i = ci - 1; i <= ci + 1; i++) {
      for (let j = cj - 1; j <= cj + 1; j++) {
        for (const k of this.cells.get(cellOf(i, j)) ?? []) {
          const r = this.racks[k]!;
          if (exclude?.has(r.id) === true) continue;
          const d = dist(r.position, at);
          if (d < bestD || (d === bestD && k < best)) { best = k; bestD = d; }
        }
      }
    }
    return best >= 0 && bestD <= ROW_REACH_M ? best : -1;
  }

  /** The racks of a row in document order, skipping `exclude`. */
  rowRacks(rowId: RowId, exclude?: ReadonlySet<string>): Rack[] {
    const out: Rack[] = [];
    for (const k of this.members.get(rowId) ?? []) {
      const r = this.racks[k]!;
      if (exclude?.has(r.id) !== true) out.push(r);
    }
    return out;
  }
}

const grids = new WeakMap<readonly Rack[], RackGrid>();
/** The grid handed from array to array; an older array asked for again gets one of its own. */
let latest: RackGrid | null = null;

/** The grid of a racks array: remembered, moved on from the last one, or built. */
export function rackGrid(racks: readonly Rack[]): RackGrid {
  const known = grids.get(racks);
  if (known !== undefined && known.racks === racks) return known;
  if (latest !== null) {
    const from = latest.racks;
    if (latest.moveTo(racks)) {
      grids.delete(from);
      grids.set(racks, latest);
      return latest;
    }
  }
  latest = new RackGrid(racks);
  grids.set(racks, latest);
  return latest;
}

/** The row of the nearest rack in a row within reach, by looking at every rack: the reference the grid must agree with. */
export function nearestRowByScan(racks: readonly Rack[], at: Point): RowId | null {
  let best = -1, bestD = Infinity;
  racks.forEach((r, k) => {
    if (r.rowId === null) return;
    const d = dist(r.position, at);
    if (d < bestD) { best = k; bestD = d; }
  });
  return best >= 0 && bestD <= ROW_REACH_M ? racks[best]!.rowId : null;
}
