// The hall as binary glTF 2.0 (.glb) for other 3D tools: floor, racks, cooling units, power
// equipment and aisle containment as boxes, one material per kind, node names = object names.
// Layout per the glTF 2.0 specification: a 12-byte header (magic "glTF", version 2, length),
// a JSON chunk padded with spaces and a BIN chunk padded with zeros, both to 4 bytes. One unit
// cube (24 vertices with flat normals, 36 indices) is shared by every box; each node places it
// with translation, rotation and scale. glTF is Y-up: hall (x, y, z-up) -> glTF (x, z, -y).
import type { ProjectDocument } from '../../engine/model/index.js';

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;

/** Floor slab drawn below z = 0 so objects stand on its top face. */
const FLOOR_THICKNESS_M = 0.05;
/** Busway runs hang above the racks (a 48U rack is about 2.3 m tall). */
const BUSWAY_ELEVATION_M = 2.6;
const BUSWAY_SECTION_M = { width: 0.2, height: 0.15 };
/** Objects with a zero dimension in the catalog (a utility feed) still get a visible box. */
const MIN_SIZE_M = 0.1;

export const MATERIALS = {
  floor: [0.55, 0.55, 0.55, 1], 'rack-gpu': [0.1, 0.45, 0.2, 1], 'rack-cpu': [0.4, 0.4, 0.45, 1], 'rack-storage': [0.85, 0.55, 0.1, 1],
  'rack-network': [0.1, 0.35, 0.8, 1], cooling: [0.3, 0.7, 0.9, 1], cdu: [0.1, 0.5, 0.7, 1], power: [0.8, 0.2, 0.15, 1],
  busway: [0.9, 0.75, 0.1, 1], containment: [0.9, 0.9, 1, 0.3],
} as const;
export type MaterialKind = keyof typeof MATERIALS;

export interface GlbBox { name: string; kind: MaterialKind; centre: [number, number, number]; size: [number, number, number]; rotationDeg: number }

/** Boxes of the hall in hall coordinates: centre (x, y, z-up) and size (along x, along y, up). */
export function hallBoxes(doc: ProjectDocument): GlbBox[] {
  const c = doc.catalog;
  const boxes: GlbBox[] = [{
    name: doc.hall.name, kind: 'floor', rotationDeg: 0,
    centre: [doc.hall.lengthM / 2, doc.hall.widthM / 2, -FLOOR_THICKNESS_M / 2], size: [doc.hall.lengthM, doc.hall.widthM, FLOOR_THICKNESS_M],
  }];
  const dim = (v: number | undefined, fallback: number) => Math.max(MIN_SIZE_M, v ?? fallback);
  const standing = (name: string, kind: MaterialKind, x: number, y: number, rot: number, t: { widthM: number; depthM: number; heightM: number } | undefined) => {
    const h = dim(t?.heightM, 2);
    boxes.push({ name, kind, rotationDeg: rot, centre: [x, y, h / 2], size: [dim(t?.widthM, 0.6), dim(t?.depthM, 1.2), h] });
  };
  const rackTypes = new Map(c.rackTypes.map((t) => [t.id as string, t]));
  for (const r of doc.racks) {
    const t = rackTypes.get(r.typeId);
    standing(r.name, `rack-${t?.kind ?? 'cpu'}` as MaterialKind, r.position.x, r.position.y, r.rotationDeg, t);
  }
  const coolingTypes = new Map(c.coolingTypes.map((t) => [t.id as string, t]));
  for (const u of doc.cooling) {
    const t = coolingTypes.get(u.typeId);
    standing(u.name, t?.kind === 'cdu' ? 'cdu' : 'cooling', u.position.x, u.position.y, u.rotationDeg, t);
  }
  const powerTypes = new Map(c.powerTypes.map((t) => [t.id as string, t]));
  for (const p of doc.power) {
    const t = powerTypes.get(p.typeId);
    if (t?.kind === 'busway') {
      const s = BUSWAY_SECTION_M;
      boxes.push({ name: p.name, kind: 'busway', rotationDeg: p.rotationDeg, centre: [p.position.x, p.position.y, BUSWAY_ELEVATION_M + s.height / 2], size: [dim(p.lengthM ?? undefined, 1), s.width, s.height] });
    } else {
      standing(p.name, 'power', p.position.x, p.position.y, p.rotationDeg, t);
    }
  }
  for (const k of doc.containment) {
    const sx = Math.abs(k.max.x - k.min.x);
    const sy = Math.abs(k.max.y - k.min.y);
    boxes.push({ name: k.name, kind: 'containment', rotationDeg: 0, centre: [(k.min.x + k.max.x) / 2, (k.min.y + k.max.y) / 2, k.heightM / 2], size: [dim(sx, 1), dim(sy, 1), dim(k.heightM, 2)] });
  }
  return boxes;
}

