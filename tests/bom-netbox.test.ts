// NetBox interchange: the exported CSV headers and choices checked against NetBox's import
// forms (tests/fixtures/netbox/import-fields.json, copied from dcim/forms/bulk_import.py and
// dcim/choices.py), cables ending on interfaces the devices and device types create, the
// device-type YAML read back through the devicetype-library importer, and library files imported.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { autoCableLinks, computeFabric } from '../engine/fabric/index.js';
import { demoHall } from '../engine/generators/index.js';
import { checkCatalog } from '../engine/model/index.js';
import { EXIT } from '../electron/cli/main.js';
import { runCli } from './support/cli.js';
import { addToCatalog, DeviceTypeImportError, LibraryDeviceType, parseDeviceTypeYaml, readDeviceTypeFile } from '../electron/export/netbox-import.js';
import { NETBOX_FILES, NETBOX_UNMAPPED_FILE, netboxExport } from '../electron/export/netbox.js';
import { readProject, writeProject } from '../electron/project/index.js';
import { shippedCatalog } from './support/catalog.js';
import { tempDir } from './support/tmp.js';

const fixtures = fileURLToPath(new URL('./fixtures/netbox/', import.meta.url));
const dir = tempDir('factory-twin-netbox-');
const reference = JSON.parse(readFileSync(join(fixtures, 'import-fields.json'), 'utf8')) as {
  forms: Record<string, { fields: string[]; required: string[] }>;
  choices: Record<string, string[]>;
};

const cli = (...argv: string[]) => runCli(dir, ...argv);

/** Minimal CSV split for these files (the export quotes only fields with commas). */
function rows(text: string): Record<string, string>[] {
  const lines = text.split('\r\n').filter((l) => l !== '');
  const split = (l: string) => (l.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).slice(0, -1).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i] as string, v])));
}

const FORM_OF: Record<string, string> = {
  [NETBOX_FILES.manufacturers]: 'ManufacturerImportForm', [NETBOX_FILES.deviceRoles]: 'DeviceRoleImportForm', [NETBOX_FILES.sites]: 'SiteImportForm',
  [NETBOX_FILES.locations]: 'LocationImportForm', [NETBOX_FILES.racks]: 'RackImportForm', [NETBOX_FILES.devices]: 'DeviceImportForm',
  [NETBOX_FILES.powerPanels]: 'PowerPanelImportForm', [NETBOX_FILES.powerFeeds]: 'PowerFeedImportForm', [NETBOX_FILES.cables]: 'CableImportForm',
};

const made = await cli('new', 'demo.aifactory');
const exported = await cli('export', 'demo.aifactory', '--format', 'netbox', '-o', 'netbox');

