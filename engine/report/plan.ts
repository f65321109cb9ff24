// Plan view of the hall, top down: floor and tile grid, containment, racks coloured by kind or
// by inlet temperature, cooling units, power equipment and busway, row labels, overall
// dimensions in metres, a scale bar and a legend. Hall y runs up the page (origin bottom-left),
// as on an architect's plan.
import { ASHRAE_INLET_LIMITS, type ProjectDocument } from '../model/index.js';
import { FLOOR, INK, KIND_COLOURS, MUTED, RULE, shade, temperatureColour, type SceneKind } from './colour.js';
import { DrawingBuilder, textWidth, type Drawing } from './draw.js';
import { kindLegend, scaleBar, temperatureLegend } from './legend.js';
import { mergeBoxes, sceneBounds, type SceneBox } from './scene.js';
import { fmt } from './ticks.js';

export interface PlanOptions {
  width: number;
  height: number;
  colourBy: 'kind' | 'inlet';
  /** Aligned with doc.racks (ThermalResult.rackInletC); required for colourBy 'inlet'. */
  rackInletC?: Float32Array;
  /** Above this many boxes, touching boxes of the same colour are merged into blocks. */
  maxBoxes?: number;
}

export interface Picture {
  drawing: Drawing;
  /** Sentences for the caption: what was simplified and why. */
  notes: string[];
}

const LEGEND_W = 130;
const NEUTRAL = '#cfd5dc';
const MARGIN = { left: 34, right: LEGEND_W + 16, top: 10, bottom: 34 };

