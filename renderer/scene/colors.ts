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
