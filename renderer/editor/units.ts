// Lengths at the UI edge: SI metres inside, metric or imperial (feet) on screen, as the user
// chose. Parsing accepts a unit suffix so "2 ft" works in metric mode and "0.6 m" in imperial.
import type { Units } from './state';

export const M_PER_FT = 0.3048;

export function lengthUnit(units: Units): string {
  return units === 'imperial' ? 'ft' : 'm';
}

/** Metres to the number shown. */
export function toDisplay(m: number, units: Units): number {
  return units === 'imperial' ? m / M_PER_FT : m;
}

export function fromDisplay(v: number, units: Units): number {
  return units === 'imperial' ? v * M_PER_FT : v;
}

export function formatLength(m: number, units: Units, digits = 2): string {
  return `${toDisplay(m, units).toFixed(digits)} ${lengthUnit(units)}`;
}

/** Text typed by the user to metres; a message when it cannot be read. */
export function parseLength(text: string, units: Units): { metres: number } | { error: string } {
  const m = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(m|ft|'|mm|cm|in|")?\s*$/i.exec(text);
  if (m === null) return { error: 'Not a length: type a number, optionally with m, ft, mm or in' };
  const v = Number(m[1]);
  const unit = (m[2] ?? (units === 'imperial' ? 'ft' : 'm')).toLowerCase();
  const factor = unit === 'm' ? 1 : unit === 'mm' ? 0.001 : unit === 'cm' ? 0.01 : unit === 'in' || unit === '"' ? 0.0254 : M_PER_FT;
  return { metres: v * factor };
}
