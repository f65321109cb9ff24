// Axonometric projection of axis-aligned boxes and the painter's order that draws them without
// a depth buffer. Hall coordinates: x along the length, y along the width, z up (metres).
//
// The camera looks horizontally along h = (cos a, sin a) and down by the elevation e. Screen
// axes (y down on paper): sx = x sin a - y cos a, sy = -(z cos e + (x cos a + y sin a) sin e).
// Isometric is a = 45 deg, e = atan(1/sqrt 2) = 35.264 deg: the three axes then project to
// equal lengths sqrt(2/3) at 120 deg to each other, and a cube's outline is a regular hexagon.

export interface Box3 {
  minX: number; minY: number; minZ: number;
  maxX: number; maxY: number; maxZ: number;
}

export interface Axonometric {
  azimuthRad: number;
  elevationRad: number;
}

export const ISOMETRIC: Axonometric = { azimuthRad: Math.PI / 4, elevationRad: Math.atan(1 / Math.SQRT2) };

export interface Point2 { x: number; y: number }

export function project(p: Axonometric, x: number, y: number, z: number): Point2 {
  const ca = Math.cos(p.azimuthRad), sa = Math.sin(p.azimuthRad);
  const ce = Math.cos(p.elevationRad), se = Math.sin(p.elevationRad);
  return { x: x * sa - y * ca, y: -(z * ce + (x * ca + y * sa) * se) };
}

/** Distance along the viewing direction (larger = farther from the viewer). */
export function depth(p: Axonometric, x: number, y: number, z: number): number {
  const ce = Math.cos(p.elevationRad), se = Math.sin(p.elevationRad);
  return (x * Math.cos(p.azimuthRad) + y * Math.sin(p.azimuthRad)) * ce - z * se;
}

export type FaceName = 'top' | 'x-' | 'x+' | 'y-' | 'y+';

export interface Face {
  name: FaceName;
  /** Outward unit normal in hall coordinates. */
  normal: [number, number, number];
  /** Projected corners, flat x0, y0, x1, y1, ... */
  points: number[];
}

/**
 * The faces of a box that face the viewer, in drawing order (sides, then the top). A face is
 * visible when its outward normal points against the viewing direction; the bottom never is.
 */
export function visibleFaces(p: Axonometric, b: Box3): Face[] {
  const ca = Math.cos(p.azimuthRad), sa = Math.sin(p.azimuthRad);
  const pr = (x: number, y: number, z: number) => { const q = project(p, x, y, z); return [q.x, q.y]; };
  const quad = (c: [number, number, number][]) => c.flatMap(([x, y, z]) => pr(x, y, z));
  const faces: Face[] = [];
  const eps = 1e-9;
  if (ca > eps) faces.push({ name: 'x-', normal: [-1, 0, 0], points: quad([[b.minX, b.minY, b.minZ], [b.minX, b.maxY, b.minZ], [b.minX, b.maxY, b.maxZ], [b.minX, b.minY, b.maxZ]]) });
  if (ca < -eps) faces.push({ name: 'x+', normal: [1, 0, 0], points: quad([[b.maxX, b.minY, b.minZ], [b.maxX, b.maxY, b.minZ], [b.maxX, b.maxY, b.maxZ], [b.maxX, b.minY, b.maxZ]]) });
  if (sa > eps) faces.push({ name: 'y-', normal: [0, -1, 0], points: quad([[b.minX, b.minY, b.minZ], [b.maxX, b.minY, b.minZ], [b.maxX, b.minY, b.maxZ], [b.minX, b.minY, b.maxZ]]) });
  if (sa < -eps) faces.push({ name: 'y+', normal: [0, 1, 0], points: quad([[b.minX, b.maxY, b.minZ], [b.maxX, b.maxY, b.minZ], [b.maxX, b.maxY, b.maxZ], [b.minX, b.maxY, b.maxZ]]) });
  faces.push({ name: 'top', normal: [0, 0, 1], points: quad([[b.minX, b.minY, b.maxZ], [b.maxX, b.minY, b.maxZ], [b.maxX, b.maxY, b.maxZ], [b.minX, b.maxY, b.maxZ]]) });
  return faces;
}

/** Convex hull (Andrew's monotone chain) of the projected corners: the box's silhouette. */
export function outline(p: Axonometric, b: Box3): Point2[] {
  const pts: Point2[] = [];
  for (const x of [b.minX, b.maxX]) for (const y of [b.minY, b.maxY]) for (const z of [b.minZ, b.maxZ]) pts.push(project(p, x, y, z));
  return convexHull(pts);
}

