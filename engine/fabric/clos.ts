// Folded-Clos (fat-tree) generator from switch counts alone: given the leaves and their uplinks,
// stack tiers until one top tier can reach every block below it.
//
// Rules (Leiserson 1985 fat-trees; Al-Fares et al., SIGCOMM 2008 k-ary fat-tree; NVIDIA DGX
// SuperPOD reference architectures for the rail-optimised leaves):
// - a switch above the leaves is non-blocking: half its radix R goes down, half up, except the
//   top tier, which turns all R ports down;
// - a block of tier t groups up to R/2 blocks of tier t-1 (each of its switches needs at least
//   one link into every block below), so one more tier multiplies reach by R/2 and a T-tier
//   fabric reaches 2 (R/2)^T ports (R^2/2 for two tiers, R^3/4 for three: DOMAIN.md);
// - the top tier needs ceil(uplinks below / R) switches and may sit over at most R blocks;
// - a lower switch spreads its uplinks evenly over the switches above (equal-cost paths), so
//   when it has more uplinks than there are switches above, their number must divide its
//   uplink count (the published SuperPOD tables follow this: 3 SU -> 16 spines, 4 SU XDR -> 18).
// With k-port switches and k/2 hosts a leaf this gives the k-ary fat-tree: k^2/2 leaves,
// k^2/2 aggregation switches in k pods, k^2/4 cores (clos.test.ts).

export interface ClosInput {
  radix: number;
  /** Number of leaf switches. */
  leaves: number;
  /** Uplink ports of each leaf (R minus its downlinks, set by the oversubscription). */
  uplinksPerLeaf: number;
}

/** A set of identical switches of one tier that serve a contiguous range of blocks of the tier below. */
export interface ClosBlock {
  switches: number;
  /** Ports a switch uses downwards (average when the links do not divide evenly). */
  downPerSwitch: number;
  /** Ports a switch uses upwards (0 at the top). */
  upPerSwitch: number;
  /** Index of the first block of the tier below it serves, and how many. */
  lowerFirst: number;
  lowerCount: number;
}

export interface ClosTier {
  blocks: ClosBlock[];
  switches: number;
  /** Links from this tier to the tier above (0 at the top). */
  uplinks: number;
}

export interface Clos {
  radix: number;
  /** tiers[0] are the leaves (one block per leaf), the last tier is the top. */
  tiers: ClosTier[];
}

/** Smallest count >= minimum over which `up` uplinks spread evenly (a divisor of up), or minimum itself when it exceeds up. */
export function evenSpread(minimum: number, up: number): number {
  if (minimum >= up) return minimum;
  for (let s = Math.max(1, minimum); s <= up; s++) if (up % s === 0) return s;
  return up;
}

export function buildClos(input: ClosInput): Clos {
  const { radix, leaves, uplinksPerLeaf } = input;
  if (!Number.isInteger(radix) || radix < 2) throw new RangeError('radix must be an integer of at least 2');
  const half = Math.floor(radix / 2);
  const leafBlocks: ClosBlock[] = [];
  for (let i = 0; i < leaves; i++) {
    leafBlocks.push({ switches: 1, downPerSwitch: radix - uplinksPerLeaf, upPerSwitch: uplinksPerLeaf, lowerFirst: i, lowerCount: 1 });
  }
  const tiers: ClosTier[] = [{ blocks: leafBlocks, switches: leaves, uplinks: leaves * uplinksPerLeaf }];
  if (leaves <= 1 || uplinksPerLeaf === 0) {
    // One leaf is the whole fabric (or the leaves have no uplinks): nothing above it.
    for (const b of leafBlocks) b.upPerSwitch = 0;
    tiers[0] = { blocks: leafBlocks, switches: leaves, uplinks: 0 };
    return { radix, tiers };
  }
  for (;;) {
    const below = tiers[tiers.length - 1] as ClosTier;
    const lower = below.blocks;
    if (lower.length <= radix) {
      tiers.push(topTier(lower, radix));
      return { radix, tiers };
    }
    if (half < 2) throw new RangeError('radix too small to build another tier');
    const blocks: ClosBlock[] = [];
    for (let first = 0; first < lower.length; first += half) {
      const count = Math.min(half, lower.length - first);
      const group = lower.slice(first, first + count);
      const up = group.reduce((s, b) => s + b.switches * b.upPerSwitch, 0);
      const maxUp = Math.max(...group.map((b) => b.upPerSwitch));
      const switches = evenSpread(Math.ceil(up / half), maxUp);
      const down = up / switches;
      // Non-blocking above the leaves: as many ports up as are used down.
      blocks.push({ switches, downPerSwitch: down, upPerSwitch: Math.min(half, Math.ceil(down)), lowerFirst: first, lowerCount: count });
    }
    const switches = blocks.reduce((s, b) => s + b.switches, 0);
    tiers.push({ blocks, switches, uplinks: blocks.reduce((s, b) => s + b.switches * b.upPerSwitch, 0) });
  }
}

function topTier(lower: ClosBlock[], radix: number): ClosTier {
  const up = lower.reduce((s, b) => s + b.switches * b.upPerSwitch, 0);
  const maxUp = Math.max(...lower.map((b) => b.upPerSwitch));
  const switches = evenSpread(Math.ceil(up / radix), maxUp);
  return {
    blocks: [{ switches, downPerSwitch: up / switches, upPerSwitch: 0, lowerFirst: 0, lowerCount: lower.length }],
    switches,
    uplinks: 0,
  };
}

/** Switches in all tiers. */
export function closSwitches(clos: Clos): number {
  return clos.tiers.reduce((s, t) => s + t.switches, 0);
}

/** Links between switches (every tier's uplinks). */
export function closInterSwitchLinks(clos: Clos): number {
  return clos.tiers.reduce((s, t) => s + t.uplinks, 0);
}

/** Name of tier t (0 = leaf) in a fabric of `count` tiers: leaf, spine, core, then super-core. */
export function tierName(t: number): string {
  return ['leaf', 'spine', 'core'][t] ?? `super-core-${t - 2}`;
}
