// The room: floor slab, tile grid (every fifth line stronger, as on a floor plan), hall outline,
// walls, columns, perforated tiles of a raised floor and aisle containment. Grid lines are one LineSegments per weight: two draw
// calls whatever the hall's size.
import { useMemo } from 'react';
import { BufferGeometry, Color, Float32BufferAttribute } from 'three';
import type { Hall, ProjectDocument } from '../../engine/model/index';
import { FLOOR_COLOR, GRID_COLOR, GRID_MAJOR_COLOR, OUTLINE_COLOR, PERFORATED_COLOR, RAISED_FLOOR_COLOR } from './colors';
import { InstancedBoxes, type Placement } from './InstancedBoxes';

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

/** Perforated tiles of a raised floor: one in front of each rack's intake, where the cold air rises. */
function perforatedTiles(doc: ProjectDocument): Placement[] {
  const tile = doc.hall.tileM;
  return doc.racks.flatMap((r) => {
    const t = doc.catalog.rackTypes.find((x) => x.id === r.typeId);
    if (t === undefined) return [];
    // The front faces -y at rotation 0; turn that offset with the rack.
    const a = (r.rotationDeg * Math.PI) / 180, off = t.depthM / 2 + tile / 2;
    return [{ id: `${r.id}:tile`, x: r.position.x + Math.sin(a) * off, y: r.position.y - Math.cos(a) * off, z0: 0, w: tile * 0.96, d: tile * 0.96, h: 0.004, rotationDeg: r.rotationDeg }];
  });
}

const STRUCTURE_COLOR = new Color('#3a414c');
const HOT_AISLE = new Color('#e0736a');
const COLD_AISLE = new Color('#6aa6e0');

export function HallFloor({ doc }: { doc: ProjectDocument }) {
  const hall = doc.hall;
  const minor = useMemo(() => gridGeometry(hall, false), [hall]);
  const major = useMemo(() => gridGeometry(hall, true), [hall]);
  const outline = useMemo(() => outlineGeometry(hall), [hall]);
  // Walls and columns instanced: a hall with hundreds of columns still costs one draw call.
  const structure = useMemo(() => [
    ...hall.walls.map((w): Placement => {
      const dx = w.b.x - w.a.x, dy = w.b.y - w.a.y;
      return { id: w.id, x: (w.a.x + w.b.x) / 2, y: (w.a.y + w.b.y) / 2, z0: 0, w: Math.hypot(dx, dy), d: w.thicknessM, h: hall.ceilingHeightM, rotationDeg: (Math.atan2(dy, dx) * 180) / Math.PI };
    }),
    ...hall.columns.map((c): Placement => ({ id: c.id, x: c.at.x, y: c.at.y, z0: 0, w: c.sizeM, d: c.sizeM, h: hall.ceilingHeightM, rotationDeg: 0 })),
  ], [hall]);
  const structureColors = useMemo(() => structure.map(() => STRUCTURE_COLOR), [structure]);
  const raised = hall.floor.kind === 'raised';
  const tiles = useMemo(() => (raised ? perforatedTiles(doc) : []), [raised, doc]);
  const tileColors = useMemo(() => tiles.map(() => PERFORATED_COLOR), [tiles]);
  return (
    <group name="hall">
      <mesh position={[hall.lengthM / 2, hall.widthM / 2, 0]}>
        <planeGeometry args={[hall.lengthM, hall.widthM]} />
        <meshLambertMaterial color={raised ? RAISED_FLOOR_COLOR : FLOOR_COLOR} />
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
      <InstancedBoxes name="structure" placements={structure} colors={structureColors} />
      {raised && <InstancedBoxes name="perforated-tiles" placements={tiles} colors={tileColors} />}
    </group>
  );
}

/** Contained aisles: translucent panels over the aisle rectangle, hot red-tinted, cold blue; one draw call per kind. */
export function Containments({ doc }: { doc: ProjectDocument }) {
  const groups = useMemo(() => {
    const kinds = new Map(doc.catalog.containmentTypes.map((t) => [t.id as string, t.kind]));
    const hot: Placement[] = [], cold: Placement[] = [];
    for (const c of doc.containment) {
      const p = { id: c.id, x: (c.min.x + c.max.x) / 2, y: (c.min.y + c.max.y) / 2, z0: 0, w: c.max.x - c.min.x, d: c.max.y - c.min.y, h: c.heightM, rotationDeg: 0 };
      (kinds.get(c.typeId) === 'hot-aisle' ? hot : cold).push(p);
    }
    return { hot, cold, hotColors: hot.map(() => HOT_AISLE), coldColors: cold.map(() => COLD_AISLE) };
  }, [doc.containment, doc.catalog]);
  return (
    <group name="containment">
      <InstancedBoxes name="containment-hot" placements={groups.hot} colors={groups.hotColors} opacity={0.16} />
      <InstancedBoxes name="containment-cold" placements={groups.cold} colors={groups.coldColors} opacity={0.16} />
    </group>
  );
}