export function convexHull(points: Point2[]): Point2[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  const cross = (o: Point2, a: Point2, b: Point2) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const half = (list: Point2[]) => {
    const h: Point2[] = [];
    for (const q of list) {
      while (h.length >= 2 && cross(h[h.length - 2]!, h[h.length - 1]!, q) <= 1e-12) h.pop();
      h.push(q);
    }
    h.pop();
    return h;
  };
  return [...half(pts), ...half([...pts].reverse())];
}

/** Light from the front-left and above, as a unit vector pointing towards the light. */
const LIGHT = (() => { const v = [-0.45, -0.75, 1]; const n = Math.hypot(v[0]!, v[1]!, v[2]!); return v.map((c) => c / n) as [number, number, number]; })();

/** Brightness factor of a face: ambient 0.55 plus Lambert diffuse 0.45 n.L (clamped at 0). */
export function lambert(normal: readonly [number, number, number]): number {
  const d = normal[0] * LIGHT[0] + normal[1] * LIGHT[1] + normal[2] * LIGHT[2];
  return 0.55 + 0.45 * Math.max(0, d);
}

/**
 * Painter's order of disjoint axis-aligned boxes: indices, farthest first. For two disjoint
 * boxes there is an axis separating them; along it every viewing ray meets the near box first,
 * so "A before B" is exact when A lies beyond B on that axis. Those constraints only matter for
 * boxes whose silhouettes overlap on paper; they are sorted topologically (Kahn), ties and the
 * rare cycle (boxes that intersect) broken by centre depth. O(n^2) pairs: fine for the few
 * thousand boxes a report draws (large halls are merged into row blocks first, see scene.ts).
 */
export function paintersOrder(p: Axonometric, boxes: readonly Box3[]): number[] {
  const n = boxes.length;
  const ca = Math.cos(p.azimuthRad), sa = Math.sin(p.azimuthRad);
  const key = boxes.map((b) => depth(p, (b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2, (b.minZ + b.maxZ) / 2));
  const bounds = boxes.map((b) => {
    const o = outline(p, b);
    return { x0: Math.min(...o.map((q) => q.x)), x1: Math.max(...o.map((q) => q.x)), y0: Math.min(...o.map((q) => q.y)), y1: Math.max(...o.map((q) => q.y)) };
  });
  /** True when box a lies beyond box b along a separating axis (so a must be painted first). */
  const beyond = (a: Box3, b: Box3): boolean =>
    (ca > 1e-9 && a.minX >= b.maxX - 1e-9) || (ca < -1e-9 && a.maxX <= b.minX + 1e-9) ||
    (sa > 1e-9 && a.minY >= b.maxY - 1e-9) || (sa < -1e-9 && a.maxY <= b.minY + 1e-9) ||
    a.maxZ <= b.minZ + 1e-9;
  const after: number[][] = Array.from({ length: n }, () => []);
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const bi = bounds[i]!;
    for (let j = i + 1; j < n; j++) {
      const bj = bounds[j]!;
      if (bi.x1 <= bj.x0 || bj.x1 <= bi.x0 || bi.y1 <= bj.y0 || bj.y1 <= bi.y0) continue;
      if (beyond(boxes[i]!, boxes[j]!)) { after[i]!.push(j); pending[j]! += 1; }
      else if (beyond(boxes[j]!, boxes[i]!)) { after[j]!.push(i); pending[i]! += 1; }
    }
  }
  const order: number[] = [];
  const done = new Uint8Array(n);
  // Ready boxes sorted farthest first; a binary heap would be faster, a sorted pass is enough here.
  let ready = [...Array(n).keys()].filter((i) => pending[i] === 0);
  while (order.length < n) {
    if (ready.length === 0) {
      // A cycle: the boxes intersect. Take the farthest remaining one.
      let best = -1;
      for (let i = 0; i < n; i++) if (!done[i] && (best < 0 || key[i]! > key[best]!)) best = i;
      ready = [best];
    }
    ready.sort((a, b) => key[b]! - key[a]!);
    const i = ready.shift()!;
    if (done[i]) continue;
    done[i] = 1;
    order.push(i);
    for (const j of after[i]!) {
      pending[j]! -= 1;
      if (pending[j] === 0 && !done[j]) ready.push(j);
    }
  }
  return order;
}
