import { describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index.js';
import type { CatalogId, ContainmentId } from '../../engine/model/index.js';
import { m, pt } from '../../engine/model/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { buildGlb, hallBoxes, MATERIALS } from './glb.js';

interface Gltf {
  asset: { version: string };
  scenes: { nodes: number[] }[];
  nodes: { name: string; mesh: number; translation: number[]; rotation: number[]; scale: number[] }[];
  meshes: { primitives: { attributes: Record<string, number>; indices: number; material: number }[] }[];
  materials: { name: string }[];
  buffers: { byteLength: number }[];
  bufferViews: { buffer: number; byteOffset: number; byteLength: number }[];
  accessors: { bufferView: number; componentType: number; count: number; type: string; min?: number[]; max?: number[] }[];
}

/** Reads a .glb back the way a loader does: header, JSON chunk, BIN chunk. */
function parseGlb(bytes: Uint8Array): { json: Gltf; bin: DataView } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint32(0, true)).toBe(0x46546c67);
  expect(view.getUint32(4, true)).toBe(2);
  expect(view.getUint32(8, true)).toBe(bytes.byteLength);
  const jsonLength = view.getUint32(12, true);
  expect(view.getUint32(16, true)).toBe(0x4e4f534a);
  expect(jsonLength % 4).toBe(0);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength))) as Gltf;
  const binAt = 20 + jsonLength;
  const binLength = view.getUint32(binAt, true);
  expect(view.getUint32(binAt + 4, true)).toBe(0x004e4942);
  expect(binLength % 4).toBe(0);
  expect(binAt + 8 + binLength).toBe(bytes.byteLength);
  return { json, bin: new DataView(bytes.buffer, bytes.byteOffset + binAt + 8, binLength) };
}

describe('glTF binary of the hall', () => {
  const doc = demoHall(shippedCatalog);
  doc.containment = [{ id: 'c1' as ContainmentId, typeId: 'hac' as CatalogId, name: 'Hot aisle 1', min: pt(5, 6), max: pt(15, 7.2), heightM: m(2.4), tags: {} }];
  const { json, bin } = parseGlb(buildGlb(doc));

  it('has one node per object, named after it, plus the floor', () => {
    const objects = doc.racks.length + doc.cooling.length + doc.power.length + doc.containment.length;
    expect(json.nodes.length).toBe(objects + 1);
    expect(json.scenes[0]?.nodes.length).toBe(objects + 1);
    const names = json.nodes.map((n) => n.name);
    for (const r of doc.racks) expect(names).toContain(r.name);
    expect(names).toContain('Hot aisle 1');
    expect(names[0]).toBe(doc.hall.name);
    expect(json.materials.map((x) => x.name)).toEqual(Object.keys(MATERIALS));
  });

  it('has valid buffer views and accessors with min/max matching the data', () => {
    expect(json.asset.version).toBe('2.0');
    expect(json.buffers[0]?.byteLength).toBe(bin.byteLength);
    for (const v of json.bufferViews) {
      expect(v.byteOffset % 4).toBe(0);
      expect(v.byteOffset + v.byteLength).toBeLessThanOrEqual(bin.byteLength);
    }
    const pos = json.accessors[0];
    const view = json.bufferViews[pos?.bufferView ?? -1];
    if (!pos || !view) throw new Error('no position accessor');
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < pos.count * 3; i++) {
      const v = bin.getFloat32(view.byteOffset + i * 4, true);
      min[i % 3] = Math.min(min[i % 3] as number, v);
      max[i % 3] = Math.max(max[i % 3] as number, v);
    }
    expect(pos.min).toEqual(min);
    expect(pos.max).toEqual(max);
    const idx = json.accessors[2];
    const iv = json.bufferViews[idx?.bufferView ?? -1];
    if (!idx || !iv) throw new Error('no index accessor');
    for (let i = 0; i < idx.count; i++) expect(bin.getUint16(iv.byteOffset + i * 2, true)).toBeLessThan(pos.count);
    for (const mesh of json.meshes) for (const p of mesh.primitives) expect(p.material).toBeLessThan(json.materials.length);
  });

  it('places boxes Y-up with the hall footprint and rack heights', () => {
    const rack = doc.racks[2];
    const t = shippedCatalog.rackTypes.find((k) => k.id === rack?.typeId);
    const node = json.nodes.find((n) => n.name === rack?.name);
    if (!rack || !t || !node) throw new Error('no rack node');
    // Hall (x, y, z-up) -> glTF (x, z, -y); the rack stands on the floor.
    expect(node.translation).toEqual([rack.position.x, t.heightM / 2, -rack.position.y]);
    expect(node.scale[1]).toBe(t.heightM);
    const floor = json.nodes[0];
    expect(floor?.scale).toEqual([doc.hall.lengthM, 0.05, doc.hall.widthM]);
    // A rack turned 180 degrees: quaternion (0, 1, 0, ~0).
    const turned = doc.racks.find((r) => r.rotationDeg === 180);
    const tn = json.nodes.find((n) => n.name === turned?.name);
    expect(tn?.rotation[1]).toBeCloseTo(1, 12);
    expect(hallBoxes(doc).filter((b) => b.kind === 'busway').length).toBe(doc.power.filter((p) => p.lengthM !== null).length);
  });
});
