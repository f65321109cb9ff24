import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall, superpodHall } from '../generators/index.js';
import { pt } from '../model/index.js';
import { computeFabric } from './index.js';

describe('computeFabric on the 4-SU SuperPOD sample (DGX H100-class racks, NDR 64 x 400G)', () => {
  const doc = superpodHall(shippedCatalog, 4);
  const r = computeFabric(doc, { trafficGbpsPerGpu: 100 });

  it('matches the published 4-SU compute fabric: 32 leaves, 16 spines, 1024 + 1024 cables', () => {
    // 4 SU x 32 nodes x 8 rails; a leaf takes 32 NICs, so one leaf per rail per SU: 32 leaves.
    // Spines: 32 x 32 uplinks / 64 ports = 16 (DGX SuperPOD RA: 4 SU -> 32 leaf, 16 spine).
    expect(r.figures.switches['leaf']?.value).toBe(32);
    expect(r.figures.switches['spine']?.value).toBe(16);
    expect(r.figures.switches['core']).toBeUndefined();
    expect(r.linkClasses['nic-leaf']?.count).toBe(1024);
    expect(r.linkClasses['leaf-spine']?.count).toBe(1024);
    expect(r.scalableUnits).toBe(4);
    expect(r.rails).toBe(8);
  });

  it('bisection by max-flow equals (N/2) x 400G / 1 = 204.8 Tbit/s; 3 hops', () => {
    // N = 1024 NICs; half = 512 x 400 Gbit/s = 204.8 Tbit/s, non-blocking.
    expect(r.figures.bisectionTbps?.value).toBeCloseTo(204.8, 9);
    expect(r.figures.oversubscription?.value).toBe(1);
    expect(r.figures.hops?.value).toBe(3);
    // Worst path: 3 x 130 ns plus propagation of two NIC cables and two leaf-spine cables.
    const c = r.linkClasses;
    const prop = 2 * (c['nic-leaf']!.delayNs / c['nic-leaf']!.count) + 2 * (c['leaf-spine']!.delayNs / c['leaf-spine']!.count);
    expect(r.figures.latencyNs?.value).toBeCloseTo(390 + prop, 6);
    expect(prop).toBeGreaterThan(0);
  });

  it('storage network: 256 GPU NICs at 200G, 32 storage ports at 400G, 40 CPU NICs at 100G', () => {
    // Ports: 256/2 + 32 + 40/4 = 128 + 32 + 10 = 170 on leaves of 32 down: 4 + 1 + 1 = 6 leaves
    // (packed in rack order: GPU rows, then storage, then CPU). Spines: 6 x 32 / 64 = 3 -> 4 (divides 32).
    expect(r.figures.switches['storage-leaf']?.value).toBe(6);
    expect(r.figures.switches['storage-spine']?.value).toBe(4);
    expect(r.linkClasses['storage-nic-leaf']?.count).toBe(256 + 32 + 40);
    expect(r.linkClasses['storage-leaf-spine']?.count).toBe(6 * 32);
  });

  it('every cable is typed once and fibre takes two optics', () => {
    const total = r.cables.reduce((s, c) => s + c.count, 0);
    expect(total).toBe(1024 + 1024 + 328 + 192);
    for (const c of r.cables) expect(c.histogram.reduce((s, h) => s + h.count, 0)).toBe(c.count);
    const fibre = r.cables.filter((c) => c.transceiverId !== null).reduce((s, c) => s + c.count, 0);
    expect(r.transceivers.reduce((s, t) => s + t.count, 0)).toBe(2 * fibre);
  });

  it('utilisation under 100 Gbit/s per GPU, uniform destinations', () => {
    // One GPU per NIC: 100/400 = 0.25. Leaf: 32 NICs x 100 x (1 - 32/1024) / (32 x 400) = 0.2421875.
    expect(r.figures.utilisation['nic']?.value).toBeCloseTo(0.25, 12);
    expect(r.figures.utilisation['leaf-up']?.value).toBeCloseTo(0.2421875, 12);
  });

  it('scale-up: 128 eight-GPU NVLink domains of 8 x 450 GB/s x 2 = 7.2 TB/s (H100: 900 GB/s a GPU)', () => {
    expect(r.scaleUp.domains).toBe(128);
    expect(r.figures.scaleUpDomainTBps.value).toBeCloseTo(7.2, 9);
  });

  it('all 48 NDR and 10 Ethernet switches fit: no violations', () => {
    expect(r.violations).toEqual([]);
    expect(r.switchRacks.reduce((s, k) => s + k.switches, 0)).toBe(48 + 10);
  });

  it('diagram: one GPU group per SU joined to its leaves, ids that map to racks', () => {
    const gpu0 = r.diagram.children.find((n) => n.id === 'gpu-0');
    expect(gpu0?.objectIds).toHaveLength(8);
    expect(gpu0?.objectIds.every((id) => doc.racks.some((k) => k.id === id))).toBe(true);
    const e = r.diagram.edges.find((x) => x.id === 'gpu-0->leaf-0');
    expect(e?.links).toBe(256);
    expect(e?.gbps).toBe(256 * 400);
    expect(r.diagram.edges.find((x) => x.id === 'leaf-0->spine-0')?.links).toBe(8 * 32);
  });
});

