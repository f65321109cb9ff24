// The document's links as NetBox cables between device interfaces. Links auto-cable made take the
// wire the fabric model planned for their class and rack pair (netbox-wiring.ts); the user's own
// links, and generated ones the current fabric no longer plans (the document changed since
// auto-cable), take the next free interface of a fitting device in each end's rack: the same
// interface name if the drawn port names one, else the first free one in device order. A link with
// an end that no device interface can take (not a rack, a rack without devices, a purpose no
// device type declares interfaces for, every fitting interface taken) is listed with its reason in
// 10-cables-unmapped.csv and reported to the caller, never dropped.
import { isGeneratedLink, purposeOf } from '../../engine/fabric/autocable.js';
import type { Link, ProjectDocument } from '../../engine/model/index.js';
import type { CsvValue } from './csv.js';
import { nodeName, storageName, switchName, wireKey, type End, type FabricWiring } from './netbox-wiring.js';

export const UNMAPPED_HEADERS = ['label', 'purpose', 'side_a_object', 'side_a_port', 'side_b_object', 'side_b_port', 'type', 'length', 'length_unit', 'reason'] as const;

/** Networks interfaces belong to; drawn links of other purposes (management, scale-up) have none. */
type Net = 'compute' | 'storage';
const NET_OF: Partial<Record<Link['purpose'], Net>> = { compute: 'compute', storage: 'storage', frontend: 'storage' };

interface Candidate { device: string; iface: string; net: Net }

export interface MappedCables {
  rows: CsvValue[][];
  unmapped: CsvValue[][];
  /** Generated links the current fabric plans no wire for (the document changed since auto-cable). */
  unplanned: number;
}

/** Writes one link's cable columns once its ends are known. */
export type CableColumns = (l: Link) => { type: string | null; length: number | null };

export function mapCables(doc: ProjectDocument, wiring: FabricWiring, columns: CableColumns): MappedCables {
  const names = new Map<string, string>();
  for (const list of [doc.racks, doc.cooling, doc.power]) for (const o of list) names.set(o.id, o.name);
  const rackIndex = new Map<string, number>(doc.racks.map((r, i) => [r.id as string, i]));
  const types = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  const used = new Set<string>();
  const key = (device: string, iface: string) => `${device}\u0000${iface}`;
  const take = (e: End) => {
    used.add(key(e.device, e.iface));
    if (e.cage !== undefined) used.add(key(e.device, e.cage));
  };

  // Interfaces a drawn link may take, per rack, built when first asked (the gigawatt hall has 155 k devices).
  const pools = new Map<number, Candidate[]>();
  const pool = (i: number): Candidate[] => {
    const known = pools.get(i);
    if (known) return known;
    const rack = doc.racks[i];
    const t = rack ? types.get(rack.typeId) : undefined;
    const list: Candidate[] = [];
    if (rack && t) {
      const nics = (device: string, prefix: string, n: number, net: Net) => {
        for (let k = 1; k <= n; k++) list.push({ device, iface: `${prefix}${k}`, net });
      };
      if (t.kind === 'gpu' || t.kind === 'cpu') {
        for (let n = 1; n <= t.nodes; n++) {
          const device = nodeName(rack.name, n);
          if (t.kind === 'gpu') nics(device, 'gpu-nic', t.nicsPerNode, 'compute');
          nics(device, 'storage-nic', t.storageNicsPerNode, 'storage');
        }
      } else if (t.kind === 'storage') nics(storageName(rack.name), 'p', t.networkPorts, 'storage');
      else {
        (wiring.switchesByRack[i] ?? []).forEach((typeId, k) => {
          const radix = doc.catalog.switchTypes.find((s) => s.id === typeId)?.radix ?? 0;
          // A switch type serving both networks takes links of either.
          if (typeId === wiring.computeSwitchTypeId) nics(switchName(rack.name, k + 1), 'p', radix, 'compute');
          if (typeId === wiring.storageSwitchTypeId) nics(switchName(rack.name, k + 1), 'p', radix, 'storage');
        });
      }
    }
    pools.set(i, list);
    return list;
  };

  /** A free interface for one end, or why there is none. */
  const pick = (objectId: string, port: string, net: Net | undefined, purpose: string): End | string => {
    const name = names.get(objectId) ?? objectId;
    const i = rackIndex.get(objectId);
    if (i === undefined) return names.has(objectId) ? `${name} is not a rack; NetBox cables here end on device interfaces` : `${objectId} is not in the document`;
    const all = pool(i);
    if (all.length === 0) return `rack ${name} holds no device with interfaces in 07-devices.csv`;
    if (net === undefined) return `no ${purpose} interfaces: the device types declare compute and storage network interfaces only`;
    const fitting = all.filter((c) => c.net === net);
    if (fitting.length === 0) return `no device in rack ${name} has ${net} network interfaces`;
    const free = (c: Candidate) => !used.has(key(c.device, c.iface));
    const found = fitting.find((c) => c.iface === port && free(c)) ?? fitting.find(free);
    return found ? { device: found.device, iface: found.iface } : `every ${net} network interface of the devices in rack ${name} is taken`;
  };

  // Generated links first, so a drawn link never takes a port the fabric planned.
  const ends = new Map<Link, [End, End] | string>();
  for (const l of doc.links) {
    if (!isGeneratedLink(l)) continue;
    const wire = wiring.wires.get(wireKey(String(l.tags['class'] ?? ''), l.a.objectId, l.b.objectId))?.shift();
    if (!wire) continue;
    take(wire.a);
    take(wire.b);
    ends.set(l, [wire.a, wire.b]);
  }
  let unplanned = 0;
  for (const l of doc.links) {
    if (ends.has(l)) continue;
    if (isGeneratedLink(l)) unplanned++;
    const net = isGeneratedLink(l) ? purposeOf(String(l.tags['class'] ?? '')) as Net : NET_OF[l.purpose];
    const a = pick(l.a.objectId, l.a.port, net, l.purpose);
    if (typeof a === 'string') {
      ends.set(l, `side A: ${a}`);
      continue;
    }
    take(a);
    const b = pick(l.b.objectId, l.b.port, net, l.purpose);
    if (typeof b === 'string') {
      // Give side A's interface back: the link is not exported.
      used.delete(key(a.device, a.iface));
      ends.set(l, `side B: ${b}`);
      continue;
    }
    take(b);
    ends.set(l, [a, b]);
  }

  const rows: CsvValue[][] = [];
  const unmapped: CsvValue[][] = [];
  for (const l of doc.links) {
    const e = ends.get(l) as [End, End] | string;
    const { type, length } = columns(l);
    if (typeof e === 'string') {
      unmapped.push([l.id, l.purpose, names.get(l.a.objectId) ?? l.a.objectId, l.a.port, names.get(l.b.objectId) ?? l.b.objectId, l.b.port,
        type, length, length === null ? null : 'm', e]);
    } else {
      rows.push([e[0].device, 'dcim.interface', e[0].iface, e[1].device, 'dcim.interface', e[1].iface, type, 'planned', length, length === null ? null : 'm', l.id]);
    }
  }
  return { rows, unmapped, unplanned };
}
