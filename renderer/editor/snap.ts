// Snapping while placing and moving: a footprint's edges snap to the edges of nearby objects
// (so a rack joins a row flush, on the row's line) and otherwise to the hall's tile grid.
import type { Footprint } from '../../engine/model/index';
import type { ObjectBox } from './objects';

/** How close (metres) an edge must come to a neighbour's edge to join it. */
export const OBJECT_SNAP_M = 0.25;
/** How far (metres) snapShift looks for neighbours: callers may hand it only the boxes this close. */
export const SNAP_NEAR_M = 2;

function bestShift(edgesLo: number, edgesHi: number, candidates: readonly number[], tile: number): number {
  // Grid: put the low edge on a tile line.
  const grid = Math.round(edgesLo / tile) * tile - edgesLo;
  let best = grid, bestD = Infinity;
  for (const c of candidates) {
    for (const shift of [c - edgesLo, c - edgesHi]) {
      const d = Math.abs(shift);
      if (d < OBJECT_SNAP_M && d < bestD) { best = shift; bestD = d; }
    }
  }
  return best;
}

/**
 * The shift (dx, dy) that snaps `fp`: edges of nearby floor objects first (within
 * OBJECT_SNAP_M), else the tile grid. Only objects within SNAP_NEAR_M are considered.
 */
export function snapShift(fp: Footprint, others: readonly ObjectBox[], tileM: number, enabled = true): { dx: number; dy: number } {
  if (!enabled) return { dx: 0, dy: 0 };
  const m = SNAP_NEAR_M;
  const near = others.filter((o) => o.z0 === 0 && o.fp.maxX > fp.minX - m && o.fp.minX < fp.maxX + m && o.fp.maxY > fp.minY - m && o.fp.minY < fp.maxY + m);
  const xs = near.flatMap((o) => [o.fp.minX, o.fp.maxX]);
  const ys = near.flatMap((o) => [o.fp.minY, o.fp.maxY]);
  return { dx: bestShift(fp.minX, fp.maxX, xs, tileM), dy: bestShift(fp.minY, fp.maxY, ys, tileM) };
}

export const roundMm = (v: number): number => Math.round(v * 1000) / 1000;
