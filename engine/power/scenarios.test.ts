// The delta-based failure analysis checked against brute force: for every element, mark it
// failed in the document, recompute the whole flow, and compare racks dropped and the most loaded
// element among those whose load rose.
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../generators/index.js';
import type { PowerEquipment, PowerId, ProjectDocument } from '../model/index.js';
import { computePower } from './index.js';
import { makeChain, withStatus } from '../../tests/support/power-chain.js';

function bruteForce(doc: ProjectDocument) {
  const r = computePower(doc);
  const { table } = r.state;
  doc.power.forEach((e, f) => {
    const lost = computePower(withStatus(doc, e.id, 'failed'));
    let dropped = 0;
    for (let k = 0; k < r.rackPowered.length; k++) if (r.rackPowered[k] && !lost.rackPowered[k]) dropped += 1;
    let worst = 0;
    for (let i = 0; i < r.elementIds.length; i++) {
      const before = r.elements.outputKw[i]!;
      const after = lost.elements.outputKw[i]!;
      if (after > before * (1 + 1e-9) + 1e-9) worst = Math.max(worst, after / r.elements.continuousKw[i]!);
    }
    expect(table.droppedRacks[f], `racks dropped by loss of ${e.id}`).toBe(dropped);
    expect(table.worstUtil[f]!, `worst utilisation after loss of ${e.id}`).toBeCloseTo(worst, 9);
  });
  return r;
}

describe('single-failure deltas equal a full recompute with the element failed', () => {
  it('demo hall (2N, two UPS modules a switchboard)', () => {
    bruteForce(demoHall(shippedCatalog));
  });

  it('distributed redundant: three chains, each rack on two of them', () => {
    // Chains A, B and C (C is a copy of A with side null); rack i is fed by chains (i, i+1) mod 3,
    // so losing one chain moves half the racks' load to each of the other two.
    const base = makeChain(shippedCatalog, { sides: ['A', 'B'], upsPerSide: 2, feedsPerSide: 1, racks: 6, rackType: 'gpu-nvl72-gb200', utilisation: 0.8 });
    const c: PowerEquipment[] = base.power
      .filter((e) => e.side === 'A')
      .map((e) => ({ ...e, id: e.id.replace('-A', '-C') as PowerId, name: e.name.replace('-A', '-C'), side: null, upstreamIds: e.upstreamIds.map((u) => u.replace('-A', '-C') as PowerId) }));
    const feeds = ['feed-A-1', 'feed-B-1', 'feed-C-1'] as PowerId[];
    const doc: ProjectDocument = {
      ...base, power: [...base.power, ...c],
      racks: base.racks.map((k, i) => ({ ...k, feedA: feeds[i % 3]!, feedB: feeds[(i + 1) % 3]! })),
    };
    const r = bruteForce(doc);
    // Normal: each feed carries 4 half-racks = 2 x 105.6 kW = 211.2 kW; lose feed A and B takes
    // rack 0 whole and keeps rack 1's half: 105.6 x 2 + 52.8 + ... = 316.8 kW on B and on C.
    const i = (id: string) => r.elementIds.indexOf(id);
    expect(r.elements.outputKw[i('feed-C-1')]).toBeCloseTo(211.2, 9);
    expect(r.state.table.worstLoadKw[i('feed-A-1')]).toBeCloseTo(316.8, 9);
    expect(r.violations.filter((v) => v.code === 'power.feed-side')).toHaveLength(4);
  });
});
