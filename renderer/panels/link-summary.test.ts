// The figures of several selected links, counted by hand on five links drawn on the demo hall:
// lengths summed, types and rates counted, hand-picked types and cables that do not reach.
import { describe, expect, it } from 'vitest';
import type { CatalogId, Link, LinkId, Metres, ProjectDocument } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { CABLE_CHOICE_TAG, CHOSEN } from '../document/relink';
import { rateLabel, summariseLinks } from './link-summary';

function link(id: string, a: string, b: string, purpose: Link['purpose'], cableTypeId: string | null, routedLengthM: number | null, chosen = false): Link {
  return {
    id: id as LinkId, a: { objectId: a, port: 'p1' }, b: { objectId: b, port: 'p1' }, purpose,
    cableTypeId: cableTypeId as CatalogId | null, routedLengthM: routedLengthM as Metres | null, tags: chosen ? { [CABLE_CHOICE_TAG]: CHOSEN } : {},
  };
}

/**
 * R01-01/02 are NDR switch racks (400G ports), R01-03..06 GB200 racks (400G compute NICs, 200G
 * storage NICs), R02-09 NVMe storage (400G ports), R02-10 a CPU rack (100G storage NICs); a link
 * runs at its slower end.
 */
function hall(): ProjectDocument {
  const doc = demoHall(shippedCatalog);
  return {
    ...doc, links: [
      link('l1', 'r01-03', 'r01-01', 'compute', 'dac-400', 1.5), // 400G, DAC reaches 2 m
      link('l2', 'r01-04', 'r01-02', 'compute', 'aoc-400', 12.25, true), // 400G, AOC reaches 30 m, picked by hand
      link('l3', 'r01-05', 'r02-09', 'storage', 'acc-400', 7.5, true), // 200G, ACC reaches 5 m: does not reach
      link('l4', 'r02-10', 'r02-09', 'storage', null, null), // 100G, not routed, no type
      link('l5', 'r01-06', 'r01-01', 'compute', 'dac-400', 2.5), // 400G, DAC reaches 2 m: does not reach
      link('l6', 'r01-07', 'r01-01', 'compute', 'smf-400', 40), // not selected
    ],
  };
}

describe('summary of selected links', () => {
  it('counts, sums and tallies the selected links only', () => {
    // A rack id in the selection is not a link and is left out.
    const s = summariseLinks(hall(), ['l1', 'l2', 'l3', 'l4', 'l5', 'r01-03']);
    expect(s.count).toBe(5);
    // 1.5 + 12.25 + 7.5 + 2.5; l4 is not routed.
    expect(s.routedM).toBeCloseTo(23.75, 9);
    expect(s.unrouted).toBe(1);
    expect(s.chosenByHand).toBe(2);
    // l3 (7.5 m on a 5 m ACC) and l5 (2.5 m on a 2 m DAC).
    expect(s.tooShort).toBe(2);
    // Most first; ACC before AOC as in the catalog; no type last.
    expect(s.byType).toEqual([
      { label: 'Passive copper DAC 400G', count: 2 }, { label: 'Active copper cable 400G', count: 1 },
      { label: 'Active optical cable 400G', count: 1 }, { label: 'no cable type', count: 1 },
    ]);
    expect(s.byRate).toEqual([{ label: '400 Gb/s', count: 3 }, { label: '200 Gb/s', count: 1 }, { label: '100 Gb/s', count: 1 }]);
  });

  it('names a type the catalog lacks, and nothing selected is all zero', () => {
    const doc = hall();
    const odd = { ...doc, links: [link('l9', 'r01-03', 'r01-01', 'compute', 'cat5-1g', 3)] };
    const s = summariseLinks(odd, ['l9']);
    expect(s.byType).toEqual([{ label: 'cat5-1g (not in the catalog)', count: 1 }]);
    // No type to reach with: not counted as too short.
    expect(s.tooShort).toBe(0);
    expect(summariseLinks(doc, [])).toEqual({ count: 0, routedM: 0, unrouted: 0, byType: [], byRate: [], chosenByHand: 0, tooShort: 0 });
  });

  it('says rates of 1,000 Gb/s and more in Tb/s', () => {
    expect(rateLabel(800)).toBe('800 Gb/s');
    expect(rateLabel(1600)).toBe('1.6 Tb/s');
  });
});
