// Rasterises the hall onto a 3D cell grid for the airflow and heat model: solid cells where racks,
// cooling units and floor-standing electrical gear stand, and face conductances A/d for the
// potential-flow solve (0 through solids, CONTAINMENT_LEAKAGE of open through containment walls
// and roofs). Cells are the floor tile in plan; huge halls coarsen along the rows first (where
// conditions repeat) so the cell count stays within MAX_CELLS_PER_LAYER.
import type { ProjectDocument } from '../model/index.js';
import { footprint } from '../model/index.js';

/** Plan cells per layer before the grid coarsens (speed budget: ~250k cells for a gigawatt hall). */
export const MAX_CELLS_PER_LAYER = 25_000;
/** Target layer height: about a third of a 2.2-2.3 m rack, so a rack spans 2-3 layers. */
export const LAYER_TARGET_M = 0.9;
export const MIN_LAYERS = 4;
export const MAX_LAYERS = 8;
/**
 * Share of an open face that still passes air through a containment wall, door or roof (gaps,
 * door seals, cable cut-outs; rule of thumb 3-10 % leakage for commercial containment).
 */
export const CONTAINMENT_LEAKAGE = 0.05;

export interface Grid {
  nx: number; ny: number; nz: number;
  /** Cell size along x, y and z, metres. Origin is the hall's (0, 0, floor). */
  dx: number; dy: number; dz: number;
  n: number;
  solid: Uint8Array;
  /** Conductance A/d (m) of the face to the +x, +y, +z neighbour; 0 when blocked or at the hall edge. */
  gx: Float32Array; gy: Float32Array; gz: Float32Array;
}

export interface GridShape { nx: number; ny: number; nz: number; dx: number; dy: number; dz: number }

/** Picks cell sizes: tile-sized plan cells, coarsened along the rows for huge halls. */
export function chooseShape(doc: ProjectDocument): GridShape {
  const hall = doc.hall;
  const nz = Math.min(MAX_LAYERS, Math.max(MIN_LAYERS, Math.round(hall.ceilingHeightM / LAYER_TARGET_M)));
  // Rows run along x when most racks face +-y (rotation 0 or 180); keep the across-row axis fine.
  let alongX = 0;
  for (const r of doc.racks) if (r.rotationDeg === 0 || r.rotationDeg === 180) alongX += 1;
  const rowsAlongX = alongX * 2 >= doc.racks.length;
  const tile = hall.tileM;
  let kAlong = 1;
  let kAcross = 1;
  const count = () => Math.ceil(hall.lengthM / (tile * (rowsAlongX ? kAlong : kAcross))) *
    Math.ceil(hall.widthM / (tile * (rowsAlongX ? kAcross : kAlong)));
  while (count() > MAX_CELLS_PER_LAYER) {
    // Along-row cells may grow to 4 tiles (2.4 m) before the across-row axis coarsens too.
    if (kAlong < 4 * kAcross) kAlong += 1;
    else kAcross += 1;
  }
  const dx = tile * (rowsAlongX ? kAlong : kAcross);
  const dy = tile * (rowsAlongX ? kAcross : kAlong);
  return { nx: Math.max(1, Math.ceil(hall.lengthM / dx - 1e-9)), ny: Math.max(1, Math.ceil(hall.widthM / dy - 1e-9)), nz, dx, dy, dz: hall.ceilingHeightM / nz };
}

export const sameShape = (a: GridShape, b: GridShape) =>
  a.nx === b.nx && a.ny === b.ny && a.nz === b.nz && a.dx === b.dx && a.dy === b.dy && a.dz === b.dz;

export function allocGrid(s: GridShape): Grid {
  const n = s.nx * s.ny * s.nz;
  return { ...s, n, solid: new Uint8Array(n), gx: new Float32Array(n), gy: new Float32Array(n), gz: new Float32Array(n) };
}

/** Index range [lo, hi] of cells whose centres lie inside [min, max) along one axis. */
export function cellRange(min: number, max: number, d: number, count: number): [number, number] {
  const lo = Math.max(0, Math.ceil(min / d - 0.5));
  const hi = Math.min(count - 1, Math.ceil(max / d - 0.5) - 1);
  return [lo, hi];
}

interface Box { minX: number; minY: number; maxX: number; maxY: number; heightM: number }

