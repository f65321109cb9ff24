// Two-level acceleration of the heat sweeps. Where racks re-breathe most of their own exhaust (a
// small cooling-unit share), each neighbourhood's temperature level is set by its own slow balance
// of rack heat against the little supply and return air it gets, and Gauss-Seidel sweeps move such
// levels by about the supply share per pass: hundreds of passes. Summing the cell equations over
// aggregates of AGG x AGG air columns gives one energy balance per aggregate (Galerkin with
// piecewise-constant restriction and prolongation, including the rack intake -> exhaust coupling);
// solving that small system and adding its answer to every cell of the aggregate corrects all those
// levels at once, and the sweeps are left with the local detail they resolve quickly.
import type { Window } from './flow.js';
import type { Grid } from './grid.js';
import type { HeatSystem } from './heat.js';
import type { Ports } from './ports.js';

/** Aggregate size in plan cells (all layers of a column are in one aggregate). */
const AGG = 4;
/** Gauss-Seidel passes on the coarse system per correction, and the relative change that ends them. */
const COARSE_SWEEPS = 30;
const COARSE_TOLERANCE = 1e-4;

export interface HeatCoarse {
  w: Window; cx: number; cy: number; n: number;
  /** Per aggregate: diagonal and the coefficients of the -x, +x, -y, +y neighbour aggregates. */
  diag: Float64Array; cw: Float64Array; ce: Float64Array; cs: Float64Array; cn: Float64Array;
  rhs: Float64Array; e: Float64Array;
  /** Aggregate column of plan index i (offset by i0) and aggregate row start of j (offset by j0). */
  aggI: Int32Array; aggJ: Int32Array;
}

function aggregateOf(cc: HeatCoarse, i: number, j: number): number {
  return cc.aggJ[j - cc.w.j0]! + cc.aggI[i - cc.w.i0]!;
}

/** Adds coefficient a (of aggregate b in aggregate a0's equation) to the coarse matrix. */
function couple(cc: HeatCoarse, a0: number, b: number, coef: number): void {
  if (b === a0) cc.diag[a0] = cc.diag[a0]! - coef;
  else if (b === a0 - 1 && a0 % cc.cx !== 0) cc.cw[a0] = cc.cw[a0]! + coef;
  else if (b === a0 + 1 && b % cc.cx !== 0) cc.ce[a0] = cc.ce[a0]! + coef;
  else if (b === a0 - cc.cx) cc.cs[a0] = cc.cs[a0]! + coef;
  else if (b === a0 + cc.cx) cc.cn[a0] = cc.cn[a0]! + coef;
  // Couplings further apart are left out: the preconditioner is then only less exact.
}

/** The aggregated system of the window's heat equations (after buildCoefficients and buildSinks). */
export function buildHeatCoarse(g: Grid, w: Window, s: HeatSystem, ports: Ports, rackAirflow: Float64Array, active: Int32Array): HeatCoarse {
  const cx = Math.ceil((w.i1 - w.i0 + 1) / AGG), cy = Math.ceil((w.j1 - w.j0 + 1) / AGG);
  const n = cx * cy;
  const f = () => new Float64Array(n);
  const aggI = new Int32Array(w.i1 - w.i0 + 1).map((_, d) => Math.floor(d / AGG));
  const aggJ = new Int32Array(w.j1 - w.j0 + 1).map((_, d) => Math.floor(d / AGG) * cx);
  const cc: HeatCoarse = { w, cx, cy, n, diag: f(), cw: f(), ce: f(), cs: f(), cn: f(), rhs: f(), e: f(), aggI, aggJ };
  const { nx, ny, nz } = g;
  const plane = nx * ny;
  const { diag, cxm, cxp, cym, cyp, czm, czp } = s;
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      for (let i = w.i0; i <= w.i1; i++) {
        const c = k * plane + j * nx + i;
        if (diag[c]! <= 0) continue;
        const a = aggregateOf(cc, i, j);
        cc.diag[a] = cc.diag[a]! + diag[c]!;
        // Neighbours outside the window are held fixed: they stay in the residual, not the matrix.
        if (i > w.i0) couple(cc, a, aggregateOf(cc, i - 1, j), cxm[c - 1]!);
        if (i < w.i1) couple(cc, a, aggregateOf(cc, i + 1, j), cxp[c]!);
        if (j > w.j0) couple(cc, a, aggregateOf(cc, i, j - 1), cym[c - nx]!);
        if (j < w.j1) couple(cc, a, aggregateOf(cc, i, j + 1), cyp[c]!);
        if (k > 0) cc.diag[a] = cc.diag[a]! - czm[c - plane]!;
        if (k + 1 < nz) cc.diag[a] = cc.diag[a]! - czp[c]!;
      }
    }
  }
  // Rack coupling: exhaust cells gain V x (weighted intake theta), an off-diagonal entry of -V.
  for (let t = 0; t < active.length; t++) {
    const r = active[t]!;
    const fl = rackAirflow[r]!;
    for (let k = 0; k < nz; k++) {
      const o = r * nz + k;
      const wo = ports.racks.weight[o]!;
      if (wo <= 0) continue;
      const out = ports.racks.outCell[o]!;
      const a = aggregateOf(cc, out % nx, Math.floor(out / nx) % ny);
      for (let kk = 0; kk < nz; kk++) {
        const oi = r * nz + kk;
        const wi = ports.racks.weight[oi]!;
        if (wi <= 0) continue;
        const inn = ports.racks.inCell[oi]!;
        const ii = inn % nx, jj = Math.floor(inn / nx) % ny;
        if (ii < w.i0 || ii > w.i1 || jj < w.j0 || jj > w.j1) continue;
        couple(cc, a, aggregateOf(cc, ii, jj), fl * wo * wi);
      }
    }
  }
  return cc;
}

