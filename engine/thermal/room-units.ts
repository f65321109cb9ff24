// Where room cooling units (CRAHs) put their supply air, so that a unit's position shapes the
// potential flow. Slab floor (flooded supply): a CRAH blows out of the open cells in front of its
// face over its height and, since potential flow has neither the jet's momentum nor the buoyancy
// that keeps cold supply air on the floor (released at the face alone it would short-circuit into
// the nearest return), the discharge is spread along the floor in front of the unit up to its
// catalog throw (`supplyThrowM`, DEFAULT_SUPPLY_THROW_M) or the first obstacle (a row, a wall).
// Raised floor: the supply leaves the plenum through the perforated tiles of the cold aisles, one
// tile in front of each rack, all tiles passing equal air (uniform plenum pressure; maldistribution
// is not modelled), so the units' own positions do not matter there. The return is not located at
// the units: see ports.ts (drawn above each rack's exhaust, standing in for the buoyant hot layer).
import type { CoolingType, ProjectDocument } from '../model/index.js';
import { DEFAULT_SUPPLY_THROW_M, footprint, frontDirection } from '../model/index.js';
import { cellRange, type Grid } from './grid.js';

export interface RoomUnitPorts {
  /** Running CRAHs that move air: index in doc.cooling, and airflow (m3/s). */
  index: Int32Array;
  airflow: Float64Array;
  /** Supply cells of unit e: supplyCell[supplyStart[e] .. supplyStart[e + 1]), weights sum to 1. Empty with tiles. */
  supplyStart: Int32Array; supplyCell: Int32Array; supplyWeight: Float64Array;
  /** Raised floor: the supply comes through the cold-aisle tiles (Ports.rackSupply), not from the units. */
  tiles: boolean;
}

/** The discharge starts at the first open cells within this many cells of the front face (as rack ports). */
const MAX_STEPS = 3;

interface Cells { cell: number[]; weight: number[] }

/**
 * Supply cells of a unit: in each plan column across its front face, the first open column in front
 * (within MAX_STEPS) over the unit's height (weight: layer overlap), then the floor cells the
 * discharge sweeps along its front direction, up to the first obstacle or the throw. Each column
 * across the face carries an equal share, split evenly over the cells it sweeps.
 */
function frontCells(
  g: Grid, minX: number, minY: number, maxX: number, maxY: number, f: { x: number; y: number }, heightM: number, throwM: number, out: Cells,
): void {
  const { nx, ny, nz, dx, dy, dz } = g;
  const plane = nx * ny;
  const alongX = f.y !== 0; // the face runs along x when the unit blows along y
  const span = alongX ? ny : nx;
  const sign = f.x + f.y;
  let [a0, a1] = alongX ? cellRange(minX, maxX, dx, nx) : cellRange(minY, maxY, dy, ny);
  if (a0 > a1) {
    const mid = alongX ? Math.floor((minX + maxX) / 2 / dx) : Math.floor((minY + maxY) / 2 / dy);
    a0 = a1 = Math.max(0, Math.min((alongX ? nx : ny) - 1, mid));
  }
  const face = f.x > 0 ? maxX : f.x < 0 ? minX : f.y > 0 ? maxY : minY;
  const step = alongX ? dy : dx;
  const throwCells = Math.max(1, Math.round(throwM / step));
  const col = (a: number, b: number) => (alongX ? b * nx + a : a * nx + b);
  for (let a = a0; a <= a1; a++) {
    let b = -1;
    for (let s = 0; s <= MAX_STEPS; s++) {
      const t = Math.floor((face + sign * (step / 2 + s * step)) / step);
      if (t < 0 || t >= span) break;
      if (g.solid[col(a, t)] === 0) { b = t; break; }
    }
    if (b < 0) continue;
    let swept = 1;
    while (swept < throwCells) {
      const t = b + sign * swept;
      if (t < 0 || t >= span || g.solid[col(a, t)] !== 0) break;
      swept += 1;
    }
    const first = out.cell.length;
    let band = 0;
    for (let k = 0; k < nz; k++) {
      const overlap = Math.min(heightM, (k + 1) * dz) - k * dz;
      if (overlap <= 0 || g.solid[col(a, b) + k * plane] !== 0) continue;
      out.cell.push(col(a, b) + k * plane);
      out.weight.push(overlap);
      band += overlap;
    }
    for (let x = first; x < out.cell.length; x++) out.weight[x] = out.weight[x]! / band / swept;
    for (let s = 1; s < swept; s++) { out.cell.push(col(a, b + sign * s)); out.weight.push(1 / swept); }
  }
}

export function buildRoomUnits(doc: ProjectDocument, g: Grid, unitTypes: readonly (CoolingType | undefined)[]): RoomUnitPorts {
  const tiles = doc.hall.floor.kind === 'raised';
  const index: number[] = [], airflow: number[] = [];
  const sup: Cells = { cell: [], weight: [] };
  const supplyStart = [0];
  doc.cooling.forEach((u, i) => {
    const t = unitTypes[i];
    if (u.status !== 'running' || t?.kind !== 'crah' || t.airflowM3s <= 0) return;
    const s0 = sup.cell.length;
    if (!tiles) {
      const fp = footprint(u.position, t.widthM, t.depthM, u.rotationDeg);
      frontCells(g, fp.minX, fp.minY, fp.maxX, fp.maxY, frontDirection(u.rotationDeg), t.heightM, t.supplyThrowM ?? DEFAULT_SUPPLY_THROW_M, sup);
      if (sup.cell.length === s0) return; // boxed in: the unit moves no air (its capacity then goes unused)
      let total = 0;
      for (let x = s0; x < sup.weight.length; x++) total += sup.weight[x]!;
      for (let x = s0; x < sup.weight.length; x++) sup.weight[x] = sup.weight[x]! / total;
    }
    index.push(i);
    airflow.push(t.airflowM3s);
    supplyStart.push(sup.cell.length);
  });
  return {
    index: Int32Array.from(index), airflow: Float64Array.from(airflow),
    supplyStart: Int32Array.from(supplyStart), supplyCell: Int32Array.from(sup.cell), supplyWeight: Float64Array.from(sup.weight), tiles,
  };
}

/** True when two placements put the same air in the same cells (a local edit may then keep them). */
export function sameRoomUnits(a: RoomUnitPorts, b: RoomUnitPorts): boolean {
  const eq = (x: ArrayLike<number>, y: ArrayLike<number>) => {
    if (x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
    return true;
  };
  return a.tiles === b.tiles && eq(a.index, b.index) && eq(a.airflow, b.airflow) && eq(a.supplyStart, b.supplyStart) &&
    eq(a.supplyCell, b.supplyCell) && eq(a.supplyWeight, b.supplyWeight);
}
