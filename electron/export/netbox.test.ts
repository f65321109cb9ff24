// The NetBox cables file after auto-cable: one row per fabric cable between device interfaces
// that the devices and device-type files create, no interface twice (NetBox refuses a second cable
// on an interface), the fabric's counts per cable type, rail-optimised leaves; the user's own
// links on free interfaces or, with the reason, in the unmapped file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { autoCableLinks, computeFabric } from '../../engine/fabric/index.js';
import { demoHall, superpodHall } from '../../engine/generators/index.js';
import type { Link, LinkId, ProjectDocument } from '../../engine/model/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { NETBOX_FILES, NETBOX_HEADERS, NETBOX_UNMAPPED_FILE, netboxExport } from './netbox.js';
import type { NetboxDeviceType } from './netbox-types.js';

const reference = JSON.parse(readFileSync(new URL('../../tests/fixtures/netbox/import-fields.json', import.meta.url), 'utf8')) as {
  forms: Record<string, { fields: string[]; required: string[] }>;
  choices: Record<string, string[]>;
};

/** Minimal CSV split for these files (the export quotes only fields with commas, as model names have). */
function rows(text: string): Record<string, string>[] {
  const lines = text.split('\r\n').filter((l) => l !== '');
  const split = (l: string) => (l.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).slice(0, -1).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i] as string, v])));
}

const link = (id: string, purpose: Link['purpose'], a: string, aPort: string, b: string, bPort: string): Link =>
  ({ id: id as LinkId, a: { objectId: a, port: aPort }, b: { objectId: b, port: bPort }, purpose, cableTypeId: null, routedLengthM: null, tags: {} });

