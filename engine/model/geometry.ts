// Footprints and orientation on the floor plan. Kept here so the engine, the editor and the
// exporters agree on which way a rack faces.
import type { RotationDeg } from './units.js';

export interface Vec2 { x: number; y: number }

/** Unit vector of the direction a rack's front (air intake) faces: rotation 0 faces -y. */
export function frontDirection(rotationDeg: RotationDeg): Vec2 {
  switch (rotationDeg) {
    case 0: return { x: 0, y: -1 };
    case 90: return { x: 1, y: 0 };
    case 180: return { x: 0, y: 1 };
    case 270: return { x: -1, y: 0 };
  }
}

export interface Footprint { minX: number; minY: number; maxX: number; maxY: number }

/** Axis-aligned footprint of an object of the given width (along its front) and depth. */
export function footprint(center: Vec2, widthM: number, depthM: number, rotationDeg: RotationDeg): Footprint {
  const turned = rotationDeg === 90 || rotationDeg === 270;
  const halfX = (turned ? depthM : widthM) / 2;
  const halfY = (turned ? widthM : depthM) / 2;
  return { minX: center.x - halfX, minY: center.y - halfY, maxX: center.x + halfX, maxY: center.y + halfY };
}

/** True when two footprints overlap by more than a millimetre (touching is allowed). */
export function overlaps(a: Footprint, b: Footprint, toleranceM = 0.001): boolean {
  return a.minX < b.maxX - toleranceM && b.minX < a.maxX - toleranceM &&
    a.minY < b.maxY - toleranceM && b.minY < a.maxY - toleranceM;
}
