// Liquid side: each rack's liquidFraction of heat goes through its CDU (rack.cduId). A CDU is
// checked on heat (capacityKw) and on secondary-loop flow, Q = P / (rho_w cp_w dT): 1.44 L/min per
// kW at dT = 10 K (physics), against the catalog flow and OCP's 1.5 L/min per kW guidance
// (DOMAIN.md). Racks with liquid heat and no running CDU leave that heat unremoved.
import type { CoolingType, ProjectDocument } from '../model/index.js';
import type { Violation } from '../results/index.js';
import { OCP_LPM_PER_KW, TECH_LOOP_DELTA_T_K, waterFlowLpm } from './air.js';
import type { RackHeat } from './split.js';

export interface LiquidResult {
  /** Liquid heat each CDU carries, kW (aligned with doc.cooling; 0 for other units). */
  cduHeatKw: Float64Array;
  /** Secondary-loop flow the CDU's heat needs at dT = 10 K, L/min (aligned with doc.cooling). */
  cduFlowDemandLpm: Float64Array;
  /** Liquid heat removed by running CDUs, kW. */
  removedKw: number;
  /** Liquid heat of racks with no running CDU, kW. */
  unremovedKw: number;
  /** Whole liquid load and running CDU capacity (the facility-water loop all CDUs share). */
  totalLiquidKw: number;
  runningCapacityKw: number;
  violations: Violation[];
}

const fmt = (v: number) => v.toFixed(1);

export function computeLiquid(doc: ProjectDocument, heat: RackHeat, unitTypes: readonly (CoolingType | undefined)[]): LiquidResult {
  const units = doc.cooling.length;
  const cduHeatKw = new Float64Array(units);
  const cduFlowDemandLpm = new Float64Array(units);
  const violations: Violation[] = [];
  const orphans: string[] = [];
  const stranded = new Map<number, string[]>();
  let removedKw = 0;
  let unremovedKw = 0;
  let totalLiquidKw = 0;
  doc.racks.forEach((rack, i) => {
    const q = heat.liquidKw[i] as number;
    if (q <= 0) return;
    totalLiquidKw += q;
    const c = heat.cduIndex[i] as number;
    if (c < 0) {
      orphans.push(rack.id);
      unremovedKw += q;
      return;
    }
    cduHeatKw[c] = (cduHeatKw[c] as number) + q;
    if (doc.cooling[c]?.status === 'running') removedKw += q;
    else {
      unremovedKw += q;
      const list = stranded.get(c) ?? [];
      list.push(rack.id);
      stranded.set(c, list);
    }
  });
  if (orphans.length > 0) {
    violations.push({
      code: 'cooling.no-cdu', severity: 'error', objectIds: orphans,
      message: `${orphans.length} rack(s) have liquid-cooled heat but no CDU assigned`,
    });
  }
  for (const [c, racks] of stranded) {
    const unit = doc.cooling[c];
    if (!unit) continue;
    violations.push({
      code: 'cooling.cdu-down', severity: 'error', objectIds: [unit.id, ...racks],
      message: `CDU ${unit.name} is ${unit.status}: ${racks.length} rack(s) lose their liquid cooling`,
    });
  }
  let runningCapacityKw = 0;
  doc.cooling.forEach((unit, c) => {
    const t = unitTypes[c];
    if (t?.kind !== 'cdu') return;
    if (unit.status === 'running') runningCapacityKw += t.capacityKw;
    const q = cduHeatKw[c] as number;
    const demand = waterFlowLpm(q, TECH_LOOP_DELTA_T_K);
    cduFlowDemandLpm[c] = demand;
    if (q > t.capacityKw) {
      violations.push({
        code: 'cooling.cdu-overload', severity: 'error', objectIds: [unit.id],
        message: `CDU ${unit.name} carries ${fmt(q)} kW of liquid heat, capacity ${fmt(t.capacityKw)} kW`,
      });
    }
    if (demand > t.waterFlowLpm) {
      violations.push({
        code: 'cooling.cdu-flow', severity: 'error', objectIds: [unit.id],
        message: `CDU ${unit.name} needs ${fmt(demand)} L/min at dT ${TECH_LOOP_DELTA_T_K} K, pumps give ${fmt(t.waterFlowLpm)} L/min`,
      });
    } else if (q * OCP_LPM_PER_KW > t.waterFlowLpm) {
      violations.push({
        code: 'cooling.cdu-flow-guidance', severity: 'warning', objectIds: [unit.id],
        message: `CDU ${unit.name} flow ${fmt(t.waterFlowLpm)} L/min is below OCP guidance of ${OCP_LPM_PER_KW} L/min per kW (${fmt(q * OCP_LPM_PER_KW)} L/min)`,
      });
    }
  });
  return { cduHeatKw, cduFlowDemandLpm, removedKw, unremovedKw, totalLiquidKw, runningCapacityKw, violations };
}
