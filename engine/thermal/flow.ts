// Potential flow (VanGilder 2011 style): air moves down the gradient of a potential phi with
// sum_faces G (phi_c - phi_nb) = S_c, G = A/d, S_c the air put into cell c by rack exhausts and
// cooler supplies minus what intakes and returns take out. The face flux G (phi_c - phi_nb) then
// conserves mass in every cell. Solved by Jacobi-preconditioned conjugate gradients, over the
// whole grid (Neumann walls: sources sum to zero) or over a window with the outside held fixed
// (Dirichlet), which is how an edit is recomputed locally.
import type { Grid } from './grid.js';
import type { Ports } from './ports.js';

export interface Window { i0: number; i1: number; j0: number; j1: number }

export const fullWindow = (g: Grid): Window => ({ i0: 0, i1: g.nx - 1, j0: 0, j1: g.ny - 1 });

/** Relative residual ||S - A phi|| / ||S|| at which the flow solve stops. */
export const FLOW_TOLERANCE = 1e-3;
const MAX_CG_ITERATIONS = 3000;

const add = (a: Float64Array, i: number, v: number) => { a[i] = (a[i] as number) + v; };

/** Net air source per cell, m3/s (positive: air enters the cell). */
export function airSources(
  g: Grid, ports: Ports, rackAirflow: Float64Array, crahShare: number, inrowAirflow: Float64Array, out: Float64Array,
): void {
  out.fill(0);
  const nz = g.nz;
  const { inCell, outCell, weight } = ports.racks;
  for (let r = 0; r < rackAirflow.length; r++) {
    const f = rackAirflow[r] as number;
    if (f <= 0 || ports.rackReturn[r] === -1) continue;
    for (let k = 0; k < nz; k++) {
      const o = r * nz + k;
      const w = weight[o] as number;
      if (w <= 0) continue;
      add(out, inCell[o] as number, -(f * w));
      add(out, outCell[o] as number, f * w);
    }
    add(out, ports.rackSupply[r] as number, crahShare * f);
    add(out, ports.rackReturn[r] as number, -(crahShare * f));
  }
  const p = ports.inrow;
  for (let e = 0; e < inrowAirflow.length; e++) {
    const a = inrowAirflow[e] as number;
    for (let k = 0; k < nz; k++) {
      const o = e * nz + k;
      const w = p.weight[o] as number;
      if (w <= 0) continue;
      add(out, p.inCell[o] as number, a * w); // supply at the front
      add(out, p.outCell[o] as number, -(a * w)); // return at the rear
    }
  }
}

/** Scratch vectors for the solver, kept between solves so an edit allocates nothing. */
export interface FlowWork { r: Float64Array; z: Float64Array; p: Float64Array; q: Float64Array; diag: Float64Array }

export const flowWork = (n: number): FlowWork => ({
  r: new Float64Array(n), z: new Float64Array(n), p: new Float64Array(n), q: new Float64Array(n), diag: new Float64Array(n),
});

/** q = A v over the window, with v taken as 0 outside it (when outside is false) or as given. */
function apply(g: Grid, w: Window, v: Float64Array, q: Float64Array, outsideZero: boolean): void {
  const { nx, ny, nz, gx, gy, gz } = g;
  const plane = nx * ny;
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = k * plane + j * nx;
      for (let i = w.i0; i <= w.i1; i++) {
        const c = row + i;
        const vc = v[c] as number;
        let s = 0;
        let gg: number;
        if (i > 0 && (gg = gx[c - 1] as number) > 0) s += gg * (vc - (outsideZero && i === w.i0 ? 0 : (v[c - 1] as number)));
        if ((gg = gx[c] as number) > 0) s += gg * (vc - (outsideZero && i === w.i1 ? 0 : (v[c + 1] as number)));
        if (j > 0 && (gg = gy[c - nx] as number) > 0) s += gg * (vc - (outsideZero && j === w.j0 ? 0 : (v[c - nx] as number)));
        if ((gg = gy[c] as number) > 0) s += gg * (vc - (outsideZero && j === w.j1 ? 0 : (v[c + nx] as number)));
        if (k > 0 && (gg = gz[c - plane] as number) > 0) s += gg * (vc - (v[c - plane] as number));
        if ((gg = gz[c] as number) > 0) s += gg * (vc - (v[c + plane] as number));
        q[c] = s;
      }
    }
  }
}

function dotWindow(g: Grid, w: Window, a: Float64Array, b: Float64Array): number {
  const { nx, ny, nz } = g;
  let s = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = (k * ny + j) * nx;
      for (let c = row + w.i0; c <= row + w.i1; c++) s += (a[c] as number) * (b[c] as number);
    }
  }
  return s;
}

/**
 * Solves for phi inside the window, starting from the phi given (warm start). Returns the
 * iterations used. `scale` is the norm the tolerance is relative to (the whole grid's ||S||).
 */
export function solveFlow(g: Grid, w: Window, src: Float64Array, phi: Float64Array, work: FlowWork, scale: number): number {
  const { nx, ny, nz, gx, gy, gz } = g;
  const plane = nx * ny;
  const { r, z, p, q, diag } = work;
  apply(g, w, phi, q, false);
  for (let k = 0; k < nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = k * plane + j * nx;
      for (let i = w.i0; i <= w.i1; i++) {
        const c = row + i;
        const d = (i > 0 ? (gx[c - 1] as number) : 0) + (gx[c] as number) + (j > 0 ? (gy[c - nx] as number) : 0) +
          (gy[c] as number) + (k > 0 ? (gz[c - plane] as number) : 0) + (gz[c] as number);
        diag[c] = d > 0 ? 1 / d : 0;
        r[c] = d > 0 ? (src[c] as number) - (q[c] as number) : 0;
        z[c] = r[c]! * diag[c]!;
        p[c] = z[c]!;
      }
    }
  }
  const target = FLOW_TOLERANCE * Math.max(scale, 1e-12);
  let rz = dotWindow(g, w, r, z);
  let it = 0;
  for (; it < MAX_CG_ITERATIONS; it++) {
    if (Math.sqrt(dotWindow(g, w, r, r)) <= target) break;
    apply(g, w, p, q, true);
    const alpha = rz / dotWindow(g, w, p, q);
    if (!Number.isFinite(alpha)) break;
    let rzNew = 0;
    for (let k = 0; k < nz; k++) {
      for (let j = w.j0; j <= w.j1; j++) {
        const row = (k * ny + j) * nx;
        for (let c = row + w.i0; c <= row + w.i1; c++) {
          phi[c] = phi[c]! + alpha * p[c]!;
          r[c] = r[c]! - alpha * q[c]!;
          z[c] = r[c]! * diag[c]!;
          rzNew += r[c]! * z[c]!;
        }
      }
    }
    const beta = rzNew / rz;
    rz = rzNew;
    for (let k = 0; k < nz; k++) {
      for (let j = w.j0; j <= w.j1; j++) {
        const row = (k * ny + j) * nx;
        for (let c = row + w.i0; c <= row + w.i1; c++) p[c] = z[c]! + beta * p[c]!;
      }
    }
  }
  return it;
}
