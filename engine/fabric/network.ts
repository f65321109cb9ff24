// One network end to end: leaves from the plan, tiers above from the Clos rules, switches into
// racks, cables aggregated by site pair and routed once per pair, bisection by max-flow on the
// graph of leaves and switch blocks, and tier load under uniform traffic.
import { buildClos, tierName, type Clos } from './clos.js';
import type { CableBook } from './cables.js';
import { FlowNetwork } from './maxflow.js';
import type { NetworkPlan } from './plan.js';
import { centroid, type Site, type Spread, type SwitchPlacer } from './placement.js';
import type { Router } from './routing.js';

export interface WiredNetwork {
  plan: NetworkPlan;
  clos: Clos;
  /** Where each block of each tier went (tiers[0]: one block per leaf). */
  spreads: Spread[][];
}

/** Split `total` in proportion to `weights`, in whole numbers that add up (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) {
    const i = (order[k] as readonly [number, number])[1];
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

export function wireNetwork(plan: NetworkPlan, placer: SwitchPlacer, sites: Site[]): WiredNetwork {
  const clos = buildClos({ radix: plan.switchType.radix, leaves: plan.leaves.length, uplinksPerLeaf: plan.leafUp });
  const swId = plan.switchType.id;
  // Leaves next to the racks they serve.
  const sx = new Float64Array(plan.leaves.length);
  const sy = new Float64Array(plan.leaves.length);
  const sn = new Float64Array(plan.leaves.length);
  for (const run of plan.runs) {
    const s = sites[run.rack] as Site;
    sx[run.leaf] = (sx[run.leaf] as number) + s.x * run.count;
    sy[run.leaf] = (sy[run.leaf] as number) + s.y * run.count;
    sn[run.leaf] = (sn[run.leaf] as number) + run.count;
  }
  const spreads: Spread[][] = [];
  spreads.push(plan.leaves.map((_, i) => {
    const n = (sn[i] as number) || 1;
    return placer.place(swId, 1, (sx[i] as number) / n, (sy[i] as number) / n);
  }));
  for (let t = 1; t < clos.tiers.length; t++) {
    const below = spreads[t - 1] as Spread[];
    spreads.push((clos.tiers[t]?.blocks ?? []).map((b) => {
      const at = centroid(sites, below.slice(b.lowerFirst, b.lowerFirst + b.lowerCount));
      return placer.place(swId, b.switches, at.x, at.y);
    }));
  }
  return { plan, clos, spreads };
}

/** Routes and books every cable of a wired network. Class names: `${prefix}nic-leaf`, `${prefix}leaf-spine`, ... */
export function cableNetwork(net: WiredNetwork, sites: Site[], router: Router, book: CableBook, prefix: string): void {
  const S = sites.length;
  const leafSite = net.spreads[0]?.map((s) => (s[0] as [number, number])[0]) ?? [];
  const nic = new Map<number, number>();
  for (const run of net.plan.runs) {
    const key = (run.rack * S + (leafSite[run.leaf] as number)) * 8192 + run.gbps;
    nic.set(key, (nic.get(key) ?? 0) + run.count);
  }
  for (const [key, count] of nic) {
    const gbps = key % 8192;
    const pair = (key - gbps) / 8192;
    const a = Math.floor(pair / S);
    const b = pair - a * S;
    book.add(`${prefix}nic-leaf`, gbps, router.lengthM(a, b), count, a, b);
  }
  const gbps = net.plan.switchType.portGbps;
  for (let t = 1; t < net.clos.tiers.length; t++) {
    const pairs = new Map<number, number>();
    const lowerBlocks = net.clos.tiers[t - 1]?.blocks ?? [];
    const lowerSpreads = net.spreads[t - 1] as Spread[];
    (net.clos.tiers[t]?.blocks ?? []).forEach((block, bi) => {
      const upper = (net.spreads[t] as Spread[])[bi] as Spread;
      const weights = upper.map(([, n]) => n);
      for (let l = block.lowerFirst; l < block.lowerFirst + block.lowerCount; l++) {
        const up = (lowerBlocks[l]?.upPerSwitch ?? 0);
        for (const [a, n] of lowerSpreads[l] as Spread) {
          apportion(n * up, weights).forEach((links, k) => {
            if (links === 0) return;
            const key = a * S + ((upper[k] as [number, number])[0]);
            pairs.set(key, (pairs.get(key) ?? 0) + links);
          });
        }
      }
    });
    const cls = `${prefix}${tierName(t - 1)}-${tierName(t)}`;
    for (const [key, count] of pairs) {
      const a = Math.floor(key / S);
      const b = key - a * S;
      book.add(cls, gbps, router.lengthM(a, b), count, a, b);
    }
  }
}

