// The solver state of the hall's airflow and heat model, kept between edits. A full solve
// rasterises the hall, solves the potential flow and sweeps the heat equation; after a small
// edit (a few racks moved or changed) update() re-solves only a window around the touched cells
// with the rest of the field held fixed, warm-started from the previous answer.
import type { CoolingType, ProjectDocument, Rack } from '../model/index.js';
import { footprint, rackTypeIndex } from '../model/index.js';
import { airHeatCapacityKw, coolingTypesOf, splitRackHeat, type RackHeat } from '../cooling/index.js';
import { allocGrid, chooseShape, rasterise, sameShape, type Grid } from './grid.js';
import { airSources, consistentSources, flowWork, fullWindow, solveFlow, solveFlowFull, type FlowWork, type Window } from './flow.js';
import { buildHierarchy } from './multigrid.js';
import { buildCoefficients, buildSinks, heatSystem, inWindow, solveHeat, type HeatSystem } from './heat.js';
import { buildHeatCoarse } from './heat-coarse.js';
import { buildPorts, type Ports } from './ports.js';

/** Edits touching more racks than this are solved in full (still warm-started). */
export const MAX_LOCAL_RACKS = 16;
/** Margin around an edited rack that the local solve re-computes, metres (a few aisles). */
export const WINDOW_MARGIN_M = 9;
/** A local solve whose energy balance is off by more than this falls back to a full solve, %. */
export const LOCAL_BALANCE_LIMIT_PCT = 0.5;

/** Energy balance the heat sweeps converge to, % of IT heat (the issue asks for 1 %). */
export const BALANCE_TARGET_PCT = 0.3;

export interface SolveStats { mode: 'full' | 'local'; flowIterations: number; heatSweeps: number; window: Window }

export class ThermalModel {
  doc!: ProjectDocument;
  grid!: Grid;
  ports!: Ports;
  heat!: RackHeat;
  unitTypes!: (CoolingType | undefined)[];
  /** Airflow each rack moves through the grid (0 when it has no open intake or exhaust), m3/s. */
  rackAirflow!: Float64Array;
  inrowAirflow!: Float64Array;
  /** Room-unit (CRAH) airflow per unit of rack airflow: the pooled supply's share s. */
  crahShare = 0;
  crahAirflow = 0;
  /** Air (m3/s) that sealed-off air spaces would have to make up to balance their intakes and exhausts. */
  sealedAirM3s = 0;
  rhoCp = 1;
  /** False when air heat has nowhere to go (no running air unit): the field is not solved. */
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
      doc.racks.length === prev.racks.length;
    const changed: number[] = [];
    if (local) {
      for (let i = 0; i < doc.racks.length && changed.length <= MAX_LOCAL_RACKS; i++) {
        if (rackMoved(prev.racks[i] as Rack, doc.racks[i] as Rack)) changed.push(i);
      }
    }
    if (!local || changed.length > MAX_LOCAL_RACKS) return this.solveFull(doc, true);
    if (changed.length === 0) {
      this.doc = doc;
      this.heat = splitRackHeat(doc);
      return this.stats;
    }
    const w = this.window([...changed.map((i) => prev.racks[i] as Rack), ...changed.map((i) => doc.racks[i] as Rack)], doc);
    this.prepare(doc);
    const flowIterations = solveFlow(this.grid, w, this.airSrc, this.phi, this.work, norm(this.airSrc));
    buildSinks(this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, this.grid.nz, this.sys.sink);
    buildCoefficients(this.grid, w, this.phi, this.sys);
    const active = this.activeRacks(w);
    const heatSweeps = this.solvable ? solveHeat(this.grid, w, this.ports, this.rackAirflow, active, this.sys, this.balanced) : 0;
    this.stats = { mode: 'local', flowIterations, heatSweeps, window: w };
    if (Math.abs(this.balance().errorPct) > LOCAL_BALANCE_LIMIT_PCT) return this.solveFull(doc, true);
    return this.stats;
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
    const flowIterations = solveFlowFull(this.grid, buildHierarchy(this.grid), this.airSrc, this.phi, this.work, norm(this.airSrc));
    buildSinks(this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, this.grid.nz, this.sys.sink);
    buildCoefficients(this.grid, w, this.phi, this.sys);
    if (!warm) this.sys.theta.fill(0);
    this.sys.src.fill(0);
    const active = this.activeRacks(w);
    const coarse = buildHeatCoarse(this.grid, w, this.sys, this.ports, this.rackAirflow, active);
    const heatSweeps = this.solvable ? solveHeat(this.grid, w, this.ports, this.rackAirflow, active, this.sys, this.balanced, this.levelShift, coarse) : 0;
    this.stats = { mode: 'full', flowIterations, heatSweeps, window: w };
    return this.stats;
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
      const f = this.ports.rackReturn[i] === -1 ? 0 : (this.heat.airflowM3s[i] as number);
      this.rackAirflow[i] = f;
      rackTotal += f;
      this.sys.rackRise[i] = f > 0 ? ((this.heat.airKw[i] as number) - (this.heat.doorKw[i] as number)) / (this.rhoCp * f) : 0;
    }
    this.crahAirflow = 0;
    doc.cooling.forEach((u, i) => {
      const t = this.unitTypes[i];
      if (u.status === 'running' && t?.kind === 'crah') this.crahAirflow += t.airflowM3s;
    });
    this.crahShare = rackTotal > 0 ? this.crahAirflow / rackTotal : 0;
    this.inrowAirflow = Float64Array.from(this.ports.inrowIndex, (u) => this.unitTypes[u]?.airflowM3s ?? 0);
    let inrowTotal = 0;
    for (const a of this.inrowAirflow) inrowTotal += a;
    this.solvable = this.crahShare > 0 || inrowTotal > 0;
    airSources(g, this.ports, this.rackAirflow, this.crahShare, this.inrowAirflow, this.airSrc);
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

  private window(racks: Rack[], doc: ProjectDocument): Window {
    const g = this.grid;
    const types = rackTypeIndex(doc.catalog);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const r of racks) {
      const t = types.get(r.typeId);
      const f = footprint(r.position, t?.widthM ?? 0, t?.depthM ?? 0, r.rotationDeg);
      minX = Math.min(minX, f.minX); minY = Math.min(minY, f.minY); maxX = Math.max(maxX, f.maxX); maxY = Math.max(maxY, f.maxY);
    }
    const clampI = (v: number, hi: number) => Math.max(0, Math.min(hi, v));
    return {
      i0: clampI(Math.floor((minX - WINDOW_MARGIN_M) / g.dx), g.nx - 1), i1: clampI(Math.floor((maxX + WINDOW_MARGIN_M) / g.dx), g.nx - 1),
      j0: clampI(Math.floor((minY - WINDOW_MARGIN_M) / g.dy), g.ny - 1), j1: clampI(Math.floor((maxY + WINDOW_MARGIN_M) / g.dy), g.ny - 1),
    };
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
      doc.cooling.forEach((u, i) => {
        const t = this.unitTypes[i];
        if (u.status !== 'running' || t?.kind !== 'crah') return;
        const q = this.rhoCp * t.airflowM3s * crahReturnK;
        airRemovedKw[i] = q;
        airKw += q;
      });
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

function rackMoved(a: Rack, b: Rack): boolean {
  if (a === b) return false;
  return a.typeId !== b.typeId || a.position.x !== b.position.x || a.position.y !== b.position.y ||
    a.rotationDeg !== b.rotationDeg || a.utilisation !== b.utilisation || a.cduId !== b.cduId;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  return Math.sqrt(s);
}
