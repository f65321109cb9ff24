// NetBox export: the CSV files NetBox's bulk import takes (Organisation > Sites, DCIM > Racks,
// Devices, Power panels, Power feeds, Cables), and the device types as devicetype-library YAML
// (NetBox's device-type import accepts several YAML documents separated by ---). Field names are
// those of NetBox's import forms (dcim/forms/bulk_import.py); files are numbered in import order.
// Cables end on device interfaces: netbox-wiring.ts names the fabric's ends, netbox-cables.ts maps
// the document's links onto them. See docs/interchange.md for what maps to what.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { isGeneratedLink } from '../../engine/fabric/autocable.js';
import type { FabricResult } from '../../engine/fabric/index.js';
import type { PowerType, ProjectDocument, RackType } from '../../engine/model/index.js';
import { toCsv, type CsvValue } from './csv.js';
import { mapCables, UNMAPPED_HEADERS } from './netbox-cables.js';
import { deviceTypes, GENERIC_MANUFACTURER, slugify, type NetboxDeviceType } from './netbox-types.js';
import { nodeName, storageName, switchName, wireFabric } from './netbox-wiring.js';

export const NETBOX_HEADERS = {
  manufacturers: ['name', 'slug'],
  deviceRoles: ['name', 'slug', 'color'],
  sites: ['name', 'slug', 'status'],
  locations: ['site', 'name', 'slug', 'status'],
  racks: ['site', 'location', 'name', 'status', 'width', 'u_height', 'outer_width', 'outer_depth', 'outer_unit', 'airflow', 'weight', 'weight_unit', 'description'],
  devices: ['name', 'role', 'manufacturer', 'device_type', 'status', 'site', 'location', 'rack', 'position', 'face', 'airflow'],
  powerPanels: ['site', 'location', 'name'],
  powerFeeds: ['site', 'power_panel', 'location', 'rack', 'name', 'status', 'type', 'supply', 'phase', 'voltage', 'amperage', 'max_utilization'],
  cables: ['side_a_device', 'side_a_type', 'side_a_name', 'side_b_device', 'side_b_type', 'side_b_name', 'type', 'status', 'length', 'length_unit', 'label'],
} as const;

export const NETBOX_FILES = {
  manufacturers: '01-manufacturers.csv', deviceRoles: '02-device-roles.csv', sites: '03-sites.csv', locations: '04-locations.csv',
  deviceTypes: '05-device-types.yaml', racks: '06-racks.csv', devices: '07-devices.csv', powerPanels: '08-power-panels.csv',
  powerFeeds: '09-power-feeds.csv', cables: '10-cables.csv',
} as const;

/** Device roles, with NetBox's 6-hex-digit colours. */
export const ROLES = { switch: ['Network switch', '2196f3'], gpu: ['GPU node', '4caf50'], cpu: ['CPU node', '9e9e9e'], storage: ['Storage', 'ff9800'] } as const;

/** IEC breaker ratings a feed is rounded up to. */
const BREAKER_A = [16, 20, 25, 32, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600];

/** Cable kinds to NetBox CableTypeChoices; the catalog's fibre is OM4 and OS2. */
const CABLE_TYPE: Record<string, string> = { 'dac-passive': 'dac-passive', 'dac-active': 'dac-active', aoc: 'aoc', mmf: 'mmf-om4', smf: 'smf-os2' };

/** Links no device interface could take, with the reason; beside the import files, not one of them. */
export const NETBOX_UNMAPPED_FILE = '10-cables-unmapped.csv';

export interface NetboxExport {
  files: Record<string, string>;
  /** cablesUnplanned: generated links mapped to free interfaces because the fabric no longer plans them (auto-cable is stale). */
  counts: Record<keyof typeof NETBOX_HEADERS | 'deviceTypes' | 'cablesUnmapped' | 'cablesUnplanned', number>;
  /** One line when links went to the unmapped file instead of the cables file. */
  warnings: string[];
}

const status = (s: 'running' | 'failed' | 'off') => (s === 'failed' ? 'failed' : s === 'off' ? 'offline' : 'planned');

