// The solver state of the hall's airflow and heat model, kept between edits. A full solve
// rasterises the hall, solves the potential flow and sweeps the heat equation; after a small
// edit (a few racks moved or changed) update() re-solves only a window around the touched cells
// with the rest of the field held fixed, warm-started from the previous answer.
import type { CoolingType, ProjectDocument, Rack, RackType } from '../model/index.js';
import { footprint, rackTypeIndex } from '../model/index.js';
import { airHeatCapacityKw, coolingTypesOf, splitRackHeat, updateRackHeat, type RackHeat } from '../cooling/index.js';
import { allocGrid, chooseShape, rasterise, sameShape, type Grid } from './grid.js';
import { airSources, consistentSources, flowWork, fullWindow, solveFlow, solveFlowFull, type FlowWork, type Window } from './flow.js';
import { buildHierarchy } from './multigrid.js';
import { buildCoefficients, buildSinks, heatSystem, inWindow, solveHeat, windowLeakK, type HeatSystem } from './heat.js';
import { buildHeatCoarse } from './heat-coarse.js';
import { MAX_STEPS, buildPorts, replaceInrow, replaceRack, type Ports } from './ports.js';
import { buildRoomUnits, sameRoomUnits, type RoomUnitPorts } from './room-units.js';

/** Edits touching more racks than this are solved in full (still warm-started). */
export const MAX_LOCAL_RACKS = 16;
/** Margin around an edited rack that the local solve re-computes, metres (a few aisles). */
export const WINDOW_MARGIN_M = 9;
/** Windows tried (margin doubling each time) before a local edit is solved in full. */
export const WINDOW_ATTEMPTS = 3;
/**
 * A window is wide enough when the cells just outside it are still in balance to this (the Jacobi
 * step of their equations, K) and racks drawing from it but blowing outside see their intake move
 * less than this.
 */
export const WINDOW_LEAK_K = 0.02;
/** A local solve whose energy balance is off by more than this falls back to a full solve, %. */
export const LOCAL_BALANCE_LIMIT_PCT = 0.5;

/** Energy balance the heat sweeps converge to, % of IT heat (the issue asks for 1 %). */
export const BALANCE_TARGET_PCT = 0.3;

/**
 * What a solve did. A local solve names the solve it continued from (`from`): outside its window
 * the field is that solve's, which lets the field arrays be patched instead of rebuilt.
 */
export interface SolveStats { mode: 'full' | 'local'; flowIterations: number; heatSweeps: number; window: Window; from?: SolveStats }

/**
 * How the room air's heat leaves: through running CRAHs or in-row coolers ('units'); nowhere, but
 * rear doors take all of it so the room stays at the supply temperature ('neutral'); or nowhere
 * while racks still heat the room ('none': no steady state, a violation).
 */
export type AirSink = 'units' | 'neutral' | 'none';

/** Room heat below this share of IT heat counts as none (rounding of the door split), -. */
const NEUTRAL_SHARE = 1e-9;
/** A local edit that moves the CRAH supply share by more than this (relative) is solved in full. */
export const SHARE_DRIFT_LIMIT = 1e-3;

export class ThermalModel {
  doc!: ProjectDocument;
  grid!: Grid;
  ports!: Ports;
  heat!: RackHeat;
  unitTypes!: (CoolingType | undefined)[];
  /** Airflow each rack moves through the grid (0 when it has no open intake or exhaust), m3/s. */
  rackAirflow!: Float64Array;
  inrowAirflow!: Float64Array;
  /** Room-unit (CRAH) airflow per unit of rack airflow, s: each rack's exhaust gives s x its airflow to the return. */
  crahShare = 0;
  /** Airflow of the running CRAHs that have an open discharge, m3/s. */
  crahAirflow = 0;
  /** Raised floor: cold-aisle tiles sharing the CRAH supply equally (0 on a slab). */
  tileCount = 0;
  /** Sum of rack airflow through the grid, m3/s (the denominator of crahShare). */
  rackAirflowTotal = 0;
  /** Air (m3/s) that sealed-off air spaces would have to make up to balance their intakes and exhausts. */
  sealedAirM3s = 0;
  /** Racks that draw from one sealed air space and blow into another (or into the same unbalanced one). */
  sealedRacks: number[] = [];
  rhoCp = 1;
  airSink: AirSink = 'units';
  /** False when air heat has nowhere to go (airSink 'none'): the field is not solved. */
  solvable = true;
  phi!: Float64Array;
  airSrc!: Float64Array;
  sys!: HeatSystem;
  work!: FlowWork;
  stats!: SolveStats;

