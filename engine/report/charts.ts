// The report's charts as drawings: a bar chart (power by row), a histogram with shaded limit
// bands (inlet temperatures against the ASHRAE class), and horizontal stacked bars (latency
// breakdown per workload). Axes use round ticks; every axis title carries its unit.
import { ACCENT, INK, MUTED, RULE, SERIES } from './colour.js';
import { DrawingBuilder, textWidth, type Drawing } from './draw.js';
import { fmt, niceTicks } from './ticks.js';

export interface Frame { x: number; y: number; w: number; h: number }

function title(d: DrawingBuilder, text: string): void {
  d.text(0, 11, text, { size: 9.5, bold: true, color: INK });
}

/** Horizontal grid lines and labels of a value axis; returns the value-to-y mapping. */
function valueAxis(d: DrawingBuilder, f: Frame, max: number, label: string): (v: number) => number {
  const ticks = niceTicks(0, max > 0 ? max : 1, 5);
  const top = ticks[ticks.length - 1]!;
  const yOf = (v: number) => f.y + f.h - (v / top) * f.h;
  for (const t of ticks) {
    d.line(f.x, yOf(t), f.x + f.w, yOf(t), { stroke: t === 0 ? INK : RULE, lineWidth: t === 0 ? 0.7 : 0.35 });
    d.text(f.x - 4, yOf(t) + 2.5, fmt(t, 2), { size: 6.5, color: MUTED, anchor: 'end' });
  }
  d.text(f.x - 30, f.y + f.h / 2, label, { size: 7, color: INK, anchor: 'middle', rotate: 90 });
  return yOf;
}

export interface BarChartInput {
  width: number; height: number;
  title: string;
  labels: string[];
  values: number[];
  /** Axis title with the unit, e.g. "IT load (kW)". */
  axis: string;
  /** Printed above each bar when there is room. */
  valueLabel?: (v: number) => string;
}

export function barChart(c: BarChartInput): Drawing {
  const d = new DrawingBuilder(c.width, c.height);
  title(d, c.title);
  const rotate = c.labels.length > 12;
  const f: Frame = { x: 46, y: 24, w: c.width - 56, h: c.height - 24 - (rotate ? 46 : 22) };
  const yOf = valueAxis(d, f, Math.max(0, ...c.values), c.axis);
  const n = Math.max(1, c.values.length);
  const slot = f.w / n, bw = Math.min(slot * 0.7, 40);
  c.values.forEach((v, i) => {
    const x = f.x + slot * i + (slot - bw) / 2;
    d.rect(x, yOf(v), bw, yOf(0) - yOf(v), { fill: ACCENT, stroke: '#08325a', lineWidth: 0.3 });
    const label = c.valueLabel?.(v) ?? '';
    if (label !== '' && textWidth(label, 6) <= slot) d.text(x + bw / 2, yOf(v) - 2.5, label, { size: 6, color: INK, anchor: 'middle' });
    const name = c.labels[i] ?? '';
    if (rotate) d.text(x + bw / 2 + 2, f.y + f.h + 5, name, { size: 6, color: INK, anchor: 'end', rotate: 60 });
    else d.text(x + bw / 2, f.y + f.h + 10, name, { size: 6.5, color: INK, anchor: 'middle' });
  });
  return d.build();
}

export interface Band { from: number; to: number; colour: string; label: string }

export interface HistogramInput {
  width: number; height: number;
  title: string;
  values: ArrayLike<number>;
  /** Bin edges: from `min` in steps of `bin` up to at least `max`. */
  min: number; max: number; bin: number;
  axis: string;
  /** Shaded ranges behind the bars (recommended, allowable), outermost first. */
  bands: Band[];
  /** Vertical marker lines with a label (limits). */
  markers: { at: number; label: string }[];
}

/** Counts per bin; values outside [min, max) go to the end bins so none is silently dropped. */
export function binCounts(values: ArrayLike<number>, min: number, max: number, bin: number): number[] {
  const n = Math.max(1, Math.ceil((max - min) / bin - 1e-9));
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const k = Math.min(n - 1, Math.max(0, Math.floor((v - min) / bin)));
    counts[k]! += 1;
  }
  return counts;
}

