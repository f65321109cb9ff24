// 3D view of the hall: an isometric projection of racks and equipment as shaded boxes, drawn far
// to near (painter's algorithm, projection.ts) on the floor plate. Seen from the hall's origin
// corner (x = 0, y = 0), so the y = 0 wall's side of every row faces the reader.
import type { ProjectDocument } from '../model/index.js';
import { FLOOR, INK, KIND_COLOURS, MUTED, RULE, shade, type SceneKind } from './colour.js';
import { DrawingBuilder } from './draw.js';
import { kindLegend } from './legend.js';
import type { Picture } from './plan.js';
import { lambert, paintersOrder, project, visibleFaces, type Axonometric, type Box3 } from './projection.js';
import { mergeBoxes, sceneBounds, type SceneBox } from './scene.js';
import { fmt } from './ticks.js';

export interface View3dOptions {
  width: number;
  height: number;
  projection?: Axonometric;
  /** Above this many boxes, touching boxes of the same kind are merged into row blocks. */
  maxBoxes?: number;
}

const LEGEND_W = 130;

/**
 * The report's 3D camera: a dimetric view 30 deg off the hall's long axis and 30 deg down. Halls
 * are long and narrow; isometric (45 deg) would turn them into a thin diamond, this keeps the
 * length across the page and still shows the rack fronts on the y = 0 side.
 */
export const REPORT_VIEW: Axonometric = { azimuthRad: (60 * Math.PI) / 180, elevationRad: (30 * Math.PI) / 180 };

export function view3d(doc: ProjectDocument, all: readonly SceneBox[], o: View3dOptions): Picture {
  const p = o.projection ?? REPORT_VIEW;
  const notes: string[] = [];
  let boxes = all;
  if (boxes.length > (o.maxBoxes ?? 1500)) {
    boxes = mergeBoxes(all);
    notes.push(`Simplified for print: ${all.length.toLocaleString('en-US')} objects drawn as ${boxes.length.toLocaleString('en-US')} blocks (touching objects of the same kind merged).`);
  }
  const b = sceneBounds(doc, all);
  const floor: Box3 = { ...b, minZ: 0, maxZ: 0 };
  // Fit every projected corner into the area left of the legend.
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const x of [floor.minX, floor.maxX]) for (const y of [floor.minY, floor.maxY]) for (const z of [0, Math.max(b.maxZ, 0.1)]) {
    const q = project(p, x, y, z);
    x0 = Math.min(x0, q.x); x1 = Math.max(x1, q.x); y0 = Math.min(y0, q.y); y1 = Math.max(y1, q.y);
  }
  const pad = 12;
  const s = Math.min((o.width - LEGEND_W - 2 * pad) / (x1 - x0), (o.height - 2 * pad) / (y1 - y0));
  const offX = pad + (o.width - LEGEND_W - 2 * pad - (x1 - x0) * s) / 2 - x0 * s;
  const offY = pad + (o.height - 2 * pad - (y1 - y0) * s) / 2 - y0 * s;
  const map = (pts: readonly number[]) => pts.map((v, i) => (i % 2 === 0 ? offX + v * s : offY + v * s));
  const at = (x: number, y: number, z: number) => { const q = project(p, x, y, z); return [offX + q.x * s, offY + q.y * s] as const; };

  const d = new DrawingBuilder(o.width, o.height);
  const h = doc.hall;
  const corners = [[0, 0], [h.lengthM, 0], [h.lengthM, h.widthM], [0, h.widthM]].flatMap(([x, y]) => at(x!, y!, 0));
  d.polygon(corners, { fill: FLOOR, stroke: INK, lineWidth: 0.9 });
  // A 5 m (or coarser) floor grid gives the eye a sense of scale without a ruler.
  const step = [5, 10, 20, 50].find((m) => m * s * 0.7 >= 12) ?? 100;
  for (let x = step; x < h.lengthM; x += step) d.line(...at(x, 0, 0), ...at(x, h.widthM, 0), { stroke: RULE, lineWidth: 0.3 });
  for (let y = step; y < h.widthM; y += step) d.line(...at(0, y, 0), ...at(h.lengthM, y, 0), { stroke: RULE, lineWidth: 0.3 });

  const order = paintersOrder(p, boxes.map((x) => x.box));
  for (const i of order) {
    const sb = boxes[i]!;
    const base = KIND_COLOURS[sb.kind];
    const glass = sb.kind === 'containment';
    for (const f of visibleFaces(p, sb.box)) {
      const colour = shade(base, lambert(f.normal));
      const pts = map(f.points);
      const big = Math.abs(pts[0]! - pts[4]!) + Math.abs(pts[1]! - pts[5]!) > 4;
      d.polygon(pts, glass ? { fill: colour, opacity: 0.18, stroke: shade(base, 0.6), lineWidth: 0.4 } : big ? { fill: colour, stroke: shade(base, 0.45), lineWidth: 0.25 } : { fill: colour });
    }
  }
  // Axis note at the origin corner: which way is x and y, and the hall's size.
  const [ax, ay] = at(0, 0, 0);
  d.text(ax, ay + 12, `origin (0, 0); x along ${fmt(h.lengthM, 1)} m, y along ${fmt(h.widthM, 1)} m`, { size: 6.5, color: MUTED, anchor: 'middle' });
  const counts = new Map<SceneKind, number>();
  for (const x of all) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
  kindLegend(d, o.width - LEGEND_W, 10, counts);
  return { drawing: d.build(), notes };
}