  /** Convergence test for the sweeps: the hall's energy balance within BALANCE_TARGET_PCT. */
  private readonly balanced = () => Math.abs(this.balance().errorPct) < BALANCE_TARGET_PCT;

  constructor(doc: ProjectDocument) {
    this.solveFull(doc, false);
  }

  /** Brings the model to `doc`, locally when the edit allows it. Returns what was done. */
  update(doc: ProjectDocument): SolveStats {
    const prev = this.doc;
    const local = sameShape(chooseShape(doc), this.grid) && doc.hall === prev.hall && doc.catalog === prev.catalog &&
      doc.containment === prev.containment && doc.cooling === prev.cooling && doc.power === prev.power &&
      doc.racks.length === prev.racks.length && this.sealedAirM3s === 0;
    const changed: number[] = [];
    if (local) {
      for (let i = 0; i < doc.racks.length && changed.length <= MAX_LOCAL_RACKS; i++) {
        const a = prev.racks[i]!, b = doc.racks[i]!;
        if (a === b) continue;
        if (a.id !== b.id) return this.solveFull(doc, true); // door attachments follow ids
        if (rackMoved(a, b)) changed.push(i);
      }
    }
    if (!local || changed.length > MAX_LOCAL_RACKS) return this.solveFull(doc, true);
    this.doc = doc;
    if (changed.length === 0) return this.stats;
    return this.solveLocal(prev, changed) ?? this.solveFull(doc, true);
  }

