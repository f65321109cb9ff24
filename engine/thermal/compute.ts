// Assembles the thermal and cooling results from a solved ThermalModel: rack inlet and exhaust
// temperatures, the field for heat maps and arrows, hall metrics as Explained figures, per-unit
// cooling utilisation, the cooling electrical power (for PUE) and the violations.
import { ASHRAE_INLET_LIMITS, type ProjectDocument } from '../model/index.js';
import { explained, type Explained, type Violation } from '../results/index.js';
import { computeLiquid, coolingPower, type LiquidResult } from '../cooling/index.js';
import { rci, rti, shi } from './metrics.js';
import { ThermalModel, type SolveStats } from './model.js';

export interface ThermalField {
  nx: number; ny: number; nz: number;
  /** Cell size, metres; cell (i, j, k) spans [i dx, (i+1) dx] x [j dy, ...] x [k dz, ...] from the hall origin. */
  dx: number; dy: number; dz: number;
  /** Air temperature per cell, C, index (k ny + j) nx + i; NaN inside solid objects. */
  temperatureC: Float32Array;
  /** Air velocity per cell (vx, vy, vz interleaved), m/s. */
  velocity: Float32Array;
}

export interface ThermalResult {
  /** Aligned with doc.racks; NaN for a rack with no open air path. */
  rackInletC: Float32Array;
  rackExhaustC: Float32Array;
  field: ThermalField;
  /** Aligned with doc.cooling: heat each unit removes (kW), its capacity and the ratio. */
  unitHeatKw: Float32Array;
  unitCapacityKw: Float32Array;
  unitUtilisation: Float32Array;
  /** Electrical draw of each unit's fans or pumps, kW (aligned with doc.cooling). */
  unitPowerKw: Float32Array;
  liquid: Omit<LiquidResult, 'violations'>;
  maxInletC: Explained; rciHi: Explained; rciLo: Explained; rti: Explained; shi: Explained; rhi: Explained;
  itHeatKw: Explained; heatRemovedKw: Explained; unremovedKw: Explained; energyBalanceErrorPct: Explained;
  coolingPowerKw: Explained;
  racksAboveRecommended: number; racksOutsideAllowable: number;
  violations: Violation[];
}

/** Full thermal and cooling compute of a document (pure: builds and discards its own model). */
export function computeThermal(doc: ProjectDocument): ThermalResult {
  return thermalResult(new ThermalModel(doc));
}

