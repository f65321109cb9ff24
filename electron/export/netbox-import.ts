// Import of NetBox devicetype-library YAML into catalog entries. A device type of at most
// SWITCH_MAX_U with at least SWITCH_MIN_PORTS ports of 100G or more is a switch (radix = those
// ports; a storage array has many fast ports too, but fills far more units); anything else
// becomes a 'cpu' rack type (a rack-mountable system: envelope, U, weight, power). Fields the
// library does not carry get named defaults, listed in the item's notes so the user can check
// them. Every bad field is reported with the file and the field's path.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { Catalog, formatPath, type CpuRackType, type SwitchType } from '../../engine/model/index.js';

export const SWITCH_MIN_PORTS = 16;
export const SWITCH_MAX_U = 4;
/** A rack unit is 1.75 in (EIA-310). */
const U_M = 0.04445;
/** Envelope of a 19-inch rack-mounted system: 600 mm wide, 1200 mm deep when full depth (rule of thumb). */
const WIDTH_M = 0.6;
/** Air temperature rise across servers at full load (rule of thumb, 10-15 K). */
const DEFAULT_AIR_DT_K = 12;
/** Port-to-port latency defaults (DOMAIN.md: InfiniBand ~100-130 ns, Ethernet 0.5-1 us). */
const HOP_NS = { infiniband: 130, ethernet: 600 } as const;
const KG_PER = { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125 } as const;

const PowerPort = z.object({
  name: z.string().min(1),
  type: z.string().optional(),
  maximum_draw: z.number().int().positive().optional(),
  allocated_draw: z.number().int().positive().optional(),
}).loose();
const Interface = z.object({ name: z.string().min(1), type: z.string().min(1), mgmt_only: z.boolean().optional() }).loose();

/** The devicetype-library schema, the fields we use (others are allowed and ignored). */
export const LibraryDeviceType = z.object({
  manufacturer: z.string().min(1),
  model: z.string().min(1),
  slug: z.string().regex(/^[-a-z0-9_]+$/, 'a slug is lower-case letters, digits, - and _'),
  part_number: z.string().optional(),
  u_height: z.number().min(0).max(60).optional().default(1),
  is_full_depth: z.boolean().optional().default(true),
  airflow: z.string().optional(),
  weight: z.number().nonnegative().optional(),
  weight_unit: z.enum(['kg', 'g', 'lb', 'oz']).optional(),
  'power-ports': z.array(PowerPort).optional().default([]),
  interfaces: z.array(Interface).optional().default([]),
  comments: z.string().optional(),
}).loose();
export type LibraryDeviceType = z.infer<typeof LibraryDeviceType>;

export class DeviceTypeImportError extends Error {
  override readonly name = 'DeviceTypeImportError';
  constructor(readonly file: string, readonly field: string, message: string) {
    super(`${file}: ${field === '' ? '' : `field ${field}: `}${message}`);
  }
}

/** Speed of a NetBox interface type: 400gbase-x-osfp -> 400, infiniband-ndr -> 400 (4x NDR). */
export function interfaceGbps(type: string): number {
  const eth = /^(\d+)gbase/.exec(type);
  if (eth) return Number(eth[1]);
  const ib: Record<string, number> = { 'infiniband-hdr': 200, 'infiniband-ndr': 400, 'infiniband-xdr': 800, 'infiniband-edr': 100 };
  return ib[type] ?? 0;
}

/**
 * Draw in watts: the allocated draws summed when given (what the supplies share in operation);
 * else half the summed maximum draws, since redundant supplies come in N+N (a pair of 1+1
 * supplies each rated for the whole load gives that load).
 */
export function drawW(ports: LibraryDeviceType['power-ports']): number {
  const allocated = ports.filter((p) => p.allocated_draw !== undefined);
  if (allocated.length > 0) return allocated.reduce((s, p) => s + (p.allocated_draw ?? 0), 0);
  const max = ports.map((p) => p.maximum_draw ?? 0);
  return max.length >= 2 ? max.reduce((s, v) => s + v, 0) / 2 : (max[0] ?? 0);
}

export type ImportedItem = { section: 'switchTypes'; item: SwitchType } | { section: 'rackTypes'; item: CpuRackType };