/** Unit cube centred at the origin: 6 faces x 4 vertices, each face with its own normal. */
function unitCube(): { positions: Float32Array; normals: Float32Array; indices: Uint16Array } {
  const faces: [number[], number[], number[]][] = [
    [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[-1, 0, 0], [0, 0, 1], [0, 1, 0]],
    [[0, 1, 0], [0, 0, 1], [1, 0, 0]], [[0, -1, 0], [1, 0, 0], [0, 0, 1]],
    [[0, 0, 1], [1, 0, 0], [0, 1, 0]], [[0, 0, -1], [0, 1, 0], [1, 0, 0]],
  ];
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  faces.forEach(([n, u, v], f) => {
    // u x v = n, so corners in (u, v) order wind counter-clockwise seen from outside (glTF front faces).
    for (const [a, b] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
      for (let k = 0; k < 3; k++) positions.push(0.5 * ((n[k] as number) + a * (u[k] as number) + b * (v[k] as number)));
      normals.push(...n);
    }
    const o = f * 4;
    indices.push(o, o + 1, o + 2, o, o + 2, o + 3);
  });
  return { positions: new Float32Array(positions), normals: new Float32Array(normals), indices: new Uint16Array(indices) };
}

const pad4 = (n: number) => (n + 3) & ~3;

export function buildGlb(doc: ProjectDocument): Uint8Array {
  const boxes = hallBoxes(doc);
  const cube = unitCube();
  const kinds = Object.keys(MATERIALS) as MaterialKind[];
  const posBytes = cube.positions.byteLength;
  const nrmBytes = cube.normals.byteLength;
  const idxBytes = cube.indices.byteLength;
  const binLength = pad4(posBytes + nrmBytes + idxBytes);
  const bin = new Uint8Array(binLength);
  bin.set(new Uint8Array(cube.positions.buffer), 0);
  bin.set(new Uint8Array(cube.normals.buffer), posBytes);
  bin.set(new Uint8Array(cube.indices.buffer), posBytes + nrmBytes);

  const json = {
    asset: { version: '2.0', generator: 'Factory Twin' },
    scene: 0,
    scenes: [{ name: doc.hall.name, nodes: boxes.map((_, i) => i) }],
    nodes: boxes.map((b) => {
      const theta = (b.rotationDeg * Math.PI) / 180;
      return {
        name: b.name,
        mesh: kinds.indexOf(b.kind),
        translation: [b.centre[0], b.centre[2], -b.centre[1]],
        // A turn about the hall's z (counter-clockwise from above) is the same turn about glTF's +Y.
        rotation: [0, Math.sin(theta / 2), 0, Math.cos(theta / 2)],
        scale: [b.size[0], b.size[2], b.size[1]],
      };
    }),
    meshes: kinds.map((k, i) => ({ name: k, primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: i }] })),
    materials: kinds.map((k) => {
      const color = MATERIALS[k];
      return { name: k, pbrMetallicRoughness: { baseColorFactor: [...color], metallicFactor: 0, roughnessFactor: 0.8 }, ...(color[3] < 1 ? { alphaMode: 'BLEND', doubleSided: true } : {}) };
    }),
    buffers: [{ byteLength: binLength }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: posBytes, target: ARRAY_BUFFER },
      { buffer: 0, byteOffset: posBytes, byteLength: nrmBytes, target: ARRAY_BUFFER },
      { buffer: 0, byteOffset: posBytes + nrmBytes, byteLength: idxBytes, target: ELEMENT_ARRAY_BUFFER },
    ],
    accessors: [
      { bufferView: 0, componentType: FLOAT, count: 24, type: 'VEC3', min: [-0.5, -0.5, -0.5], max: [0.5, 0.5, 0.5] },
      { bufferView: 1, componentType: FLOAT, count: 24, type: 'VEC3', min: [-1, -1, -1], max: [1, 1, 1] },
      { bufferView: 2, componentType: UNSIGNED_SHORT, count: 36, type: 'SCALAR', min: [0], max: [23] },
    ],
  };
  const text = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = pad4(text.byteLength);
  const total = 12 + 8 + jsonLength + 8 + binLength;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, GLB_MAGIC, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, CHUNK_JSON, true);
  out.set(text, 20);
  out.fill(0x20, 20 + text.byteLength, 20 + jsonLength); // spaces: the JSON stays valid
  const binAt = 20 + jsonLength;
  view.setUint32(binAt, binLength, true);
  view.setUint32(binAt + 4, CHUNK_BIN, true);
  out.set(bin, binAt + 8);
  return out;
}
