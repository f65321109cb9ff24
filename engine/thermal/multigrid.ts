// Aggregation multigrid for the potential-flow equation sum_faces G (phi_c - phi_nb) = S_c, used as
// the preconditioner of conjugate gradients (one symmetric V-cycle per CG step). The first coarse
// level collapses each air column (the vertical faces are the stiffest: A/d = dx dy / dz), then
// plan cells are paired along the strongly coupled axis (both axes when neither dominates) until a
// few hundred cells remain. A coarse face conductance is the sum of the fine faces it covers
// (Galerkin for piecewise-constant aggregates), halved along an axis whose cells doubled because
// the distance between cell centres doubled too (Braess 1995: plain aggregation is otherwise a
// factor ~2 too stiff and the coarse correction too weak). Smoother: lexicographic Gauss-Seidel,
// forward before and backward after the coarse correction, so the V-cycle is symmetric as CG needs.
import type { Grid } from './grid.js';

/** Coarsening stops below this many cells; the last level is relaxed COARSE_SWEEPS times. */
const COARSEST_CELLS = 64;
const COARSE_SWEEPS = 6;
/** An axis is coarsened alone when its mean face conductance is this much above the other's. */
const ANISOTROPY = 2;

export interface Level {
  nx: number; ny: number; nz: number; n: number;
  /** Conductance to the +x, +y, +z neighbour (0 at the edge and through solids). */
  gx: Float64Array; gy: Float64Array; gz: Float64Array;
  /** 1 / (sum of the cell's face conductances), 0 for a cell with none (solid). */
  inv: Float64Array;
  x: Float64Array; b: Float64Array; r: Float64Array;
  /** Aggregation factors from this level to the next (fz = nz collapses the column). */
  fx: number; fy: number; fz: number;
}

function level(nx: number, ny: number, nz: number): Level {
  const n = nx * ny * nz;
  const f = () => new Float64Array(n);
  return { nx, ny, nz, n, gx: f(), gy: f(), gz: f(), inv: f(), x: f(), b: f(), r: f(), fx: 1, fy: 1, fz: 1 };
}

function setDiagonal(l: Level): void {
  const { nx, ny, n, gx, gy, gz, inv } = l;
  const plane = nx * ny;
  for (let c = 0; c < n; c++) {
    let d = gx[c]! + gy[c]! + gz[c]!;
    if (c >= 1) d += gx[c - 1]!;
    if (c >= nx) d += gy[c - nx]!;
    if (c >= plane) d += gz[c - plane]!;
    inv[c] = d > 0 ? 1 / d : 0;
  }
}

function mean(a: Float64Array): number {
  let s = 0, k = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > 0) { s += a[i]!; k += 1; }
  return k > 0 ? s / k : 0;
}

/** The next level of `l`: columns collapsed first, then pairs along the stiff plan axis. */
function coarsen(l: Level): Level {
  if (l.nz > 1) { l.fz = l.nz; l.fx = 1; l.fy = 1; }
  else {
    const mx = mean(l.gx), my = mean(l.gy);
    l.fz = 1;
    l.fx = l.nx > 1 && mx * ANISOTROPY >= my ? 2 : 1;
    l.fy = l.ny > 1 && my * ANISOTROPY >= mx ? 2 : 1;
    if (l.fx === 1 && l.fy === 1) { if (l.nx > 1) l.fx = 2; else l.fy = 2; }
  }
  const c = level(Math.ceil(l.nx / l.fx), Math.ceil(l.ny / l.fy), Math.ceil(l.nz / l.fz));
  const sx = l.fx === 2 ? 0.5 : 1, sy = l.fy === 2 ? 0.5 : 1, sz = l.fz === 2 ? 0.5 : 1;
  for (let k = 0; k < l.nz; k++) {
    const kc = Math.floor(k / l.fz);
    const lastK = (k + 1) % l.fz === 0;
    for (let j = 0; j < l.ny; j++) {
      const jc = Math.floor(j / l.fy);
      const lastJ = (j + 1) % l.fy === 0;
      const fine = (k * l.ny + j) * l.nx;
      const coarse = (kc * c.ny + jc) * c.nx;
      for (let i = 0; i < l.nx; i++) {
        const f = fine + i;
        const cc = coarse + Math.floor(i / l.fx);
        // Faces between two aggregates survive; faces inside one vanish from the coarse operator.
        if ((i + 1) % l.fx === 0) c.gx[cc] = c.gx[cc]! + sx * l.gx[f]!;
        if (lastJ) c.gy[cc] = c.gy[cc]! + sy * l.gy[f]!;
        if (lastK) c.gz[cc] = c.gz[cc]! + sz * l.gz[f]!;
      }
    }
  }
  setDiagonal(c);
  return c;
}

export interface Hierarchy { levels: Level[] }

/**
 * Builds the levels for the grid's conductances (rebuild after the geometry changes). The finest
 * level shares the grid's conductances and the CG scratch vectors (CG's residual is the cycle's
 * right-hand side, its preconditioned residual the cycle's answer, q is free while it runs).
 */
