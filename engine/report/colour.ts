// Colours of the report: one per kind of object (the same families as the app and the glb
// export: GPU green, network blue, storage amber, power red, cooling cyan), a temperature ramp
// anchored on the ASHRAE limits, and Lambert shading for the 3D view.
import type { InletLimits } from '../model/index.js';

export const INK = '#1f2933';
export const MUTED = '#6b7785';
export const RULE = '#c9d0d8';
export const PAPER = '#ffffff';
export const FLOOR = '#f2f4f6';
export const ACCENT = '#0b5394';

export type SceneKind =
  | 'rack-gpu' | 'rack-cpu' | 'rack-storage' | 'rack-network'
  | 'crah' | 'inrow' | 'rear-door' | 'cdu'
  | 'utility' | 'transformer' | 'ups' | 'switchboard' | 'busway' | 'pdu'
  | 'containment';

export const KIND_COLOURS: Record<SceneKind, string> = {
  'rack-gpu': '#2e8b57', 'rack-cpu': '#7a8594', 'rack-storage': '#d9961a', 'rack-network': '#2f6fd0',
  crah: '#4fb3d9', inrow: '#4fb3d9', 'rear-door': '#8fd3ea', cdu: '#1f7a99',
  utility: '#7d3c98', transformer: '#b03a2e', ups: '#d35400', switchboard: '#c0392b', busway: '#e6b800', pdu: '#c0392b',
  containment: '#9b8fd6',
};

export const KIND_LABELS: Record<SceneKind, string> = {
  'rack-gpu': 'GPU rack', 'rack-cpu': 'CPU rack', 'rack-storage': 'Storage rack', 'rack-network': 'Network rack',
  crah: 'CRAH', inrow: 'In-row cooler', 'rear-door': 'Rear-door HX', cdu: 'CDU',
  utility: 'Utility feed', transformer: 'Transformer', ups: 'UPS', switchboard: 'Switchboard', busway: 'Busway', pdu: 'PDU',
  containment: 'Aisle containment',
};

/** Colour for racks whose inlet is unknown (no open air path, or no thermal solution). */
export const NO_DATA = '#d0d4d9';

function parse(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function hex(r: number, g: number, b: number): string {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

export function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = parse(a);
  const [br, bg, bb] = parse(b);
  return hex(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

/** Multiplies a colour's channels by `factor` (Lambert shading: ambient + diffuse). */
export function shade(colour: string, factor: number): string {
  const [r, g, b] = parse(colour);
  return hex(r * factor, g * factor, b * factor);
}

// Ramp stops: cool blue below the recommended range, green inside it, amber up to the top of
// the recommended range, red at the allowable limit; what an engineer reads without a legend.
const RAMP = ['#2c7bb6', '#1a9850', '#fee08b', '#f46d43', '#a50026'] as const;

/** Positions of the ramp's stops in degrees Celsius for an ASHRAE class. */
export function rampStops(l: InletLimits): number[] {
  const mid = (l.recommendedMinC + l.recommendedMaxC) / 2;
  return [l.recommendedMinC - 3, mid, l.recommendedMaxC, (l.recommendedMaxC + l.allowableMaxC) / 2, l.allowableMaxC];
}

/** Inlet temperature to colour, clamped at both ends; NaN (unknown) is grey. */
export function temperatureColour(c: number, l: InletLimits): string {
  if (!Number.isFinite(c)) return NO_DATA;
  const stops = rampStops(l);
  if (c <= stops[0]!) return RAMP[0];
  for (let i = 1; i < stops.length; i++) {
    if (c <= stops[i]!) return mix(RAMP[i - 1]!, RAMP[i]!, (c - stops[i - 1]!) / (stops[i]! - stops[i - 1]!));
  }
  return RAMP[RAMP.length - 1]!;
}

/** Qualitative palette for stacked series (latency parts), distinguishable in print. */
export const SERIES = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#9c755f'] as const;
