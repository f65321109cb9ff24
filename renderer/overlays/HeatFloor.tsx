// Inlet-temperature heat map on the floor: the thermal field's layer at rack mid-height as one
// texture on one plane (one draw call whatever the hall), coloured on the same ramp and scale as
// the rack fronts so both read against one legend. Solids (racks, units) are left transparent.
import { useEffect, useMemo } from 'react';
import { DataTexture, LinearFilter, RGBAFormat, UnsignedByteType } from 'three';
import { ASHRAE_INLET_LIMITS, type ProjectDocument } from '../../engine/model/index';
import type { ThermalField } from '../engine/results';
import { heatColor } from '../scene/colors';
import { layerIndex, layerOf } from './field';

/** Above the grid lines (0.002 m) and the outline, below any object. */
const LIFT = 0.008;

export function heatTexture(field: ThermalField, lo: number, hi: number): DataTexture {
  const { nx, ny } = field;
  const layer = layerOf(field, layerIndex(field));
  const data = new Uint8Array(nx * ny * 4);
  const c = heatColor(lo, lo, hi);
  for (let p = 0; p < nx * ny; p++) {
    const t = layer[p]!;
    if (!Number.isFinite(t)) continue;
    heatColor(t, lo, hi, c);
    data[4 * p] = Math.round(c.r * 255);
    data[4 * p + 1] = Math.round(c.g * 255);
    data[4 * p + 2] = Math.round(c.b * 255);
    data[4 * p + 3] = 255;
  }
  const tex = new DataTexture(data, nx, ny, RGBAFormat, UnsignedByteType);
  tex.magFilter = LinearFilter;
  tex.minFilter = LinearFilter;
  tex.needsUpdate = true;
  return tex;
}

export function HeatFloor({ doc, field }: { doc: ProjectDocument; field: ThermalField }) {
  const hi = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass].allowableMaxC;
  const lo = doc.hall.supplyAirC;
  const texture = useMemo(() => heatTexture(field, lo, hi), [field, lo, hi]);
  useEffect(() => () => texture.dispose(), [texture]);
  const w = field.nx * field.dx, d = field.ny * field.dy;
  return (
    <mesh name="heat-floor" position={[w / 2, d / 2, LIFT]} renderOrder={2}>
      <planeGeometry args={[w, d]} />
      <meshBasicMaterial map={texture} transparent opacity={0.72} depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
