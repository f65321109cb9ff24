// Steady advection-diffusion of heat on the potential-flow field, finite volumes with first-order
// upwinding: for each open cell c,
//   (sum of outflows + sum D + sinks) theta_c = sum over inflowing faces (F + D) theta_nb
//     + sum over outflowing faces D theta_nb + sum of sources * theta_source,
// theta = T - T_supply. Racks couple intake to exhaust: theta_out = theta_in + (P_air - P_door) /
// (rho cp V). Every face flux leaves one cell and enters the next with the same temperature, so
// heat is conserved exactly once the sweeps converge (the energy balance checks that).
// Turbulent mixing: the zero-equation model of Chen & Xu (1998), nu_t = 0.03874 |v| L, with L the
// cell size and |v| never below still air (0.1 m/s); first-order upwinding adds numerical
// diffusion of about |v| dx / 2 on top (see docs/thermal-model.md).
import type { Grid } from './grid.js';
import type { Window } from './flow.js';
import { coarseCorrect, type HeatCoarse } from './heat-coarse.js';
import type { Ports } from './ports.js';

/** Chen & Xu (1998) zero-equation constant: nu_t = 0.03874 V L. */
export const ZERO_EQ_CONSTANT = 0.03874;
/** Air speed below which room air counts as still (ASHRAE 55 uses 0.2 m/s; we take half). */
export const STILL_AIR_MS = 0.1;
/** Sweeps stop once no rack inlet moves more than this between two sweeps, K. */
export const SWEEP_TOLERANCE_K = 5e-3;
/** ... and no cell's equation is off by more than this Jacobi step, K. */
export const STEP_TOLERANCE_K = 0.05;
const MAX_SWEEPS = 600;
/** Per-sweep convergence rate above which the extrapolated remaining change is taken as this rate's. */
const MAX_RATE = 0.999;
/** Coarse corrections smaller than this (K) end the two-level phase of a solve. */
const COARSE_OFF_K = SWEEP_TOLERANCE_K / 10;

export interface HeatSystem {
  /** Coefficient of theta of the -x/+x/... neighbour in a cell's equation, stored on the face. */
  cxm: Float32Array; cxp: Float32Array; cym: Float32Array; cyp: Float32Array; czm: Float32Array; czp: Float32Array;
  /** Face air flux to the +x, +y, +z neighbour, m3/s. */
  fx: Float32Array; fy: Float32Array; fz: Float32Array;
  sink: Float64Array; diag: Float64Array; src: Float64Array; theta: Float64Array;
  /** Per rack: inlet and exhaust theta (K above supply), and the exhaust rise (K). */
  rackIn: Float64Array; rackOut: Float64Array; rackRise: Float64Array;
}

export function heatSystem(n: number, racks: number): HeatSystem {
  const f32 = () => new Float32Array(n);
  return {
    cxm: f32(), cxp: f32(), cym: f32(), cyp: f32(), czm: f32(), czp: f32(), fx: f32(), fy: f32(), fz: f32(),
    sink: new Float64Array(n), diag: new Float64Array(n), src: new Float64Array(n), theta: new Float64Array(n),
    rackIn: new Float64Array(racks), rackOut: new Float64Array(racks), rackRise: new Float64Array(racks),
  };
}

const sumInto = (a: Float64Array, i: number, v: number) => { a[i] = (a[i] as number) + v; };

/** Sinks (air leaving the grid: intakes and returns) per cell, m3/s. */
export function buildSinks(ports: Ports, rackAirflow: Float64Array, crahShare: number, inrowAirflow: Float64Array, nz: number, sink: Float64Array): void {
  sink.fill(0);
  for (let r = 0; r < rackAirflow.length; r++) {
    const f = rackAirflow[r] as number;
    if (f <= 0 || ports.rackReturn[r] === -1) continue;
    for (let k = 0; k < nz; k++) {
      const o = r * nz + k;
      const w = ports.racks.weight[o] as number;
      if (w > 0) sumInto(sink, ports.racks.inCell[o] as number, f * w);
    }
    sumInto(sink, ports.rackReturn[r] as number, crahShare * f);
  }
  for (let e = 0; e < inrowAirflow.length; e++) {
    for (let k = 0; k < nz; k++) {
      const o = e * nz + k;
      const w = ports.inrow.weight[o] as number;
      if (w > 0) sumInto(sink, ports.inrow.outCell[o] as number, (inrowAirflow[e] as number) * w);
    }
  }
}