export function buildHierarchy(g: Grid, scratch: { r: Float64Array; z: Float64Array; q: Float64Array; diag: Float64Array }): Hierarchy {
  const top: Level = {
    nx: g.nx, ny: g.ny, nz: g.nz, n: g.n, gx: g.gx, gy: g.gy, gz: g.gz,
    inv: scratch.diag, x: scratch.z, b: scratch.r, r: scratch.q, fx: 1, fy: 1, fz: 1,
  };
  setDiagonal(top);
  const levels = [top];
  let l = top;
  while (l.n > COARSEST_CELLS && (l.nx > 1 || l.ny > 1 || l.nz > 1)) {
    l = coarsen(l);
    levels.push(l);
  }
  return { levels };
}

/** One Gauss-Seidel sweep of A x = b, forward or backward through the cells. */
function relax(l: Level, forward: boolean): void {
  const { nx, ny, n, gx, gy, gz, inv, x, b } = l;
  const plane = nx * ny;
  const last = n - 1;
  for (let t = 0; t < n; t++) {
    const c = forward ? t : last - t;
    const ic = inv[c]!;
    if (ic === 0) continue;
    let s = b[c]!;
    if (c >= 1) s += gx[c - 1]! * x[c - 1]!;
    if (c < last) s += gx[c]! * x[c + 1]!;
    if (c >= nx) s += gy[c - nx]! * x[c - nx]!;
    if (c + nx <= last) s += gy[c]! * x[c + nx]!;
    if (c >= plane) s += gz[c - plane]! * x[c - plane]!;
    if (c + plane <= last) s += gz[c]! * x[c + plane]!;
    x[c] = s * ic;
  }
}

/** r = b - A x. */
function residual(l: Level): void {
  const { nx, ny, n, gx, gy, gz, inv, x, b, r } = l;
  const plane = nx * ny;
  const last = n - 1;
  for (let c = 0; c < n; c++) {
    const ic = inv[c]!;
    if (ic === 0) { r[c] = 0; continue; }
    const xc = x[c]!;
    let s = b[c]! - xc / ic;
    if (c >= 1) s += gx[c - 1]! * x[c - 1]!;
    if (c < last) s += gx[c]! * x[c + 1]!;
    if (c >= nx) s += gy[c - nx]! * x[c - nx]!;
    if (c + nx <= last) s += gy[c]! * x[c + nx]!;
    if (c >= plane) s += gz[c - plane]! * x[c - plane]!;
    if (c + plane <= last) s += gz[c]! * x[c + plane]!;
    r[c] = s;
  }
}

/** Sums fine residuals into the coarse right-hand side (R = P^T, P piecewise constant). */
function restrict(f: Level, c: Level): void {
  c.b.fill(0);
  for (let k = 0; k < f.nz; k++) {
    const kc = Math.floor(k / f.fz);
    for (let j = 0; j < f.ny; j++) {
      const fine = (k * f.ny + j) * f.nx;
      const coarse = (kc * c.ny + Math.floor(j / f.fy)) * c.nx;
      if (f.fx === 1) for (let i = 0; i < f.nx; i++) c.b[coarse + i] = c.b[coarse + i]! + f.r[fine + i]!;
      else for (let i = 0; i < f.nx; i++) c.b[coarse + (i >> 1)] = c.b[coarse + (i >> 1)]! + f.r[fine + i]!;
    }
  }
}

/** x_fine += P x_coarse. */
function prolong(c: Level, f: Level): void {
  for (let k = 0; k < f.nz; k++) {
    const kc = Math.floor(k / f.fz);
    for (let j = 0; j < f.ny; j++) {
      const fine = (k * f.ny + j) * f.nx;
      const coarse = (kc * c.ny + Math.floor(j / f.fy)) * c.nx;
      if (f.fx === 1) for (let i = 0; i < f.nx; i++) f.x[fine + i] = f.x[fine + i]! + c.x[coarse + i]!;
      else for (let i = 0; i < f.nx; i++) f.x[fine + i] = f.x[fine + i]! + c.x[coarse + (i >> 1)]!;
    }
  }
}

function cycle(h: Hierarchy, d: number): void {
  const l = h.levels[d]!;
  l.x.fill(0);
  if (d === h.levels.length - 1) {
    for (let s = 0; s < COARSE_SWEEPS; s++) { relax(l, true); relax(l, false); }
    return;
  }
  const c = h.levels[d + 1]!;
  relax(l, true);
  residual(l);
  restrict(l, c);
  cycle(h, d + 1);
  prolong(c, l);
  relax(l, false);
}

/** z = M^-1 r: one symmetric V-cycle from zero. */
export function precondition(h: Hierarchy, r: Float64Array, z: Float64Array): void {
  const top = h.levels[0]!;
  if (top.b !== r) top.b.set(r);
  cycle(h, 0);
  if (top.x !== z) z.set(top.x);
}
