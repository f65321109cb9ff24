// Potential flow (VanGilder 2011 style): air moves down the gradient of a potential phi with
// sum_faces G (phi_c - phi_nb) = S_c, G = A/d, S_c the air put into cell c by rack exhausts and
// cooler supplies minus what intakes and returns take out. The face flux G (phi_c - phi_nb) then
// conserves mass in every cell. Solved by conjugate gradients, over the whole grid (Neumann walls:
// sources sum to zero; multigrid-preconditioned, multigrid.ts) or over a window with the outside
// held fixed (Dirichlet; Jacobi-preconditioned, the window is small), which is how an edit is
// recomputed locally.
import type { Grid } from './grid.js';
import { precondition, type Hierarchy } from './multigrid.js';
import type { Ports } from './ports.js';

export interface Window { i0: number; i1: number; j0: number; j1: number }

export const fullWindow = (g: Grid): Window => ({ i0: 0, i1: g.nx - 1, j0: 0, j1: g.ny - 1 });

/** Relative residual ||S - A phi|| / ||S|| at which the flow solve stops. */
export const FLOW_TOLERANCE = 1e-3;
const MAX_CG_ITERATIONS = 3000;

const add = (a: Float64Array, i: number, v: number) => { a[i] = (a[i] as number) + v; };

/**
 * Net air source per cell, m3/s (positive: air enters the cell). CRAH air: supply at the units' cells
 * (slab) or equally through the cold-aisle tiles (raised floor; tiles = distinct rackSupply cells),
 * return crahShare x rack airflow above each rack's exhaust. Returns the number of tiles (0 on a slab).
 */
export function airSources(
  g: Grid, ports: Ports, rackAirflow: Float64Array, crahShare: number, inrowAirflow: Float64Array, out: Float64Array,
): number {
  out.fill(0);
  const u = ports.crah;
  let tiles = 0;
  if (crahShare <= 0) {
    // No rack air to return (or no CRAH): the units move nothing through the room.
  } else if (u.tiles) {
    let air = 0;
    for (let e = 0; e < u.airflow.length; e++) air += u.airflow[e]!;
    const cells = new Set<number>();
    for (let r = 0; r < rackAirflow.length; r++) if (rackAirflow[r]! > 0 && ports.rackReturn[r] !== -1) cells.add(ports.rackSupply[r]!);
    tiles = cells.size;
    for (const c of cells) add(out, c, air / tiles);
  } else {
    for (let e = 0; e < u.airflow.length; e++) {
      const a = u.airflow[e]!;
      for (let x = u.supplyStart[e]!; x < u.supplyStart[e + 1]!; x++) add(out, u.supplyCell[x]!, a * u.supplyWeight[x]!);
    }
  }
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
  return tiles;
}

/** Scratch vectors for the solver, kept between solves so an edit allocates nothing. */
export interface FlowWork { r: Float64Array; z: Float64Array; p: Float64Array; q: Float64Array; diag: Float64Array; label: Int32Array; stack: Int32Array }