export function thermalResult(model: ThermalModel): ThermalResult {
  const { doc, sys, grid, heat, unitTypes } = model;
  const supplyC = doc.hall.supplyAirC as number;
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const bal = model.balance();
  const liquid = computeLiquid(doc, heat, unitTypes);
  const violations: Violation[] = [...liquid.violations];
  const n = doc.racks.length;
  const rackInletC = new Float32Array(n).fill(NaN);
  const rackExhaustC = new Float32Array(n).fill(NaN);
  const use = new Uint8Array(n);
  const blocked: string[] = [];
  let flow = 0, riseFlow = 0;
  for (let r = 0; r < n; r++) {
    const f = model.rackAirflow[r] as number;
    if (model.ports.rackReturn[r] === -1) {
      if ((heat.airKw[r] as number) > 0) blocked.push(doc.racks[r]!.id);
      continue;
    }
    if (!model.solvable) continue;
    rackInletC[r] = supplyC + (sys.rackIn[r] as number);
    rackExhaustC[r] = supplyC + (sys.rackOut[r] as number);
    if (f > 0) {
      use[r] = 1;
      flow += f;
      riseFlow += f * (sys.rackRise[r] as number);
    }
  }
  if (blocked.length > 0) violations.push({ code: 'thermal.rack-blocked', severity: 'error', objectIds: blocked, message: `${blocked.length} rack(s) have no open air in front of or behind them` });
  if (model.airSink === 'none') {
    const heating: string[] = [];
    for (let r = 0; r < n; r++) if ((model.rackAirflow[r] as number) > 0 && (heat.airKw[r] as number) > (heat.doorKw[r] as number)) heating.push(doc.racks[r]!.id);
    violations.push({ code: 'cooling.no-air-cooling', severity: 'error', objectIds: heating, message: `${heating.length} rack(s) put heat into the room air but no running CRAH or in-row cooler supplies air: the room has no steady temperature` });
  }
  if (model.sealedRacks.length > 0) {
    violations.push({ code: 'thermal.sealed-space', severity: 'error', objectIds: model.sealedRacks.map((r) => doc.racks[r]!.id), message: `${model.sealedRacks.length} rack(s) draw air from a space sealed off from where they blow it (${model.sealedAirM3s.toFixed(2)} m3/s unbalanced): open a path or move them` });
  }
  let maxInlet = -Infinity, hottest = -1;
  const over: string[] = [], outside: string[] = [];
  for (let r = 0; r < n; r++) {
    if (use[r] === 0) continue;
    const t = rackInletC[r] as number;
    if (t > maxInlet) { maxInlet = t; hottest = r; }
    if (t > limits.allowableMaxC || t < limits.allowableMinC) outside.push(doc.racks[r]!.id);
    else if (t > limits.recommendedMaxC || t < limits.recommendedMinC) over.push(doc.racks[r]!.id);
  }
  if (outside.length > 0) violations.push({ code: 'thermal.inlet-allowable', severity: 'error', objectIds: outside, message: `${outside.length} rack(s) have inlet air outside the ASHRAE ${doc.hall.ashraeClass} allowable range ${limits.allowableMinC}-${limits.allowableMaxC} C` });
  if (over.length > 0) violations.push({ code: 'thermal.inlet-recommended', severity: 'warning', objectIds: over, message: `${over.length} rack(s) have inlet air outside the ASHRAE recommended range ${limits.recommendedMinC}-${limits.recommendedMaxC} C` });

  // Per unit: heat removed against capacity.
  const units = doc.cooling.length;
  const unitHeatKw = new Float32Array(units), unitCapacityKw = new Float32Array(units), unitUtilisation = new Float32Array(units);
  const doorOf = new Int32Array(units).fill(-1);
  for (let r = 0; r < n; r++) { const d = heat.doorIndex[r] as number; if (d >= 0) doorOf[d] = r; }
  let airCapacity = 0, airUnitFlow = model.crahAirflow;
  // CRAHs that supply air (room-units.ts): on a slab floor one with no open floor in front of it
  // moves none, so its capacity cannot count against the room's heat.
  const supplying = new Uint8Array(units);
  for (const i of model.ports.crah.index) supplying[i] = 1;
  const boxedIn: string[] = [];
  doc.cooling.forEach((u, i) => {
    const t = unitTypes[i];
    if (!t) return;
    unitCapacityKw[i] = t.capacityKw;
    let q = 0;
    if (t.kind === 'cdu') q = u.status === 'running' ? (liquid.cduHeatKw[i] as number) : 0;
    else if (t.kind === 'rear-door') { const r = doorOf[i] as number; q = r < 0 ? 0 : (heat.doorKw[r] as number); }
    else q = bal.airRemovedKw[i] as number;
    if (u.status === 'running' && t.kind === 'crah' && t.airflowM3s > 0 && supplying[i] === 0) boxedIn.push(u.id);
    if (u.status === 'running' && ((t.kind === 'crah' && supplying[i] === 1) || t.kind === 'inrow')) airCapacity += t.capacityKw;
    if (u.status === 'running' && t.kind === 'inrow') airUnitFlow += t.airflowM3s;
    unitHeatKw[i] = q;
    unitUtilisation[i] = t.capacityKw > 0 ? q / t.capacityKw : 0;
    if (u.status === 'running' && t.kind !== 'cdu' && q > t.capacityKw * 1.0005) {
      violations.push({ code: 'cooling.air-overload', severity: 'error', objectIds: [u.id], message: `${u.name} removes ${q.toFixed(1)} kW, capacity ${t.capacityKw} kW` });
    }
  });
  if (boxedIn.length > 0) {
    const names = boxedIn.slice(0, 3).map((id) => doc.cooling.find((u) => u.id === id)?.name ?? id);
    const who = boxedIn.length === 1 ? names[0]! : `${boxedIn.length} CRAHs (${names.join(', ')}${boxedIn.length > 3 ? ` and ${boxedIn.length - 3} more` : ''})`;
    violations.push({ code: 'cooling.crah-boxed-in', severity: 'warning', objectIds: boxedIn, message: `${who} running on a slab floor with no open floor in front: no air supplied, capacity not counted` });
  }
  let roomKw = 0;
  for (let r = 0; r < n; r++) roomKw += (heat.airKw[r] as number) - (heat.doorKw[r] as number);
  if (roomKw > airCapacity * 1.0005) violations.push({ code: 'cooling.air-capacity', severity: 'error', objectIds: [], message: `Room air heat ${roomKw.toFixed(0)} kW exceeds the running air units' capacity ${airCapacity.toFixed(0)} kW` });
  if (model.airSink === 'units' && flow > 0 && airUnitFlow < flow) violations.push({ code: 'cooling.airflow-shortfall', severity: 'warning', objectIds: [], message: `Cooling units supply ${airUnitFlow.toFixed(1)} m3/s, racks draw ${flow.toFixed(1)} m3/s: racks re-breathe exhaust air` });

  const power = coolingPower(doc, unitTypes, liquid.cduFlowDemandLpm, bal.itKw);
  const crahReturnC = supplyC + bal.crahReturnK;
  const eqRise = flow > 0 ? riseFlow / flow : 0;
  const pair = rci(rackInletC, use, limits);
  const shiV = shi(rackInletC, rackExhaustC, use, supplyC);
  // Return temperature of all air units, airflow-weighted (CRAH pool and in-row units).
  let retFlow = 0, retSum = 0;
  const crahMoving = new Set(model.ports.crah.index); // a boxed-in CRAH moves no air
  doc.cooling.forEach((u, i) => {
    const t = unitTypes[i];
    if (u.status !== 'running' || (t?.kind !== 'crah' && t?.kind !== 'inrow') || t.airflowM3s <= 0) return;
    if (t.kind === 'crah' && !crahMoving.has(i)) return;
    retFlow += t.airflowM3s;
    retSum += t.airflowM3s * (supplyC + (bal.airRemovedKw[i] as number) / (model.rhoCp * t.airflowM3s));
  });
  const returnC = retFlow > 0 ? retSum / retFlow : crahReturnC;
  const src = 'Herrlin 2005; Sharma, Bash, Patel 2002; DOMAIN.md';
  const { temperatureC, velocity } = fieldArrays(model);
  const { violations: _liquidViolations, ...liquidSummary } = liquid;
  return {
    rackInletC, rackExhaustC,
    field: { nx: grid.nx, ny: grid.ny, nz: grid.nz, dx: grid.dx, dy: grid.dy, dz: grid.dz, temperatureC, velocity },
    unitHeatKw, unitCapacityKw, unitUtilisation, unitPowerKw: Float32Array.from(power.unitKw),
    liquid: liquidSummary,
    maxInletC: explained(Number.isFinite(maxInlet) ? maxInlet : supplyC, 'C', 'max over racks of T_inlet', [
      { name: 'hottest rack', value: hottest >= 0 ? doc.racks[hottest]!.id : '-', unit: '' },
      { name: 'T_supply', value: supplyC, unit: 'C' },
    ], 'Potential-flow and advection-diffusion grid model (docs/thermal-model.md)'),
    rciHi: explained(pair.hi, '%', 'RCI_HI = [1 - sum_{T>T_rec,max}(T - T_rec,max) / (n (T_all,max - T_rec,max))] x 100', [
      { name: 'n racks', value: use.reduce((a, b) => a + b, 0), unit: '' }, { name: 'T_rec,max', value: limits.recommendedMaxC, unit: 'C' },
      { name: 'T_all,max', value: limits.allowableMaxC, unit: 'C' }, { name: 'racks above T_rec,max', value: pair.over, unit: '' },
    ], src),
    rciLo: explained(pair.lo, '%', 'RCI_LO = [1 - sum_{T<T_rec,min}(T_rec,min - T) / (n (T_rec,min - T_all,min))] x 100', [
      { name: 'T_rec,min', value: limits.recommendedMinC, unit: 'C' }, { name: 'T_all,min', value: limits.allowableMinC, unit: 'C' },
      { name: 'racks below T_rec,min', value: pair.under, unit: '' },
    ], src),
    rti: explained(rti(returnC, supplyC, eqRise), '%', 'RTI = (T_return - T_supply) / dT_equipment x 100', [
      { name: 'T_return (airflow-weighted)', value: returnC, unit: 'C' }, { name: 'T_supply', value: supplyC, unit: 'C' },
      { name: 'dT_equipment (airflow-weighted, after rear doors)', value: eqRise, unit: 'K' },
    ], src),
    shi: explained(shiV, '', 'SHI = sum(T_in - T_ref) / sum(T_out - T_ref), T_ref = T_supply', [{ name: 'T_ref', value: supplyC, unit: 'C' }], src),
    rhi: explained(1 - shiV, '', 'RHI = 1 - SHI', [{ name: 'SHI', value: shiV, unit: '' }], src),
    itHeatKw: explained(bal.itKw, 'kW', 'Q_IT = sum over racks of P_design x utilisation', [{ name: 'racks', value: n, unit: '' }]),
    heatRemovedKw: explained(bal.removedKw, 'kW', 'Q_removed = Q_CDU + Q_rear doors + sum over air units rho cp V (T_return - T_supply)', [
      { name: 'Q_CDU', value: liquid.removedKw, unit: 'kW' }, { name: 'rho cp', value: model.rhoCp, unit: 'kW/(m3/s K)' },
    ]),
    unremovedKw: explained(bal.unremovedKw, 'kW', 'heat of racks with no running CDU or no air path', []),
    energyBalanceErrorPct: explained(bal.errorPct, '%', '(Q_IT - Q_removed - Q_unremoved) / Q_IT x 100', [
      { name: 'Q_IT', value: bal.itKw, unit: 'kW' }, { name: 'Q_removed', value: bal.removedKw, unit: 'kW' },
      { name: 'Q_unremoved', value: bal.unremovedKw, unit: 'kW' },
    ]),
    coolingPowerKw: power.coolingPowerKw,
    racksAboveRecommended: over.length, racksOutsideAllowable: outside.length,
    violations,
  };
}

