// Reading the engine's thermal field for the floor overlays: the horizontal layer nearest rack
// mid-height (where the intakes draw air, so it matches the per-rack inlet colours) and a
// strided sampling of the velocity there for arrows. Pure functions over the typed arrays.
import type { ThermalField } from '../engine/results';

/** Mid-height of a 42U-class rack: intakes take air over the whole front, centred about here. */
export const MID_RACK_HEIGHT_M = 1.1;

export function layerIndex(field: Pick<ThermalField, 'nz' | 'dz'>, heightM = MID_RACK_HEIGHT_M): number {
  return Math.max(0, Math.min(field.nz - 1, Math.floor(heightM / field.dz)));
}

/** Temperatures of one layer, nx by ny, row j at offset j nx (NaN in solids). */
export function layerOf(field: ThermalField, k: number): Float32Array {
  const n = field.nx * field.ny;
  return field.temperatureC.subarray(k * n, (k + 1) * n);
}

export interface ArrowSample {
  /** Cell centre, hall coordinates (metres). */
  x: number; y: number; z: number;
  vx: number; vy: number; vz: number;
  speed: number;
}

/**
 * Velocity arrows on layer k: every `stride`-th cell in x and y (chosen so there are at most
 * `maxArrows`), skipping solids and still air (horizontal speed below minSpeed), so a gigawatt hall stays one readable draw call.
 */
export function sampleArrows(field: ThermalField, velocity: Float32Array, k: number, maxArrows = 2500, minSpeed = 0.05): { arrows: ArrowSample[]; stride: number } {
  const { nx, ny, dx, dy, dz } = field;
  const stride = Math.max(1, Math.ceil(Math.sqrt((nx * ny) / maxArrows)));
  const arrows: ArrowSample[] = [];
  if (velocity.length < nx * ny * field.nz * 3) return { arrows, stride };
  for (let j = Math.floor(stride / 2); j < ny; j += stride) {
    for (let i = Math.floor(stride / 2); i < nx; i += stride) {
      const c = (k * ny + j) * nx + i;
      if (!Number.isFinite(field.temperatureC[c])) continue;
      // Horizontal component only: arrows on a plan read as the air's path across the floor;
      // the rising and falling air of the aisles would point at the viewer and show as dots.
      const vx = velocity[3 * c]!, vy = velocity[3 * c + 1]!, vz = 0;
      const speed = Math.hypot(vx, vy);
      if (!(speed >= minSpeed)) continue;
      arrows.push({ x: (i + 0.5) * dx, y: (j + 0.5) * dy, z: (k + 0.5) * dz, vx, vy, vz, speed });
    }
  }
  return { arrows, stride };
}