export function histogram(c: HistogramInput): Drawing {
  const d = new DrawingBuilder(c.width, c.height);
  title(d, c.title);
  const f: Frame = { x: 46, y: 24, w: c.width - 56, h: c.height - 24 - 40 };
  const counts = binCounts(c.values, c.min, c.max, c.bin);
  const top = c.min + counts.length * c.bin;
  const xOf = (v: number) => f.x + ((v - c.min) / (top - c.min)) * f.w;
  for (const b of c.bands) {
    const x0 = xOf(Math.max(c.min, b.from)), x1 = xOf(Math.min(top, b.to));
    if (x1 > x0) d.rect(x0, f.y, x1 - x0, f.h, { fill: b.colour });
  }
  const yOf = valueAxis(d, f, Math.max(...counts), 'racks (count)');
  counts.forEach((n, i) => {
    if (n === 0) return;
    const x = xOf(c.min + i * c.bin);
    d.rect(x + 0.5, yOf(n), xOf(c.min + (i + 1) * c.bin) - x - 1, yOf(0) - yOf(n), { fill: ACCENT, stroke: '#08325a', lineWidth: 0.3 });
  });
  for (const t of niceTicks(c.min, top, 10)) {
    if (t < c.min - 1e-9 || t > top + 1e-9) continue;
    d.line(xOf(t), f.y + f.h, xOf(t), f.y + f.h + 3, { stroke: INK, lineWidth: 0.5 });
    d.text(xOf(t), f.y + f.h + 11, fmt(t, 1), { size: 6.5, color: MUTED, anchor: 'middle' });
  }
  d.text(f.x + f.w / 2, f.y + f.h + 24, c.axis, { size: 7, color: INK, anchor: 'middle' });
  c.markers.forEach((m, i) => {
    const x = xOf(m.at);
    if (x < f.x - 1e-6 || x > f.x + f.w + 1e-6) return;
    d.line(x, f.y, x, f.y + f.h, { stroke: '#a50026', lineWidth: 0.7, dash: [3, 2] });
    d.text(x + 2, f.y + 8 + (i % 2) * 8, m.label, { size: 6, color: '#a50026' });
  });
  // Band key along the bottom.
  let kx = f.x;
  for (const b of c.bands) {
    d.rect(kx, c.height - 8, 10, 6, { fill: b.colour, stroke: RULE, lineWidth: 0.3 });
    d.text(kx + 13, c.height - 3, b.label, { size: 6.5, color: INK });
    kx += 18 + textWidth(b.label, 6.5);
  }
  return d.build();
}

export interface StackedInput {
  width: number; height: number;
  title: string;
  /** One bar per category (workload). */
  categories: string[];
  /** Series names (parts) and, per series, one value per category. */
  series: { name: string; values: number[] }[];
  axis: string;
  /** Total printed at the end of each bar. */
  totalLabel: (v: number) => string;
}

/** Horizontal stacked bars, one per category, with a legend of the series underneath. */
export function stackedBars(c: StackedInput): Drawing {
  const d = new DrawingBuilder(c.width, c.height);
  title(d, c.title);
  const labelW = Math.min(200, Math.max(60, ...c.categories.map((s) => textWidth(s, 7) + 8)));
  const legendRows = Math.ceil(c.series.length / 4);
  const f: Frame = { x: labelW, y: 24, w: c.width - labelW - 60, h: c.height - 24 - 30 - legendRows * 12 };
  const totals = c.categories.map((_, i) => c.series.reduce((a, s) => a + Math.max(0, s.values[i] ?? 0), 0));
  const ticks = niceTicks(0, Math.max(1e-9, ...totals), 6);
  const top = ticks[ticks.length - 1]!;
  const xOf = (v: number) => f.x + (v / top) * f.w;
  for (const t of ticks) {
    d.line(xOf(t), f.y, xOf(t), f.y + f.h, { stroke: t === 0 ? INK : RULE, lineWidth: t === 0 ? 0.7 : 0.35 });
    d.text(xOf(t), f.y + f.h + 10, fmt(t, 2), { size: 6.5, color: MUTED, anchor: 'middle' });
  }
  d.text(f.x + f.w / 2, f.y + f.h + 21, c.axis, { size: 7, color: INK, anchor: 'middle' });
  const n = Math.max(1, c.categories.length);
  const slot = f.h / n, bh = Math.min(slot * 0.6, 26);
  c.categories.forEach((name, i) => {
    const y = f.y + slot * i + (slot - bh) / 2;
    d.text(f.x - 6, y + bh / 2 + 2.5, name, { size: 7, color: INK, anchor: 'end' });
    let acc = 0;
    c.series.forEach((s, k) => {
      const v = Math.max(0, s.values[i] ?? 0);
      if (v <= 0) return;
      d.rect(xOf(acc), y, xOf(acc + v) - xOf(acc), bh, { fill: SERIES[k % SERIES.length]!, stroke: '#ffffff', lineWidth: 0.4 });
      acc += v;
    });
    d.text(xOf(acc) + 4, y + bh / 2 + 2.5, c.totalLabel(totals[i]!), { size: 6.5, color: INK });
  });
  const colW = (c.width - labelW) / 4;
  c.series.forEach((s, k) => {
    const x = labelW + (k % 4) * colW, y = c.height - legendRows * 12 + Math.floor(k / 4) * 12;
    d.rect(x, y, 10, 7, { fill: SERIES[k % SERIES.length]! });
    d.text(x + 14, y + 6.5, s.name, { size: 6.5, color: INK });
  });
  return d.build();
}
