// Field sampling for the floor overlays, on a small field written out by hand.
import { describe, expect, it } from 'vitest';
import type { ThermalField } from '../engine/results';
import { layerIndex, layerOf, sampleArrows } from './field';

/** 4 x 2 cells, 3 layers of 0.9 m; temperature = 20 + layer, one solid cell in layer 1. */
function field(): { f: ThermalField; v: Float32Array } {
  const nx = 4, ny = 2, nz = 3;
  const t = new Float32Array(nx * ny * nz).map((_, c) => 20 + Math.floor(c / (nx * ny)));
  t[1 * nx * ny + 1] = Number.NaN;
  const v = new Float32Array(nx * ny * nz * 3);
  // Layer 1: air moves +x at 1 m/s except cell (3, 1), which is still; vertical flow is ignored.
  for (let c = nx * ny; c < 2 * nx * ny; c++) { v[3 * c] = 1; v[3 * c + 2] = 5; }
  v[3 * (nx * ny + 1 * nx + 3)] = 0;
  return { f: { nx, ny, nz, dx: 0.5, dy: 0.5, dz: 0.9, temperatureC: t }, v };
}

describe('thermal field sampling', () => {
  it('takes the layer that holds rack mid-height (1.1 m is in the second 0.9 m layer)', () => {
    const { f } = field();
    expect(layerIndex(f)).toBe(1);
    expect(layerIndex(f, 99)).toBe(2);
    expect([...layerOf(f, 2)]).toEqual(new Array(8).fill(22));
  });

  it('samples horizontal air, skipping solids and still cells', () => {
    const { f, v } = field();
    const { arrows, stride } = sampleArrows(f, v, 1);
    expect(stride).toBe(1);
    // 8 cells, one solid, one still.
    expect(arrows).toHaveLength(6);
    for (const a of arrows) {
      expect(a.speed).toBeCloseTo(1, 6);
      expect(a.vz).toBe(0);
      expect(a.z).toBeCloseTo(1.35, 6);
    }
  });

  it('thins out to at most the arrows asked for', () => {
    const { f, v } = field();
    const { arrows, stride } = sampleArrows(f, v, 1, 2);
    expect(stride).toBe(2);
    expect(arrows.length).toBeLessThanOrEqual(2);
  });
});