interface FieldArrays { temperatureC: Float32Array; velocity: Float32Array }

/** The arrays last made for each model, with the solve they show: the base of the next patch. */
const lastField = new WeakMap<ThermalModel, { stats: SolveStats; solvable: boolean; arrays: FieldArrays }>();

/**
 * Cell temperatures and cell-centre velocities of the model's field. After a local solve that
 * continued from the one the last arrays show, those are copied and only the window's cells (and
 * one more on each side: a cell's velocity averages its two faces) are computed again: on the
 * gigawatt hall (100,000 cells) ~18 ms a rack edit became a copy and a few hundred cells.
 */
export function fieldArrays(model: ThermalModel): FieldArrays {
  const g = model.grid;
  const known = lastField.get(model);
  const s = model.stats;
  if (known !== undefined && known.stats === s) return known.arrays;
  let arrays: FieldArrays;
  if (known !== undefined && s.mode === 'local' && s.from === known.stats && known.solvable === model.solvable && known.arrays.temperatureC.length === g.n) {
    arrays = { temperatureC: known.arrays.temperatureC.slice(), velocity: known.arrays.velocity.slice() };
    const w = s.window;
    fillField(model, arrays, Math.max(0, w.i0 - 1), Math.min(g.nx - 1, w.i1 + 1), Math.max(0, w.j0 - 1), Math.min(g.ny - 1, w.j1 + 1));
  } else {
    arrays = fieldArraysAfresh(model);
  }
  lastField.set(model, { stats: s, solvable: model.solvable, arrays });
  return arrays;
}