describe('NetBox export', () => {
  const folder = join(dir, 'netbox');
  const read = (name: string) => readFileSync(join(folder, name), 'utf8');

  it('writes every file through the CLI', async () => {
    expect(made.code).toBe(EXIT.ok);
    expect(exported.code, exported.err).toBe(EXIT.ok);
    expect(exported.out).toMatch(/racks, \d+ devices/);
    expect((await cli('export', 'demo.aifactory', '--format', 'netbox', '-o', 'netbox')).err).toContain('already exists; use --force');
  });

  it('uses only the field names of NetBox import forms, with every required one', async () => {
    for (const [file, form] of Object.entries(FORM_OF)) {
      const header = read(file).split('\r\n')[0]?.split(',') ?? [];
      const ref = reference.forms[form];
      if (!ref) throw new Error(`no reference for ${form}`);
      for (const f of header) expect(ref.fields, `${file}: ${f}`).toContain(f);
      for (const f of ref.required) expect(header, `${file} lacks required ${f}`).toContain(f);
    }
  });

  it('uses NetBox choice values and counts what the hall holds', async () => {
    const doc = demoHall(shippedCatalog);
    const fabric = computeFabric(doc);
    const racks = rows(read(NETBOX_FILES.racks));
    expect(racks.map((r) => r.name)).toEqual(doc.racks.map((r) => r.name));
    for (const r of racks) {
      expect(reference.choices.RackStatusChoices).toContain(r.status);
      expect(reference.choices.RackWidthChoices).toContain(r.width);
    }
    const devices = rows(read(NETBOX_FILES.devices));
    const nodes = doc.racks.reduce((s, r) => {
      const t = shippedCatalog.rackTypes.find((k) => k.id === r.typeId);
      return s + (t?.kind === 'gpu' || t?.kind === 'cpu' ? t.nodes : t?.kind === 'storage' ? 1 : 0);
    }, 0);
    const switches = (fabric.compute?.switches ?? 0) + (fabric.storage?.switches ?? 0);
    expect(devices.filter((d) => d.role === 'Network switch').length).toBe(switches);
    expect(devices.length).toBe(nodes + switches);
    for (const d of devices) {
      expect(reference.choices.DeviceStatusChoices).toContain(d.status);
      if (d.face !== '') expect(reference.choices.DeviceFaceChoices).toContain(d.face);
    }
    const feeds = rows(read(NETBOX_FILES.powerFeeds));
    expect(feeds.length).toBe(doc.racks.filter((r) => r.feedA !== null).length + doc.racks.filter((r) => r.feedB !== null).length);
    for (const f of feeds) {
      expect(reference.choices.PowerFeedTypeChoices).toContain(f.type);
      expect(reference.choices.PowerFeedPhaseChoices).toContain(f.phase);
      expect(reference.choices.PowerFeedSupplyChoices).toContain(f.supply);
      expect(reference.choices.PowerFeedStatusChoices).toContain(f.status);
      // NetBox's available power V x A x sqrt(3) x util covers the rack's design power.
      const rack = doc.racks.find((r) => r.name === f.rack);
      const kw = shippedCatalog.rackTypes.find((t) => t.id === rack?.typeId)?.designPowerKw ?? Infinity;
      expect(Number(f.voltage) * Number(f.amperage) * Math.sqrt(3) * Number(f.max_utilization) / 100 / 1000).toBeGreaterThanOrEqual(kw);
    }
    const panels = new Set(rows(read(NETBOX_FILES.powerPanels)).map((p) => p.name));
    for (const f of feeds) expect(panels).toContain(f.power_panel);
  });

  it('writes device types the devicetype-library importer reads back', async () => {
    const docs = read(NETBOX_FILES.deviceTypes).split(/^---$/m).map((d) => parse(d) as unknown);
    const devices = rows(read(NETBOX_FILES.devices));
    const models = new Set(docs.map((d) => LibraryDeviceType.parse(d).model));
    for (const d of devices) expect(models).toContain(d.device_type);
    const items = parseDeviceTypeYaml(read(NETBOX_FILES.deviceTypes), 'exported.yaml');
    const ib = items.find((i) => i.section === 'switchTypes' && i.item.name === 'InfiniBand NDR switch, 64 x 400G');
    const src = shippedCatalog.switchTypes.find((s) => s.id === 'sw-ib-ndr-64x400');
    expect(ib?.item).toMatchObject({ radix: src?.radix, portGbps: src?.portGbps, uHeight: src?.uHeight, fabric: 'infiniband' });
    expect(ib?.section === 'switchTypes' ? ib.item.powerKw : 0).toBeCloseTo(src?.powerKw ?? -1, 2);
  });

  it('exports a drawn link as a cable between free interfaces of fitting devices, with NetBox cable types', async () => {
    const doc = demoHall(shippedCatalog);
    const [a, b] = doc.racks; // the first two InfiniBand racks: compute switches only
    if (!a || !b) throw new Error('demo hall has racks');
    doc.links = [{ id: 'l1' as never, a: { objectId: a.id, port: 'p1' }, b: { objectId: b.id, port: 'gpu-nic1' }, purpose: 'compute', cableTypeId: 'mmf-400' as never, routedLengthM: 12.345 as never, tags: {} }];
    const nb = netboxExport(doc, computeFabric(doc));
    const [cable] = rows(nb.files[NETBOX_FILES.cables] as string);
    // 'p1' names a switch port, so the first switch's p1; 'gpu-nic1' names none there: the first free port.
    expect(cable).toMatchObject({ side_a_device: `${a.name}-sw01`, side_a_name: 'p1', side_b_device: `${b.name}-sw01`, side_b_name: 'p1', type: 'mmf-om4', length: '12.35', length_unit: 'm', label: 'l1' });
    expect(reference.choices.CableTypeChoices).toContain(cable?.type);
    expect(nb.files[NETBOX_UNMAPPED_FILE]).toBeUndefined();
  });

  it('exports an auto-cabled project through the CLI, cables on device interfaces, unmappable links listed and warned about', async () => {
    const doc = readProject(join(dir, 'demo.aifactory'));
    const auto = autoCableLinks(doc, computeFabric(doc));
    if (!auto.ok) throw new Error(auto.error);
    const [a, b] = doc.racks;
    const mgmt = { id: 'oob-1' as never, a: { objectId: a?.id as string, port: 'mgmt0' }, b: { objectId: b?.id as string, port: 'mgmt0' }, purpose: 'management' as const, cableTypeId: null, routedLengthM: null, tags: {} };
    writeProject(join(dir, 'cabled.aifactory'), { ...doc, links: [mgmt, ...auto.links] }, 'test');
    const run = await cli('export', 'cabled.aifactory', '--format', 'netbox', '-o', 'cabled');
    expect(run.code, run.err).toBe(EXIT.ok);
    expect(run.out).toMatch(/, 2632 cables\n$/);
    expect(run.err).toMatch(/warning: 1 of 2,633 links are not in 10-cables\.csv: .* 10-cables-unmapped\.csv lists them with the reason \(first: oob-1, side A: no management interfaces/);
    const folder = join(dir, 'cabled');
    const text = (name: string) => readFileSync(join(folder, name), 'utf8');
    const devices = new Map(rows(text(NETBOX_FILES.devices)).map((d) => [d.name, d.device_type]));
    const ifaces = new Map(text(NETBOX_FILES.deviceTypes).split(/^---$/m).map((y) => {
      const t = LibraryDeviceType.parse(parse(y));
      return [t.model, new Set((parse(y) as { interfaces: { name: string; type: string }[] }).interfaces.map((i) => {
        expect(reference.choices.InterfaceTypeChoices).toContain(i.type);
        return i.name;
      }))] as const;
    }));
    const seen = new Set<string>();
    for (const c of rows(text(NETBOX_FILES.cables))) {
      for (const [device, name] of [[c.side_a_device, c.side_a_name], [c.side_b_device, c.side_b_name]] as [string, string][]) {
        expect(ifaces.get(devices.get(device) ?? '')?.has(name), `${device} ${name}`).toBe(true);
        expect(seen.has(`${device} ${name}`), `${device} ${name} twice`).toBe(false);
        seen.add(`${device} ${name}`);
      }
    }
    expect(seen.size).toBe(2 * 2632);
    expect(rows(text(NETBOX_UNMAPPED_FILE))).toMatchObject([{ label: 'oob-1', purpose: 'management', side_a_port: 'mgmt0' }]);
    // Exported again without the drawn link, over the same folder: the stale list goes.
    writeProject(join(dir, 'cabled.aifactory'), { ...doc, links: auto.links }, 'test');
    const again = await cli('export', 'cabled.aifactory', '--format', 'netbox', '-o', 'cabled', '--force');
    expect(again.err).not.toContain('warning');
    expect(existsSync(join(folder, NETBOX_UNMAPPED_FILE))).toBe(false);
  });
});

describe('devicetype-library import', () => {
  it('maps a GPU server and an InfiniBand switch into the catalog', async () => {
    const dgx = readDeviceTypeFile(join(fixtures, 'nvidia-dgx-h100.yaml'));
    const qm = readDeviceTypeFile(join(fixtures, 'nvidia-qm9700.yaml'));
    expect(dgx[0]?.section).toBe('rackTypes');
    // 287.6 lb x 0.45359237 = 130.45 kg; six PSUs allocated 1700 W each = 10.2 kW.
    expect(dgx[0]?.item).toMatchObject({ id: 'nvidia-dgx-h100', name: 'DGX H100', manufacturer: 'NVIDIA', partNumber: 'DGXH-G640F+P2EDI36', uHeight: 8, kind: 'cpu' });
    const server = dgx[0]?.item as { weightKg: number; designPowerKw: number; heightM: number; storageNicsPerNode: number };
    expect(server.weightKg).toBeCloseTo(130.45, 2);
    expect(server.designPowerKw).toBeCloseTo(10.2, 6);
    expect(server.heightM).toBeCloseTo(8 * 0.04445, 6);
    expect(server.storageNicsPerNode).toBe(8); // ten data NICs, capped at the schema's 8; the BMC is management-only
    // 64 NDR ports; two 1720 W supplies without allocated draw, 1+1: 1.72 kW.
    expect(qm[0]?.item).toMatchObject({ id: 'nvidia-qm9700', radix: 64, portGbps: 400, fabric: 'infiniband', uHeight: 1, powerKw: 1.72 });
    const catalog = addToCatalog(shippedCatalog, [...dgx, ...qm]);
    expect(catalog.rackTypes.length).toBe(shippedCatalog.rackTypes.length + 1);
    expect(catalog.switchTypes.length).toBe(shippedCatalog.switchTypes.length + 1);
    expect(checkCatalog(catalog, 'catalog')).toEqual([]);
    // Importing again replaces rather than duplicates.
    expect(addToCatalog(catalog, qm).switchTypes.length).toBe(catalog.switchTypes.length);
  });

  it('names the file and the field of an invalid device type', async () => {
    const good = readFileSync(join(fixtures, 'nvidia-dgx-h100.yaml'), 'utf8');
    const cases: [string, RegExp][] = [
      [good.replace('weight: 287.6', 'weight: heavy'), /^bad\.yaml: field weight: /],
      [good.replace('maximum_draw: 3300\n    allocated_draw: 1700\n  - name: PSU2', 'maximum_draw: -5\n    allocated_draw: 1700\n  - name: PSU2'), /field power-ports\[0\]\.maximum_draw/],
      [good.replace('slug: nvidia-dgx-h100', 'slug: NVIDIA DGX'), /field slug: a slug is/],
      [good.replace('model: DGX H100\n', ''), /field model/],
      ['manufacturer: [unclosed\n', /^bad\.yaml: invalid YAML at line \d+/],
      ['', /^bad\.yaml: holds no device type/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try { parseDeviceTypeYaml(text, 'bad.yaml'); } catch (e) { error = e; }
      expect(error, String(message)).toBeInstanceOf(DeviceTypeImportError);
      expect((error as Error).message).toMatch(message);
    }
    expect(() => readDeviceTypeFile(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml: cannot be read/);
  });
});