  /**
   * Re-solves a window around the changed racks with the rest held fixed: geometry, ports and
   * sources are rebuilt only where they can differ. Returns null when the edit needs a full solve.
   */
  private solveLocal(prev: ProjectDocument, changed: number[]): SolveStats | null {
    const doc = this.doc;
    const from = this.stats;
    const g = this.grid;
    const types = rackTypeIndex(doc.catalog);
    updateRackHeat(doc, this.heat, changed, this.unitTypes);
    const box = footprintBox(types, [...changed.map((i) => prev.racks[i]!), ...changed.map((i) => doc.racks[i]!)]);
    const region = this.cells(box, 0);
    rasterise(doc, g, region);
    // Any rack or in-row cooler whose port search may cross the re-rasterised cells is placed again.
    const reach = (MAX_STEPS + 1) * Math.max(g.dx, g.dy) + 2;
    const near = { minX: box.minX - reach, minY: box.minY - reach, maxX: box.maxX + reach, maxY: box.maxY + reach };
    const touched = new Set(changed);
    for (let r = 0; r < doc.racks.length; r++) {
      const p = doc.racks[r]!.position;
      if (p.x < near.minX || p.x > near.maxX || p.y < near.minY || p.y > near.maxY) continue;
      const d = this.heat.doorIndex[r]!;
      const doorDepth = d >= 0 ? (this.unitTypes[d]?.depthM ?? 0) : 0;
      if (replaceRack(doc, g, this.ports, r, doorDepth, types) || touched.has(r)) touched.add(r);
    }
    const inrowBox = { ...box };
    for (let e = 0; e < this.ports.inrowIndex.length; e++) {
      const u = doc.cooling[this.ports.inrowIndex[e]!]!;
      if (u.position.x < near.minX || u.position.x > near.maxX || u.position.y < near.minY || u.position.y > near.maxY) continue;
      if (replaceInrow(doc, g, this.ports, e, this.unitTypes)) grow(inrowBox, u.position.x, u.position.y);
    }
    for (const r of touched) {
      const f = this.ports.rackReturn[r] === -1 ? 0 : this.heat.airflowM3s[r]!;
      this.rackAirflowTotal += f - this.rackAirflow[r]!;
      this.rackAirflow[r] = f;
      this.sys.rackRise[r] = f > 0 ? (this.heat.airKw[r]! - this.heat.doorKw[r]!) / (this.rhoCp * f) : 0;
      const pos = doc.racks[r]!.position;
      grow(inrowBox, pos.x, pos.y);
    }
    // The return share is the same for every rack: a share that moves would change it hall-wide.
    const share = this.rackAirflowTotal > 0 ? this.crahAirflow / this.rackAirflowTotal : 0;
    if (Math.abs(share - this.crahShare) > SHARE_DRIFT_LIMIT * this.crahShare) return null;
    if (this.sinkOf() !== this.airSink) return null;
    // A CRAH throw the edit shortened or lengthened: the window grows over the cells whose supply
    // changed (a unit boxed in or freed changes the return share: solved in full).
    if (!this.ports.crah.tiles && this.ports.crah.index.length > 0) {
      const units = buildRoomUnits(doc, g, this.unitTypes);
      if (!sameRoomUnits(this.ports.crah, units)) {
        const before = this.ports.crah.index;
        if (units.index.length !== before.length || units.index.some((u, e) => u !== before[e])) return null;
        const plane = g.nx * g.ny;
        for (const c of changedSupplyCells(this.ports.crah, units)) grow(inrowBox, ((c % plane) % g.nx + 0.5) * g.dx, (Math.floor((c % plane) / g.nx) + 0.5) * g.dy);
        this.ports.crah = units;
      }
    }
    // Tiles share the supply equally: one more or fewer changes every tile's air.
    if (airSources(g, this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, this.airSrc) !== this.tileCount) return null;
    buildSinks(this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, g.nz, this.sys.sink);
    // Where racks re-breathe most of their air an edit reaches far: widen until the field outside
    // the window is still in balance (or give up and solve in full).
    let flowIterations = 0, heatSweeps = 0;
    for (let margin = WINDOW_MARGIN_M, attempt = 0; attempt < WINDOW_ATTEMPTS; attempt++, margin *= 2) {
      const w = this.cells(inrowBox, margin);
      flowIterations += solveFlow(g, w, this.airSrc, this.phi, this.work, windowNorm(g, w, this.airSrc));
      buildCoefficients(g, w, this.phi, this.sys);
      heatSweeps += this.solveField(w, false);
      this.stats = { mode: 'local', flowIterations, heatSweeps, window: w, from };
      const whole = w.i0 === 0 && w.j0 === 0 && w.i1 === g.nx - 1 && w.j1 === g.ny - 1;
      if (whole || this.airSink !== 'units' || windowLeakK(g, w, this.ports, this.rackAirflow, this.sys) <= WINDOW_LEAK_K) {
        return Math.abs(this.balance().errorPct) > LOCAL_BALANCE_LIMIT_PCT ? null : this.stats;
      }
    }
    return null;
  }