/** Footprints and heights of everything standing on the floor that air cannot pass through. */
export function obstacles(doc: ProjectDocument): Box[] {
  const boxes: Box[] = [];
  const rackTypes = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  const coolTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  for (const r of doc.racks) {
    const t = rackTypes.get(r.typeId);
    if (t) boxes.push({ ...footprint(r.position, t.widthM, t.depthM, r.rotationDeg), heightM: t.heightM });
  }
  for (const u of doc.cooling) {
    const t = coolTypes.get(u.typeId);
    if (t) boxes.push({ ...footprint(u.position, t.widthM, t.depthM, u.rotationDeg), heightM: t.heightM });
  }
  for (const p of doc.power) {
    const t = powerTypes.get(p.typeId);
    if (t && t.kind !== 'busway') boxes.push({ ...footprint(p.position, t.widthM, t.depthM, p.rotationDeg), heightM: t.heightM });
  }
  return boxes;
}

/** Fills solids and face conductances for the document into a grid of the same shape. */
export function rasterise(doc: ProjectDocument, g: Grid): void {
  const { nx, ny, nz, dx, dy, dz } = g;
  g.solid.fill(0);
  for (const b of obstacles(doc)) {
    const [i0, i1] = cellRange(b.minX, b.maxX, dx, nx);
    const [j0, j1] = cellRange(b.minY, b.maxY, dy, ny);
    const kTop = Math.min(nz - 1, Math.ceil(b.heightM / dz - 0.5) - 1);
    for (let k = 0; k <= kTop; k++) {
      for (let j = j0; j <= j1; j++) g.solid.fill(1, (k * ny + j) * nx + i0, (k * ny + j) * nx + i1 + 1);
    }
  }
  const ax = (dy * dz) / dx;
  const ay = (dx * dz) / dy;
  const az = (dx * dy) / dz;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = (k * ny + j) * nx + i;
        const open = g.solid[c] === 0;
        g.gx[c] = open && i + 1 < nx && g.solid[c + 1] === 0 ? ax : 0;
        g.gy[c] = open && j + 1 < ny && g.solid[c + nx] === 0 ? ay : 0;
        g.gz[c] = open && k + 1 < nz && g.solid[c + nx * ny] === 0 ? az : 0;
      }
    }
  }
  for (const box of doc.containment) wallOff(g, box.min.x, box.min.y, box.max.x, box.max.y, box.heightM);
}

/**
 * Containment walls on the rectangle's edges up to its height, and a roof at that height. Both
 * hot- and cold-aisle containment are modelled the same way; a hot aisle's return is then drawn
 * from under its roof (ports.ts), as a chimney or ducted ceiling return would.
 */
function wallOff(g: Grid, minX: number, minY: number, maxX: number, maxY: number, heightM: number): void {
  const { nx, ny, nz, dx, dy, dz } = g;
  const [i0, i1] = cellRange(Math.min(minX, maxX), Math.max(minX, maxX), dx, nx);
  const [j0, j1] = cellRange(Math.min(minY, maxY), Math.max(minY, maxY), dy, ny);
  if (i0 > i1 || j0 > j1) return;
  const kTop = Math.min(nz - 1, Math.ceil(heightM / dz - 0.5) - 1); // last walled layer
  for (let k = 0; k <= kTop; k++) {
    for (let j = j0; j <= j1; j++) {
      const row = (k * ny + j) * nx;
      if (i0 > 0) g.gx[row + i0 - 1] = (g.gx[row + i0 - 1] as number) * CONTAINMENT_LEAKAGE;
      g.gx[row + i1] = (g.gx[row + i1] as number) * CONTAINMENT_LEAKAGE;
    }
    for (let i = i0; i <= i1; i++) {
      if (j0 > 0) g.gy[(k * ny + j0 - 1) * nx + i] = (g.gy[(k * ny + j0 - 1) * nx + i] as number) * CONTAINMENT_LEAKAGE;
      g.gy[(k * ny + j1) * nx + i] = (g.gy[(k * ny + j1) * nx + i] as number) * CONTAINMENT_LEAKAGE;
    }
  }
  if (kTop < 0 || kTop >= nz - 1) return; // full-height containment has no roof
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const c = (kTop * ny + j) * nx + i;
      g.gz[c] = (g.gz[c] as number) * CONTAINMENT_LEAKAGE;
    }
  }
}