/** Face fluxes from phi and equation coefficients for the window's cells (and its edge faces). */
export function buildCoefficients(g: Grid, w: Window, phi: Float64Array, s: HeatSystem): void {
  const { nx, ny, nz, dx, dy, dz, gx, gy, gz } = g;
  const plane = nx * ny;
  // Still-air floor of the turbulent term per unit of face conductance: STILL_AIR_MS x area / (A/d).
  const stillX = STILL_AIR_MS * dx, stillY = STILL_AIR_MS * dy, stillZ = STILL_AIR_MS * dz;
  const iLo = Math.max(0, w.i0 - 1), jLo = Math.max(0, w.j0 - 1);
  const { fx, fy, fz, cxm, cxp, cym, cyp, czm, czp } = s;
  // cxm: coefficient of the lower cell in the upper cell's equation (inflow + D); cxp the reverse.
  for (let k = 0; k < nz; k++) {
    for (let j = jLo; j <= w.j1; j++) {
      const row = k * plane + j * nx;
      for (let i = iLo; i <= w.i1; i++) {
        const c = row + i;
        const pc = phi[c]!;
        let gg = gx[c]!;
        let f = gg > 0 ? gg * (pc - phi[c + 1]!) : 0;
        let d = ZERO_EQ_CONSTANT * Math.max(Math.abs(f), stillX * gg);
        fx[c] = f; cxm[c] = gg > 0 ? Math.max(f, 0) + d : 0; cxp[c] = gg > 0 ? Math.max(-f, 0) + d : 0;
        gg = gy[c]!;
        f = gg > 0 ? gg * (pc - phi[c + nx]!) : 0;
        d = ZERO_EQ_CONSTANT * Math.max(Math.abs(f), stillY * gg);
        fy[c] = f; cym[c] = gg > 0 ? Math.max(f, 0) + d : 0; cyp[c] = gg > 0 ? Math.max(-f, 0) + d : 0;
        gg = gz[c]!;
        f = gg > 0 ? gg * (pc - phi[c + plane]!) : 0;
        d = ZERO_EQ_CONSTANT * Math.max(Math.abs(f), stillZ * gg);
        fz[c] = f; czm[c] = gg > 0 ? Math.max(f, 0) + d : 0; czp[c] = gg > 0 ? Math.max(-f, 0) + d : 0;
      }
    }
  }
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = k * plane + j * nx;
      for (let i = w.i0; i <= w.i1; i++) {
        const c = row + i;
        // Outflow + D through each face is the coefficient of c in the neighbour's equation.
        let d = s.sink[c]! + cxm[c]! + cym[c]! + czm[c]!;
        if (i > 0) d += cxp[c - 1]!;
        if (j > 0) d += cyp[c - nx]!;
        if (k > 0) d += czp[c - plane]!;
        s.diag[c] = g.solid[c] === 0 ? d : 0;
      }
    }
  }
}

export const inWindow = (g: Grid, w: Window, c: number) => {
  const i = c % g.nx;
  const j = Math.floor(c / g.nx) % g.ny;
  return i >= w.i0 && i <= w.i1 && j >= w.j0 && j <= w.j1;
};

/** Rack inlets from the field, exhausts from inlet + rise, written as sources. Returns max inlet change. */
function updateRacks(g: Grid, ports: Ports, rackAirflow: Float64Array, active: Int32Array, s: HeatSystem): number {
  const nz = g.nz;
  let maxChange = 0;
  for (let a = 0; a < active.length; a++) {
    const r = active[a] as number;
    const f = rackAirflow[r] as number;
    let tin = 0;
    for (let k = 0; k < nz; k++) {
      const o = r * nz + k;
      const w = ports.racks.weight[o] as number;
      if (w > 0) tin += w * (s.theta[ports.racks.inCell[o] as number] as number);
    }
    maxChange = Math.max(maxChange, Math.abs(tin - (s.rackIn[r] as number)));
    s.rackIn[r] = tin;
    const tout = tin + (s.rackRise[r] as number);
    s.rackOut[r] = tout;
    for (let k = 0; k < nz; k++) {
      const o = r * nz + k;
      const w = ports.racks.weight[o] as number;
      if (w > 0) sumInto(s.src, ports.racks.outCell[o] as number, f * w * tout);
    }
  }
  return maxChange;
}

