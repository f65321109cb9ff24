// Legends and scale bars shared by the plan view and the 3D view.
import type { InletLimits } from '../model/index.js';
import { INK, KIND_COLOURS, KIND_LABELS, MUTED, NO_DATA, RULE, rampStops, shade, temperatureColour, type SceneKind } from './colour.js';
import type { DrawingBuilder } from './draw.js';
import { niceStep } from './ticks.js';

const ORDER = Object.keys(KIND_COLOURS) as SceneKind[];

/** One swatch per kind present, in a fixed order, with the count of objects; returns the height used. */
export function kindLegend(d: DrawingBuilder, x: number, y: number, counts: ReadonlyMap<SceneKind, number>, title = 'Legend', neutral?: string): number {
  d.text(x, y + 9, title, { size: 8.5, bold: true, color: INK });
  let yy = y + 18;
  for (const kind of ORDER) {
    const n = counts.get(kind);
    if (!n) continue;
    const c = neutral !== undefined && kind !== 'containment' ? neutral : KIND_COLOURS[kind];
    d.rect(x, yy, 10, 7, kind === 'containment' ? { fill: c, opacity: 0.35, stroke: shade(c, 0.7), lineWidth: 0.5 } : { fill: c, stroke: shade(c, 0.65), lineWidth: 0.4 });
    d.text(x + 14, yy + 6.5, `${KIND_LABELS[kind]} (${n.toLocaleString('en-US')})`, { size: 7, color: INK });
    yy += 11;
  }
  return yy - y;
}

/**
 * A vertical colour bar of the inlet temperature ramp with the ASHRAE class's limits marked,
 * so a reader sees at once which racks sit outside the recommended band. Returns the height used.
 */
export function temperatureLegend(d: DrawingBuilder, x: number, y: number, limits: InletLimits, ashraeClass: string, hasUnknown: boolean): number {
  d.text(x, y + 9, 'Rack inlet (°C)', { size: 8.5, bold: true, color: INK });
  const stops = rampStops(limits);
  const lo = stops[0]! - 1, hi = stops[stops.length - 1]! + 1;
  const top = y + 18, h = 120, w = 12;
  const steps = 48;
  for (let i = 0; i < steps; i++) {
    const c = hi - ((i + 0.5) / steps) * (hi - lo);
    d.rect(x, top + (i * h) / steps, w, h / steps + 0.3, { fill: temperatureColour(c, limits) });
  }
  d.rect(x, top, w, h, { stroke: INK, lineWidth: 0.5 });
  const yOf = (c: number) => top + ((hi - c) / (hi - lo)) * h;
  const marks: [number, string][] = [
    [limits.allowableMaxC, `${limits.allowableMaxC} allowable max`],
    [limits.recommendedMaxC, `${limits.recommendedMaxC} recommended max`],
    [limits.recommendedMinC, `${limits.recommendedMinC} recommended min`],
  ];
  for (const [c, label] of marks) {
    const yy = yOf(c);
    d.line(x - 2, yy, x + w + 3, yy, { stroke: INK, lineWidth: 0.6 });
    d.text(x + w + 5, yy + 2.5, label, { size: 6.5, color: INK });
  }
  d.text(x, top + h + 10, `ASHRAE class ${ashraeClass}`, { size: 6.5, color: MUTED });
  let used = h + 28;
  if (hasUnknown) {
    d.rect(x, top + h + 16, 10, 7, { fill: NO_DATA, stroke: RULE, lineWidth: 0.4 });
    d.text(x + 14, top + h + 22.5, 'no air path / no data', { size: 6.5, color: INK });
    used += 12;
  }
  return used;
}

/** A scale bar of a round length (1, 2, 5 x 10^k m) about `targetPt` long. */
export function scaleBar(d: DrawingBuilder, x: number, y: number, ptPerM: number, targetPt = 80): void {
  const metres = niceStep(targetPt / ptPerM);
  const len = metres * ptPerM;
  d.rect(x, y, len / 2, 3, { fill: INK });
  d.rect(x + len / 2, y, len / 2, 3, { fill: '#ffffff', stroke: INK, lineWidth: 0.5 });
  d.rect(x, y, len, 3, { stroke: INK, lineWidth: 0.5 });
  d.text(x, y + 11, '0', { size: 6.5, color: INK, anchor: 'start' });
  d.text(x + len, y + 11, `${metres} m`, { size: 6.5, color: INK, anchor: 'middle' });
}