describe('computeFabric: oversubscription, violations, NVL72', () => {
  it('3:1 target: leaves keep 16 uplinks, 32 NICs use them 2:1, bisection halves', () => {
    // up = ceil(64 / 4) = 16, down = 48; a rail of 32 nodes still fits one leaf: 32 / 16 = 2:1.
    // Bisection: 2 SU of leaves x 8 rails x 16 uplinks x 400G = 102.4 Tbit/s = 512 x 400 / 2.
    const doc = superpodHall(shippedCatalog, 4);
    const r = computeFabric({ ...doc, fabric: { ...doc.fabric, oversubscription: 3 } });
    expect(r.figures.oversubscription?.value).toBe(2);
    expect(r.figures.bisectionTbps?.value).toBeCloseTo(102.4, 9);
    expect(r.figures.switches['spine']?.value).toBe(8); // 32 x 16 / 64
  });

  it('a GPU rack 700 m from its leaves: cables beyond every reach (500 m), named', () => {
    const doc = superpodHall(shippedCatalog, 1);
    const far = doc.racks.find((k) => k.rowId === 'row-01' && k.typeId === 'gpu-8x-h100-air')!;
    far.position = pt(far.position.x + 700, far.position.y);
    const near = computeFabric(superpodHall(shippedCatalog, 1));
    expect(near.violations.find((x) => x.code === 'fabric.cable-too-long')).toBeUndefined();
    const r = computeFabric(doc);
    const v = r.violations.find((x) => x.code === 'fabric.cable-too-long');
    expect(v?.objectIds).toContain(far.id);
    // Its 4 nodes x 8 rails go to the leaf rack, and 4 x 2 storage NICs to the storage leaf.
    expect(v?.message).toMatch(/^40 cables/);
  });

  it('demo hall: 12 NVL72 domains of 130 TB/s; its 48 NDR switches fill its four NDR racks', () => {
    // 12 racks x 18 nodes x 4 rails = 864 NICs. SU of 108 nodes (one row of 6 racks): 4 leaves a
    // rail (32 NICs each), 16 a SU, 32 in all; spines 32 x 32 / 64 = 16. 48 switches, 4 x 12 slots.
    const doc = demoHall(shippedCatalog);
    const r = computeFabric(doc);
    expect(r.scaleUp.domains).toBe(12);
    expect(r.figures.scaleUpDomainTBps.value).toBeCloseTo(129.6, 9); // 72 x 1.8 TB/s
    expect(r.figures.switches['leaf']?.value).toBe(32);
    expect(r.figures.switches['spine']?.value).toBe(16);
    expect(r.figures.bisectionTbps?.value).toBeCloseTo(172.8, 9); // 432 x 400G
    expect(r.violations.find((x) => x.code === 'fabric.switches-do-not-fit')).toBeUndefined();
    const ndr = new Set(doc.racks.filter((k) => k.typeId === 'net-ib-ndr').map((k) => k.id as string));
    expect(r.switchRacks.filter((s) => ndr.has(s.rackId)).reduce((n, s) => n + s.switches, 0)).toBe(48);
  });
});

describe('drawn links whose cable type does not reach', () => {
  const doc = demoHall(shippedCatalog);
  const link = (id: string, cableTypeId: string, routedLengthM: number, tags: Record<string, string> = {}) => ({
    id, a: { objectId: 'r01-04', port: id }, b: { objectId: 'r02-06', port: id }, purpose: 'compute', cableTypeId, routedLengthM, tags,
  });
  const codes = (links: ReturnType<typeof link>[]) =>
    computeFabric({ ...doc, links: links as unknown as typeof doc.links }).violations.filter((v) => v.code === 'fabric.link-cable-too-short');

  it('an error per link, naming it, when the routed length passes the reach; none at or under it', () => {
    // Active copper reaches 5 m: 5 m is fine, 8.1 m is not; an unknown length (null) is not judged.
    const found = codes([link('ok', 'acc-400', 5), link('long', 'acc-400', 8.1), link('aoc', 'aoc-400', 8.1)]);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', objectIds: ['long'] })]);
    expect(found[0]!.message).toContain('routed 8.1 m');
    expect(found[0]!.message).toContain('reaches 5 m');
  });

  it('leaves generated links to fabric.cable-too-long, and names only 20 links one by one', () => {
    expect(codes([link('gen', 'acc-400', 8.1, { generated: 'fabric' })])).toEqual([]);
    const many = codes(Array.from({ length: 23 }, (_, i) => link(`l${i}`, 'dac-400', 3)));
    expect(many).toHaveLength(21);
    expect(many[20]!.objectIds).toEqual(['l20', 'l21', 'l22']);
  });
});