function sweep(g: Grid, w: Window, s: HeatSystem, forward: boolean): void {
  const { nx, ny, nz } = g;
  const plane = nx * ny;
  const { theta, diag, src, cxm, cxp, cym, cyp, czm, czp } = s;
  for (let kk = 0; kk < nz; kk++) {
    const k = forward ? kk : nz - 1 - kk;
    for (let jj = w.j0; jj <= w.j1; jj++) {
      const j = forward ? jj : w.j1 + w.j0 - jj;
      const row = k * plane + j * nx;
      for (let ii = w.i0; ii <= w.i1; ii++) {
        const c = row + (forward ? ii : w.i1 + w.i0 - ii);
        const d = diag[c] as number;
        if (d <= 0) continue;
        let num = src[c] as number;
        const i = c - row;
        if (i > 0) num += (cxm[c - 1] as number) * (theta[c - 1] as number);
        if (i + 1 < nx) num += (cxp[c] as number) * (theta[c + 1] as number);
        if (j > 0) num += (cym[c - nx] as number) * (theta[c - nx] as number);
        if (j + 1 < ny) num += (cyp[c] as number) * (theta[c + nx] as number);
        if (k > 0) num += (czm[c - plane] as number) * (theta[c - plane] as number);
        if (k + 1 < nz) num += (czp[c] as number) * (theta[c + plane] as number);
        theta[c] = num / d;
      }
    }
  }
}

/**
 * Adds d to theta in every open cell of the window. The sum of all cell equations is the hall's
 * energy balance, and a uniform shift changes only the heat the cooling returns carry away (rack
 * intakes and exhausts move together), so the shift that balances it is a one-unknown coarse
 * correction: it removes at once the slow hall-wide mode that re-breathing loops otherwise leave
 * to hundreds of sweeps.
 */
function shiftOpen(g: Grid, w: Window, s: HeatSystem, d: number): void {
  if (!(Math.abs(d) > COARSE_OFF_K)) return; // negligible (or NaN): not worth a pass
  const { theta, diag } = s;
  for (let k = 0; k < g.nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = (k * g.ny + j) * g.nx;
      for (let c = row + w.i0; c <= row + w.i1; c++) if (diag[c]! > 0) theta[c] = Math.max(0, theta[c]! + d);
    }
  }
}

/**
 * Gauss-Seidel sweeps (forward, then backward) until rack inlets settle and `balanced()` (the
 * energy balance) holds. Returns the sweeps used.
 */
export function solveHeat(
  g: Grid, w: Window, ports: Ports, rackAirflow: Float64Array, active: Int32Array, s: HeatSystem, balanced: () => boolean,
  levelShift: (() => number) | null = null, coarse: HeatCoarse | null = null,
): number {
  // Only rack exhausts put heat in (supplies are at theta 0), and every rack exhausting into the
  // window is active, so the window's sources are rebuilt from scratch each sweep.
  const clearSrc = () => {
    for (let k = 0; k < g.nz; k++) {
      for (let j = w.j0; j <= w.j1; j++) {
        const row = (k * g.ny + j) * g.nx;
        s.src.fill(0, row + w.i0, row + w.i1 + 1);
      }
    }
  };
  let settled = 0;
  let it = 0;
  let coarseOn = true;
  let before = Infinity, last = Infinity;
  for (; it < MAX_SWEEPS; it++) {
    if (levelShift !== null) shiftOpen(g, w, s, levelShift());
    clearSrc();
    const change = updateRacks(g, ports, rackAirflow, active, s);
    // A slow loop moves inlets little per sweep while far from its answer: extrapolate the change
    // geometrically (rate per sweep from two sweeps back, one forward and one backward) and ask the
    // remaining distance change x rho / (1 - rho) to be within the tolerance too.
    const rho = before > 0 && Number.isFinite(before) ? Math.min(Math.sqrt(change / before), MAX_RATE) : 0;
    const remaining = (change * rho) / (1 - rho);
    before = last;
    last = change;
    settled = change < SWEEP_TOLERANCE_K && remaining < SWEEP_TOLERANCE_K ? settled + 1 : 0;
    // Inlets still and the hall balanced; then every cell's equation must hold too (a warm start
    // after an edit moves inlets only slowly while the disturbance spreads).
    if (settled >= 2 && balanced() && maxStepK(g, w, s) < STEP_TOLERANCE_K) break;
    // Once a correction is far below the sweep tolerance the slow modes are gone: stop paying for it.
    if (coarse !== null && coarseOn) {
      coarseOn = coarseCorrect(g, s, coarse) > COARSE_OFF_K;
      clearSrc();
      updateRacks(g, ports, rackAirflow, active, s);
    }
    sweep(g, w, s, it % 2 === 0);
  }
  return it;
}

