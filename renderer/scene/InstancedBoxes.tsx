// Many equal boxes as one draw call (Lambert shading: a fraction of the physically based
// shader's cost under software GL, and flat boxes gain nothing from PBR): a unit cube scaled, turned and placed per instance, so racks,
// cooling units and power equipment of one type cost one draw call (two with the front panel)
// however many there are. Picking maps the hit instance back to the object id.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Color, Euler, InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';

export interface Placement {
  id: string;
  /** Footprint centre on the floor, metres (hall coordinates, z up). */
  x: number;
  y: number;
  /** Height of the box's bottom above the floor. */
  z0: number;
  /** Extent along the object's front (x at rotation 0), its depth (y) and height (z). */
  w: number;
  d: number;
  h: number;
  rotationDeg: number;
}

interface Props {
  placements: readonly Placement[];
  /** One colour per placement (same order). */
  colors: readonly Color[];
  /** Draw a darker front panel on the side the object faces (-y at rotation 0): the air intake. */
  front?: boolean;
  onPick?: (id: string, e: ThreeEvent<MouseEvent>) => void;
  name: string;
  /** Below 1: see-through (containment panels), drawn after the solids without writing depth. */
  opacity?: number;
}

const unitBox = new BoxGeometry(1, 1, 1);
// A thin plate just proud of the unit cube's -y face, inset so the body frames it.
const frontPlate = new BoxGeometry(0.86, 0.02, 0.9).translate(0, -0.505, 0);
const FRONT_SHADE = 0.45;

export function InstancedBoxes({ placements, colors, front = false, onPick, name, opacity = 1 }: Props) {
  const body = useRef<InstancedMesh>(null);
  const panel = useRef<InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const count = placements.length;

  const matrices = useMemo(() => {
    const out = new Float32Array(count * 16);
    const m = new Matrix4(), q = new Quaternion(), p = new Vector3(), s = new Vector3(), e = new Euler();
    placements.forEach((o, i) => {
      q.setFromEuler(e.set(0, 0, (o.rotationDeg * Math.PI) / 180));
      m.compose(p.set(o.x, o.y, o.z0 + o.h / 2), q, s.set(o.w, o.d, o.h));
      m.toArray(out, i * 16);
    });
    return out;
  }, [placements, count]);

  useLayoutEffect(() => {
    for (const mesh of [body.current, panel.current]) {
      if (mesh === null) continue;
      (mesh.instanceMatrix.array as Float32Array).set(matrices);
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
      mesh.computeBoundingBox();
    }
    invalidate();
  }, [matrices, invalidate]);

  useLayoutEffect(() => {
    const shade = new Color();
    colors.forEach((c, i) => {
      body.current?.setColorAt(i, c);
      panel.current?.setColorAt(i, shade.copy(c).multiplyScalar(FRONT_SHADE));
    });
    for (const mesh of [body.current, panel.current]) if (mesh?.instanceColor) mesh.instanceColor.needsUpdate = true;
    invalidate();
  }, [colors, invalidate]);

  const pick = onPick === undefined ? undefined : (e: ThreeEvent<MouseEvent>) => {
    if (e.instanceId === undefined) return;
    const placement = placements[e.instanceId];
    if (placement === undefined) return;
    e.stopPropagation();
    onPick(placement.id, e);
  };

  if (count === 0) return null;
  // key on count: an InstancedMesh's capacity is fixed when it is created.
  return (
    <group name={name}>
      <instancedMesh key={`b${count}`} ref={body} args={[unitBox, undefined, count]} onClick={pick} renderOrder={opacity < 1 ? 1 : 0}>
        {opacity < 1 ? <meshLambertMaterial transparent opacity={opacity} depthWrite={false} /> : <meshLambertMaterial />}
      </instancedMesh>
      {front && (
        <instancedMesh key={`f${count}`} ref={panel} args={[frontPlate, undefined, count]} onClick={pick}>
          <meshLambertMaterial />
        </instancedMesh>
      )}
    </group>
  );
}
