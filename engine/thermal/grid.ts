// Rasterises the hall onto a 3D cell grid for the airflow and heat model: solid cells where racks,
// cooling units and floor-standing electrical gear stand, and face conductances A/d for the
// potential-flow solve (0 through solids, CONTAINMENT_LEAKAGE of open through containment walls
// and roofs). Cells are the floor tile in plan; huge halls coarsen along the rows first (where
// conditions repeat) so the cell count stays within MAX_CELLS_PER_LAYER.
import type { ProjectDocument, RotationDeg } from '../model/index.js';
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
  gx: Float64Array; gy: Float64Array; gz: Float64Array;
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
  return { ...s, n, solid: new Uint8Array(n), gx: new Float64Array(n), gy: new Float64Array(n), gz: new Float64Array(n) };
}

/** Index range [lo, hi] of cells whose centres lie inside [min, max) along one axis. */
export function cellRange(min: number, max: number, d: number, count: number): [number, number] {
  const lo = Math.max(0, Math.ceil(min / d - 0.5));
  const hi = Math.min(count - 1, Math.ceil(max / d - 0.5) - 1);
  return [lo, hi];
}

/** The plan rectangle of cells a rasterisation rewrites (inclusive), with the faces touching it. */
export interface Region { i0: number; i1: number; j0: number; j1: number }

/**
 * Marks the cells under one floor-standing object solid, clipped to the region. Centres inside the
 * footprint and below the top count (cellRange), so a rack fills the cells its footprint mostly covers.
 */
function fillBox(g: Grid, r: Region, minX: number, minY: number, maxX: number, maxY: number, heightM: number): void {
  const { nx, ny, nz, dx, dy, dz } = g;
  const [a0, a1] = cellRange(minX, maxX, dx, nx);
  const [b0, b1] = cellRange(minY, maxY, dy, ny);
  const i0 = Math.max(a0, r.i0), i1 = Math.min(a1, r.i1), j0 = Math.max(b0, r.j0), j1 = Math.min(b1, r.j1);
  if (i0 > i1 || j0 > j1) return;
  const kTop = Math.min(nz - 1, Math.ceil(heightM / dz - 0.5) - 1);
  for (let k = 0; k <= kTop; k++) {
    for (let j = j0; j <= j1; j++) g.solid.fill(1, (k * ny + j) * nx + i0, (k * ny + j) * nx + i1 + 1);
  }
}

/** Paints every rack, cooling unit and floor-standing electrical item that reaches into the region. */
function paintObstacles(doc: ProjectDocument, g: Grid, r: Region): void {
  const rackTypes = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  const coolTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  // Objects whose centre is farther from the region than the largest half-diagonal in the catalog
  // cannot touch it (an edit's window then costs a position test per object, not a footprint).
  let reach = 0;
  for (const t of [...doc.catalog.rackTypes, ...doc.catalog.coolingTypes, ...doc.catalog.powerTypes]) reach = Math.max(reach, Math.hypot(t.widthM, t.depthM) / 2);
  const x0 = r.i0 * g.dx - reach, x1 = (r.i1 + 1) * g.dx + reach, y0 = r.j0 * g.dy - reach, y1 = (r.j1 + 1) * g.dy + reach;
  const far = (p: { x: number; y: number }) => p.x < x0 || p.x > x1 || p.y < y0 || p.y > y1;
  const paint = (pos: { x: number; y: number }, rot: RotationDeg, t: { widthM: number; depthM: number; heightM: number }) => {
    const f = footprint(pos, t.widthM, t.depthM, rot);
    fillBox(g, r, f.minX, f.minY, f.maxX, f.maxY, t.heightM);
  };
  for (const o of doc.racks) { if (far(o.position)) continue; const t = rackTypes.get(o.typeId); if (t) paint(o.position, o.rotationDeg, t); }
  for (const o of doc.cooling) { if (far(o.position)) continue; const t = coolTypes.get(o.typeId); if (t) paint(o.position, o.rotationDeg, t); }
  for (const o of doc.power) {
    if (far(o.position)) continue;
    const t = powerTypes.get(o.typeId);
    if (t && t.kind !== 'busway') paint(o.position, o.rotationDeg, t);
  }
}

export const wholeGrid = (g: GridShape): Region => ({ i0: 0, i1: g.nx - 1, j0: 0, j1: g.ny - 1 });

/**
 * Fills solids and face conductances for the document. With a region, only its cells and the faces
 * touching them are rewritten (an edit's window); everything else keeps its values.
 */