export function planView(doc: ProjectDocument, all: readonly SceneBox[], o: PlanOptions): Picture {
  const notes: string[] = [];
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const inlet = o.rackInletC;
  // In the inlet view only racks carry colour; equipment is neutral so the heat map reads alone.
  const colourOf = (b: SceneBox): string =>
    o.colourBy !== 'inlet' ? KIND_COLOURS[b.kind] : b.rack >= 0 ? temperatureColour(quantise(inlet?.[b.rack] ?? NaN), limits) : b.kind === 'containment' ? KIND_COLOURS.containment : NEUTRAL;
  let boxes = all;
  if (boxes.length > (o.maxBoxes ?? 4000)) {
    boxes = mergeBoxes(all, colourOf);
    notes.push(`Simplified for print: ${all.length.toLocaleString('en-US')} objects drawn as ${boxes.length.toLocaleString('en-US')} blocks of touching objects of the same kind${o.colourBy === 'inlet' ? ' and inlet temperature (0.5 °C steps)' : ''}.`);
  }
  const bounds = sceneBounds(doc, all);
  const spanX = bounds.maxX - bounds.minX, spanY = bounds.maxY - bounds.minY;
  const s = Math.min((o.width - MARGIN.left - MARGIN.right) / spanX, (o.height - MARGIN.top - MARGIN.bottom) / spanY);
  const ox = MARGIN.left, oy = MARGIN.top + spanY * s;
  const px = (x: number) => ox + (x - bounds.minX) * s;
  const py = (y: number) => oy - (y - bounds.minY) * s;
  const d = new DrawingBuilder(o.width, o.height);

  // Floor, then the tile grid: every tile when a tile is at least 4 pt on paper, else a coarser
  // major grid (the grid is a reading aid, not data; 700 x 260 hairlines would print as grey).
  const h = doc.hall;
  d.rect(px(0), py(h.widthM), h.lengthM * s, h.widthM * s, { fill: FLOOR });
  const tilePt = h.tileM * s;
  let every = 1;
  if (tilePt < 4) {
    every = [5, 10, 20, 50, 100, 200].find((k) => k * tilePt >= 8) ?? 500;
    notes.push(`Tile grid drawn every ${every} tiles (${fmt(every * h.tileM, 1)} m): single ${fmt(h.tileM * 1000, 0)} mm tiles are too small to print at this scale.`);
  }
  const step = h.tileM * every;
  for (let x = step; x < h.lengthM - 1e-6; x += step) d.line(px(x), py(0), px(x), py(h.widthM), { stroke: RULE, lineWidth: 0.25 });
  for (let y = step; y < h.widthM - 1e-6; y += step) d.line(px(0), py(y), px(h.lengthM), py(y), { stroke: RULE, lineWidth: 0.25 });
  d.rect(px(0), py(h.widthM), h.lengthM * s, h.widthM * s, { stroke: INK, lineWidth: 1.4 });
  for (const w of h.walls) d.line(px(w.a.x), py(w.a.y), px(w.b.x), py(w.b.y), { stroke: INK, lineWidth: Math.max(1, w.thicknessM * s) });
  for (const c of h.columns) d.rect(px(c.at.x - c.sizeM / 2), py(c.at.y + c.sizeM / 2), c.sizeM * s, c.sizeM * s, { fill: '#8a939c' });

  const counts = new Map<SceneKind, number>();
  for (const b of all) counts.set(b.kind, (counts.get(b.kind) ?? 0) + 1);
  const paint = (b: SceneBox) => {
    const w = (b.box.maxX - b.box.minX) * s, hh = (b.box.maxY - b.box.minY) * s;
    const fill = colourOf(b);
    // Outlines only where they stay readable; on a huge hall they would turn every block black.
    const outlined = Math.min(w, hh) >= 2.5;
    if (b.kind === 'containment') {
      d.rect(px(b.box.minX), py(b.box.maxY), w, hh, { fill, opacity: 0.25 });
      d.rect(px(b.box.minX), py(b.box.maxY), w, hh, { stroke: shade(fill, 0.6), lineWidth: 0.6, dash: [3, 2] });
      return;
    }
    d.rect(px(b.box.minX), py(b.box.maxY), w, hh, outlined ? { fill, stroke: shade(fill, 0.55), lineWidth: 0.35 } : { fill });
  };
  for (const b of boxes) if (b.kind === 'containment') paint(b);
  for (const b of boxes) if (b.kind !== 'containment' && b.kind !== 'busway') paint(b);
  // Rack fronts (air intakes) as a dark edge, so hot and cold aisles read off the plan.
  if (0.6 * s >= 3) {
    doc.racks.forEach((r, i) => {
      const b = all[i];
      if (b?.rack !== i) return;
      const { minX, minY, maxX, maxY } = b.box;
      const e = r.rotationDeg === 0 ? [minX, minY, maxX, minY] : r.rotationDeg === 180 ? [minX, maxY, maxX, maxY] : r.rotationDeg === 90 ? [maxX, minY, maxX, maxY] : [minX, minY, minX, maxY];
      d.line(px(e[0]!), py(e[1]!), px(e[2]!), py(e[3]!), { stroke: INK, lineWidth: 1 });
    });
  }
  // Busway hangs overhead: drawn dashed along its centre line, as overhead services are on plans.
  for (const b of boxes) {
    if (b.kind !== 'busway') continue;
    const { minX, minY, maxX, maxY } = b.box;
    const along = maxX - minX >= maxY - minY;
    const c = o.colourBy === 'inlet' ? '#7b8794' : shade(KIND_COLOURS.busway, 0.85);
    if (along) d.line(px(minX), py((minY + maxY) / 2), px(maxX), py((minY + maxY) / 2), { stroke: c, lineWidth: Math.min(1.6, Math.max(0.4, 0.2 * s)), dash: [4, 1.5] });
    else d.line(px((minX + maxX) / 2), py(minY), px((minX + maxX) / 2), py(maxY), { stroke: c, lineWidth: Math.min(1.6, Math.max(0.4, 0.2 * s)), dash: [4, 1.5] });
  }
  if (o.colourBy === 'inlet' && inlet && 0.6 * s >= 11) inletValues(d, doc, all, inlet, px, py);
  labels(d, doc, all, px, py, s, o.colourBy === 'inlet' ? INK : '#ffffff');
  dimensions(d, bounds, h.lengthM, h.widthM, px, py);
  const lx = o.width - LEGEND_W;
  let used: number;
  if (o.colourBy === 'inlet') {
    const unknown = inlet === undefined || doc.racks.some((_, i) => !Number.isFinite(inlet[i] ?? NaN));
    used = temperatureLegend(d, lx, MARGIN.top, limits, h.ashraeClass, unknown);
    const rest = new Map([...counts].filter(([k]) => !k.startsWith('rack-')));
    used += 6 + kindLegend(d, lx, MARGIN.top + used + 6, rest, 'Other objects (grey)', NEUTRAL);
  } else {
    used = kindLegend(d, lx, MARGIN.top, counts);
  }
  d.text(lx, MARGIN.top + used + 14, 'Scale', { size: 8.5, bold: true, color: INK });
  scaleBar(d, lx, MARGIN.top + used + 20, s, 70);
  return { drawing: d.build(), notes };
}

