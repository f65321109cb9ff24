import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { computePower, explainElement, type PowerResult } from './index.js';
import { makeChain } from '../../tests/support/power-chain.js';

const level = (r: PowerResult, kind: string) => r.redundancy.find((l) => l.kind === kind);
const codes = (r: PowerResult, code: string) => r.violations.filter((v) => v.code === code);

describe('N+1 UPS modules on one side', () => {
  // 16 racks of 132 kW on 4 busways (528 kW each), one switchboard, three 1250 kVA UPS modules.
  // UPS rating sqrt(3) 415 * 1739 * 0.95 = 1187.5 kW, 100 % rated. Switchboard input
  // 2112 / 0.995 / 0.999 = 2124.73 kW: 708.2 kW a module; lose one and the other two carry
  // 1062.4 kW each, 89.5 % of 1187.5 kW: no rack drops, nothing overloads.
  const doc = makeChain(shippedCatalog, {
    sides: ['A'], upsPerSide: 3, feedsPerSide: 4, racks: 16, rackType: 'gpu-nvl72-gb200', utilisation: 1, feed: 'busway-1600',
  });
  const r = computePower(doc);

  it('a lost module moves its share to its siblings', () => {
    const x = explainElement(r, 'ups-A-1');
    expect(r.elements.outputKw[r.elementIds.indexOf('ups-A-2')]).toBeCloseTo(2124.73 / 3, 1);
    expect(x?.ifLost?.droppedRackIds).toEqual([]);
    expect(x?.ifLost?.overloadedIds).toEqual([]);
    expect(x?.ifLost?.worstUtilisationPct).toBeCloseTo(89.46, 1);
    expect(x?.ifLost?.racksMovedToOtherSide).toBe(0);
  });

  it('reports the UPS level as N+1 from the graph (3 units, 2 needed)', () => {
    expect(level(r, 'ups')).toMatchObject({ redundancy: 'N+1', label: 'N+1', spareUnits: 1, failuresDroppingRacks: 0 });
  });

  it('but the single chain above and below the UPS drops racks: level N, violations name them', () => {
    expect(level(r, 'switchboard')).toMatchObject({ redundancy: 'N', failuresDroppingRacks: 1 });
    expect(level(r, 'busway')).toMatchObject({ redundancy: 'N', failuresDroppingRacks: 4 });
    const drops = codes(r, 'power.failure-drops-racks');
    // utility, transformer, switchboard, four busways
    expect(drops.map((v) => v.objectIds[0])).toEqual(['util-A', 'tx-A', 'swbd-A', 'feed-A-1', 'feed-A-2', 'feed-A-3', 'feed-A-4']);
    // busway 1 feeds racks 1, 5, 9, 13 (round-robin)
    expect(drops[3]?.objectIds).toEqual(['feed-A-1', 'rack-1', 'rack-5', 'rack-9', 'rack-13']);
    expect(codes(r, 'power.rack-single-fed')).toHaveLength(16);
  });

  it('worst UPS failure is reported per class', () => {
    const w = r.worstFailures.find((f) => f.kind === 'ups');
    expect(w?.droppedRacks).toBe(0);
    expect(w?.utilisation.value).toBeCloseTo(89.46, 1);
    expect(r.worstFailures.find((f) => f.kind === 'utility')?.droppedRacks).toBe(16);
  });

  it('with two modules for the same load the UPS level is only N', () => {
    // 2124.73 kW on two modules: 1062.4 kW each (89.5 %); lose one and the other carries all of
    // it, 2124.73 / 1187.5 = 179 %. Spare units: 2 - ceil(2124.73 / 1187.5) = 0.
    const b = computePower(makeChain(shippedCatalog, {
      sides: ['A'], upsPerSide: 2, feedsPerSide: 4, racks: 16, rackType: 'gpu-nvl72-gb200', utilisation: 1, feed: 'busway-1600',
    }));
    expect(level(b, 'ups')).toMatchObject({ redundancy: 'N', failuresOverloading: 2, spareUnits: 0 });
    const v = codes(b, 'power.failure-overload').find((x) => x.objectIds[0] === 'ups-A-1');
    expect(v?.objectIds).toEqual(['ups-A-1', 'ups-A-2']);
    expect(v?.message).toContain('179 %');
    expect(codes(b, 'power.overload')).toEqual([]);
  });
});

describe('2N whose surviving side is overloaded', () => {
  // 4 racks of 132 kW dual-fed from one 800 A busway a side: 264 kW each normally (60 % of
  // sqrt(3) 415 * 800 * 0.95 * 0.8 = 437.03 kW). Lose one busway (or anything above it) and the
  // other carries 528 kW, 120.8 %.
  const doc = makeChain(shippedCatalog, {
    sides: ['A', 'B'], upsPerSide: 1, feedsPerSide: 1, racks: 4, rackType: 'gpu-nvl72-gb200', utilisation: 1,
  });
  const r = computePower(doc);

  it('is fine in normal operation', () => {
    expect(codes(r, 'power.overload')).toEqual([]);
    expect(r.elements.utilisation[r.elementIds.indexOf('feed-A-1')]).toBeCloseTo(264 / 437.03, 4);
  });

  it('reports the failure that overloads, naming the failed and the overloaded element', () => {
    const v = codes(r, 'power.failure-overload').find((x) => x.objectIds[0] === 'feed-A-1');
    expect(v?.objectIds).toEqual(['feed-A-1', 'feed-B-1']);
    expect(v?.message).toContain('121 %');
    expect(level(r, 'busway')).toMatchObject({ redundancy: 'N', failuresOverloading: 2, failuresDroppingRacks: 0 });
  });

  it('supported IT load is the busway limit: 528 kW / (528 / 437.03)', () => {
    expect(r.supportedItKw.value).toBeCloseTo(437.03, 1);
    expect(r.supportedItKw.inputs.find((i) => i.name === 'single failures that drop racks at any load (excluded)')?.value).toBe(0);
  });

  it('at 40 % utilisation every level is 2N (busways 211 kW after a loss)', () => {
    const light = computePower(makeChain(shippedCatalog, {
      sides: ['A', 'B'], upsPerSide: 1, feedsPerSide: 1, racks: 4, rackType: 'gpu-nvl72-gb200', utilisation: 0.4,
    }));
    expect(light.redundancy.map((l) => l.label)).toEqual(['2N', '2N', '2N', '2N', '2N']);
    expect(light.violations).toEqual([]);
    // Supported IT does not depend on the present load: the same busway limit.
    expect(light.supportedItKw.value).toBeCloseTo(437.03, 1);
  });
});
