import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { computePower, explainElement } from './index.js';
import { makeChain, withStatus } from '../../tests/support/power-chain.js';

const idx = (r: ReturnType<typeof computePower>, id: string) => {
  const i = r.elementIds.indexOf(id);
  if (i < 0) throw new Error(`no element ${id}`);
  return i;
};

describe('element figures against DOMAIN.md', () => {
  // Two 15 kW CPU racks (30 kW) on one rack PDU 415 V 63 A PF 0.95 (DOMAIN.md: 43.0 kW, 34.4 kW
  // at 80 %): P_rated = sqrt(3) 415 * 63 * 0.95 = 43.02 kW; 80 % rule: 34.42 kW; I = 30 000 / (sqrt(3) 415 * 0.95) = 43.93 A; u = 30 / 34.42 = 87.2 %.
  const doc = makeChain(shippedCatalog, {
    sides: ['A'], upsPerSide: 1, feedsPerSide: 1, racks: 2, rackType: 'cpu-2s-20n', utilisation: 1, feed: 'pdu-rack-63',
  });
  const r = computePower(doc);
  const e = idx(r, 'feed-A-1');

  it('rated and continuous kW, amps and utilisation', () => {
    expect(r.elements.ratedKw[e]).toBeCloseTo(43.02, 2);
    expect(r.elements.continuousKw[e]).toBeCloseTo(34.42, 2);
    expect(r.elements.outputKw[e]).toBeCloseTo(30, 9);
    expect(r.elements.ampsPerPhase[e]).toBeCloseTo(43.93, 2);
    expect(r.elements.utilisation[e]).toBeCloseTo(0.872, 3);
  });

  it('explains the figures with the rule that applies', () => {
    const x = explainElement(r, 'feed-A-1');
    expect(x?.rule).toBe('80 % rule (NEC 210.19/215.2)');
    expect(x?.ampsPerPhase.formula).toBe('I = P_out / (sqrt(3) V_LL PF)');
    expect(x?.continuousKw.value).toBeCloseTo(34.42, 2);
    expect(x?.ratedKw.inputs.find((i) => i.name === 'I_rated')?.value).toBeCloseTo(63, 6);
    // The transformer is listed for 100 % continuous load: limit = rating.
    const tx = explainElement(r, 'tx-A');
    expect(tx?.rule).toBe('100 % rated assembly');
    expect(tx?.continuousKw.value).toBeCloseTo(tx?.ratedKw.value ?? 0, 9);
    expect(explainElement(r, 'nope')).toBeUndefined();
  });
});

describe('2N chain: loads flow up with losses', () => {
  // Two 15 kW racks, dual-fed: each side's busway carries 15 kW. Up one side:
  // busway in 15 / 0.995 = 15.0754; switchboard in / 0.999 = 15.0905; UPS in / 0.96 = 15.7192;
  // transformer in / 0.99 = 15.8780 = utility load. Both sides: 31.7560 kW, losses 1.7560 kW.
  const doc = makeChain(shippedCatalog, { sides: ['A', 'B'], upsPerSide: 1, feedsPerSide: 1, racks: 2, rackType: 'cpu-2s-20n', utilisation: 1 });
  const r = computePower(doc);

  it('shares dual-fed racks 50/50 and adds each level\u2019s loss', () => {
    expect(r.elements.outputKw[idx(r, 'feed-A-1')]).toBeCloseTo(15, 9);
    expect(r.elements.outputKw[idx(r, 'swbd-A')]).toBeCloseTo(15.0754, 4);
    expect(r.elements.outputKw[idx(r, 'ups-A-1')]).toBeCloseTo(15.0905, 4);
    expect(r.elements.outputKw[idx(r, 'tx-A')]).toBeCloseTo(15.7192, 4);
    expect(r.elements.outputKw[idx(r, 'util-B')]).toBeCloseTo(15.8780, 4);
    expect(r.elements.lossKw[idx(r, 'ups-A-1')]).toBeCloseTo(15.7192 - 15.0905, 3);
  });

  it('totals balance: upstream = IT (at the rack input) + losses', () => {
    expect(r.itLoadKw.value).toBeCloseTo(30, 9);
    expect(r.itLoadKw.formula).toContain('rack input');
    expect(r.upstreamKw.value).toBeCloseTo(31.7560, 4);
    expect(r.lossesKw.value).toBeCloseTo(1.7560, 4);
    expect(r.upstreamKw.value).toBeCloseTo(r.itLoadKw.value + r.lossesKw.value, 9);
    expect(r.violations).toEqual([]);
  });

  it('honours a failed UPS in the document: side B carries everything, side A is cut off', () => {
    const down = computePower(withStatus(doc, 'ups-A-1', 'failed'));
    expect(down.elements.live[idx(down, 'swbd-A')]).toBe(0);
    expect(down.elements.outputKw[idx(down, 'feed-A-1')]).toBe(0);
    expect(down.elements.outputKw[idx(down, 'feed-B-1')]).toBeCloseTo(30, 9);
    expect(down.itLoadKw.value).toBeCloseTo(30, 9);
    expect(down.violations.map((v) => v.code)).toContain('power.unfed');
    // With A down, losing anything on B drops both racks.
    const drop = down.violations.find((v) => v.code === 'power.failure-drops-racks' && v.objectIds[0] === 'feed-B-1');
    expect(drop?.objectIds).toEqual(['feed-B-1', 'rack-1', 'rack-2']);
  });

  it('an element that is off takes no load and a rack with no live feed is reported', () => {
    const off = computePower(withStatus(withStatus(doc, 'util-A', 'off'), 'util-B', 'off'));
    expect(off.itLoadKw.value).toBe(0);
    expect(off.upstreamKw.value).toBe(0);
    expect(off.violations.filter((v) => v.code === 'power.rack-unpowered').map((v) => v.objectIds[0])).toEqual(['rack-1', 'rack-2']);
  });
});

describe('parallel sources share by rating', () => {
  it('two UPS modules of one switchboard carry half each', () => {
    const doc = makeChain(shippedCatalog, { sides: ['A'], upsPerSide: 2, feedsPerSide: 1, racks: 2, rackType: 'cpu-2s-20n', utilisation: 1 });
    const r = computePower(doc);
    // Switchboard input 30 / 0.995 / 0.999 = 30.1810 kW, split equally between equal ratings.
    expect(r.elements.outputKw[idx(r, 'ups-A-1')]).toBeCloseTo(30.181 / 2, 3);
    expect(r.elements.outputKw[idx(r, 'ups-A-2')]).toBeCloseTo(r.elements.outputKw[idx(r, 'ups-A-1')]!, 12);
  });
});
