// From the racks on the floor to the leaves of each network, counted from first principles.
//
// Compute (scale-out) fabric, rail-optimised after NVIDIA's DGX SuperPOD reference
// architectures: GPU racks are taken in document order and grouped, whole racks at a time,
// into scalable units (SU) of `nodesPerScalableUnit` nodes. NIC r of every node is on rail r;
// each SU has its own leaves for each rail, ceil(nodes on the rail / NICs a leaf takes) of
// them, with the rail's nodes spread evenly over them. A leaf of radix R splits its ports into
// down and up by the oversubscription o: up = ceil(R / (1 + o)), down = R - up (o = 1: 32/32).
// A NIC slower than a switch port shares it through a breakout (floor(port / NIC) NICs a
// port); a faster one takes ceil(NIC / port) ports.
//
// Storage / front-end network: every storage NIC of GPU and CPU nodes and every port of the
// storage racks, packed in rack order onto leaves of the storage switch type, same port split.
import type { ProjectDocument, RackType, SwitchType } from '../model/index.js';

/** Switch ports one NIC occupies: a fraction under a breakout, several when the NIC is faster. */
export function portsPerNic(nicGbps: number, portGbps: number): number {
  if (nicGbps <= 0) return 0;
  return nicGbps >= portGbps ? Math.ceil(nicGbps / portGbps) : 1 / Math.floor(portGbps / nicGbps);
}

/** Leaf port split for a target downlink:uplink ratio o (DOMAIN.md: oversubscription). */
export function leafPorts(radix: number, oversubscription: number): { down: number; up: number } {
  const up = Math.ceil(radix / (1 + oversubscription));
  return { down: radix - up, up };
}

/** NIC cables between one rack and one leaf, aggregated. */
export interface NicRun { rack: number; leaf: number; count: number; gbps: number }

export interface Leaf {
  /** Scalable unit and rail (rail -1 for the storage network). */
  su: number;
  rail: number;
  nics: number;
  downPorts: number;
  downGbps: number;
  /** NICs on this leaf whose node lies in the first half of the hall (for the bisection cut). */
  nicsInFirstHalf: number;
}

export interface NetworkPlan {
  switchType: SwitchType;
  leafDown: number;
  leafUp: number;
  leaves: Leaf[];
  runs: NicRun[];
  /** Endpoints (NICs or ports) and their summed speed. */
  endpoints: number;
  endpointGbps: number;
}

export interface ComputePlan extends NetworkPlan {
  /** Racks (indices into doc.racks) of each scalable unit. */
  sus: number[][];
  rails: number;
  nodes: number;
  gpus: number;
  /** GPUs sharing one NIC (gpusPerNode / nicsPerNode), for turning traffic per GPU into traffic per NIC. */
  gpusPerNic: number;
}

function pushRun(runs: NicRun[], rack: number, leaf: number, gbps: number): void {
  const last = runs[runs.length - 1];
  if (last && last.rack === rack && last.leaf === leaf && last.gbps === gbps) last.count += 1;
  else runs.push({ rack, leaf, count: 1, gbps });
}