/** The field arrays computed over every cell, without patching or keeping them: what a patch must equal. */
export function fieldArraysAfresh(model: ThermalModel): FieldArrays {
  const g = model.grid;
  const arrays = { temperatureC: new Float32Array(g.n), velocity: new Float32Array(3 * g.n) };
  fillField(model, arrays, 0, g.nx - 1, 0, g.ny - 1);
  return arrays;
}

/** Writes the field arrays' cells in columns i0..i1, rows j0..j1 (all layers). */
function fillField(model: ThermalModel, out: FieldArrays, i0: number, i1: number, j0: number, j1: number): void {
  const g = model.grid;
  const { fx, fy, fz, theta } = model.sys;
  const supply = model.doc.hall.supplyAirC as number;
  const { temperatureC, velocity } = out;
  const ax = 2 * g.dy * g.dz, ay = 2 * g.dx * g.dz, az = 2 * g.dx * g.dy;
  const { nx, nz, solid } = g;
  const plane = nx * g.ny;
  const solved = model.solvable;
  // Cell-centre velocity: the mean of the fluxes through the cell's two faces on each axis over the face area.
  for (let k = 0; k < nz; k++) {
    for (let j = j0; j <= j1; j++) {
      const row = k * plane + j * nx;
      for (let i = i0; i <= i1; i++) {
        const c = row + i;
        if (solid[c] !== 0) { temperatureC[c] = NaN; velocity[3 * c] = 0; velocity[3 * c + 1] = 0; velocity[3 * c + 2] = 0; continue; }
        temperatureC[c] = solved ? supply + theta[c]! : NaN;
        velocity[3 * c] = (fx[c]! + (i > 0 ? fx[c - 1]! : 0)) / ax;
        velocity[3 * c + 1] = (fy[c]! + (j > 0 ? fy[c - nx]! : 0)) / ay;
        velocity[3 * c + 2] = (fz[c]! + (k > 0 ? fz[c - plane]! : 0)) / az;
      }
    }
  }
}
