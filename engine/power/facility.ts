// Facility power and PUE (The Green Grid WP#49, ISO/IEC 30134-2):
//   P_facility = P_utility (IT + chain losses) + P_cooling (electrical) + P_misc
//   P_misc = misc load fraction x P_IT (lighting, offices; catalog site default)
//   PUE = P_facility / P_IT, with P_IT measured at the IT input (rack power shelves).
import type { ProjectDocument } from '../model/index.js';
import type { Explained } from '../results/index.js';
import { explained } from '../results/index.js';
import type { PowerResult } from './compute.js';

export interface FacilityFigures {
  facilityKw: Explained;
  coolingKw: Explained;
  miscKw: Explained;
  pue: Explained;
}

export function computeFacility(power: PowerResult, coolingKw: Explained, doc: ProjectDocument): FacilityFigures {
  const it = power.itLoadKw.value;
  const upstream = power.upstreamKw.value;
  const fraction = doc.catalog.site.miscLoadFraction;
  const misc = fraction * it;
  const facility = upstream + coolingKw.value + misc;
  const miscKw = explained(misc, 'kW', 'P_misc = f_misc x P_IT', [
    { name: 'f_misc', value: fraction, unit: '' }, { name: 'P_IT', value: it, unit: 'kW' },
  ], 'catalog site.miscLoadFraction');
  const facilityKw = explained(facility, 'kW', 'P_facility = P_utility (IT + chain losses) + P_cooling + P_misc', [
    { name: 'P_utility', value: upstream, unit: 'kW' },
    { name: 'P_cooling (electrical)', value: coolingKw.value, unit: 'kW' },
    { name: 'P_misc', value: misc, unit: 'kW' },
  ], 'The Green Grid WP#49');
  const pue = explained(it > 0 ? facility / it : 0, '', 'PUE = P_facility / P_IT, P_IT measured at the IT input (rack power shelves)', [
    { name: 'P_facility', value: facility, unit: 'kW' },
    { name: 'P_IT (IT input)', value: it, unit: 'kW' },
  ], 'The Green Grid WP#49; ISO/IEC 30134-2');
  return { facilityKw, coolingKw, miscKw, pue };
}