export function planCompute(doc: ProjectDocument, types: Map<string, RackType>, sw: SwitchType): ComputePlan {
  const { down, up } = leafPorts(sw.radix, doc.fabric.oversubscription);
  const perSu = doc.fabric.nodesPerScalableUnit;
  const sus: number[][] = [];
  let current: number[] = [];
  let currentNodes = 0;
  let nodes = 0;
  let gpus = 0;
  let nics = 0;
  doc.racks.forEach((rack, i) => {
    const t = types.get(rack.typeId);
    if (t?.kind !== 'gpu' || t.nicsPerNode === 0) return;
    // Whole racks make an SU: a rack's nodes share its power shelves and NVLink domain.
    if (current.length > 0 && currentNodes + t.nodes > perSu) {
      sus.push(current);
      current = [];
      currentNodes = 0;
    }
    current.push(i);
    currentNodes += t.nodes;
    nodes += t.nodes;
    gpus += t.nodes * t.gpusPerNode;
    nics += t.nodes * t.nicsPerNode;
  });
  if (current.length > 0) sus.push(current);

  const gpuType = (rack: number) => types.get((doc.racks[rack] as ProjectDocument['racks'][number]).typeId) as Extract<RackType, { kind: 'gpu' }>;
  const leaves: Leaf[] = [];
  const runs: NicRun[] = [];
  let rails = 0;
  let endpointGbps = 0;
  let nodeBase = 0;
  for (let s = 0; s < sus.length; s++) {
    const racks = sus[s] as number[];
    const suRails = Math.max(...racks.map((r) => gpuType(r).nicsPerNode));
    rails = Math.max(rails, suRails);
    const nicGbps = Math.max(...racks.map((r) => gpuType(r).nicGbps));
    const perPort = portsPerNic(nicGbps, sw.portGbps);
    const nicsPerLeaf = Math.max(1, Math.floor(down / perPort + 1e-9));
    for (let rail = 0; rail < suRails; rail++) {
      const onRail = racks.reduce((n, r) => n + (gpuType(r).nicsPerNode > rail ? gpuType(r).nodes : 0), 0);
      const count = Math.ceil(onRail / nicsPerLeaf);
      const first = leaves.length;
      for (let j = 0; j < count; j++) leaves.push({ su: s, rail, nics: 0, downPorts: 0, downGbps: 0, nicsInFirstHalf: 0 });
      let k = 0;
      let node = nodeBase;
      for (const r of racks) {
        const t = gpuType(r);
        for (let n = 0; n < t.nodes; n++, node++) {
          if (t.nicsPerNode <= rail) continue;
          // Spread the rail's nodes evenly over its leaves.
          const leafIndex = first + Math.floor((k * count) / onRail);
          const leaf = leaves[leafIndex] as Leaf;
          leaf.nics += 1;
          leaf.downGbps += t.nicGbps;
          if (node < nodes / 2) leaf.nicsInFirstHalf += 1;
          pushRun(runs, r, leafIndex, t.nicGbps);
          endpointGbps += t.nicGbps;
          k += 1;
        }
      }
      for (let j = first; j < leaves.length; j++) {
        const leaf = leaves[j] as Leaf;
        leaf.downPorts = Math.ceil(leaf.nics * perPort - 1e-9);
      }
    }
    nodeBase += racks.reduce((n, r) => n + gpuType(r).nodes, 0);
  }
  return {
    switchType: sw, leafDown: down, leafUp: up, leaves, runs, endpoints: nics, endpointGbps,
    sus, rails, nodes, gpus, gpusPerNic: nics > 0 ? gpus / nics : 0,
  };
}

/** Storage-network endpoints of one rack: NIC count and speed. */
export function storageEndpoints(t: RackType): { count: number; gbps: number } {
  switch (t.kind) {
    case 'gpu': return { count: t.nodes * t.storageNicsPerNode, gbps: t.storageNicGbps };
    case 'cpu': return { count: t.nodes * t.storageNicsPerNode, gbps: t.storageNicGbps };
    case 'storage': return { count: t.networkPorts, gbps: t.portGbps };
    case 'network': return { count: 0, gbps: 0 };
  }
}

export function planStorage(doc: ProjectDocument, types: Map<string, RackType>, sw: SwitchType): NetworkPlan {
  const { down, up } = leafPorts(sw.radix, doc.fabric.oversubscription);
  const leaves: Leaf[] = [];
  const runs: NicRun[] = [];
  let endpoints = 0;
  let endpointGbps = 0;
  let free = 0; // ports left on the current leaf
  const newLeaf = () => {
    leaves.push({ su: -1, rail: -1, nics: 0, downPorts: 0, downGbps: 0, nicsInFirstHalf: 0 });
    free = down;
  };
  doc.racks.forEach((rack, i) => {
    const t = types.get(rack.typeId);
    if (!t) return;
    const { count, gbps } = storageEndpoints(t);
    if (count === 0 || gbps <= 0) return;
    const per = portsPerNic(gbps, sw.portGbps);
    let left = count;
    while (left > 0) {
      if (leaves.length === 0 || free < per - 1e-9) newLeaf();
      const n = Math.min(left, Math.floor(free / per + 1e-9));
      const leafIndex = leaves.length - 1;
      const leaf = leaves[leafIndex] as Leaf;
      leaf.nics += n;
      leaf.downGbps += n * gbps;
      leaf.downPorts += n * per;
      free -= n * per;
      runs.push({ rack: i, leaf: leafIndex, count: n, gbps });
      left -= n;
    }
    endpoints += count;
    endpointGbps += count * gbps;
  });
  for (const leaf of leaves) leaf.downPorts = Math.ceil(leaf.downPorts - 1e-9);
  return { switchType: sw, leafDown: down, leafUp: up, leaves, runs, endpoints, endpointGbps };
}
