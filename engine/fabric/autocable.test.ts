import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall, gigawattHall } from '../generators/index.js';
import type { Link, LinkId, ProjectDocument } from '../model/index.js';
import { autoCableLinks, bundleAt, computeFabric, type AutoCableResult } from './index.js';
import { isGeneratedLink } from './autocable.js';
import { CableBook, CableRouting, CableRuns } from './book.js';
import { CablePicker } from './cables.js';
import type { Router } from './routing.js';
import { rackBundles } from './compute.js';

const made = (r: AutoCableResult) => {
  if (!r.ok) throw new Error(r.error);
  return r;
};
const byClass = (links: readonly Link[]) => {
  const out: Record<string, number> = {};
  for (const l of links) if (isGeneratedLink(l)) out[l.tags['class'] as string] = (out[l.tags['class'] as string] ?? 0) + 1;
  return out;
};

describe('fabric bundles', () => {
  const doc = demoHall(shippedCatalog);
  const fabric = computeFabric(doc);

  it('add up, per class and per cable type, to the counts the fabric reports', () => {
    const perClass: Record<string, number> = {};
    const perType: Record<string, number> = {};
    for (let i = 0; i < fabric.bundles.length; i++) {
      const b = bundleAt(fabric.bundles, i);
      perClass[b.cls] = (perClass[b.cls] ?? 0) + b.count;
      perType[b.cableTypeId] = (perType[b.cableTypeId] ?? 0) + b.count;
      expect(doc.racks.some((r) => r.id === b.a) && doc.racks.some((r) => r.id === b.b)).toBe(true);
    }
    expect(perClass).toEqual(Object.fromEntries(Object.entries(fabric.linkClasses).map(([k, v]) => [k, v.count])));
    expect(perType).toEqual(Object.fromEntries(fabric.cables.map((c) => [c.cableTypeId, c.count])));
    expect(fabric.cablesWithoutRack).toBe(0);
  });

  it('nic-leaf bundles start at a GPU rack and end at a network rack', () => {
    const kind = new Map(doc.racks.map((r) => [r.id as string, shippedCatalog.rackTypes.find((t) => t.id === r.typeId)?.kind]));
    for (let i = 0; i < fabric.bundles.length; i++) {
      const b = bundleAt(fabric.bundles, i);
      if (b.cls !== 'nic-leaf') continue;
      expect(kind.get(b.a)).toBe('gpu');
      expect(kind.get(b.b)).toBe('network');
    }
  });
});

describe('rackBundles', () => {
  it('drops and counts the cables of a site that stands for no rack, and maps the rest to rack ids', () => {
    const sites = [
      { x: 0, y: 0, portZ: 1, rackId: 'r1' }, { x: 1, y: 0, portZ: 1, rackId: null }, { x: 2, y: 0, portZ: 1, rackId: 'r3' },
    ];
    const runs = new CableRuns();
    runs.push('nic-leaf', 400, 0, 2, 5);
    runs.push('nic-leaf', 400, 0, 1, 7);
    runs.push('leaf-spine', 400, 2, 2, 2);
    // A router that measures 3 m between racks and 4 m within one: the lengths the bundles must carry.
    const router = { disconnected: 0, lengthM: (a: number, b: number) => (a === b ? 4 : 3) } as unknown as Router;
    const book = new CableBook(CableRouting.of([runs], router, new CablePicker(shippedCatalog)));
    const { bundles, cablesWithoutRack } = rackBundles(book, sites);
    expect(cablesWithoutRack).toBe(7);
    expect(bundles.length).toBe(2);
    expect(bundles.rackIds).toEqual(['r1', 'r3']);
    expect(bundleAt(bundles, 0)).toMatchObject({ cls: 'nic-leaf', a: 'r1', b: 'r3', count: 5, lengthM: 3 });
    expect(bundleAt(bundles, 1)).toMatchObject({ cls: 'leaf-spine', a: 'r3', b: 'r3', count: 2 });
    expect(bundles.count.length).toBe(2);
  });
});