/**
 * Restricts the residual of the current theta (sources already built from it), solves the coarse
 * system and adds the correction to every open cell of each aggregate. Theta stays >= 0 (no air is
 * colder than the supply: every source is supply air or exhaust warmed by a rack), so a correction
 * never leaves a cell below it; the sweeps then converge to the same fixed point. Returns the
 * largest correction, K.
 */
export function coarseCorrect(g: Grid, s: HeatSystem, cc: HeatCoarse): number {
  const { nx, ny, nz } = g;
  const plane = nx * ny;
  const { w, rhs, e, aggI, aggJ } = cc;
  const { theta, diag, src, cxm, cxp, cym, cyp, czm, czp } = s;
  rhs.fill(0);
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = k * plane + j * nx;
      const aj = aggJ[j - w.j0]!;
      for (let i = w.i0; i <= w.i1; i++) {
        const c = row + i;
        const d = diag[c]!;
        if (d <= 0) continue;
        let r = src[c]! - d * theta[c]!;
        if (i > 0) r += cxm[c - 1]! * theta[c - 1]!;
        if (i + 1 < nx) r += cxp[c]! * theta[c + 1]!;
        if (j > 0) r += cym[c - nx]! * theta[c - nx]!;
        if (j + 1 < ny) r += cyp[c]! * theta[c + nx]!;
        if (k > 0) r += czm[c - plane]! * theta[c - plane]!;
        if (k + 1 < nz) r += czp[c]! * theta[c + plane]!;
        const a = aj + aggI[i - w.i0]!;
        rhs[a] = rhs[a]! + r;
      }
    }
  }
  solveCoarse(cc);
  let largest = 0;
  for (let a = 0; a < cc.n; a++) largest = Math.max(largest, Math.abs(e[a]!));
  if (largest === 0) return 0;
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = k * plane + j * nx;
      const aj = aggJ[j - w.j0]!;
      for (let i = w.i0; i <= w.i1; i++) {
        const c = row + i;
        if (diag[c]! > 0) theta[c] = Math.max(0, theta[c]! + e[aj + aggI[i - w.i0]!]!);
      }
    }
  }
  return largest;
}

function solveCoarse(cc: HeatCoarse): void {
  const { n, cx, diag, cw, ce, cs, cn, rhs, e } = cc;
  e.fill(0);
  for (let it = 0; it < COARSE_SWEEPS; it++) {
    let change = 0, size = 0;
    for (let t = 0; t < n; t++) {
      const a = it % 2 === 0 ? t : n - 1 - t;
      const d = diag[a]!;
      if (d <= 0) continue;
      let v = rhs[a]!;
      if (a % cx !== 0) v += cw[a]! * e[a - 1]!;
      if ((a + 1) % cx !== 0 && a + 1 < n) v += ce[a]! * e[a + 1]!;
      if (a >= cx) v += cs[a]! * e[a - cx]!;
      if (a + cx < n) v += cn[a]! * e[a + cx]!;
      v /= d;
      change = Math.max(change, Math.abs(v - e[a]!));
      size = Math.max(size, Math.abs(v));
      e[a] = v;
    }
    if (change <= COARSE_TOLERANCE * size) break;
  }
}
