// The fabric at device level for NetBox: which switch of which network rack is which leaf or
// spine, and which node NIC / switch port each booked cable ends on. NetBox terminates cables on
// device interfaces, while the fabric model (and auto-cable's links) only know rack pairs, so the
// export takes the fabric's own planning and placement (placeNetworks, the first step of
// computeFabric) and names the ends:
// - NIC r of node n of a GPU rack is on rail r (plan.ts): `<rack>-n<n>` interface `gpu-nic<r>`;
//   storage NICs in node order (`storage-nic<k>`), a storage system's ports `p<k>`;
// - a leaf's downlinks are its first ports, p1.. upwards, its uplinks the last `up` ports
//   (leafPorts); a switch above the leaves takes its downlinks from p1 as well;
// - a NIC slower than the port shares it through a breakout: lanes `p<k>/<l>` (the type declares
//   them); a faster NIC takes ceil(NIC / port) ports, the cable ends on the first;
// - a lower switch spreads its uplinks round-robin over the switches of the block above, the even
//   spread clos.ts sizes the blocks for, so the cables per rack pair equal the fabric's.
import type { ProjectDocument, RackType } from '../../engine/model/index.js';
import { tierName } from '../../engine/fabric/clos.js';
import { placeNetworks } from '../../engine/fabric/compute.js';
import type { WiredNetwork } from '../../engine/fabric/network.js';
import { portsPerNic } from '../../engine/fabric/plan.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** Device names of 07-devices.csv. */
export const nodeName = (rack: string, n: number) => `${rack}-n${pad(n)}`;
export const switchName = (rack: string, k: number) => `${rack}-sw${pad(k)}`;
export const storageName = (rack: string) => `${rack}-storage`;

export interface End { device: string; iface: string; /** Breakout lane: the cage port it occupies. */ cage?: string }
export interface Wire { a: End; b: End }

/** Lanes the switch type needs on its first `ports` ports (from the hall's NICs slower than a port). */
export interface Breakout { ports: number; lanes: number }

export interface FabricWiring {
  /** Switch type of each switch placed in each rack (index = rack index), in placement order: sw01, sw02... */
  switchesByRack: string[][];
  breakouts: Map<string, Breakout>;
  /** Device-level wires by `wireKey(class, rack id a, rack id b)`, as auto-cable names its links. */
  wires: Map<string, Wire[]>;
  computeSwitchTypeId: string | null;
  storageSwitchTypeId: string | null;
}

export const wireKey = (cls: string, a: string, b: string) => `${cls}\u0000${a}\u0000${b}`;

/** A placed switch and its port cursors. */
interface Sw {
  name: string | null;
  rack: number;
  typeId: string;
  radix: number;
  nextDown: number;
  /** First uplink port (radix + 1 when it has none). */
  upFirst: number;
  nextUp: number;
  lane: { port: number; used: number; lanes: number } | null;
}

/**
 * Replays the fabric's placement; with `withWires` also names both ends of every cable (skipped
 * when the document holds no generated links: the gigawatt hall would make ~1.3 M wires for nothing).
 */
export function wireFabric(doc: ProjectDocument, withWires: boolean): FabricWiring {
  const { types, compute, storage } = placeNetworks(doc);
  const known = (id: string) => (doc.catalog.switchTypes.some((t) => t.id === id) ? id : null);

  const out: FabricWiring = {
    switchesByRack: doc.racks.map(() => []), breakouts: new Map(), wires: new Map(),
    computeSwitchTypeId: known(doc.fabric.computeSwitchTypeId), storageSwitchTypeId: known(doc.fabric.storageSwitchTypeId),
  };
  const nets = [[compute, ''], [storage, 'storage-']] as const;
  // Switches by network, tier and block, named in placement order within each rack.
  const placed = nets.map(([net]) => (net ? nameSwitches(doc, net, out.switchesByRack) : null));
  for (const [net] of nets) {
    const port = net?.plan.switchType.portGbps ?? 0;
    // Lanes on every downlink port, as many as the slowest NIC splits a port into.
    const lanes = net ? net.plan.runs.reduce((m, r) => (r.gbps > 0 && r.gbps < port ? Math.max(m, Math.floor(port / r.gbps)) : m), 1) : 1;
    if (!net || lanes < 2) continue;
    const id = net.plan.switchType.id;
    const b = out.breakouts.get(id) ?? { ports: 0, lanes: 0 };
    out.breakouts.set(id, { ports: Math.max(b.ports, net.plan.leafDown), lanes: Math.max(b.lanes, lanes) });
  }
  if (!withWires) return out;
  nets.forEach(([net, prefix], i) => {
    const tiers = placed[i];
    if (net && tiers) wireNics(doc, types, net, tiers, prefix, out);
    if (net && tiers) wireUplinks(doc, net, tiers, prefix, out);
  });
  return out;
}

