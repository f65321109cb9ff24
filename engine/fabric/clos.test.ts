import { describe, expect, it } from 'vitest';
import { buildClos, closInterSwitchLinks, closSwitches, evenSpread } from './clos.js';
import { FlowNetwork } from './maxflow.js';
import { bisectionGbps, type WiredNetwork } from './network.js';
import type { Leaf, NetworkPlan } from './plan.js';

// k-ary fat-tree (Al-Fares et al. 2008; DOMAIN.md): k-port switches, k/2 hosts per edge switch,
// k^3/4 hosts, k^2/2 edge + k^2/2 aggregation + k^2/4 core = 5k^2/4 switches,
// 3k^3/4 links (host-edge, edge-agg, agg-core: k^3/4 each), bisection k^3/8 links.
//   k = 4: 16 hosts, 20 switches, 48 links, bisection 8.  k = 8: 128, 80, 384, 64.
const fatTree = (k: number) => buildClos({ radix: k, leaves: (k * k) / 2, uplinksPerLeaf: k / 2 });

/** A plan of `leaves` leaves of `perLeaf` 1-Gbit/s hosts each, hosts numbered in leaf order. */
function hostsPlan(k: number, leaves: number, perLeaf: number): NetworkPlan {
  const hosts = leaves * perLeaf;
  const list: Leaf[] = Array.from({ length: leaves }, (_, i) => ({
    su: 0, rail: 0, nics: perLeaf, downPorts: perLeaf, downGbps: perLeaf,
    nicsInFirstHalf: Math.max(0, Math.min(perLeaf, hosts / 2 - i * perLeaf)),
  }));
  return {
    switchType: { id: 'k', radix: k, portGbps: 1 } as NetworkPlan['switchType'],
    leafDown: k / 2, leafUp: k / 2, leaves: list, runs: [], endpoints: hosts, endpointGbps: hosts,
  };
}

describe('folded-Clos generator against the k-ary fat-tree', () => {
  for (const [k, hosts, switches, links, bisection] of [[4, 16, 20, 48, 8], [8, 128, 80, 384, 64]] as const) {
    it(`k = ${k}: ${hosts} hosts, ${switches} switches, ${links} links, bisection ${bisection}`, () => {
      const clos = fatTree(k);
      expect(clos.tiers.map((t) => t.switches)).toEqual([(k * k) / 2, (k * k) / 2, (k * k) / 4]);
      expect(closSwitches(clos)).toBe(switches);
      expect(hosts + closInterSwitchLinks(clos)).toBe(links); // host links + edge-agg + agg-core
      const net: WiredNetwork = { plan: hostsPlan(k, (k * k) / 2, k / 2), clos, spreads: [] };
      expect(bisectionGbps(net)).toBeCloseTo(bisection, 9);
    });
  }

  it('the block-level max-flow equals the max-flow on the explicit switch-level k = 4 fat-tree', () => {
    // Standard wiring: pod p has edge e(p,i) and agg a(p,j), i,j < 2, every edge to both aggs;
    // agg j of every pod to cores c(j,0), c(j,1). Hosts 0..7 (pods 0,1) send to hosts 8..15.
    const k = 4;
    const half = k / 2;
    const edge = (p: number, i: number) => 2 + p * half + i;
    const agg = (p: number, j: number) => 2 + 8 + p * half + j;
    const core = (j: number, c: number) => 2 + 16 + j * half + c;
    const g = new FlowNetwork(22, 200);
    for (let p = 0; p < k; p++) {
      for (let i = 0; i < half; i++) {
        if (p < 2) g.addDirected(0, edge(p, i), half);
        else g.addDirected(edge(p, i), 1, half);
        for (let j = 0; j < half; j++) g.addUndirected(edge(p, i), agg(p, j), 1);
      }
      for (let j = 0; j < half; j++) for (let c = 0; c < half; c++) g.addUndirected(agg(p, j), core(j, c), 1);
    }
    expect(g.maxFlow(0, 1)).toBe(8);
  });
});

describe('folded-Clos generator against NVIDIA DGX SuperPOD reference architectures', () => {
  // DGX SuperPOD B200 RA, "Larger DGX SuperPOD component counts" (SU = 32 nodes x 8 rails,
  // 64-port NDR): SUs -> leaf / spine / core: 2 -> 16/8/-, 4 -> 32/16/-, 8 -> 64/32/-,
  // 16 -> 128/128/64, 32 -> 256/256/128, 64 -> 512/512/256. Leaves are 8 a SU with 32 down,
  // 32 up; leaf-spine cables = node-leaf cables = 256 a SU.
  const ndr = [[2, 16, 8, 0], [4, 32, 16, 0], [8, 64, 32, 0], [16, 128, 128, 64], [32, 256, 256, 128], [64, 512, 512, 256]] as const;
  for (const [sus, leaf, spine, core] of ndr) {
    it(`NDR, ${sus} SU: ${leaf} leaves, ${spine} spines, ${core} cores`, () => {
      const clos = buildClos({ radix: 64, leaves: 8 * sus, uplinksPerLeaf: 32 });
      expect(clos.tiers.map((t) => t.switches)).toEqual(core === 0 ? [leaf, spine] : [leaf, spine, core]);
      expect(clos.tiers[0]?.uplinks).toBe(256 * sus);
    });
  }
  // DGX SuperPOD B300 XDR RA, table 3 (SU = 72 nodes x 8 rails, 144-port XDR, 72 down / 72 up):
  // 1 -> 8/4, 2 -> 16/8, 4 -> 32/18, 8 -> 64/36, 18 -> 144/72. 4 SU needs ceil(32*72/144) = 16
  // spines but 72 uplinks do not spread evenly over 16: the next divisor, 18, is the published count.
  for (const [sus, leaf, spine] of [[1, 8, 4], [2, 16, 8], [4, 32, 18], [8, 64, 36], [18, 144, 72]] as const) {
    it(`XDR, ${sus} SU: ${leaf} leaves, ${spine} spines`, () => {
      const clos = buildClos({ radix: 144, leaves: 8 * sus, uplinksPerLeaf: 72 });
      expect(clos.tiers.map((t) => t.switches)).toEqual([leaf, spine]);
    });
  }
  it('even spread: 3 SU of the H100 RA take 16 spines, not ceil(768/64) = 12', () => {
    expect(evenSpread(12, 32)).toBe(16);
    expect(buildClos({ radix: 64, leaves: 24, uplinksPerLeaf: 32 }).tiers[1]?.switches).toBe(16);
  });
  it('one leaf is the whole fabric', () => {
    const clos = buildClos({ radix: 64, leaves: 1, uplinksPerLeaf: 32 });
    expect(clos.tiers.length).toBe(1);
    expect(closInterSwitchLinks(clos)).toBe(0);
  });
});
