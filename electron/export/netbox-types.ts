// Device types for NetBox, in the devicetype-library YAML schema (manufacturer, model, slug,
// part_number, u_height, is_full_depth, airflow, weight + weight_unit, power-ports, interfaces),
// derived from the catalog: one per switch type, one node type per GPU/CPU rack type, one
// system type per storage rack type. Names and choices follow NetBox's import forms.
import type { Catalog, CpuRackType, GpuRackType, StorageRackType, SwitchType } from '../../engine/model/index.js';

/** NetBox needs a manufacturer; catalog items without one are filed under this name. */
export const GENERIC_MANUFACTURER = 'Generic';

export interface NetboxPowerPort { name: string; type: string; maximum_draw: number; allocated_draw: number }
export interface NetboxInterface { name: string; type: string }
export interface NetboxDeviceType {
  manufacturer: string;
  model: string;
  slug: string;
  part_number?: string;
  u_height: number;
  is_full_depth: boolean;
  airflow: 'front-to-rear';
  weight?: number;
  weight_unit?: 'kg';
  'power-ports': NetboxPowerPort[];
  interfaces: NetboxInterface[];
  comments: string;
}

export function slugify(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'item';
}

/** NetBox InterfaceTypeChoices for a port speed (OSFP cages, as on NDR/800G switches and NICs). */
export function interfaceType(gbps: number, infiniband: boolean): string {
  if (infiniband) return gbps >= 800 ? 'infiniband-xdr' : 'infiniband-ndr';
  if (gbps >= 800) return '800gbase-x-osfp';
  if (gbps >= 400) return '400gbase-x-osfp';
  if (gbps >= 200) return '200gbase-x-qsfp56';
  if (gbps >= 100) return '100gbase-x-qsfp28';
  if (gbps >= 25) return '25gbase-x-sfp28';
  return '10gbase-x-sfpp';
}

/** Two load-sharing supplies, each able to carry the whole draw (1+1): maximum = all, allocated = half. */
function psus(watts: number, type: string): NetboxPowerPort[] {
  const w = Math.ceil(watts);
  return [1, 2].map((i) => ({ name: `PSU${i}`, type, maximum_draw: w, allocated_draw: Math.ceil(w / 2) }));
}

const ports = (n: number, prefix: string, type: string): NetboxInterface[] =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i + 1}`, type }));

const base = (item: { name: string; manufacturer: string | null; partNumber: string | null }, model: string) => ({
  manufacturer: item.manufacturer ?? GENERIC_MANUFACTURER,
  model,
  slug: slugify(`${item.manufacturer ?? GENERIC_MANUFACTURER}-${model}`),
  ...(item.partNumber !== null ? { part_number: item.partNumber } : {}),
});

/**
 * A switch type; with `breakout`, its first ports also declare lanes `p<k>/<l>` (a port split
 * for NICs slower than it, as the hall's fabric uses it), so each NIC's cable has its own interface.
 */
export function switchDeviceType(s: SwitchType, breakout?: { ports: number; lanes: number }): NetboxDeviceType {
  const ib = s.fabric === 'infiniband';
  const cages = ports(s.radix, 'p', interfaceType(s.portGbps, ib));
  const lanes = breakout && breakout.lanes > 1
    ? cages.flatMap((c, i) => [c, ...(i < breakout.ports ? ports(breakout.lanes, `${c.name}/`, interfaceType(s.portGbps / breakout.lanes, ib)) : [])])
    : cages;
  return {
    ...base(s, s.name), u_height: s.uHeight, is_full_depth: true, airflow: 'front-to-rear',
    'power-ports': psus(s.powerKw * 1000, 'iec-60320-c20'),
    interfaces: lanes,
    comments: `Factory Twin catalog ${s.id}: ${s.radix} x ${s.portGbps}G, ${s.fabric}${lanes.length > cages.length ? `; ports p1-p${breakout?.ports} split into ${breakout?.lanes} lanes` : ''}`,
  };
}

/**
 * A node (compute tray or server) of a GPU or CPU rack type. Nodes share the rack's height
 * evenly, floor(rack U / nodes) each, so a rack's nodes fill its elevation; edit the type
 * before import when the real chassis height is known.
 */
export function nodeUHeight(t: GpuRackType | CpuRackType): number {
  return Math.max(1, Math.floor(t.uHeight / t.nodes));
}

export function nodeDeviceType(t: GpuRackType | CpuRackType): NetboxDeviceType {
  const interfaces = t.kind === 'gpu'
    ? [...ports(t.nicsPerNode, 'gpu-nic', interfaceType(t.nicGbps, false)), ...ports(t.storageNicsPerNode, 'storage-nic', interfaceType(t.storageNicGbps, false))]
    : ports(t.storageNicsPerNode, 'storage-nic', interfaceType(t.storageNicGbps, false));
  return {
    ...base(t, `${t.name} node`), u_height: nodeUHeight(t), is_full_depth: true, airflow: 'front-to-rear',
    weight: Math.round((t.weightKg / t.nodes) * 10) / 10, weight_unit: 'kg',
    'power-ports': psus((t.designPowerKw * 1000) / t.nodes, 'iec-60320-c20'),
    interfaces,
    comments: `Factory Twin catalog ${t.id}: one of ${t.nodes} nodes${t.kind === 'gpu' ? ` with ${t.gpusPerNode} x ${t.gpu.model}` : ''}`,
  };
}

/** A storage rack is one system filling the rack. */
export function storageDeviceType(t: StorageRackType): NetboxDeviceType {
  return {
    ...base(t, `${t.name} system`), u_height: t.uHeight, is_full_depth: true, airflow: 'front-to-rear',
    weight: t.weightKg, weight_unit: 'kg',
    'power-ports': psus(t.designPowerKw * 1000, 'iec-60309-3p-n-e-6h'),
    interfaces: ports(t.networkPorts, 'p', interfaceType(t.portGbps, false)),
    comments: `Factory Twin catalog ${t.id}: ${t.capacityTb} TB`,
  };
}

/** Device types of the catalog by catalog id (switch types, with the breakouts the hall needs, and rack types with devices). */
export function deviceTypes(c: Catalog, breakouts: ReadonlyMap<string, { ports: number; lanes: number }> = new Map()): Map<string, NetboxDeviceType> {
  const out = new Map<string, NetboxDeviceType>();
  for (const s of c.switchTypes) out.set(s.id, switchDeviceType(s, breakouts.get(s.id)));
  for (const t of c.rackTypes) {
    if (t.kind === 'gpu' || t.kind === 'cpu') out.set(t.id, nodeDeviceType(t));
    else if (t.kind === 'storage') out.set(t.id, storageDeviceType(t));
  }
  return out;
}
