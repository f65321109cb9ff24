// Violation markers: a diamond floating over every object a violation names, red for errors and
// amber for warnings, one instanced mesh per severity. Clicking a marker selects the objects of
// its violation (the same as clicking it in the results panel).
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { Color, InstancedMesh, Matrix4, OctahedronGeometry, Quaternion, Vector3 } from 'three';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import type { ProjectDocument } from '../../engine/model/index';
import type { Violation } from '../../engine/results/explain';
import { select } from '../state/session';
import { footprintIndex } from '../scene/footprints';

const diamond = new OctahedronGeometry(0.22).scale(1, 1, 1.5);
const COLORS = { error: new Color('#ff4d4f'), warning: new Color('#f5a524') } as const;
/** Above the object's top, clear of its label. */
const HOVER_M = 0.55;

export interface Marker { x: number; y: number; z: number; violation: Violation }

/** One marker per (object, severity): the worst violation of an object wins its marker. */
export function markersOf(doc: ProjectDocument, violations: readonly Violation[], severity: 'error' | 'warning'): Marker[] {
  const index = footprintIndex(doc);
  const seen = new Set<string>();
  const out: Marker[] = [];
  for (const v of violations) {
    if (v.severity !== severity) continue;
    for (const id of v.objectIds) {
      const f = index.get(id);
      if (f === undefined || seen.has(id)) continue;
      seen.add(id);
      out.push({ x: f.x, y: f.y, z: f.z0 + f.h + HOVER_M, violation: v });
    }
  }
  return out;
}

function MarkerMesh({ markers, color, name }: { markers: Marker[]; color: Color; name: string }) {
  const mesh = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => {
    const m = mesh.current;
    if (m === null) return;
    const mat = new Matrix4(), q = new Quaternion(), p = new Vector3(), s = new Vector3(1, 1, 1);
    markers.forEach((k, i) => m.setMatrixAt(i, mat.compose(p.set(k.x, k.y, k.z), q, s)));
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
    invalidate();
  }, [markers, invalidate]);
  // Stable while the markers are: a new handler is a changed prop, i.e. a frame (R3F).
  const pick = useCallback((e: ThreeEvent<MouseEvent>) => {
    const k = e.instanceId === undefined ? undefined : markers[e.instanceId];
    if (k === undefined) return;
    e.stopPropagation();
    select(k.violation.objectIds);
  }, [markers]);
  if (markers.length === 0) return null;
  return (
    <instancedMesh key={markers.length} name={name} ref={mesh} args={[diamond, undefined, markers.length]} onClick={pick}>
      <meshBasicMaterial color={color} toneMapped={false} />
    </instancedMesh>
  );
}

const sameMarkers = (a: readonly Marker[], b: readonly Marker[]) => a.length === b.length && a.every((m, i) => {
  const n = b[i]!;
  return m.x === n.x && m.y === n.y && m.z === n.z && m.violation.objectIds.length === n.violation.objectIds.length
    && m.violation.objectIds.every((id, k) => id === n.violation.objectIds[k]);
});

/**
 * The markers, kept as the same array while they stand where they stood and select the same
 * objects: new results or an edit elsewhere then leave the meshes (and the frame) alone.
 */
function useStableMarkers(doc: ProjectDocument, violations: readonly Violation[], severity: 'error' | 'warning'): Marker[] {
  const last = useRef<Marker[]>([]);
  return useMemo(() => {
    const next = markersOf(doc, violations, severity);
    if (!sameMarkers(last.current, next)) last.current = next;
    return last.current;
  }, [doc, violations, severity]);
}

export function ViolationMarkers({ doc, violations }: { doc: ProjectDocument; violations: readonly Violation[] }) {
  const errors = useStableMarkers(doc, violations, 'error');
  const warnings = useStableMarkers(doc, violations, 'warning');
  return (
    <group name="violations">
      <MarkerMesh markers={errors} color={COLORS.error} name="violations-error" />
      <MarkerMesh markers={warnings} color={COLORS.warning} name="violations-warning" />
    </group>
  );
}
