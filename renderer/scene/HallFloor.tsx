// The room: floor slab, tile grid (every fifth line stronger, as on a floor plan), hall outline,
// walls, columns and aisle containment. Grid lines are one LineSegments per weight: two draw
// calls whatever the hall's size.
import { useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute } from 'three';
import type { Hall, ProjectDocument } from '../../engine/model/index';
import { FLOOR_COLOR, GRID_COLOR, GRID_MAJOR_COLOR, OUTLINE_COLOR } from './colors';

const MAJOR_EVERY = 5;
/** Lines sit a hair above the slab so they never z-fight with it. */
const LIFT = 0.002;

function gridGeometry(hall: Hall, major: boolean): BufferGeometry {
  const { lengthM: L, widthM: W } = hall;
  // Huge halls keep a readable density: coarsen the grid so there are at most ~400 lines a side.
  const step = hall.tileM * Math.max(1, Math.ceil(Math.max(L, W) / hall.tileM / 400));
  const pts: number[] = [];
  const nx = Math.floor(L / step + 1e-6);
  const ny = Math.floor(W / step + 1e-6);
  for (let i = 1; i < nx + (L - nx * step > 1e-6 ? 1 : 0); i++) {
    if ((i % MAJOR_EVERY === 0) !== major) continue;
    pts.push(i * step, 0, LIFT, i * step, W, LIFT);
  }
  for (let j = 1; j < ny + (W - ny * step > 1e-6 ? 1 : 0); j++) {
    if ((j % MAJOR_EVERY === 0) !== major) continue;
    pts.push(0, j * step, LIFT, L, j * step, LIFT);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pts, 3));
  return g;
}

function outlineGeometry(hall: Hall): BufferGeometry {
  const { lengthM: L, widthM: W } = hall;
  const z = LIFT * 2;
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute([0, 0, z, L, 0, z, L, 0, z, L, W, z, L, W, z, 0, W, z, 0, W, z, 0, 0, z], 3));
  return g;
}

export function HallFloor({ doc }: { doc: ProjectDocument }) {
  const hall = doc.hall;
  const minor = useMemo(() => gridGeometry(hall, false), [hall]);
  const major = useMemo(() => gridGeometry(hall, true), [hall]);
  const outline = useMemo(() => outlineGeometry(hall), [hall]);
  return (
    <group name="hall">
      <mesh position={[hall.lengthM / 2, hall.widthM / 2, 0]}>
        <planeGeometry args={[hall.lengthM, hall.widthM]} />
        <meshLambertMaterial color={FLOOR_COLOR} />
      </mesh>
      <lineSegments geometry={minor}>
        <lineBasicMaterial color={GRID_COLOR} />
      </lineSegments>
      <lineSegments geometry={major}>
        <lineBasicMaterial color={GRID_MAJOR_COLOR} />
      </lineSegments>
      <lineSegments geometry={outline}>
        <lineBasicMaterial color={OUTLINE_COLOR} />
      </lineSegments>
      {hall.walls.map((w) => {
        const dx = w.b.x - w.a.x, dy = w.b.y - w.a.y;
        const len = Math.hypot(dx, dy);
        return (
          <mesh key={w.id} position={[(w.a.x + w.b.x) / 2, (w.a.y + w.b.y) / 2, hall.ceilingHeightM / 2]} rotation={[0, 0, Math.atan2(dy, dx)]}>
            <boxGeometry args={[len, w.thicknessM, hall.ceilingHeightM]} />
            <meshLambertMaterial color="#3a414c" />
          </mesh>
        );
      })}
      {hall.columns.map((c) => (
        <mesh key={c.id} position={[c.at.x, c.at.y, hall.ceilingHeightM / 2]}>
          <boxGeometry args={[c.sizeM, c.sizeM, hall.ceilingHeightM]} />
          <meshLambertMaterial color="#3a414c" />
        </mesh>
      ))}
    </group>
  );
}

/** Contained aisles: translucent panels over the aisle rectangle, hot red-tinted, cold blue. */
export function Containments({ doc }: { doc: ProjectDocument }) {
  const kinds = new Map(doc.catalog.containmentTypes.map((t) => [t.id as string, t.kind]));
  return (
    <group name="containment">
      {doc.containment.map((c) => {
        const w = c.max.x - c.min.x, d = c.max.y - c.min.y;
        const hot = kinds.get(c.typeId) === 'hot-aisle';
        return (
          <mesh key={c.id} position={[(c.min.x + c.max.x) / 2, (c.min.y + c.max.y) / 2, c.heightM / 2]} renderOrder={1}>
            <boxGeometry args={[w, d, c.heightM]} />
            <meshLambertMaterial color={hot ? '#e0736a' : '#6aa6e0'} transparent opacity={0.16} depthWrite={false} />
          </mesh>
        );
      })}
    </group>
  );
}