/**
 * How far a windowed solve left the field outside the window out of balance, K: the largest
 * Jacobi step |r_c| / a_cc over the ring of cells just outside the window (their neighbours inside
 * changed), and the largest change of the intake temperature of racks that draw from the window
 * but blow outside it (their exhaust sources outside were not updated). Small means the edit's
 * effect has died out inside the window.
 */
/** |r_c| / a_cc of cell c's heat equation at the current field and sources: its Jacobi step, K. */
function stepK(g: Grid, s: HeatSystem, c: number, i: number, j: number, k: number): number {
  const { nx, ny, nz } = g;
  const plane = nx * ny;
  const { theta, diag, src, cxm, cxp, cym, cyp, czm, czp } = s;
  const d = diag[c]!;
  if (d <= 0) return 0;
  let r = src[c]! - d * theta[c]!;
  if (i > 0) r += cxm[c - 1]! * theta[c - 1]!;
  if (i + 1 < nx) r += cxp[c]! * theta[c + 1]!;
  if (j > 0) r += cym[c - nx]! * theta[c - nx]!;
  if (j + 1 < ny) r += cyp[c]! * theta[c + nx]!;
  if (k > 0) r += czm[c - plane]! * theta[c - plane]!;
  if (k + 1 < nz) r += czp[c]! * theta[c + plane]!;
  return Math.abs(r) / d;
}

/** The largest Jacobi step over the window's cells, K. */
function maxStepK(g: Grid, w: Window, s: HeatSystem): number {
  let worst = 0;
  for (let k = 0; k < g.nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = (k * g.ny + j) * g.nx;
      for (let i = w.i0; i <= w.i1; i++) if (s.diag[row + i]! > 0) worst = Math.max(worst, stepK(g, s, row + i, i, j, k));
    }
  }
  return worst;
}

export function windowLeakK(g: Grid, w: Window, ports: Ports, rackAirflow: Float64Array, s: HeatSystem): number {
  const { nx, ny, nz } = g;
  const plane = nx * ny;
  const theta = s.theta;
  let worst = 0;
  const check = (i: number, j: number) => {
    if (i < 0 || j < 0 || i >= nx || j >= ny) return;
    for (let k = 0; k < nz; k++) worst = Math.max(worst, stepK(g, s, k * plane + j * nx + i, i, j, k));
  };
  for (let j = w.j0 - 1; j <= w.j1 + 1; j++) { check(w.i0 - 1, j); check(w.i1 + 1, j); }
  for (let i = w.i0; i <= w.i1; i++) { check(i, w.j0 - 1); check(i, w.j1 + 1); }
  for (let r = 0; r < rackAirflow.length; r++) {
    if (rackAirflow[r]! <= 0) continue;
    let tin = 0, outside = false;
    for (let k = 0; k < nz; k++) {
      const o = r * nz + k;
      const wt = ports.racks.weight[o]!;
      if (wt <= 0) continue;
      tin += wt * theta[ports.racks.inCell[o]!]!;
      outside = outside || !inWindow(g, w, ports.racks.outCell[o]!);
    }
    if (outside) worst = Math.max(worst, Math.abs(tin - s.rackIn[r]!));
  }
  return worst;
}