export function rasterise(doc: ProjectDocument, g: Grid, region: Region = wholeGrid(g)): void {
  const { nx, ny, nz, dx, dy, dz } = g;
  const r = region;
  const plane = nx * ny;
  for (let k = 0; k < nz; k++) {
    for (let j = r.j0; j <= r.j1; j++) g.solid.fill(0, k * plane + j * nx + r.i0, k * plane + j * nx + r.i1 + 1);
  }
  paintObstacles(doc, g, r);
  const ax = (dy * dz) / dx;
  const ay = (dx * dz) / dy;
  const az = (dx * dy) / dz;
  const { solid, gx, gy, gz } = g;
  // Faces touching the region: +x faces of cells i0-1..i1, +y faces of rows j0-1..j1.
  const iLo = Math.max(0, r.i0 - 1), jLo = Math.max(0, r.j0 - 1);
  for (let k = 0; k < nz; k++) {
    for (let j = jLo; j <= r.j1; j++) {
      const row = k * plane + j * nx;
      const inRows = j >= r.j0;
      const lastRow = j + 1 >= ny, topLayer = k + 1 >= nz;
      for (let i = iLo; i <= r.i1; i++) {
        const c = row + i;
        const open = solid[c] === 0;
        if (inRows) gx[c] = open && i + 1 < nx && solid[c + 1] === 0 ? ax : 0;
        if (i < r.i0) continue;
        gy[c] = open && !lastRow && solid[c + nx] === 0 ? ay : 0;
        if (inRows) gz[c] = open && !topLayer && solid[c + plane] === 0 ? az : 0;
      }
    }
  }
  for (const box of doc.containment) wallOff(g, r, box.min.x, box.min.y, box.max.x, box.max.y, box.heightM);
}

/**
 * Containment walls on the rectangle's edges up to its height, and a roof at that height. Both
 * hot- and cold-aisle containment are modelled the same way; a hot aisle's return is then drawn
 * from under its roof (ports.ts), as a chimney or ducted ceiling return would.
 */
function wallOff(g: Grid, r: Region, minX: number, minY: number, maxX: number, maxY: number, heightM: number): void {
  const { nx, ny, nz, dx, dy, dz } = g;
  const [i0, i1] = cellRange(Math.min(minX, maxX), Math.max(minX, maxX), dx, nx);
  const [j0, j1] = cellRange(Math.min(minY, maxY), Math.max(minY, maxY), dy, ny);
  if (i0 > i1 || j0 > j1) return;
  // Only faces that rasterise() just rewrote may be scaled (else a second pass would scale twice).
  const xFace = (i: number, j: number) => i >= r.i0 - 1 && i <= r.i1 && j >= r.j0 && j <= r.j1;
  const yFace = (i: number, j: number) => i >= r.i0 && i <= r.i1 && j >= r.j0 - 1 && j <= r.j1;
  if (i1 < r.i0 - 1 || i0 > r.i1 + 1 || j1 < r.j0 - 1 || j0 > r.j1 + 1) return;
  const kTop = Math.min(nz - 1, Math.ceil(heightM / dz - 0.5) - 1); // last walled layer
  for (let k = 0; k <= kTop; k++) {
    for (let j = j0; j <= j1; j++) {
      const row = (k * ny + j) * nx;
      if (i0 > 0 && xFace(i0 - 1, j)) g.gx[row + i0 - 1] = g.gx[row + i0 - 1]! * CONTAINMENT_LEAKAGE;
      if (xFace(i1, j)) g.gx[row + i1] = g.gx[row + i1]! * CONTAINMENT_LEAKAGE;
    }
    for (let i = i0; i <= i1; i++) {
      if (j0 > 0 && yFace(i, j0 - 1)) g.gy[(k * ny + j0 - 1) * nx + i] = g.gy[(k * ny + j0 - 1) * nx + i]! * CONTAINMENT_LEAKAGE;
      if (yFace(i, j1)) g.gy[(k * ny + j1) * nx + i] = g.gy[(k * ny + j1) * nx + i]! * CONTAINMENT_LEAKAGE;
    }
  }
  if (kTop < 0 || kTop >= nz - 1) return; // full-height containment has no roof
  for (let j = Math.max(j0, r.j0); j <= Math.min(j1, r.j1); j++) {
    for (let i = Math.max(i0, r.i0); i <= Math.min(i1, r.i1); i++) {
      const c = (kTop * ny + j) * nx + i;
      g.gz[c] = g.gz[c]! * CONTAINMENT_LEAKAGE;
    }
  }
}
