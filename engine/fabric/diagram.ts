// Topology diagram as plain data in the shape elkjs lays out (ElkNode: id, width, height,
// children, edges with sources/targets). Aggregated so a gigawatt hall stays readable: a node
// is a group of racks or a group of switch blocks, never a port; at most MAX_GROUPS nodes a
// tier, edges carry link multiplicity and Gbit/s. objectIds name the document racks a node
// stands for, so selecting a node in the UI selects them on the floor.
import type { ProjectDocument, RackType } from '../model/index.js';
import { tierName } from './clos.js';
import type { ComputePlan } from './plan.js';
import type { Spread } from './placement.js';
import type { WiredNetwork } from './network.js';

/** Nodes a tier may show before its blocks are merged; keeps layout fast and legible. */
const MAX_GROUPS = 32;
const NODE_W = 180;
const NODE_H = 44;

export interface DiagramNode {
  id: string;
  labels: { text: string }[];
  width: number;
  height: number;
  kind: 'gpu-racks' | 'cpu-racks' | 'storage-racks' | 'switches';
  network: 'compute' | 'storage';
  /** Tier name for switch groups (leaf, spine, core, ...). */
  tier: string | null;
  /** Racks or switches the node stands for. */
  count: number;
  objectIds: string[];
}

export interface DiagramEdge { id: string; sources: [string]; targets: [string]; links: number; gbps: number }

export interface FabricDiagram {
  id: 'fabric';
  layoutOptions: Record<string, string>;
  children: DiagramNode[];
  edges: DiagramEdge[];
}

class Builder {
  nodes = new Map<string, DiagramNode>();
  edges = new Map<string, DiagramEdge>();

  node(id: string, kind: DiagramNode['kind'], network: DiagramNode['network'], tier: string | null, text: string): DiagramNode {
    let n = this.nodes.get(id);
    if (!n) {
      n = { id, labels: [{ text }], width: NODE_W, height: NODE_H, kind, network, tier, count: 0, objectIds: [] };
      this.nodes.set(id, n);
    }
    return n;
  }

  edge(from: string, to: string, links: number, gbps: number): void {
    const id = `${from}->${to}`;
    const e = this.edges.get(id);
    if (e) {
      e.links += links;
      e.gbps += links * gbps;
    } else {
      this.edges.set(id, { id, sources: [from], targets: [to], links, gbps: links * gbps });
    }
  }
}

const chunkOf = (index: number, total: number) => Math.floor(index / Math.ceil(total / MAX_GROUPS));

function addSwitchTiers(b: Builder, net: WiredNetwork, network: DiagramNode['network'], leafGroup: (leaf: number) => number): void {
  const prefix = network === 'compute' ? '' : 'storage-';
  const groupOf = switchGroup(net, leafGroup);
  net.clos.tiers.forEach((tier, t) => {
    tier.blocks.forEach((block, i) => {
      const n = b.node(`${prefix}${tierName(t)}-${groupOf(t, i)}`, 'switches', network, tierName(t), '');
      n.count += block.switches;
      if (t === 0) return;
      for (let l = block.lowerFirst; l < block.lowerFirst + block.lowerCount; l++) {
        const lower = net.clos.tiers[t - 1]?.blocks[l];
        if (lower) b.edge(`${prefix}${tierName(t - 1)}-${groupOf(t - 1, l)}`, n.id, lower.switches * lower.upPerSwitch, net.plan.switchType.portGbps);
      }
    });
  });
  for (const n of b.nodes.values()) {
    if (n.kind === 'switches' && n.network === network) n.labels = [{ text: `${network === 'storage' ? 'storage ' : ''}${n.tier}: ${n.count} switches` }];
  }
}

const switchGroup = (net: WiredNetwork, leafGroup: (leaf: number) => number) => (t: number, i: number): number =>
  (t === 0 ? leafGroup(i) : chunkOf(i, net.clos.tiers[t]?.blocks.length ?? 1));