  solveFull(doc: ProjectDocument, warm: boolean): SolveStats {
    const shape = chooseShape(doc);
    if (!warm || !this.grid || !sameShape(shape, this.grid) || this.sys.rackIn.length !== doc.racks.length) {
      this.grid = allocGrid(shape);
      this.phi = new Float64Array(this.grid.n);
      this.airSrc = new Float64Array(this.grid.n);
      this.work = flowWork(this.grid.n);
      this.sys = heatSystem(this.grid.n, doc.racks.length);
    }
    this.prepare(doc);
    const w = fullWindow(this.grid);
    this.sealedAirM3s = consistentSources(this.grid, this.airSrc, this.work.label, this.work.stack);
    this.sealedRacks = this.sealedAirM3s > 0 ? this.racksAcrossSpaces() : [];
    const flowIterations = solveFlowFull(this.grid, buildHierarchy(this.grid, this.work), this.airSrc, this.phi, this.work, norm(this.airSrc));
    buildSinks(this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, this.grid.nz, this.sys.sink);
    buildCoefficients(this.grid, w, this.phi, this.sys);
    if (!warm) this.sys.theta.fill(0);
    const heatSweeps = this.solveField(w, true);
    this.stats = { mode: 'full', flowIterations, heatSweeps, window: w };
    return this.stats;
  }

  /** Sweeps the heat equation in the window (or fills the neutral field); returns the sweeps used. */
  private solveField(w: Window, full: boolean): number {
    const s = this.sys;
    if (this.airSink !== 'units') {
      // Neutral room: nothing heats the air, every cell stays at the supply temperature.
      s.theta.fill(0);
      s.rackIn.fill(0);
      s.rackOut.fill(0);
      return 0;
    }
    if (full) s.src.fill(0);
    const active = this.activeRacks(w);
    const coarse = buildHeatCoarse(this.grid, w, s, this.ports, this.rackAirflow, active);
    // The hall-wide level shift needs the whole field; sealed spaces lose air, so no exact balance.
    const shift = full && this.sealedAirM3s === 0 ? this.levelShift : null;
    return solveHeat(this.grid, w, this.ports, this.rackAirflow, active, s, this.balanced, shift, coarse);
  }

  /** Where room heat goes for the current airflows and heat split. */
  private sinkOf(): AirSink {
    let inrow = 0;
    for (let e = 0; e < this.inrowAirflow.length; e++) inrow += this.inrowAirflow[e]!;
    if (this.crahShare > 0 || inrow > 0) return 'units';
    let room = 0, it = 0;
    for (let r = 0; r < this.rackAirflow.length; r++) {
      it += this.heat.loadKw[r]!;
      if (this.rackAirflow[r]! > 0) room += this.heat.airKw[r]! - this.heat.doorKw[r]!;
    }
    return room <= NEUTRAL_SHARE * it ? 'neutral' : 'none';
  }

  /** Cells of a plan box grown by a margin, clamped to the grid. */
  private cells(b: PlanBox, marginM: number): Window {
    const g = this.grid;
    const clampI = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
    return {
      i0: clampI(Math.floor((b.minX - marginM) / g.dx), g.nx - 1), i1: clampI(Math.floor((b.maxX + marginM) / g.dx), g.nx - 1),
      j0: clampI(Math.floor((b.minY - marginM) / g.dy), g.ny - 1), j1: clampI(Math.floor((b.maxY + marginM) / g.dy), g.ny - 1),
    };
  }

  /** Racks whose intake and exhaust lie in different sealed air spaces (labels from consistentSources). */
  private racksAcrossSpaces(): number[] {
    const out: number[] = [];
    const { label } = this.work;
    const nz = this.grid.nz;
    for (let r = 0; r < this.rackAirflow.length; r++) {
      if (this.rackAirflow[r]! <= 0) continue;
      for (let k = 0; k < nz; k++) {
        const o = r * nz + k;
        if (this.ports.racks.weight[o]! <= 0) continue;
        if (label[this.ports.racks.inCell[o]!] !== label[this.ports.racks.outCell[o]!]) { out.push(r); break; }
      }
    }
    return out;
  }

