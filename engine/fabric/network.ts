// One network end to end: leaves from the plan, tiers above from the Clos rules, switches into
// racks, cable runs aggregated by site pair (routed once per pair by the caller), bisection by max-flow on the
// graph of leaves and switch blocks, and tier load under uniform traffic.
import { buildClos, tierName, type Clos, type ClosBlock } from './clos.js';
import { CableRuns } from './book.js';
import { PairIndex } from './pairs.js';
import { FlowNetwork } from './maxflow.js';
import type { NetworkPlan } from './plan.js';
import { centroid, type Site, type Spread, type SwitchPlacer } from './placement.js';

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
  const n = weights.length;
  const out = new Array<number>(n);
  const frac = new Float64Array(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const exact = (total * (weights[i] as number)) / sum;
    const whole = Math.floor(exact);
    out[i] = whole;
    frac[i] = exact - whole;
    left -= whole;
  }
  if (left <= 0) return out;
  // The largest remainders get one more, ties to the first.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (frac[b] as number) - (frac[a] as number) || a - b);
  for (let k = 0; left > 0 && k < n; k++, left--) {
    const i = order[k] as number;
    out[i] = (out[i] as number) + 1;
  }
  return out;
}

/** The Clos of each plan, built once: a session keeps its plans while rack types and order stay. */
const closOf = new WeakMap<NetworkPlan, Clos>();

export function wireNetwork(plan: NetworkPlan, placer: SwitchPlacer, sites: Site[]): WiredNetwork {
  let clos = closOf.get(plan);
  if (!clos) closOf.set(plan, (clos = buildClos({ radix: plan.switchType.radix, leaves: plan.leaves.length, uplinksPerLeaf: plan.leafUp })));
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

/**
 * Every cable run of a wired network, unrouted, one segment a link class: NIC to leaf, then
 * each tier to the next (`${prefix}nic-leaf`, `${prefix}leaf-spine`, ...). A segment depends on
 * the plan and on where the switches of its two tiers went, not on how far apart the racks
 * stand; `kept(t)` hands back the earlier segment t when those are unchanged.
 */
export function runSegments(net: WiredNetwork, prefix: string, kept: (t: number) => CableRuns | null = () => null): CableRuns[] {
  const out: CableRuns[] = [kept(0) ?? nicRuns(net, prefix)];
  for (let t = 1; t < net.clos.tiers.length; t++) out.push(kept(t) ?? tierRuns(net, t, prefix));
  return out;
}

/** The pair index runs are summed in, reused from segment to segment (see PairIndex.reset). */
const scratch = new PairIndex(1024);

/** Looks a run up by its ends (and speed) in a segment: indexed on first use, which only routing along trays makes. */
function lookupOf(runs: CableRuns, key: (b: number, gbps: number) => number): (a: number, b: number, gbps: number) => number {
  let index: PairIndex | null = null;
  return (a, b, gbps) => {
    if (!index) {
      index = new PairIndex(runs.length);
      for (let i = 0; i < runs.length; i++) index.add(runs.a[i] as number, key(runs.b[i] as number, runs.gbps[i] as number));
    }
    const k = key(b, gbps);
    return k < 0 ? -1 : index.find(a, k);
  };
}

function nicRuns(net: WiredNetwork, prefix: string): CableRuns {
  const leafSite = net.spreads[0]?.map((s) => (s[0] as [number, number])[0]) ?? [];
  // Summed by rack, leaf site and speed (speeds below 8192 Gbit/s), in order of first appearance.
  const pairs = scratch.reset();
  for (const run of net.plan.runs) pairs.addTo(run.rack, (leafSite[run.leaf] as number) * 8192 + run.gbps, run.count);
  const runs = new CableRuns(pairs.size);
  const cls = `${prefix}nic-leaf`;
  for (let i = 0; i < pairs.size; i++) {
    const key = pairs.b[i] as number;
    const gbps = key % 8192;
    runs.push(cls, gbps, pairs.a[i] as number, (key - gbps) / 8192, pairs.sum[i] as number);
  }
  runs.lookup = lookupOf(runs, (b, gbps) => b * 8192 + gbps);
  return runs;
}

/** Links from tier t-1 up to tier t, by site pair: each lower switch spreads its uplinks over the block above in proportion. */
function tierRuns(net: WiredNetwork, t: number, prefix: string): CableRuns {
  const gbps = net.plan.switchType.portGbps;
  const pairs = scratch.reset();
  const lowerBlocks = net.clos.tiers[t - 1]?.blocks ?? [];
  const lowerSpreads = net.spreads[t - 1] as Spread[];
  const blocks = net.clos.tiers[t]?.blocks ?? [];
  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi] as ClosBlock;
    const upper = (net.spreads[t] as Spread[])[bi] as Spread;
    const weights = upper.map(([, n]) => n);
    // Most lower switches send the same number of links up: apportion each total once a block,
    // kept as its nonzero shares ([upper site, links] pairs: a big top block has hundreds of sites).
    const split = new Map<number, number[]>();
    for (let l = block.lowerFirst; l < block.lowerFirst + block.lowerCount; l++) {
      const up = (lowerBlocks[l]?.upPerSwitch ?? 0);
      for (const [a, n] of lowerSpreads[l] as Spread) {
        const total = n * up;
        let shares = split.get(total);
        if (!shares) {
          const nonzero: number[] = [];
          apportion(total, weights).forEach((links, k) => {
            if (links > 0) nonzero.push((upper[k] as [number, number])[0], links);
          });
          split.set(total, (shares = nonzero));
        }
        for (let k = 0; k < shares.length; k += 2) pairs.addTo(a, shares[k] as number, shares[k + 1] as number);
      }
    }
  }
  const runs = CableRuns.ofClass(`${prefix}${tierName(t - 1)}-${tierName(t)}`, gbps, pairs.a, pairs.b, pairs.sum, pairs.size);
  runs.lookup = lookupOf(runs, (b, g) => (g === gbps ? b : -1));
  return runs;
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
