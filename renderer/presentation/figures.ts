// The key figures a customer asks about, in the order they ask: how much IT, how much from the
// grid, how efficient, is it cool enough, how many agents, and what limits it. One list for the
// on-screen band and for the screenshot, so the PNG says exactly what the room saw.
import { ASHRAE_INLET_LIMITS, type ProjectDocument } from '../../engine/model/index';
import { findFigure, type EngineResults } from '../engine/results';
import { formatNumber, formatQuantity } from '../format/number';
import { RESOURCE_LABEL, RESOURCE_SHORT } from './slides';

export type Tone = 'ok' | 'warn' | 'err' | 'neutral' | 'accent';

export interface KeyFigure {
  key: string;
  label: string;
  value: string;
  unit: string;
  /** A short second line: a limit, a share, the runner-up. */
  note: string;
  tone: Tone;
}

const missing = (key: string, label: string): KeyFigure => ({ key, label, value: '—', unit: '', note: '', tone: 'neutral' });

function quantity(results: EngineResults, path: string, label: string, note = '', tone: Tone = 'neutral'): KeyFigure {
  const f = findFigure(results, path);
  if (f === null) return missing(path, label);
  const q = formatQuantity(f.value, f.unit);
  return { key: path, label, value: q.value, unit: q.unit, note, tone };
}

export function keyFigures(doc: ProjectDocument, results: EngineResults | null): KeyFigure[] {
  if (results === null) {
    return [
      missing('power.itLoadKw', 'IT load'), missing('power.facilityKw', 'Facility power'), missing('power.pue', 'PUE'),
      missing('thermal.maxInletC', 'Hottest inlet'), missing('workload.maxAgentsAtSlo', 'Agents at SLO'), missing('bottleneck', 'Bottleneck'),
    ];
  }
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const inlet = findFigure(results, 'thermal.maxInletC')?.value ?? Number.NaN;
  const inletTone: Tone = !Number.isFinite(inlet) ? 'neutral' : inlet > limits.allowableMaxC ? 'err' : inlet > limits.recommendedMaxC ? 'warn' : 'ok';
  const pue = findFigure(results, 'power.pue')?.value ?? Number.NaN;
  const b = results.bottleneck;
  const agents = findFigure(results, 'workload.maxAgentsAtSlo');
  return [
    quantity(results, 'power.itLoadKw', 'IT load', `${doc.racks.length} racks`),
    quantity(results, 'power.facilityKw', 'Facility power', 'from the grid'),
    quantity(results, 'power.pue', 'PUE', Number.isFinite(pue) ? `non-IT share ${((1 - 1 / pue) * 100).toFixed(0)} %` : ''),
    quantity(results, 'thermal.maxInletC', 'Hottest inlet', `≤ ${limits.recommendedMaxC} °C recommended (${doc.hall.ashraeClass})`, inletTone),
    agents === null ? missing('workload.maxAgentsAtSlo', 'Agents at SLO')
      : { key: 'workload.maxAgentsAtSlo', label: 'Agents at SLO', value: formatNumber(agents.value), unit: '', note: 'within the latency target', tone: 'accent' },
    b === null ? { ...missing('bottleneck', 'Bottleneck'), value: 'None', note: 'no resource limits the hall' }
      : { key: 'bottleneck', label: 'Bottleneck', value: RESOURCE_SHORT[b.resource], unit: '', note: `then ${RESOURCE_LABEL[b.next]}, ${b.marginPct.toFixed(0)} % further`, tone: 'warn' },
  ];
}