export const flowWork = (n: number): FlowWork => ({
  r: new Float64Array(n), z: new Float64Array(n), p: new Float64Array(n), q: new Float64Array(n), diag: new Float64Array(n),
  label: new Int32Array(n), stack: new Int32Array(n),
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

/** A -> v product over the whole grid, written into q (no window edges to test: fast path). */
function applyFull(g: Grid, v: Float64Array, q: Float64Array): void {
  const { nx, ny, n, gx, gy, gz } = g;
  const plane = nx * ny;
  const last = n - 1;
  for (let c = 0; c < n; c++) {
    const vc = v[c]!;
    let s = 0;
    let gg: number;
    if (c >= 1 && (gg = gx[c - 1]!) > 0) s += gg * (vc - v[c - 1]!);
    if (c < last && (gg = gx[c]!) > 0) s += gg * (vc - v[c + 1]!);
    if (c >= nx && (gg = gy[c - nx]!) > 0) s += gg * (vc - v[c - nx]!);
    if (c + nx <= last && (gg = gy[c]!) > 0) s += gg * (vc - v[c + nx]!);
    if (c >= plane && (gg = gz[c - plane]!) > 0) s += gg * (vc - v[c - plane]!);
    if (c + plane <= last && (gg = gz[c]!) > 0) s += gg * (vc - v[c + plane]!);
    q[c] = s;
  }
}

/**
 * Whole-grid solve, CG preconditioned by one multigrid V-cycle per step; `src` must sum to zero
 * over every connected air space (consistentSources). Returns the iterations used.
 */
export function solveFlowFull(g: Grid, h: Hierarchy, src: Float64Array, phi: Float64Array, work: FlowWork, scale: number): number {
  const { r, z, p, q } = work;
  const n = g.n;
  applyFull(g, phi, q);
  let rr = 0;
  for (let c = 0; c < n; c++) { const v = src[c]! - q[c]!; r[c] = v; rr += v * v; }
  const target = FLOW_TOLERANCE * Math.max(scale, 1e-12);
  if (Math.sqrt(rr) <= target) return 0;
  precondition(h, r, z);
  p.set(z);
  let rz = 0;
  for (let c = 0; c < n; c++) rz += r[c]! * z[c]!;
  let it = 0;
  for (; it < MAX_CG_ITERATIONS; it++) {
    applyFull(g, p, q);
    let pq = 0;
    for (let c = 0; c < n; c++) pq += p[c]! * q[c]!;
    const alpha = rz / pq;
    if (!Number.isFinite(alpha) || pq <= 0) break;
    rr = 0;
    for (let c = 0; c < n; c++) {
      phi[c] = phi[c]! + alpha * p[c]!;
      const v = r[c]! - alpha * q[c]!;
      r[c] = v;
      rr += v * v;
    }
    if (Math.sqrt(rr) <= target) { it += 1; break; }
    precondition(h, r, z);
    let rzNew = 0;
    for (let c = 0; c < n; c++) rzNew += r[c]! * z[c]!;
    const beta = rzNew / rz;
    rz = rzNew;
    for (let c = 0; c < n; c++) p[c] = z[c]! + beta * p[c]!;
  }
  return it;
}

/** Net source of an air space, relative to its total |source|, above which it counts as unbalanced. */
const SEALED_TOLERANCE = 1e-9;

/**
 * Air spaces sealed off from each other (a pocket closed by racks, units and walls) must each take
 * in as much air as they give, or the Neumann problem has no solution and CG never converges. Each
 * space's net source is spread evenly over its cells (as if it leaked that air uniformly); the
 * total so removed (m3/s) is returned so the caller can report it. `label` is n cells of scratch.
 */
export function consistentSources(g: Grid, src: Float64Array, label: Int32Array, stack: Int32Array): number {
  const { nx, ny, n, gx, gy, gz } = g;
  const plane = nx * ny;
  label.fill(-1);
  let removed = 0;
  for (let seed = 0; seed < n; seed++) {
    if (label[seed] !== -1 || g.solid[seed] !== 0) continue;
    // Flood fill over open faces; the stack then lists the space's cells.
    let top = 0, size = 0, sum = 0, scale = 0;
    label[seed] = seed;
    stack[top++] = seed;
    while (top > size) {
      const c = stack[size++]!;
      sum += src[c]!;
      scale += Math.abs(src[c]!);
      let nb = c - 1;
      if (c >= 1 && gx[nb]! > 0 && label[nb] === -1) { label[nb] = seed; stack[top++] = nb; }
      nb = c + 1;
      if (gx[c]! > 0 && label[nb] === -1) { label[nb] = seed; stack[top++] = nb; }
      nb = c - nx;
      if (c >= nx && gy[nb]! > 0 && label[nb] === -1) { label[nb] = seed; stack[top++] = nb; }
      nb = c + nx;
      if (gy[c]! > 0 && label[nb] === -1) { label[nb] = seed; stack[top++] = nb; }
      nb = c - plane;
      if (c >= plane && gz[nb]! > 0 && label[nb] === -1) { label[nb] = seed; stack[top++] = nb; }
      nb = c + plane;
      if (gz[c]! > 0 && label[nb] === -1) { label[nb] = seed; stack[top++] = nb; }
    }
    if (sum === 0) continue;
    // Rounding leaves ~1e-16 of the sources; only a real imbalance is reported.
    if (Math.abs(sum) > SEALED_TOLERANCE * scale) removed += Math.abs(sum);
    const each = sum / size;
    for (let s = 0; s < size; s++) src[stack[s]!] = src[stack[s]!]! - each;
  }
  return removed;
}
