// Scene colours: muted by kind so a hall reads at a glance, and a temperature ramp for the inlet
// overlay. Chosen to stay distinguishable on the dark backdrop and under SwiftShader's lighting.
import { Color } from 'three';
import type { RackKind } from '../../engine/model/index';

export const KIND_COLORS: Record<RackKind, string> = {
  gpu: '#5b7bb0',
  network: '#3f9a8f',
  storage: '#b08a4a',
  cpu: '#7d8794',
};

export const COOLING_COLOR = '#3d6f8f';
export const POWER_COLOR = '#6f5d58';
export const BUSWAY_COLOR = '#c08a3e';
export const SELECTED_COLOR = '#4b9dff';
export const FAILED_COLOR = '#6b2f2c';
export const FLOOR_COLOR = '#171a1f';
export const GRID_COLOR = '#242a32';
export const GRID_MAJOR_COLOR = '#2f3641';
export const OUTLINE_COLOR = '#56606e';
export const RAISED_FLOOR_COLOR = '#1b1f25';
export const PERFORATED_COLOR = new Color('#2c4a63');

/** Stops of the inlet ramp, cold to hot (blue, cyan, green, amber, red). */
const RAMP = ['#2d6cdf', '#2fb3c9', '#43b36b', '#e3b23c', '#e0483e'].map((c) => new Color(c));

/** Colour of a temperature between `lo` (blue) and `hi` (red), clamped. */
export function heatColor(t: number, lo: number, hi: number, out = new Color()): Color {
  const f = hi > lo ? Math.min(1, Math.max(0, (t - lo) / (hi - lo))) : 0;
  const x = f * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  return out.copy(RAMP[i]!).lerp(RAMP[i + 1]!, x - i);
}

/** The ramp as CSS stops, for the legend drawn in HTML over the canvas. */
export const RAMP_CSS = `linear-gradient(90deg, ${['#2d6cdf', '#2fb3c9', '#43b36b', '#e3b23c', '#e0483e'].join(', ')})`;

/** Utilisation ramp (fraction of a rating): calm teal up to half, green, amber at the 80 % rule, red at 100 %. */
const UTIL_STOPS: [number, Color][] = [[0, new Color('#3f86b0')], [0.5, new Color('#43b36b')], [0.8, new Color('#e3b23c')], [1, new Color('#e0483e')]];
export const OVERLOAD_COLOR = '#ff2d6f';

export function utilColor(f: number, out = new Color()): Color {
  if (!Number.isFinite(f)) return out.set('#59606b');
  if (f > 1.0001) return out.set(OVERLOAD_COLOR);
  for (let i = 1; i < UTIL_STOPS.length; i++) {
    const [x1, c1] = UTIL_STOPS[i]!;
    const [x0, c0] = UTIL_STOPS[i - 1]!;
    if (f <= x1) return out.copy(c0).lerp(c1, Math.max(0, (f - x0) / (x1 - x0)));
  }
  return out.copy(UTIL_STOPS[UTIL_STOPS.length - 1]![1]);
}

/** The utilisation ramp as CSS, 0 to 100 %, for the legends. */
export const UTIL_CSS = `linear-gradient(90deg, #3f86b0 0%, #43b36b 50%, #e3b23c 80%, #e0483e 100%)`;
