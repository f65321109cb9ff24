// Electrical power of cooling, for PUE: fans and pumps plus the heat-rejection plant.
// - Air units (CRAH, in-row) run constant-volume at their catalog airflow, because the field model
//   moves exactly that air: full fanPowerKw while running. Passive rear doors draw nothing.
// - CDU pumps are speed-controlled to the flow the heat needs; pump power follows the affinity law
//   P = P_rated * (Q / Q_rated)^3, never below MIN_PUMP_SPEED (VFD minimum, rule of thumb).
// - Plant: P_plant = (IT heat + fan and pump heat) / COP (catalog.site.plantCop), since the fans'
//   and pumps' own power also ends up as heat the chillers or dry coolers reject.
import type { CoolingType, ProjectDocument } from '../model/index.js';
import { explained, type Explained } from '../results/index.js';

/** Lowest speed a pump VFD runs at (rule of thumb: 30 % of rated speed). */
export const MIN_PUMP_SPEED = 0.3;

export interface CoolingPower {
  fansKw: number;
  pumpsKw: number;
  plantKw: number;
  /** Electric draw of each unit's fans or pumps, kW (aligned with doc.cooling). */
  unitKw: Float64Array;
  coolingPowerKw: Explained;
}

export function coolingPower(
  doc: ProjectDocument, unitTypes: readonly (CoolingType | undefined)[], cduFlowDemandLpm: Float64Array, itHeatKw: number,
): CoolingPower {
  const unitKw = new Float64Array(doc.cooling.length);
  let fansKw = 0;
  let pumpsKw = 0;
  doc.cooling.forEach((unit, i) => {
    const t = unitTypes[i];
    if (!t || unit.status !== 'running') return;
    if (t.kind === 'cdu') {
      const share = t.waterFlowLpm > 0 ? (cduFlowDemandLpm[i] as number) / t.waterFlowLpm : 1;
      const speed = Math.min(1, Math.max(MIN_PUMP_SPEED, share));
      const kw = t.fanPowerKw * speed * speed * speed;
      unitKw[i] = kw;
      pumpsKw += kw;
    } else {
      unitKw[i] = t.fanPowerKw;
      fansKw += t.fanPowerKw;
    }
  });
  const cop = doc.catalog.site.plantCop;
  const plantKw = (itHeatKw + fansKw + pumpsKw) / cop;
  const total = fansKw + pumpsKw + plantKw;
  return {
    fansKw, pumpsKw, plantKw, unitKw,
    coolingPowerKw: explained(total, 'kW', 'P_cool = P_fans + P_pumps + (Q_IT + P_fans + P_pumps) / COP; P_pump = P_rated * max(0.3, Q/Q_rated)^3', [
      { name: 'P_fans (air units at full speed)', value: fansKw, unit: 'kW' },
      { name: 'P_pumps (CDUs, affinity law)', value: pumpsKw, unit: 'kW' },
      { name: 'Q_IT', value: itHeatKw, unit: 'kW' },
      { name: 'COP (catalog.site.plantCop)', value: cop, unit: '' },
      { name: 'P_plant', value: plantKw, unit: 'kW' },
    ], 'Fan/pump affinity laws; plant COP from the catalog'),
  };
}
