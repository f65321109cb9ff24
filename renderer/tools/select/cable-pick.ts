// Picking a drawn link by its cable: the routed polyline the cables overlay draws (Cables.tsx),
// projected to the screen, nearest within a few pixels of the click. The routes of a document's
// links are laid out once in one flat array (rebuilt only when the links or what they end on
// change), with a bounding box per route. A click first tests each box against the four planes
// through the camera that bound the tolerance square around the click (a few multiplications,
// no projection), and only for the routes left projects their five points with one hall-to-clip
// matrix and measures the four segments in pixels. Nothing is allocated per link.
import { Matrix4, type Camera } from 'three';
import type { ProjectDocument } from '../../../engine/model/index';
import { linkRoutesOf, ROUTE_POINTS, ROUTE_STRIDE as STRIDE, type LinkRoutes } from '../../overlays/Cables';

/** How close to a cable a click must land to pick it, in screen pixels. */
export const CABLE_PICK_PX = 5;

export interface ScreenRect { left: number; top: number; width: number; height: number }

/** Hall coordinates are z up; three's are y up: hall (x, y, z) = three (x, -z, y), so three (x, y, z) = hall (x, z, -y). */
const HALL_TO_THREE = new Matrix4().set(1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1);

/** The matrix taking hall points to clip space through `camera` (column-major, as three stores it), into `out`. */
export function hallToClip(camera: Camera, out = new Matrix4()): Matrix4 {
  return out.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse).multiply(HALL_TO_THREE);
}

/** A point closer to the camera plane than this (clip w) is treated as behind it. */
const W_MIN = 1e-6;
/** Projected points of one route: x and y in pixels from the click, and clip w. */
const scratch = new Float64Array(3 * ROUTE_POINTS);

/**
 * The four planes (hall coordinates, n·p + d) bounding the pick square's wedge: a point in front
 * of the camera is outside the square when one of them is positive there, e.g. clip x - (cx + tx)
 * clip w > 0 is right of it. Linear in the point, so a route whose box is wholly on the positive
 * side of one plane cannot come within the square and is skipped before any projection.
 */
const planes = new Float64Array(16);
/** Per plane and axis, 0 to read the box's min, 3 its max: where the plane is lowest over the box. */
const corner = new Int8Array(12);
function wedgePlanes(m: ArrayLike<number>, cx: number, cy: number, tx: number, ty: number): void {
  // Rows of the hall-to-clip matrix (column-major): x = m[0], m[4], m[8], m[12]; y = m[1]...; w = m[3]...
  const set = (p: number, row: number, sign: number, c: number) => {
    for (let j = 0; j < 4; j++) planes[4 * p + j] = sign * (m[row + 4 * j]! - c * m[3 + 4 * j]!);
    for (let a = 0; a < 3; a++) corner[3 * p + a] = planes[4 * p + a]! > 0 ? 0 : 3;
  };
  set(0, 0, 1, cx + tx);
  set(1, 0, -1, cx - tx);
  set(2, 1, 1, cy + ty);
  set(3, 1, -1, cy - ty);
}

/**
 * The link whose route passes nearest the client point, if within `tolPx`; -1 otherwise.
 * `m` is hallToClip's matrix elements; `rect` the canvas on the page.
 */
export function pickRoute(routes: LinkRoutes, m: ArrayLike<number>, rect: ScreenRect, clientX: number, clientY: number, tolPx = CABLE_PICK_PX): number {
  const sx = rect.width / 2, sy = rect.height / 2;
  // The click in normalised device coordinates.
  const cx = (clientX - rect.left) / sx - 1, cy = 1 - (clientY - rect.top) / sy;
  wedgePlanes(m, cx, cy, tolPx / sx, tolPx / sy);
  const boxes = routes.boxes;
  const [m0, m1, m3, m4, m5, m7, m8, m9, m11, m12, m13, m15] = [m[0]!, m[1]!, m[3]!, m[4]!, m[5]!, m[7]!, m[8]!, m[9]!, m[11]!, m[12]!, m[13]!, m[15]!];
  const pts = routes.points;
  let best = -1, bestD2 = tolPx * tolPx;
  outer: for (let k = 0, n = routes.ids.length; k < n; k++) {
    const b = 6 * k;
    for (let p = 0; p < 4; p++) {
      const q = 4 * p, c = 3 * p;
      if (planes[q]! * boxes[b + corner[c]!]! + planes[q + 1]! * boxes[b + 1 + corner[c + 1]!]! + planes[q + 2]! * boxes[b + 2 + corner[c + 2]!]! + planes[q + 3]! > 0) continue outer;
    }
    const base = STRIDE * k;
    for (let i = 0; i < ROUTE_POINTS; i++) {
      const x = pts[base + 3 * i]!, y = pts[base + 3 * i + 1]!, z = pts[base + 3 * i + 2]!;
      const w = m3 * x + m7 * y + m11 * z + m15;
      scratch[3 * i + 2] = w;
      if (w < W_MIN) continue;
      scratch[3 * i] = ((m0 * x + m4 * y + m8 * z + m12) / w - cx) * sx;
      scratch[3 * i + 1] = (cy - (m1 * x + m5 * y + m9 * z + m13) / w) * sy;
    }
    for (let i = 0; i + 1 < ROUTE_POINTS; i++) {
      // A segment reaching behind the camera is left out: the overlay clips it there anyway.
      if (scratch[3 * i + 2]! < W_MIN || scratch[3 * i + 5]! < W_MIN) continue;
      const ax = scratch[3 * i]!, ay = scratch[3 * i + 1]!, bx = scratch[3 * i + 3]!, by = scratch[3 * i + 4]!;
      if ((ax > tolPx && bx > tolPx) || (ax < -tolPx && bx < -tolPx) || (ay > tolPx && by > tolPx) || (ay < -tolPx && by < -tolPx)) continue;
      const d2 = segmentDistanceSq(ax, ay, bx, by);
      if (d2 < bestD2) { bestD2 = d2; best = k; }
    }
  }
  return best;
}

/** Squared distance from the origin (the click) to the segment (a, b). */
function segmentDistanceSq(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const px = ax + t * dx, py = ay + t * dy;
  return px * px + py * py;
}

/** What the select tool asks of the viewport: the link under a client point; EditorInput fills it in. */
export const cablePicker: { at: ((clientX: number, clientY: number) => string | null) | null } = { at: null };

const clip = new Matrix4();
/** The drawn link under a client point of the canvas seen through `camera`, or null. */
export function linkAt(doc: ProjectDocument, camera: Camera, rect: ScreenRect, clientX: number, clientY: number): string | null {
  if (doc.links.length === 0) return null;
  const routes = linkRoutesOf(doc);
  const k = pickRoute(routes, hallToClip(camera, clip).elements, rect, clientX, clientY);
  return k < 0 ? null : routes.ids[k]!;
}
