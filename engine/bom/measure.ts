// Lengths the bill of materials buys by the metre: cable tray along its polyline and aisle
// containment along the aisle. Both are measured on the floor plan (x, y); the tray's drops
// to the racks are priced with the cables, not the tray.
import type { Containment, HallPoint } from '../model/index.js';

/** Sum of the straight segments of a polyline, metres. */
export function polylineLengthM(points: readonly HallPoint[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as HallPoint;
    const b = points[i] as HallPoint;
    sum += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return sum;
}

/**
 * Length of a contained aisle: the longer side of its rectangle. Containment is sold per metre
 * of aisle (roof panels and the two end doors in the kit), so the short side is the aisle width.
 */
export function aisleLengthM(c: Pick<Containment, 'min' | 'max'>): number {
  return Math.max(Math.abs(c.max.x - c.min.x), Math.abs(c.max.y - c.min.y));
}

/** Money and metres are reported to the cent and the centimetre. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;