function nameSwitches(doc: ProjectDocument, net: WiredNetwork, byRack: string[][]): Sw[][][] {
  const s = net.plan.switchType;
  return net.spreads.map((tier, t) => tier.map((spread, bi) => {
    const up = t === 0 ? net.plan.leafUp : (net.clos.tiers[t]?.blocks[bi]?.upPerSwitch ?? 0);
    const list: Sw[] = [];
    for (const [site, n] of spread) {
      const rack = doc.racks[site];
      for (let k = 0; k < n; k++) {
        // A switch at a virtual site (no network rack at all) is no device: its cables stay unwired.
        let name: string | null = null;
        if (rack) {
          const inRack = byRack[site] as string[];
          inRack.push(s.id);
          name = switchName(rack.name, inRack.length);
        }
        list.push({ name, rack: rack ? site : -1, typeId: s.id, radix: s.radix, nextDown: 1, upFirst: s.radix - up + 1, nextUp: s.radix - up + 1, lane: null });
      }
    }
    return list;
  }));
}

function push(out: FabricWiring, cls: string, a: string, b: string, wire: Wire): void {
  const key = wireKey(cls, a, b);
  const list = out.wires.get(key);
  if (list) list.push(wire);
  else out.wires.set(key, [wire]);
}

/** The next downlink interface of a switch for a NIC of `perPort` ports, or null when its downlinks are used up. */
function downPort(sw: Sw, perPort: number): End | null {
  if (sw.name === null) return null;
  if (perPort < 1) {
    const lanes = Math.round(1 / perPort);
    if (!sw.lane || sw.lane.lanes !== lanes || sw.lane.used >= lanes) {
      if (sw.nextDown >= sw.upFirst) return null;
      sw.lane = { port: sw.nextDown++, used: 0, lanes };
    }
    sw.lane.used += 1;
    return { device: sw.name, iface: `p${sw.lane.port}/${sw.lane.used}`, cage: `p${sw.lane.port}` };
  }
  const need = Math.ceil(perPort - 1e-9);
  if (sw.nextDown + need - 1 >= sw.upFirst) return null;
  const port = sw.nextDown;
  sw.nextDown += need;
  return { device: sw.name, iface: `p${port}` };
}

function wireNics(doc: ProjectDocument, types: Map<string, RackType>, net: WiredNetwork, tiers: Sw[][][], prefix: string, out: FabricWiring): void {
  const cls = `${prefix}nic-leaf`;
  const leaves = tiers[0] ?? [];
  // Next node per (rack, rail) for the compute network; next NIC per rack for the storage network.
  const cursor = new Map<number, number>();
  for (const run of net.plan.runs) {
    const rack = doc.racks[run.rack];
    const t = rack ? types.get(rack.typeId) : undefined;
    const sw = leaves[run.leaf]?.[0];
    if (!rack || !t || !sw || sw.rack < 0) continue;
    const leafRack = doc.racks[sw.rack]?.id as string;
    const rail = net.plan.leaves[run.leaf]?.rail ?? -1;
    const perPort = portsPerNic(run.gbps, net.plan.switchType.portGbps);
    for (let c = 0; c < run.count; c++) {
      const key = rail >= 0 ? run.rack * 4096 + rail : run.rack * 4096 + 4095;
      const k = cursor.get(key) ?? 0;
      cursor.set(key, k + 1);
      let nic: End;
      if (rail >= 0) nic = { device: nodeName(rack.name, k + 1), iface: `gpu-nic${rail + 1}` };
      else if (t.kind === 'storage') nic = { device: storageName(rack.name), iface: `p${k + 1}` };
      else if (t.kind === 'gpu' || t.kind === 'cpu') {
        const per = Math.max(1, t.storageNicsPerNode);
        nic = { device: nodeName(rack.name, Math.floor(k / per) + 1), iface: `storage-nic${(k % per) + 1}` };
      } else continue;
      const port = downPort(sw, perPort);
      if (port) push(out, cls, rack.id, leafRack, { a: nic, b: port });
    }
  }
}

function wireUplinks(doc: ProjectDocument, net: WiredNetwork, tiers: Sw[][][], prefix: string, out: FabricWiring): void {
  for (let t = 1; t < net.clos.tiers.length; t++) {
    const cls = `${prefix}${tierName(t - 1)}-${tierName(t)}`;
    const lowerBlocks = net.clos.tiers[t - 1]?.blocks ?? [];
    (net.clos.tiers[t]?.blocks ?? []).forEach((block, bi) => {
      const upper = tiers[t]?.[bi] ?? [];
      if (upper.length === 0) return;
      // Round-robin from a running index: with more switches above than uplinks a switch has,
      // consecutive lower switches start on different upper ones.
      let g = 0;
      for (let l = block.lowerFirst; l < block.lowerFirst + block.lowerCount; l++) {
        const up = lowerBlocks[l]?.upPerSwitch ?? 0;
        for (const lower of tiers[t - 1]?.[l] ?? []) {
          for (let j = 0; j < up; j++) {
            const target = upper[(g * up + j) % upper.length] as Sw;
            if (lower.name === null || target.name === null || lower.nextUp > lower.radix) continue;
            const down = downPort(target, 1);
            if (!down) continue;
            const a = { device: lower.name, iface: `p${lower.nextUp++}` };
            push(out, cls, doc.racks[lower.rack]?.id as string, doc.racks[target.rack]?.id as string, { a, b: down });
          }
          g++;
        }
      }
    });
  }
}