/**
 * Feed current such that NetBox's available power (V x A x sqrt(3) x utilisation) covers the
 * rack's design power, rounded up to a breaker rating.
 */
export function feedAmperes(designKw: number, volts: number, phases: 1 | 3, maxUtil: number): number {
  const a = (designKw * 1000) / (volts * (phases === 3 ? Math.sqrt(3) : 1) * maxUtil);
  return BREAKER_A.find((b) => b >= a) ?? Math.ceil(a);
}

export function netboxExport(doc: ProjectDocument, fabric: FabricResult, siteName = doc.hall.name): NetboxExport {
  const c = doc.catalog;
  const site = siteName;
  const location = doc.hall.name;
  const rackTypes = new Map<string, RackType>(c.rackTypes.map((t) => [t.id, t]));
  const powerTypes = new Map<string, PowerType>(c.powerTypes.map((t) => [t.id, t]));
  // The fabric at device level: which switch sits where, and both ends of every generated cable.
  const wiring = wireFabric(doc, doc.links.some(isGeneratedLink));
  const types = deviceTypes(c, wiring.breakouts);
  const used = new Map<string, NetboxDeviceType>();
  const devices: CsvValue[][] = [];
  const device = (name: string, role: readonly [string, string], t: NetboxDeviceType, rack: string, position: number | null) => {
    used.set(t.slug, t);
    devices.push([name, role[0], t.manufacturer, t.model, 'planned', site, location, rack, position, position === null ? null : 'front', 'front-to-rear']);
  };

  const racks: CsvValue[][] = [];
  doc.racks.forEach((r, i) => {
    const t = rackTypes.get(r.typeId);
    racks.push([site, location, r.name, 'planned', 19, t?.uHeight ?? 42, t ? Math.round(t.widthM * 1000) : null, t ? Math.round(t.depthM * 1000) : null,
      'mm', 'front-to-rear', t?.weightKg ?? null, 'kg', t?.name ?? r.typeId]);
    if (!t) return;
    if (t.kind === 'network') {
      // The switches the fabric model placed here, each of its own network's type, stacked from U1.
      let u = 1;
      (wiring.switchesByRack[i] ?? []).forEach((id, k) => {
        const dt = types.get(id);
        if (!dt) return;
        // Switches beyond the rack's height (an overfull rack, flagged by the fabric model) go in unpositioned.
        const fits = u + dt.u_height - 1 <= t.uHeight;
        device(switchName(r.name, k + 1), ROLES.switch, dt, r.name, fits ? u : null);
        if (fits) u += dt.u_height;
      });
    } else {
      const dt = types.get(t.id);
      if (!dt) return;
      const n = t.kind === 'storage' ? 1 : t.nodes;
      for (let k = 0; k < n; k++) {
        const name = t.kind === 'storage' ? storageName(r.name) : nodeName(r.name, k + 1);
        const pos = 1 + k * dt.u_height;
        device(name, ROLES[t.kind], dt, r.name, pos + dt.u_height - 1 <= t.uHeight ? pos : null);
      }
    }
  });

  // Power: each busway or PDU a rack hangs from is a panel; each rack side a feed from it.
  const panels = new Map<string, string>();
  const feeds: CsvValue[][] = [];
  const byId = new Map(doc.power.map((p) => [p.id as string, p]));
  for (const r of doc.racks) {
    const design = rackTypes.get(r.typeId)?.designPowerKw ?? 0;
    for (const [side, feedId] of [['A', r.feedA], ['B', r.feedB]] as const) {
      const src = feedId === null ? undefined : byId.get(feedId);
      const pt = src ? powerTypes.get(src.typeId) : undefined;
      if (!src || !pt) continue;
      panels.set(src.id, src.name);
      const util = pt.ratedFor100PctContinuous ? 1 : 0.8;
      feeds.push([site, src.name, location, r.name, `${r.name}-${side}`, status(src.status), side === 'A' ? 'primary' : 'redundant', 'ac',
        pt.phases === 3 ? 'three-phase' : 'single-phase', pt.voltageV, feedAmperes(design, pt.voltageV, pt.phases, util), util * 100]);
    }
  }

  // Cables: the document's links, each end on a device interface (netbox-cables.ts).
  const cableKind = new Map(c.cableTypes.map((k) => [k.id as string, k.kind]));
  const { rows: cables, unmapped, unplanned } = mapCables(doc, wiring, (l) => ({
    type: l.cableTypeId === null ? null : CABLE_TYPE[cableKind.get(l.cableTypeId) ?? ''] ?? null,
    length: l.routedLengthM === null ? null : Math.round(l.routedLengthM * 100) / 100,
  }));
  const warnings: string[] = [];
  // The replayed placement must be the fabric model's own; a difference means the two drifted apart.
  const replayed = new Map(doc.racks.map((r, i) => [r.id as string, wiring.switchesByRack[i]?.length ?? 0]));
  const drift = fabric.switchRacks.filter((s) => replayed.get(s.rackId) !== s.switches);
  if (drift.length > 0) warnings.push(`The switches per rack differ from the fabric model's in ${drift.length} racks; check the devices and cables files before import`);
  if (unplanned > 0) {
    warnings.push(`${unplanned.toLocaleString('en')} auto-cabled links are not what the fabric plans now (the hall changed since auto-cable): their ends are the next free interfaces; run Auto-cable again for the planned ones`);
  }
  if (unmapped.length > 0) {
    warnings.push(`${unmapped.length.toLocaleString('en')} of ${doc.links.length.toLocaleString('en')} links are not in ${NETBOX_FILES.cables}: no device interface could take an end; `
      + `${NETBOX_UNMAPPED_FILE} lists them with the reason (first: ${String(unmapped[0]?.[0])}, ${String(unmapped[0]?.[unmapped[0].length - 1])})`);
  }

  const manufacturers = [...new Set([...used.values()].map((t) => t.manufacturer))].sort();
  const yaml = [...used.values()].map((t) => stringify(t, { lineWidth: 0 })).join('---\n');
  const files: Record<string, string> = {
    [NETBOX_FILES.manufacturers]: toCsv(NETBOX_HEADERS.manufacturers, manufacturers.map((m) => [m, slugify(m)])),
    [NETBOX_FILES.deviceRoles]: toCsv(NETBOX_HEADERS.deviceRoles, Object.values(ROLES).map(([n, col]) => [n, slugify(n), col])),
    [NETBOX_FILES.sites]: toCsv(NETBOX_HEADERS.sites, [[site, slugify(site), 'planned']]),
    [NETBOX_FILES.locations]: toCsv(NETBOX_HEADERS.locations, [[site, location, slugify(location), 'planned']]),
    [NETBOX_FILES.deviceTypes]: yaml,
    [NETBOX_FILES.racks]: toCsv(NETBOX_HEADERS.racks, racks),
    [NETBOX_FILES.devices]: toCsv(NETBOX_HEADERS.devices, devices),
    [NETBOX_FILES.powerPanels]: toCsv(NETBOX_HEADERS.powerPanels, [...panels.values()].map((n) => [site, location, n])),
    [NETBOX_FILES.powerFeeds]: toCsv(NETBOX_HEADERS.powerFeeds, feeds),
    [NETBOX_FILES.cables]: toCsv(NETBOX_HEADERS.cables, cables),
  };
  // Not an import file: written only when some link could not be mapped, so a clean export is exactly the ten files.
  if (unmapped.length > 0) files[NETBOX_UNMAPPED_FILE] = toCsv(UNMAPPED_HEADERS, unmapped);
  return {
    files,
    counts: {
      manufacturers: manufacturers.length, deviceRoles: Object.keys(ROLES).length, sites: 1, locations: 1, deviceTypes: used.size,
      racks: racks.length, devices: devices.length, powerPanels: panels.size, powerFeeds: feeds.length, cables: cables.length,
      cablesUnmapped: unmapped.length, cablesUnplanned: unplanned,
    },
    warnings,
  };
}

/** Writes the export into a folder (created if needed). NetBox CSV import wants plain UTF-8: no BOM. */
export function writeNetboxFolder(out: NetboxExport, folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(out.files)) writeFileSync(join(folder, name), text, 'utf8');
}

export { GENERIC_MANUFACTURER };