  /** Geometry, ports, airflows and sources for `doc` (cheap, O(cells + objects)). */
  private prepare(doc: ProjectDocument): void {
    this.doc = doc;
    const g = this.grid;
    this.unitTypes = coolingTypesOf(doc);
    this.heat = splitRackHeat(doc);
    this.rhoCp = airHeatCapacityKw(doc.hall.altitudeM);
    rasterise(doc, g);
    this.ports = buildPorts(doc, g, this.unitTypes, this.heat.doorIndex);
    const n = doc.racks.length;
    this.rackAirflow = new Float64Array(n);
    let rackTotal = 0;
    for (let i = 0; i < n; i++) {
      const f = this.ports.rackReturn[i] === -1 ? 0 : this.heat.airflowM3s[i]!;
      this.rackAirflow[i] = f;
      rackTotal += f;
      this.sys.rackRise[i] = f > 0 ? (this.heat.airKw[i]! - this.heat.doorKw[i]!) / (this.rhoCp * f) : 0;
    }
    this.rackAirflowTotal = rackTotal;
    this.crahAirflow = 0;
    for (let e = 0; e < this.ports.crah.airflow.length; e++) this.crahAirflow += this.ports.crah.airflow[e]!;
    this.crahShare = rackTotal > 0 ? this.crahAirflow / rackTotal : 0;
    this.inrowAirflow = Float64Array.from(this.ports.inrowIndex, (u) => this.unitTypes[u]?.airflowM3s ?? 0);
    this.airSink = this.sinkOf();
    this.solvable = this.airSink !== 'none';
    this.tileCount = airSources(g, this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, this.airSrc);
  }

  /**
   * Uniform theta shift (K) that balances the hall: room heat / (rho cp) = sum over cooling returns of
   * V theta, so d = (sum_r V_r rise_r - removed) / (CRAH + in-row airflow).
   */
  private readonly levelShift = (): number => {
    const { ports, sys, rackAirflow } = this;
    const theta = sys.theta;
    let needed = 0, pooled = 0;
    for (let r = 0; r < rackAirflow.length; r++) {
      const f = rackAirflow[r]!;
      if (f <= 0) continue;
      needed += f * sys.rackRise[r]!;
      pooled += f * theta[ports.rackReturn[r]!]!;
    }
    let removed = this.crahShare * pooled, unitFlow = this.crahAirflow;
    const nz = this.grid.nz;
    for (let e = 0; e < this.inrowAirflow.length; e++) {
      const a = this.inrowAirflow[e]!;
      unitFlow += a;
      for (let k = 0; k < nz; k++) {
        const o = e * nz + k;
        const wgt = ports.inrow.weight[o]!;
        if (wgt > 0) removed += a * wgt * theta[ports.inrow.outCell[o]!]!;
      }
    }
    return unitFlow > 0 ? (needed - removed) / unitFlow : 0;
  };

  /** Racks whose exhaust lands in the window: their inlet, exhaust and sources are re-solved. */
  private activeRacks(w: Window): Int32Array {
    const list: number[] = [];
    const nz = this.grid.nz;
    for (let r = 0; r < this.rackAirflow.length; r++) {
      if (this.ports.rackReturn[r] === -1) continue;
      for (let k = 0; k < nz; k++) {
        const c = this.ports.racks.outCell[r * nz + k] as number;
        if (c >= 0) {
          if (inWindow(this.grid, w, c)) list.push(r);
          break;
        }
      }
    }
    return Int32Array.from(list);
  }

