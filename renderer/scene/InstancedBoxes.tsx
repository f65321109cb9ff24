// Many equal boxes as one draw call (Lambert shading: a fraction of the physically based
// shader's cost under software GL, and flat boxes gain nothing from PBR): a unit cube scaled, turned and placed per instance, so racks,
// cooling units and power equipment of one type cost one draw call (two with the front panel)
// however many there are. Picking maps the hit instance back to the object id.
//
// Edits touch few records, so only the instances whose placement or colour changed are
// rewritten and uploaded (update ranges): a one-rack move on a 37,000-box hall sends one matrix
// to the GPU, not 2.4 MB, and the bounding sphere is recomputed only when something moved.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Color, Euler, InstancedMesh, Matrix4, Quaternion, Vector3, type InstancedBufferAttribute } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import { useThree } from '@react-three/fiber';
import { changedRanges, type Range } from './instance-ranges';

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
  /** One colour per placement (same order); never mutated once passed (compared by identity). */
  colors: readonly Color[];
  /** Draw a darker front panel on the side the object faces (-y at rotation 0): the air intake. */
  front?: boolean;
  /** With `front`, only the first this many placements get their panel (default: all). */
  frontCount?: number;
  /** Picks by object id; instances with an empty id (merged runs, runs.ts) are not picked. */
  onPick?: (id: string, e: ThreeEvent<MouseEvent>) => void;
  /**
   * Instances the meshes hold room for (at least the placements). A group whose drawn count varies
   * with the view (runs.ts) keeps its meshes while the count stays under this, instead of
   * recreating them with every change in count.
   */
  capacity?: number;
  name: string;
  /** Below 1: see-through (containment panels), drawn after the solids without writing depth. */
  opacity?: number;
}

const unitBox = new BoxGeometry(1, 1, 1);
// A thin plate just proud of the unit cube's -y face, inset so the body frames it.
const frontPlate = new BoxGeometry(0.86, 0.02, 0.9).translate(0, -0.505, 0);
const FRONT_SHADE = 0.45;

// Identity first: patched groups (hall-groups.ts) keep every unchanged placement's object.
const samePlacement = (a: Placement, b: Placement) => a === b ||
  (a.x === b.x && a.y === b.y && a.z0 === b.z0 && a.w === b.w && a.d === b.d && a.h === b.h && a.rotationDeg === b.rotationDeg);

const m = new Matrix4(), q = new Quaternion(), p = new Vector3(), s = new Vector3(), e = new Euler();
function writeMatrix(out: Float32Array, i: number, o: Placement): void {
  q.setFromEuler(e.set(0, 0, (o.rotationDeg * Math.PI) / 180));
  m.compose(p.set(o.x, o.y, o.z0 + o.h / 2), q, s.set(o.w, o.d, o.h));
  m.toArray(out, i * 16);
}

/**
 * Marks the ranges for upload. `null` ranges: the whole buffer. A whole-buffer upload still
 * pending (not drawn yet) must not be narrowed to ranges, so it is remembered until uploaded.
 */
function markRanges(attr: InstancedBufferAttribute, ranges: Range[] | null, itemSize: number): void {
  const state = attr as InstancedBufferAttribute & { fullPending?: boolean };
  if (ranges === null) {
    attr.clearUpdateRanges();
    state.fullPending = true;
    attr.onUpload(() => { state.fullPending = false; });
  } else if (state.fullPending !== true) {
    for (const r of ranges) attr.addUpdateRange(r.start * itemSize, r.count * itemSize);
  }
  attr.needsUpdate = true;
}

