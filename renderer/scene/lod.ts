// Level of detail for huge halls. Zoomed out, a rack is a pixel or two wide: drawing each one
// (and its rear door) costs software GL a full vertex and raster pass per box and shows nothing a
// row box would not. So from far away the racks of a row are drawn as one box and per-rack
// details are left out; close up every rack is its own instance again (and picks on its own).
import { useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { OrthographicCamera, PerspectiveCamera, Vector3, type Camera } from 'three';
import type { Focus } from './runs';

/** Halls with fewer racks are always drawn in full: their cost is small at any zoom. */
export const LOD_MIN_RACKS = 2000;
/**
 * Screen pixels per metre at the view's focus below which the view is "far" (a 0.6 m rack under
 * 2.4 px), and above which it is near again; the gap keeps a slow zoom from flickering.
 */
export const FAR_BELOW_PX_PER_M = 4;
export const NEAR_ABOVE_PX_PER_M = 5;

const dir = new Vector3();

/** Pixels per metre where the camera looks (the floor under its line of sight, or its target). */
export function pixelsPerMetre(camera: Camera, heightPx: number): number {
  if (camera instanceof OrthographicCamera) return (camera.zoom * heightPx) / (camera.top - camera.bottom);
  if (!(camera instanceof PerspectiveCamera)) return Infinity;
  camera.getWorldDirection(dir);
  // Distance along the view ray to the floor (three's y = 0); looking level or up: the height.
  const distance = dir.y < -1e-3 ? camera.position.y / -dir.y : Math.max(1, camera.position.y);
  return heightPx / (2 * distance * Math.tan((camera.fov * Math.PI) / 360));
}

/** Next far/near state with hysteresis. */
export function nextFar(far: boolean, pxPerM: number): boolean {
  return far ? pxPerM < NEAR_ABOVE_PX_PER_M : pxPerM < FAR_BELOW_PX_PER_M;
}

/**
 * Pixels per metre below which objects of a huge hall are merged into runs (runs.ts): a 0.6 m rack
 * then spans under 12 px; drawn together, its row differed from the racks drawn one by one in 0.24 % of the pixels of a gigawatt close-up (a change > 8 of 255), its seams only.
 */
export const MERGE_BELOW_PX_PER_M = 20;

/**
 * What the hall's objects are drawn at: every object on its own (`merge` false), or those beyond
 * `focus` merged into runs (`focus` null: all of them), with each row's racks as one box when `far`.
 */
export interface Detail { far: boolean; merge: boolean; focus: Focus | null }

export const FULL_DETAIL: Detail = { far: false, merge: false, focus: null };
const FAR_DETAIL: Detail = { far: true, merge: true, focus: null };
const MERGED_DETAIL: Detail = { far: false, merge: true, focus: null };
/** Added to the half angle of a perspective view's corners: objects this far outside keep their instance. */
const VIEW_MARGIN_RAD = (15 * Math.PI) / 180;

/** Two foci see alike: both without a view, or views whose directions differ by under half the margin. */
function sameView(a: Focus, b: Focus): boolean {
  if (a.view === undefined || b.view === undefined) return a.view === b.view;
  return a.view.x * b.view.x + a.view.y * b.view.y + a.view.z * b.view.z > Math.cos(VIEW_MARGIN_RAD / 2) && Math.abs(a.view.cosHalfAngle - b.view.cosHalfAngle) < 1e-3;
}

/** A plan view's focus: the visible rectangle's half diagonal times this, at about half a rack's height (m). */
const PLAN_MARGIN = 1.25;
const PLAN_FOCUS_Z = 1;

/**
 * The detail for the camera now, `prev` itself while nothing that matters changed. The focus
 * follows the camera only once it has moved an eighth of the radius, changed the radius by a
 * fifth or turned by half the view margin: each new focus regroups the hall (35-66 ms on the
 * gigawatt hall), which must not happen on every frame.
 */
export function nextDetail(prev: Detail, racks: number, camera: Camera, heightPx: number): Detail {
  if (racks < LOD_MIN_RACKS) return prev.merge ? FULL_DETAIL : prev;
  if (nextFar(prev.far, pixelsPerMetre(camera, heightPx))) return prev.far ? prev : FAR_DETAIL;
  // Hall coordinates are z up, three's y up: hall (x, y, z) = three (x, -z, y).
  const x = camera.position.x, y = -camera.position.z;
  let focus: Focus;
  if (camera instanceof PerspectiveCamera) {
    // Around the eye, out to where a metre spans MERGE_BELOW_PX_PER_M pixels, and within the view
    // (its corners' half angle and a margin, so a short orbit stays inside before the focus follows).
    const tanHalf = Math.tan((camera.fov * Math.PI) / 360);
    const half = Math.atan(tanHalf * Math.hypot(1, camera.aspect)) + VIEW_MARGIN_RAD;
    camera.getWorldDirection(dir);
    focus = {
      x, y, z: camera.position.y, radiusM: heightPx / (2 * tanHalf) / MERGE_BELOW_PX_PER_M,
      ...(half < Math.PI / 2 ? { view: { x: dir.x, y: -dir.z, z: dir.y, cosHalfAngle: Math.cos(half) } } : {}),
    };
  } else if (camera instanceof OrthographicCamera) {
    // A plan view has one scale everywhere: below the threshold everything merges; above it, what
    // is on screen (and a margin for a short pan) keeps its own instances, the rest merges.
    if (pixelsPerMetre(camera, heightPx) < MERGE_BELOW_PX_PER_M) return prev.merge && !prev.far && prev.focus === null ? prev : MERGED_DETAIL;
    const halfDiagonal = Math.hypot(camera.right - camera.left, camera.top - camera.bottom) / 2 / camera.zoom;
    focus = { x, y, z: PLAN_FOCUS_Z, radiusM: halfDiagonal * PLAN_MARGIN };
  } else {
    return prev.merge ? FULL_DETAIL : prev;
  }
  const f = prev.focus;
  if (!prev.far && f !== null && Math.hypot(f.x - focus.x, f.y - focus.y, f.z - focus.z) < focus.radiusM / 8 && Math.abs(f.radiusM / focus.radiusM - 1) < 0.2 && sameView(f, focus)) return prev;
  return { far: false, merge: true, focus };
}

/**
 * The detail to draw a hall with `racks` racks at. Checked on every rendered frame (frames are on
 * demand, so this costs nothing at rest); a change re-renders the objects, which invalidates once
 * more to draw the new detail.
 */
export function useDetail(racks: number): Detail {
  const [detail, setDetail] = useState(FULL_DETAIL);
  const current = useRef(detail);
  current.current = detail;
  useFrame(({ camera, size }) => {
    const next = nextDetail(current.current, racks, camera, size.height);
    if (next !== current.current) {
      current.current = next;
      setDetail(next);
    }
  });
  return detail;
}