  /** Heat removed by the air units (kW), each unit's share, and the energy balance of the whole hall. */
  balance(): { airRemovedKw: Float64Array; crahReturnK: number; itKw: number; removedKw: number; unremovedKw: number; errorPct: number } {
    const { doc, heat, sys, ports } = this;
    const airRemovedKw = new Float64Array(doc.cooling.length);
    let itKw = 0, liquidKw = 0, doorKw = 0, strandedKw = 0, flowTheta = 0, flow = 0;
    for (let r = 0; r < doc.racks.length; r++) {
      itKw += heat.loadKw[r] as number;
      const liquid = heat.liquidKw[r] as number;
      const c = heat.cduIndex[r] as number;
      if (c >= 0 && doc.cooling[c]?.status === 'running') liquidKw += liquid;
      else strandedKw += liquid;
      doorKw += heat.doorKw[r] as number;
      const f = this.rackAirflow[r] as number;
      const roomKw = (heat.airKw[r] as number) - (heat.doorKw[r] as number);
      if (f <= 0 || !this.solvable) { strandedKw += roomKw; continue; }
      flowTheta += f * (sys.theta[ports.rackReturn[r] as number] as number);
      flow += f;
    }
    const crahReturnK = flow > 0 ? flowTheta / flow : 0;
    let airKw = 0;
    if (this.solvable) {
      const crah = ports.crah;
      for (let e = 0; e < crah.index.length && this.crahShare > 0; e++) {
        const q = this.rhoCp * crah.airflow[e]! * crahReturnK;
        airRemovedKw[crah.index[e]!] = q;
        airKw += q;
      }
      const nz = this.grid.nz;
      ports.inrowIndex.forEach((u, e) => {
        let th = 0;
        for (let k = 0; k < nz; k++) {
          const o = e * nz + k;
          if ((ports.inrow.weight[o] as number) > 0) th += (ports.inrow.weight[o] as number) * (sys.theta[ports.inrow.outCell[o] as number] as number);
        }
        const q = this.rhoCp * (this.inrowAirflow[e] as number) * th;
        airRemovedKw[u] = q;
        airKw += q;
      });
    }
    const removedKw = liquidKw + doorKw + airKw;
    const errorPct = itKw > 0 ? ((itKw - removedKw - strandedKw) / itKw) * 100 : 0;
    return { airRemovedKw, crahReturnK, itKw, removedKw, unremovedKw: strandedKw, errorPct };
  }
}

/** Cells whose CRAH supply (m3/s) differs between two placements of the same units. */
function changedSupplyCells(a: RoomUnitPorts, b: RoomUnitPorts): number[] {
  const air = new Map<number, number>();
  const addAll = (p: RoomUnitPorts, sign: number) => {
    for (let e = 0; e < p.index.length; e++) {
      for (let x = p.supplyStart[e]!; x < p.supplyStart[e + 1]!; x++) {
        const c = p.supplyCell[x]!;
        air.set(c, (air.get(c) ?? 0) + sign * p.airflow[e]! * p.supplyWeight[x]!);
      }
    }
  };
  addAll(a, 1);
  addAll(b, -1);
  return [...air].filter(([, v]) => Math.abs(v) > 1e-12).map(([c]) => c);
}

function rackMoved(a: Rack, b: Rack): boolean {
  if (a === b) return false;
  return a.typeId !== b.typeId || a.position.x !== b.position.x || a.position.y !== b.position.y ||
    a.rotationDeg !== b.rotationDeg || a.utilisation !== b.utilisation || a.cduId !== b.cduId;
}

interface PlanBox { minX: number; minY: number; maxX: number; maxY: number }

function footprintBox(types: Map<string, RackType>, racks: Rack[]): PlanBox {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const r of racks) {
    const t = types.get(r.typeId);
    const f = footprint(r.position, t?.widthM ?? 0, t?.depthM ?? 0, r.rotationDeg);
    grow(b, f.minX, f.minY);
    grow(b, f.maxX, f.maxY);
  }
  return b;
}

function grow(b: PlanBox, x: number, y: number): void {
  b.minX = Math.min(b.minX, x); b.minY = Math.min(b.minY, y); b.maxX = Math.max(b.maxX, x); b.maxY = Math.max(b.maxY, y);
}

/** ||v|| over the window's cells: the local solve's tolerance is relative to the window's own sources. */
function windowNorm(g: Grid, w: Window, v: Float64Array): number {
  let s = 0;
  for (let k = 0; k < g.nz; k++) {
    for (let j = w.j0; j <= w.j1; j++) {
      const row = (k * g.ny + j) * g.nx;
      for (let c = row + w.i0; c <= row + w.i1; c++) s += v[c]! * v[c]!;
    }
  }
  return Math.sqrt(s);
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  return Math.sqrt(s);
}