export function InstancedBoxes({ placements, colors, front = false, frontCount = Infinity, onPick, capacity = 0, name, opacity = 1 }: Props) {
  const body = useRef<InstancedMesh>(null);
  const panel = useRef<InstancedMesh>(null);
  const invalidate = useThree((st) => st.invalidate);
  const count = placements.length;
  const room = Math.max(count, capacity);
  // What each mesh last received: a different mesh (recreated for a new count) starts afresh.
  const drawn = useRef(new WeakMap<InstancedMesh, readonly Placement[]>());
  const painted = useRef(new WeakMap<InstancedMesh, readonly Color[]>());

  useLayoutEffect(() => {
    let touched = false;
    for (const mesh of [body.current, panel.current]) {
      if (mesh === null) continue;
      const shown = mesh === panel.current ? Math.min(frontCount, placements.length) : placements.length;
      if (mesh.count !== shown) { mesh.count = shown; touched = true; }
      const before = drawn.current.get(mesh);
      const array = mesh.instanceMatrix.array as Float32Array;
      const ranges = before === undefined || before.length !== placements.length ? null
        : changedRanges(placements.length, (i) => !samePlacement(before[i]!, placements[i]!));
      if (ranges !== null && ranges.length === 0) { drawn.current.set(mesh, placements); continue; }
      if (ranges === null) placements.forEach((o, i) => writeMatrix(array, i, o));
      else for (const r of ranges) for (let i = r.start; i < r.start + r.count; i++) writeMatrix(array, i, placements[i]!);
      markRanges(mesh.instanceMatrix, ranges, 16);
      // Culling and picking use these; one pass over the instances, only after something moved.
      mesh.computeBoundingSphere();
      mesh.computeBoundingBox();
      drawn.current.set(mesh, placements);
      touched = true;
    }
    if (touched) invalidate();
  }, [placements, front, frontCount, invalidate]);

  useLayoutEffect(() => {
    let touched = false;
    const shade = new Color();
    for (const [mesh, factor] of [[body.current, 1], [panel.current, FRONT_SHADE]] as const) {
      if (mesh === null) continue;
      const fresh = mesh.instanceColor === null;
      if (fresh) mesh.setColorAt(0, shade);
      const attr = mesh.instanceColor!;
      const array = attr.array as Float32Array;
      // The colour objects last written are never mutated (shared fixed colours or fresh ones),
      // so the same object means the same stored colour; others are compared as stored (float32),
      // so an unchanged colour is never rewritten.
      const before = painted.current.get(mesh);
      const known = before !== undefined && before.length === colors.length ? before : null;
      const differs = (i: number) => {
        const c = colors[i]!;
        if (known !== null && known[i] === c) return false;
        return array[i * 3] !== Math.fround(c.r * factor) || array[i * 3 + 1] !== Math.fround(c.g * factor) || array[i * 3 + 2] !== Math.fround(c.b * factor);
      };
      const ranges = fresh ? null : changedRanges(colors.length, differs);
      painted.current.set(mesh, colors);
      if (ranges !== null && ranges.length === 0) continue;
      const write = (i: number) => { const c = colors[i]!; array[i * 3] = c.r * factor; array[i * 3 + 1] = c.g * factor; array[i * 3 + 2] = c.b * factor; };
      if (ranges === null) for (let i = 0; i < colors.length; i++) write(i);
      else for (const r of ranges) for (let i = r.start; i < r.start + r.count; i++) write(i);
      markRanges(attr, ranges, 3);
      touched = true;
    }
    if (touched) invalidate();
  }, [colors, count, front, invalidate]);

  // The same handler while the boxes are the same: a new one is a changed prop, which R3F answers
  // with a frame, and a parent re-rendered by unrelated state must not cost one.
  const pick = useMemo(() => (onPick === undefined ? undefined : (ev: ThreeEvent<MouseEvent>) => {
    if (ev.instanceId === undefined) return;
    const placement = placements[ev.instanceId];
    if (placement === undefined || placement.id === '') return;
    ev.stopPropagation();
    onPick(placement.id, ev);
  }), [placements, onPick]);

  if (count === 0) return null;
  // key on room: an InstancedMesh's capacity is fixed when it is created.
  return (
    <group name={name}>
      <instancedMesh key={`b${room}`} ref={body} args={[unitBox, undefined, room]} onClick={pick} renderOrder={opacity < 1 ? 1 : 0}>
        {opacity < 1 ? <meshLambertMaterial transparent opacity={opacity} depthWrite={false} /> : <meshLambertMaterial />}
      </instancedMesh>
      {front && (
        <instancedMesh key={`f${room}`} ref={panel} args={[frontPlate, undefined, room]} onClick={pick}>
          <meshLambertMaterial />
        </instancedMesh>
      )}
    </group>
  );
}
