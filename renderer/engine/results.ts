// Reading the engine's results in the UI. Every figure the engine returns is an `Explained`
// (value, unit, formula, inputs, source); the panels find them by shape so a new figure added to
// a sub-model shows up with its explanation without a UI change.
import type { Explained, Violation } from '../../engine/results/explain';

/** What the worker hands back: the engine's ComputeResults (typed loosely on this side of the wire). */
export type EngineResults = Record<string, unknown>;

export function isExplained(v: unknown): v is Explained {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.value === 'number' && typeof o.unit === 'string' && typeof o.formula === 'string' && Array.isArray(o.inputs);
}

export interface NamedFigure {
  key: string;
  label: string;
  figure: Explained;
}

/** Labels for figures whose key does not read well humanised. */
const LABELS: Record<string, string> = {
  itLoadKw: 'IT load',
  facilityKw: 'Facility power',
  pue: 'PUE',
  maxInletC: 'Hottest rack inlet',
  coolingKw: 'Cooling power',
  coolingCapacityKw: 'Cooling capacity',
  supportedItKw: 'IT supported (N-1)',
};

export function humanise(key: string): string {
  const known = LABELS[key];
  if (known !== undefined) return known;
  const words = key
    .replace(/(Kw|Mw|W|C|K|Pct|Gbps|GBps|Tbps|Ms|Us|M|Kg)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The Explained figures directly inside one section of the results, in the engine's order. */
export function figuresOf(section: unknown): NamedFigure[] {
  if (section === null || typeof section !== 'object') return [];
  const out: NamedFigure[] = [];
  for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
    if (isExplained(value)) out.push({ key, label: humanise(key), figure: value });
  }
  return out;
}

export function isViolation(v: unknown): v is Violation {
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return typeof o.code === 'string' && typeof o.message === 'string' && Array.isArray(o.objectIds);
}

export function violationsOf(results: EngineResults | null): Violation[] {
  const list = results?.violations;
  return Array.isArray(list) ? list.filter(isViolation) : [];
}

/** Per-rack inlet temperatures, aligned with doc.racks, when the thermal model supplied them. */
export function rackInletsOf(results: EngineResults | null): Float32Array | null {
  const thermal = results?.thermal as Record<string, unknown> | undefined;
  const inlets = thermal?.rackInletC ?? thermal?.rackInletsC ?? thermal?.inletC;
  return inlets instanceof Float32Array ? inlets : null;
}