describe('autoCableLinks on the demo hall', () => {
  const doc = demoHall(shippedCatalog);
  const fabric = computeFabric(doc);
  const r = made(autoCableLinks(doc, fabric));

  it('makes one link per cable: 864 NIC-leaf and 1024 leaf-spine, as the fabric counts', () => {
    // 12 NVL72 racks x 18 compute trays x 4 NICs (one per GPU) = 864 rail NICs, one cable each.
    // Leaves: 2 SUs x 4 rails x ceil(108 nodes / 32 NICs a leaf) = 32; each has 32 of its 64
    // ports up (1:1), so 32 x 32 = 1024 leaf-spine cables.
    const counts = byClass(r.links);
    expect(counts['nic-leaf']).toBe(864);
    expect(counts['leaf-spine']).toBe(1024);
    expect(counts).toEqual(Object.fromEntries(Object.entries(fabric.linkClasses).map(([k, v]) => [k, v.count])));
    expect(r.generated).toBe(r.links.length);
    expect(r.replaced).toBe(0);
    expect(r.skipped).toBe(0);
  });

  it('gives readable unique ids, ports unique per rack, purpose, type, length and tags', () => {
    expect(new Set(r.links.map((l) => l.id)).size).toBe(r.links.length);
    expect(r.links[0]?.id).toBe('fab-nic-leaf-1');
    const ends = r.links.flatMap((l) => [`${l.a.objectId}/${l.a.port}`, `${l.b.objectId}/${l.b.port}`]);
    expect(new Set(ends).size).toBe(ends.length);
    const storage = r.links.find((l) => l.tags['class'] === 'storage-nic-leaf');
    expect(storage?.purpose).toBe('storage');
    expect(storage?.a.port).toMatch(/^storage-nic-leaf-\d+$/);
    expect(r.links.find((l) => l.tags['class'] === 'leaf-spine')?.purpose).toBe('compute');
    // Per cable type, the links carry the fabric's counts and (to the centimetre) routed metres.
    for (const line of fabric.cables) {
      const mine = r.links.filter((l) => l.cableTypeId === line.cableTypeId);
      expect(mine.length).toBe(line.count);
      expect(mine.reduce((s, l) => s + (l.routedLengthM ?? 0), 0)).toBeCloseTo(line.routedM, -1);
    }
    expect(r.links.every((l) => l.tags['generated'] === 'fabric')).toBe(true);
  });

  it('is deterministic and leaves its input alone', () => {
    const before = JSON.stringify(doc.links);
    const again = made(autoCableLinks(doc, computeFabric(doc)));
    expect(again.links).toEqual(r.links);
    expect(JSON.stringify(doc.links)).toBe(before);
  });

  it('replaces earlier generated links and keeps the user\'s own, stepping around their ports and ids', () => {
    const rack = doc.racks.find((x) => x.typeId === 'gpu-nvl72-gb200')!;
    const user: Link = {
      id: 'fab-nic-leaf-1' as LinkId, a: { objectId: rack.id, port: 'nic-leaf-1' }, b: { objectId: doc.racks[0]!.id, port: 'mgmt' },
      purpose: 'management', cableTypeId: null, routedLengthM: null, tags: {},
    };
    const withLinks: ProjectDocument = { ...doc, links: [user, ...r.links] };
    const next = made(autoCableLinks(withLinks, fabric));
    expect(next.links[0]).toBe(user);
    expect(next.replaced).toBe(r.generated);
    expect(next.generated).toBe(r.generated);
    expect(new Set(next.links.map((l) => l.id)).size).toBe(next.links.length);
    expect(next.links.filter((l) => l.a.objectId === rack.id && l.a.port === 'nic-leaf-1')).toEqual([user]);
  });

  it('skips bundles whose racks are gone since the fabric was computed', () => {
    const gone = bundleAt(fabric.bundles, 0);
    const fewer: ProjectDocument = { ...doc, racks: doc.racks.filter((x) => x.id !== gone.a) };
    const next = made(autoCableLinks(fewer, fabric));
    expect(next.skipped).toBeGreaterThanOrEqual(gone.count);
    expect(next.generated + next.skipped).toBe(r.generated);
    expect(next.links.some((l) => l.a.objectId === gone.a || l.b.objectId === gone.a)).toBe(false);
  });

  it('refuses above maxLinks, saying how many it would make', () => {
    const total = r.generated;
    const no = autoCableLinks(doc, fabric, { maxLinks: total - 1 });
    expect(no.ok).toBe(false);
    if (!no.ok) {
      expect(no.wanted).toBe(total);
      expect(no.error).toContain(total.toLocaleString('en'));
    }
    expect(autoCableLinks(doc, fabric, { maxLinks: total }).ok).toBe(true);
  });
});

describe('autoCableLinks on the gigawatt hall', () => {
  it('refuses: ~1.3 M cables is far above the 20,000 default', () => {
    const doc = gigawattHall(shippedCatalog);
    const fabric = computeFabric(doc);
    const total = fabric.cables.reduce((s, c) => s + c.count, 0);
    const r = autoCableLinks(doc, fabric);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.wanted).toBe(total);
      expect(r.wanted).toBeGreaterThan(1_300_000);
      expect(r.error).toContain('20,000');
    }
  });
});
