// Equipment sizing rules shared by the hall generators: how much one element can carry, and
// how many are needed. The engine's power model uses the same capacity formula.
import type { PowerType } from '../model/index.js';

/** Continuous-load share of a rating: 100 % for listed assemblies, else 80 % (NEC 210.19/215.2). */
export function continuousFactor(type: Pick<PowerType, 'ratedFor100PctContinuous'>): number {
  return type.ratedFor100PctContinuous ? 1 : 0.8;
}

/** Real power at the rating: three-phase P = sqrt(3) V_LL I PF; single-phase P = V I PF (kW). */
export function ratedKw(type: Pick<PowerType, 'voltageV' | 'phases' | 'ratedA' | 'powerFactor'>): number {
  const phaseFactor = type.phases === 3 ? Math.sqrt(3) : 1;
  return (phaseFactor * type.voltageV * type.ratedA * type.powerFactor) / 1000;
}

/** What an element may carry continuously (kW). */
export function continuousKw(type: PowerType): number {
  return ratedKw(type) * continuousFactor(type);
}

/** Split items into consecutive groups whose summed load stays within capacity. */
export function packConsecutive<T>(items: readonly T[], load: (item: T) => number, capacity: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let sum = 0;
  for (const item of items) {
    const l = load(item);
    if (current.length > 0 && sum + l > capacity) {
      groups.push(current);
      current = [];
      sum = 0;
    }
    current.push(item);
    sum += l;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
