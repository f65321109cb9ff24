// Airflow arrows: the engine's velocity field sampled on the rack mid-height layer, one instanced
// arrow mesh (one draw call however many arrows), each arrow pointing along the local velocity,
// its length and colour growing with speed (legend in m/s).
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, ConeGeometry, CylinderGeometry, InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import { useThree } from '@react-three/fiber';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { ThermalField } from '../engine/results';
import { layerIndex, sampleArrows } from './field';

/** A unit arrow along +x: shaft from 0 to 0.65, head to 1. */
const arrowGeometry = (() => {
  const shaft = new CylinderGeometry(0.06, 0.06, 0.65, 6).rotateZ(-Math.PI / 2).translate(0.325, 0, 0);
  const head = new ConeGeometry(0.2, 0.35, 8).rotateZ(-Math.PI / 2).translate(0.825, 0, 0);
  return mergeGeometries([shaft, head])!;
})();

const SLOW = new Color('#3b6fb6');
const FAST = new Color('#e8f4ff');

/** Speed the colour and length scale saturate at: typical of a cold aisle fed by perforated tiles. */
export function speedScale(maxSpeed: number): number {
  return Math.max(0.5, maxSpeed);
}

export function Airflow({ field, velocity }: { field: ThermalField; velocity: Float32Array }) {
  const mesh = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const { arrows, stride } = useMemo(() => sampleArrows(field, velocity, layerIndex(field)), [field, velocity]);
  const vmax = useMemo(() => speedScale(arrows.reduce((m, a) => Math.max(m, a.speed), 0)), [arrows]);

  useLayoutEffect(() => {
    const m = mesh.current;
    if (m === null) return;
    const mat = new Matrix4(), q = new Quaternion(), p = new Vector3(), s = new Vector3(), dir = new Vector3(), x = new Vector3(1, 0, 0), c = new Color();
    // Arrows at least half a metre long so they read at hall scale; thickness follows the length.
    const cell = Math.max(0.6, Math.min(field.dx, field.dy) * stride);
    arrows.forEach((a, i) => {
      const f = Math.min(1, a.speed / vmax);
      q.setFromUnitVectors(x, dir.set(a.vx, a.vy, a.vz).normalize());
      const len = cell * (0.5 + 0.45 * f);
      // Centre the arrow on its cell so neighbouring arrows never touch.
      p.set(a.x, a.y, a.z).addScaledVector(dir, -len / 2);
      m.setMatrixAt(i, mat.compose(p, q, s.set(len, cell * 0.9, cell * 0.9)));
      m.setColorAt(i, c.copy(SLOW).lerp(FAST, f));
    });
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
    m.computeBoundingSphere();
    invalidate();
  }, [arrows, vmax, stride, field, invalidate]);

  if (arrows.length === 0) return null;
  return (
    <instancedMesh key={arrows.length} name="airflow" ref={mesh} args={[arrowGeometry, undefined, arrows.length]} raycast={() => null}>
      <meshBasicMaterial toneMapped={false} />
    </instancedMesh>
  );
}