/** Racks holding the switches of each switch node, in block order: the one part of the diagram that follows placement. */
function switchRacks(out: Map<string, string[]>, net: WiredNetwork, doc: ProjectDocument, network: DiagramNode['network'], leafGroup: (leaf: number) => number): void {
  const prefix = network === 'compute' ? '' : 'storage-';
  const groupOf = switchGroup(net, leafGroup);
  const seen = new Map<string, Set<string>>();
  net.clos.tiers.forEach((tier, t) => {
    tier.blocks.forEach((_, i) => {
      const id = `${prefix}${tierName(t)}-${groupOf(t, i)}`;
      let ids = out.get(id);
      let has = seen.get(id);
      if (!ids || !has) {
        out.set(id, (ids = []));
        seen.set(id, (has = new Set()));
      }
      for (const [site] of (net.spreads[t] as Spread[])[i] as Spread) {
        const rackId: string | undefined = doc.racks[site]?.id;
        if (rackId !== undefined && !has.has(rackId)) {
          has.add(rackId);
          ids.push(rackId);
        }
      }
    });
  });
}

export function fabricDiagram(
  doc: ProjectDocument, types: Map<string, RackType>, compute: WiredNetwork | null, storage: WiredNetwork | null,
): FabricDiagram {
  return placedDiagram(diagramOfPlans(doc, types, compute, storage), doc, compute, storage);
}

/**
 * The diagram of the plans with the racks of each switch node filled in from the placement:
 * nothing else in the diagram depends on where the switches went, so a session keeps the rest.
 */
export function placedDiagram(plans: FabricDiagram, doc: ProjectDocument, compute: WiredNetwork | null, storage: WiredNetwork | null): FabricDiagram {
  const racks = new Map<string, string[]>();
  const suCount = (compute?.plan as ComputePlan | undefined)?.sus.length ?? 0;
  if (compute) switchRacks(racks, compute, doc, 'compute', (leaf) => chunkOf(compute.plan.leaves[leaf]?.su ?? 0, suCount));
  if (storage) switchRacks(racks, storage, doc, 'storage', (leaf) => chunkOf(leaf, storage.plan.leaves.length));
  return { ...plans, children: plans.children.map((n) => (n.kind === 'switches' ? { ...n, objectIds: racks.get(n.id) ?? [] } : n)) };
}

/** The diagram as the plans alone give it (switch nodes without their racks). */
export function diagramOfPlans(
  doc: ProjectDocument, types: Map<string, RackType>, compute: WiredNetwork | null, storage: WiredNetwork | null,
): FabricDiagram {
  const b = new Builder();
  const rackGroup = new Map<number, string>();
  if (compute) {
    const plan = compute.plan as ComputePlan;
    plan.sus.forEach((racks, su) => {
      const g = chunkOf(su, plan.sus.length);
      const n = b.node(`gpu-${g}`, 'gpu-racks', 'compute', null, '');
      n.count += racks.length;
      for (const r of racks) {
        const id = doc.racks[r]?.id;
        if (id !== undefined) n.objectIds.push(id);
        rackGroup.set(r, n.id);
      }
    });
    for (const n of b.nodes.values()) n.labels = [{ text: `GPU racks: ${n.count}` }];
    const suCount = plan.sus.length;
    addSwitchTiers(b, compute, 'compute', (leaf) => chunkOf(plan.leaves[leaf]?.su ?? 0, suCount));
    for (const run of plan.runs) {
      const leaf = plan.leaves[run.leaf];
      if (leaf) b.edge(rackGroup.get(run.rack) as string, `leaf-${chunkOf(leaf.su, suCount)}`, run.count, run.gbps);
    }
  }
  if (storage) {
    const leaves = storage.plan.leaves.length;
    addSwitchTiers(b, storage, 'storage', (leaf) => chunkOf(leaf, leaves));
    for (const run of storage.plan.runs) {
      const kind = types.get(doc.racks[run.rack]?.typeId ?? '')?.kind;
      let from = rackGroup.get(run.rack);
      if (from === undefined) {
        const nodeKind = kind === 'storage' ? 'storage-racks' : kind === 'cpu' ? 'cpu-racks' : 'gpu-racks';
        const n = b.node(nodeKind, nodeKind, 'storage', null, '');
        n.count += 1;
        n.objectIds.push(doc.racks[run.rack]?.id ?? '');
        n.labels = [{ text: `${nodeKind === 'storage-racks' ? 'Storage' : nodeKind === 'cpu-racks' ? 'CPU' : 'GPU'} racks: ${n.count}` }];
        from = n.id;
        rackGroup.set(run.rack, from);
      }
      b.edge(from, `storage-leaf-${chunkOf(run.leaf, leaves)}`, run.count, run.gbps);
    }
  }
  return {
    id: 'fabric',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'UP', 'elk.edgeRouting': 'ORTHOGONAL' },
    children: [...b.nodes.values()],
    edges: [...b.edges.values()],
  };
}
