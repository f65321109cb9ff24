// Level of detail for huge halls. Zoomed out, a rack is a pixel or two wide: drawing each one
// (and its rear door) costs software GL a full vertex and raster pass per box and shows nothing a
// row box would not. So from far away the racks of a row are drawn as one box and per-rack
// details are left out; close up every rack is its own instance again (and picks on its own).
import { useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { OrthographicCamera, PerspectiveCamera, Vector3, type Camera } from 'three';

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
 * Whether the view is far from a hall with `racks` racks. Checked on every rendered frame
 * (frames are on demand, so this costs nothing at rest); a change re-renders the objects, which
 * invalidates once more to draw the other level.
 */
export function useFarView(racks: number): boolean {
  const [far, setFar] = useState(false);
  const current = useRef(far);
  current.current = far;
  useFrame(({ camera, size }) => {
    const next = racks >= LOD_MIN_RACKS && nextFar(current.current, pixelsPerMetre(camera, size.height));
    if (next !== current.current) {
      current.current = next;
      setFar(next);
    }
  });
  return far;
}