export function fromLibrary(d: LibraryDeviceType, file: string): ImportedItem {
  const kg = d.weight === undefined ? 0 : d.weight * KG_PER[d.weight_unit ?? 'kg'];
  const uHeight = Math.max(1, Math.ceil(d.u_height));
  const fast = d.interfaces.filter((i) => !i.mgmt_only && interfaceGbps(i.type) >= 100);
  const common = { id: d.slug, name: d.model, manufacturer: d.manufacturer, partNumber: d.part_number ?? null, unitPrice: 0 };
  const source = `Imported from NetBox devicetype-library ${file}`;
  if (fast.length >= SWITCH_MIN_PORTS && uHeight <= SWITCH_MAX_U) {
    const gbps = Math.max(...fast.map((i) => interfaceGbps(i.type)));
    const fabric = fast.some((i) => i.type.startsWith('infiniband')) ? 'infiniband' : 'ethernet';
    const raw = { ...common, radix: fast.filter((i) => interfaceGbps(i.type) === gbps).length, portGbps: gbps, uHeight, powerKw: drawW(d['power-ports']) / 1000,
      hopLatencyNs: HOP_NS[fabric], fabric, notes: `${source}; defaults: unitPrice 0, hopLatencyNs ${HOP_NS[fabric]}` };
    return { section: 'switchTypes', item: Catalog.shape.switchTypes.element.parse(raw) };
  }
  const nics = d.interfaces.filter((i) => !i.mgmt_only && interfaceGbps(i.type) > 0);
  const raw = {
    ...common, kind: 'cpu', widthM: WIDTH_M, depthM: d.is_full_depth ? 1.2 : 0.6, heightM: uHeight * U_M, weightKg: kg, uHeight,
    designPowerKw: drawW(d['power-ports']) / 1000, liquidFraction: 0, airDeltaTK: DEFAULT_AIR_DT_K,
    nodes: 1, coresPerNode: 1, storageNicsPerNode: Math.min(8, nics.length), storageNicGbps: Math.max(0, ...nics.map((i) => interfaceGbps(i.type))),
    notes: `${source}; defaults: unitPrice 0, width ${WIDTH_M} m, airDeltaTK ${DEFAULT_AIR_DT_K}, liquidFraction 0, coresPerNode 1`,
  };
  return { section: 'rackTypes', item: Catalog.shape.rackTypes.element.parse(raw) as CpuRackType };
}

/** Parses one YAML file (one or more documents) into catalog items; throws naming file and field. */
export function parseDeviceTypeYaml(text: string, file: string): ImportedItem[] {
  const docs = parseAllDocuments(text, { prettyErrors: true });
  const out: ImportedItem[] = [];
  if (!Array.isArray(docs)) throw new DeviceTypeImportError(file, '', 'is empty or not YAML');
  docs.forEach((doc, n) => {
    const err = doc.errors[0];
    if (err) throw new DeviceTypeImportError(file, '', `invalid YAML at line ${err.linePos?.[0]?.line ?? '?'}: ${err.message.split('\n')[0] ?? ''}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    const parsed = LibraryDeviceType.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = docs.length > 1 ? `document ${n + 1}, ` : '';
      throw new DeviceTypeImportError(file, `${where}${formatPath(issue?.path ?? [])}`, issue?.message ?? 'invalid');
    }
    try {
      out.push(fromLibrary(parsed.data, file));
    } catch (error) {
      // A value the library allows but the catalog does not (a 100-port NIC list, a 0 W draw).
      if (!(error instanceof z.ZodError)) throw error;
      const issue = error.issues[0];
      throw new DeviceTypeImportError(file, `${docs.length > 1 ? `document ${n + 1}, ` : ''}catalog ${formatPath(issue?.path ?? [])}`, issue?.message ?? 'invalid');
    }
  });
  if (out.length === 0) throw new DeviceTypeImportError(file, '', 'holds no device type');
  return out;
}

export function readDeviceTypeFile(path: string): ImportedItem[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DeviceTypeImportError(path, '', `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return parseDeviceTypeYaml(text, path);
}

/** A new catalog with the imported items added; an id already present is replaced (re-import). */
export function addToCatalog(catalog: Catalog, items: readonly ImportedItem[]): Catalog {
  const next = structuredClone(catalog);
  for (const { section, item } of items) {
    const list = next[section] as { id: string }[];
    const at = list.findIndex((x) => x.id === item.id);
    if (at >= 0) list[at] = item;
    else list.push(item);
  }
  return Catalog.parse(next);
}
