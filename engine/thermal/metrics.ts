// Hall thermal metrics from rack inlet and exhaust temperatures.
// RCI (Herrlin 2005): RCI_HI = [1 - sum_{T > T_rec,max} (T - T_rec,max) / (n (T_all,max - T_rec,max))] x 100 %,
//   RCI_LO mirrors it below T_rec,min. >= 96 good, 91-95 acceptable, <= 90 poor.
// RTI = (T_return - T_supply) / dT_equipment x 100 %: > 100 recirculation, < 100 bypass.
// SHI = sum (T_in - T_ref) / sum (T_out - T_ref); RHI = 1 - SHI (Sharma, Bash, Patel 2002).
// (DOMAIN.md warns of a public page that swaps SHI and RTI: SHI is the inlet/outlet ratio here.)
import type { InletLimits } from '../model/index.js';

export interface RciPair { hi: number; lo: number; over: number; under: number }

/** RCI_HI and RCI_LO over the racks flagged in `use`, plus how many racks exceed each side. */
export function rci(inletC: Float32Array, use: Uint8Array, limits: InletLimits): RciPair {
  let n = 0, sumHi = 0, sumLo = 0, over = 0, under = 0;
  for (let i = 0; i < inletC.length; i++) {
    if (use[i] === 0) continue;
    const t = inletC[i] as number;
    n += 1;
    if (t > limits.recommendedMaxC) { sumHi += t - limits.recommendedMaxC; over += 1; }
    if (t < limits.recommendedMinC) { sumLo += limits.recommendedMinC - t; under += 1; }
  }
  if (n === 0) return { hi: 100, lo: 100, over, under };
  const hiSpan = limits.allowableMaxC - limits.recommendedMaxC;
  const loSpan = limits.recommendedMinC - limits.allowableMinC;
  return {
    hi: (1 - sumHi / (n * Math.max(hiSpan, 1e-9))) * 100,
    lo: (1 - sumLo / (n * Math.max(loSpan, 1e-9))) * 100,
    over, under,
  };
}

/** SHI over the racks flagged in `use`; 0 when no rack heats its air above the reference. */
export function shi(inletC: Float32Array, exhaustC: Float32Array, use: Uint8Array, refC: number): number {
  let num = 0, den = 0;
  for (let i = 0; i < inletC.length; i++) {
    if (use[i] === 0) continue;
    num += (inletC[i] as number) - refC;
    den += (exhaustC[i] as number) - refC;
  }
  return den > 1e-9 ? num / den : 0;
}

/** RTI from return and supply temperatures and the airflow-weighted rise across the racks. */
export function rti(returnC: number, supplyC: number, equipmentRiseK: number): number {
  return equipmentRiseK > 1e-9 ? ((returnC - supplyC) / equipmentRiseK) * 100 : 0;
}