describe('NetBox export of an auto-cabled hall', () => {
  const doc = demoHall(shippedCatalog);
  const fabric = computeFabric(doc);
  const made = autoCableLinks(doc, fabric);
  if (!made.ok) throw new Error(made.error);
  const rack = (name: string) => doc.racks.find((r) => r.name === name)?.id as string;
  // Drawn by hand: a spare compute link between the two IB racks (free leaf ports remain: 27 of
  // 32 downlinks used), one from a GPU rack whose NICs auto-cable used up, a management link (no
  // device type declares management ports) and one to a cooling unit.
  const user = [
    link('my-compute', 'compute', rack('R01-01'), 'p7', rack('R01-02'), 'spare'),
    link('my-gpu', 'compute', rack('R01-03'), 'gpu-nic1', rack('R01-01'), 'p1'),
    link('my-mgmt', 'management', rack('R01-01'), 'mgmt0', rack('R01-02'), 'mgmt0'),
    link('my-crah', 'compute', rack('R01-01'), 'p9', doc.cooling[0]?.id as string, 'bms'),
  ];
  const cabled: ProjectDocument = { ...doc, links: [...user, ...made.links] };
  const nb = netboxExport(cabled, computeFabric(cabled));
  const cables = rows(nb.files[NETBOX_FILES.cables] as string);
  const unmapped = rows(nb.files[NETBOX_UNMAPPED_FILE] as string);
  const generated = cables.filter((c) => c.label?.startsWith('fab-'));
  const devices = new Map(rows(nb.files[NETBOX_FILES.devices] as string).map((d) => [d.name as string, d]));
  const deviceTypes = new Map((nb.files[NETBOX_FILES.deviceTypes] as string).split(/^---$/m).map((y) => {
    const t = parse(y) as NetboxDeviceType;
    return [t.model, t] as const;
  }));
  const total = fabric.cables.reduce((s, c) => s + c.count, 0);
  const ifaces = new Map([...deviceTypes].map(([model, t]) => [model, new Map(t.interfaces.map((i) => [i.name, i]))]));
  const ifaceOf = (device: string, name: string) => ifaces.get(devices.get(device)?.device_type ?? '')?.get(name);

  it('writes as many cables as the fabric counts, the one drawn link that fits, and the rest with reasons apart', () => {
    expect(total).toBe(2632); // demo hall: 864 + 1024 compute, 488 + 256 storage
    expect(generated).toHaveLength(total);
    expect(nb.counts.cables).toBe(total + 1);
    expect(cables.map((c) => c.label).filter((l) => l?.startsWith('my-'))).toEqual(['my-compute']);
    expect(new Set(cables.map((c) => c.label)).size).toBe(cables.length);
    expect(nb.counts.cablesUnmapped).toBe(3);
    expect(nb.counts.cablesUnplanned).toBe(0); // every generated link took the wire the fabric planned
    expect(Object.fromEntries(unmapped.map((u) => [u.label, u.reason]))).toEqual({
      'my-gpu': 'side A: every compute network interface of the devices in rack R01-03 is taken',
      'my-mgmt': 'side A: no management interfaces: the device types declare compute and storage network interfaces only',
      'my-crah': `side B: ${doc.cooling[0]?.name} is not a rack; NetBox cables here end on device interfaces`,
    });
    expect(nb.warnings).toHaveLength(1);
    expect(nb.warnings[0]).toMatch(/^3 of 2,636 links are not in 10-cables\.csv: .* 10-cables-unmapped\.csv lists them/);
  });

  it('ends every cable on an interface the devices and device-type files create, none twice', () => {
    const seen = new Set<string>();
    for (const c of cables) {
      for (const [device, name] of [[c.side_a_device, c.side_a_name], [c.side_b_device, c.side_b_name]] as [string, string][]) {
        expect(devices.has(device), device).toBe(true);
        const iface = ifaceOf(device, name);
        expect(iface, `${device} ${name}`).toBeDefined();
        expect(reference.choices['InterfaceTypeChoices']).toContain(iface?.type);
        expect(seen.has(`${device} ${name}`), `${device} ${name} twice`).toBe(false);
        seen.add(`${device} ${name}`);
      }
    }
    expect(seen.size).toBe(2 * cables.length);
  });

  it('puts each generated cable between devices of the racks auto-cable named, with the fitting interfaces', () => {
    const names = new Map(doc.racks.map((r) => [r.id as string, r.name]));
    const byLabel = new Map(made.links.map((l) => [l.id as string, l]));
    const computeModel = shippedCatalog.switchTypes.find((s) => s.id === doc.fabric.computeSwitchTypeId)?.name;
    const storageModel = shippedCatalog.switchTypes.find((s) => s.id === doc.fabric.storageSwitchTypeId)?.name;
    const port = (name: string) => Number(/^p(\d+)/.exec(name)?.[1] ?? NaN);
    const railsOfLeaf = new Map<string, Set<string>>();
    for (const c of generated) {
      const l = byLabel.get(c.label as string) as Link;
      const a = devices.get(c.side_a_device as string);
      const b = devices.get(c.side_b_device as string);
      expect([a?.rack, b?.rack]).toEqual([names.get(l.a.objectId), names.get(l.b.objectId)]);
      switch (l.tags['class']) {
        case 'nic-leaf': // rail r of a node on a downlink (p1-p32, leafPorts at 1:1) of a compute leaf
          expect(a?.role).toBe('GPU node');
          expect(c.side_a_name).toMatch(/^gpu-nic[1-4]$/);
          expect(b?.device_type).toBe(computeModel);
          expect(port(c.side_b_name as string)).toBeLessThanOrEqual(32);
          railsOfLeaf.set(c.side_b_device as string, (railsOfLeaf.get(c.side_b_device as string) ?? new Set()).add(c.side_a_name as string));
          break;
        case 'leaf-spine': // a leaf's uplink (p33-p64) to a spine
          expect([a?.device_type, b?.device_type]).toEqual([computeModel, computeModel]);
          expect(port(c.side_a_name as string)).toBeGreaterThan(32);
          break;
        case 'storage-nic-leaf': // node storage NICs and the storage system's ports to breakout lanes of a storage leaf
          expect(c.side_a_name).toMatch(a?.role === 'Storage' ? /^p\d+$/ : /^storage-nic[12]$/);
          expect(b?.device_type).toBe(storageModel);
          expect(c.side_b_name).toMatch(/^p([1-9]|[12]\d|3[0-2])(\/[1-4])?$/);
          break;
        case 'storage-leaf-spine':
          expect([a?.device_type, b?.device_type]).toEqual([storageModel, storageModel]);
          expect(port(c.side_a_name as string)).toBeGreaterThan(32);
          break;
        default: throw new Error(`unexpected class ${String(l.tags['class'])}`);
      }
    }
    // Rail-optimised: 32 leaves, each serving one rail only.
    expect(railsOfLeaf.size).toBe(32);
    for (const [leaf, rails] of railsOfLeaf) expect(rails.size, leaf).toBe(1);
  });

  it('uses the CableImportForm field names and CableTypeChoices, and per type the fabric\'s counts', () => {
    for (const f of NETBOX_HEADERS.cables) expect(reference.forms['CableImportForm']?.fields).toContain(f);
    const byType = new Map<string, number>();
    for (const c of generated) {
      expect(reference.choices['CableTypeChoices']).toContain(c.type);
      expect(Number(c.length)).toBeGreaterThan(0);
      expect(c.length_unit).toBe('m');
      byType.set(c.type as string, (byType.get(c.type as string) ?? 0) + 1);
    }
    const kinds = new Map(shippedCatalog.cableTypes.map((k) => [k.id as string, k.kind]));
    const want = new Map<string, number>();
    const nbType: Record<string, string> = { 'dac-passive': 'dac-passive', 'dac-active': 'dac-active', aoc: 'aoc', mmf: 'mmf-om4', smf: 'smf-os2' };
    for (const line of fabric.cables) {
      const t = nbType[kinds.get(line.cableTypeId) ?? ''] as string;
      want.set(t, (want.get(t) ?? 0) + line.count);
    }
    expect(byType).toEqual(want);
  });

  it('maps generated links the fabric no longer plans to free interfaces, or lists them', () => {
    // A GPU rack removed after auto-cable: its links point nowhere, the leaves and spines move.
    const gone = rack('R02-08');
    const stale: ProjectDocument = { ...cabled, racks: cabled.racks.filter((r) => r.id !== gone) };
    const out = netboxExport(stale, computeFabric(stale));
    const mapped = rows(out.files[NETBOX_FILES.cables] as string);
    const left = rows(out.files[NETBOX_UNMAPPED_FILE] as string);
    expect(mapped.length + left.length).toBe(cabled.links.length);
    expect(out.counts.cablesUnplanned).toBeGreaterThan(0);
    expect(out.warnings.some((w) => /auto-cabled links are not what the fabric plans now/.test(w))).toBe(true);
    const toGone = made.links.filter((l) => l.a.objectId === gone || l.b.objectId === gone).length;
    expect(left.filter((u) => u.reason?.endsWith('is not in the document')).length).toBe(toGone);
    const ends = mapped.flatMap((c) => [`${c.side_a_device} ${c.side_a_name}`, `${c.side_b_device} ${c.side_b_name}`]);
    expect(new Set(ends).size).toBe(ends.length);
  });
});

describe('NetBox export of a three-tier fabric', () => {
  it('ends every cable of a 16-SU SuperPOD (leaf, spine, core) on the interfaces the fabric planned, none twice', () => {
    const doc = superpodHall(shippedCatalog, 16);
    const fabric = computeFabric(doc);
    expect(fabric.compute?.tiers.map((t) => t.name)).toEqual(['leaf', 'spine', 'core']);
    const made = autoCableLinks(doc, fabric);
    if (!made.ok) throw new Error(made.error);
    const cabled: ProjectDocument = { ...doc, links: made.links };
    const nb = netboxExport(cabled, computeFabric(cabled));
    expect([nb.counts.cables, nb.counts.cablesUnmapped, nb.counts.cablesUnplanned]).toEqual([fabric.cables.reduce((s, c) => s + c.count, 0), 0, 0]);
    const ends = rows(nb.files[NETBOX_FILES.cables] as string).flatMap((c) => [`${c.side_a_device} ${c.side_a_name}`, `${c.side_b_device} ${c.side_b_name}`]);
    expect(new Set(ends).size).toBe(ends.length);
  });
});