/** Inlet temperatures in 0.5 C steps, so merged blocks stay true to the colour scale. */
function quantise(c: number): number {
  return Number.isFinite(c) ? Math.round(c * 2) / 2 : c;
}

type Px = (v: number) => number;

/** Row names at the start of each row, equipment names inside their footprint when they fit. */
function labels(d: DrawingBuilder, doc: ProjectDocument, all: readonly SceneBox[], px: Px, py: Px, s: number, colour: string): void {
  if (doc.rows.length <= 60) {
    const byRow = new Map<string, SceneBox[]>();
    doc.racks.forEach((r, i) => { if (r.rowId !== null) byRow.set(r.rowId, [...(byRow.get(r.rowId) ?? []), all[i]!]); });
    for (const row of doc.rows) {
      const members = byRow.get(row.id);
      if (!members || members.length === 0) continue;
      const minX = Math.min(...members.map((b) => b.box.minX));
      const cy = members.reduce((a, b) => a + (b.box.minY + b.box.maxY) / 2, 0) / members.length;
      const size = Math.min(7, Math.max(4, 0.9 * s));
      d.text(px(minX) - 3, py(cy) + size / 3, row.name, { size, color: INK, anchor: 'end', bold: true });
    }
  }
  for (const b of all) {
    if (b.rack >= 0 || b.kind === 'busway' || b.kind === 'containment') continue;
    const w = (b.box.maxX - b.box.minX) * s, hh = (b.box.maxY - b.box.minY) * s;
    const size = 5.5;
    if (textWidth(b.name, size) + 4 > w || hh < size + 2) continue;
    d.text(px((b.box.minX + b.box.maxX) / 2), py((b.box.minY + b.box.maxY) / 2) + size / 3, b.name, { size, color: colour, anchor: 'middle' });
  }
}

/** Each rack's inlet temperature written along it, when racks are wide enough on paper to hold it. */
function inletValues(d: DrawingBuilder, doc: ProjectDocument, all: readonly SceneBox[], inlet: Float32Array, px: Px, py: Px): void {
  doc.racks.forEach((_, i) => {
    const b = all[i];
    const c = inlet[i] ?? NaN;
    if (b?.rack !== i || !Number.isFinite(c)) return;
    const cx = px((b.box.minX + b.box.maxX) / 2), cy = py((b.box.minY + b.box.maxY) / 2);
    d.text(cx + 2, cy, fmt(c, 1), { size: 5.5, color: INK, anchor: 'middle', rotate: 90 });
  });
}

/** Overall length below the hall and width to its left, with extension ticks, in metres. */
function dimensions(d: DrawingBuilder, b: { minX: number; minY: number }, lengthM: number, widthM: number, px: Px, py: Px): void {
  const st = { stroke: MUTED, lineWidth: 0.6 };
  const yDim = py(Math.min(0, b.minY)) + 14;
  d.line(px(0), py(0) + 3, px(0), yDim + 4, st).line(px(lengthM), py(0) + 3, px(lengthM), yDim + 4, st);
  d.line(px(0), yDim, px(lengthM), yDim, st);
  for (const x of [px(0), px(lengthM)]) d.line(x - 3, yDim + 3, x + 3, yDim - 3, { stroke: INK, lineWidth: 0.8 });
  d.text((px(0) + px(lengthM)) / 2, yDim + 10, `${fmt(lengthM, 2)} m`, { size: 7.5, color: INK, anchor: 'middle' });
  const xDim = px(Math.min(0, b.minX)) - 14;
  d.line(px(0) - 3, py(0), xDim - 4, py(0), st).line(px(0) - 3, py(widthM), xDim - 4, py(widthM), st);
  d.line(xDim, py(0), xDim, py(widthM), st);
  for (const y of [py(0), py(widthM)]) d.line(xDim - 3, y + 3, xDim + 3, y - 3, { stroke: INK, lineWidth: 0.8 });
  d.text(xDim - 4, (py(0) + py(widthM)) / 2, `${fmt(widthM, 2)} m`, { size: 7.5, color: INK, anchor: 'middle', rotate: 90 });
  d.text(px(0) + 2, py(0) - 2, '0,0', { size: 5, color: MUTED });
}