/**
 * Bisection bandwidth (Gbit/s, one direction): max-flow from the NICs of the first half of the
 * nodes to those of the second, on the graph of leaves and switch blocks. A block's switches are
 * identical and uplinks are spread evenly, so aggregating a block into one vertex with the summed
 * capacity leaves the max-flow unchanged (any flow splits evenly over the block's switches).
 */
export function bisectionGbps(net: WiredNetwork): number {
  const { clos, plan } = net;
  const leaves = plan.leaves.length;
  if (leaves === 0) return 0;
  const offsets: number[] = [2];
  for (let t = 1; t < clos.tiers.length; t++) offsets.push((offsets[t - 1] as number) + (clos.tiers[t - 1]?.blocks.length ?? 0));
  const nodes = (offsets[offsets.length - 1] as number) + (clos.tiers[clos.tiers.length - 1]?.blocks.length ?? 0);
  const g = new FlowNetwork(nodes, 8 * nodes);
  const port = plan.switchType.portGbps;
  plan.leaves.forEach((leaf, i) => {
    const a = leaf.nics > 0 ? leaf.downGbps * (leaf.nicsInFirstHalf / leaf.nics) : 0;
    if (a > 0) g.addDirected(0, 2 + i, a);
    if (leaf.downGbps - a > 0) g.addDirected(2 + i, 1, leaf.downGbps - a);
  });
  for (let t = 1; t < clos.tiers.length; t++) {
    const lower = clos.tiers[t - 1]?.blocks ?? [];
    (clos.tiers[t]?.blocks ?? []).forEach((block, bi) => {
      for (let l = block.lowerFirst; l < block.lowerFirst + block.lowerCount; l++) {
        const lb = lower[l];
        if (lb) g.addUndirected((offsets[t - 1] as number) + l, (offsets[t] as number) + bi, lb.switches * lb.upPerSwitch * port);
      }
    });
  }
  return g.maxFlow(0, 1);
}

/** Endpoint NICs below each block of each tier (tier 0: per leaf). */
export function endpointsBelow(net: WiredNetwork): number[][] {
  const out: number[][] = [net.plan.leaves.map((l) => l.nics)];
  for (let t = 1; t < net.clos.tiers.length; t++) {
    const below = out[t - 1] as number[];
    out.push((net.clos.tiers[t]?.blocks ?? []).map((b) => below.slice(b.lowerFirst, b.lowerFirst + b.lowerCount).reduce((s, v) => s + v, 0)));
  }
  return out;
}

/**
 * Highest uplink utilisation of each tier when every endpoint sends `gbpsPerEndpoint` to
 * destinations drawn uniformly from all endpoints: a block with e of the E endpoints below it
 * sends e * g * (1 - e/E) out through its uplinks.
 */
export function uplinkUtilisation(net: WiredNetwork, gbpsPerEndpoint: number): number[] {
  const below = endpointsBelow(net);
  const total = net.plan.endpoints;
  const port = net.plan.switchType.portGbps;
  return net.clos.tiers.slice(0, -1).map((tier, t) => {
    let worst = 0;
    tier.blocks.forEach((b, i) => {
      const e = (below[t] as number[])[i] as number;
      const capacity = b.switches * b.upPerSwitch * port;
      if (capacity > 0 && total > 0) worst = Math.max(worst, (e * gbpsPerEndpoint * (1 - e / total)) / capacity);
    });
    return worst;
  });
}
