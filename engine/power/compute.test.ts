import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall, gigawattHall } from '../generators/index.js';
import type { PowerId, ProjectDocument, Rack } from '../model/index.js';
import { explained } from '../results/index.js';
import { computeFacility, computePower, updatePower, type PowerResult } from './index.js';
import { makeChain } from '../../tests/support/power-chain.js';

/** Incremental and full results must agree on every figure and every violation. */
function expectSame(a: PowerResult, b: PowerResult): void {
  expect(a.elementIds).toEqual(b.elementIds);
  const close = (x: Float64Array, y: Float64Array) => {
    let worst = 0;
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i]! - y[i]!) / Math.max(1, Math.abs(y[i]!)));
    expect(worst).toBeLessThan(1e-9);
  };
  close(a.elements.outputKw, b.elements.outputKw);
  close(a.state.table.worstUtil, b.state.table.worstUtil);
  expect(Array.from(a.state.table.droppedRacks)).toEqual(Array.from(b.state.table.droppedRacks));
  expect(Array.from(a.state.table.worstElement)).toEqual(Array.from(b.state.table.worstElement));
  expect(Array.from(a.rackPowered)).toEqual(Array.from(b.rackPowered));
  expect(a.violations).toEqual(b.violations);
  expect(a.redundancy).toEqual(b.redundancy);
  expect(a.itLoadKw.value).toBeCloseTo(b.itLoadKw.value, 6);
  expect(a.upstreamKw.value).toBeCloseTo(b.upstreamKw.value, 6);
  expect(a.supportedItKw.value).toBeCloseTo(b.supportedItKw.value, 6);
}

const editRack = (doc: ProjectDocument, id: string, change: Partial<Rack>): ProjectDocument => ({
  ...doc, racks: doc.racks.map((r) => (r.id === id ? { ...r, ...change } : r)),
});

describe('demo hall', () => {
  const doc = demoHall(shippedCatalog);
  const r = computePower(doc);

  it('balances energy: utility draw = IT load + losses, every rack powered, no violations', () => {
    // IT = sum of catalog design power x the site utilisation (0.8), whatever the demo's racks are.
    const design = doc.racks.reduce((s, k) => s + shippedCatalog.rackTypes.find((t) => t.id === k.typeId)!.designPowerKw, 0);
    expect(r.itLoadKw.value).toBeCloseTo(design * shippedCatalog.site.rackUtilisation, 6);
    expect(r.upstreamKw.value).toBeCloseTo(r.itLoadKw.value + r.lossesKw.value, 6);
    // Losses of a busway-switchboard-UPS-transformer path: 1 / (0.995 * 0.999 * 0.96 * 0.99) - 1 = 5.853 %.
    expect(r.lossesKw.value / r.itLoadKw.value).toBeCloseTo(1 / (0.995 * 0.999 * 0.96 * 0.99) - 1, 9);
    expect(Array.from(r.rackPowered).every((p) => p === 1)).toBe(true);
    expect(r.violations).toEqual([]);
  });

  it('conserves power at every node: a switchboard delivers what its busways draw', () => {
    const i = (id: string) => r.elementIds.indexOf(id);
    const busways = doc.power.filter((e) => e.upstreamIds.includes('swbd-A-1' as PowerId));
    const drawn = busways.reduce((s, e) => s + r.elements.inputKw[i(e.id)]!, 0);
    expect(busways.length).toBeGreaterThan(1);
    expect(r.elements.outputKw[i('swbd-A-1')]).toBeCloseTo(drawn, 9);
  });

  it('updates incrementally after a rack edit exactly as a full recompute', () => {
    const edited = editRack(doc, 'r01-03', { utilisation: 1 as never });
    expectSame(updatePower(r, edited, ['r01-03', 'r01-03']), computePower(edited));
  });

  it('updates incrementally after a rack changes feed, and after one is removed', () => {
    // Move every rack of row 1 onto one busway pair: the failure of either now overloads the other.
    const a = doc.racks[0]!.feedA;
    const b = doc.racks[0]!.feedB;
    let cur = doc;
    let res = r;
    for (const rack of doc.racks.filter((k) => k.rowId === 'row-01')) {
      cur = editRack(cur, rack.id, { feedA: a, feedB: b });
      res = updatePower(res, cur, [rack.id]);
    }
    const full = computePower(cur);
    expectSame(res, full);
    expect(full.violations.some((v) => v.code === 'power.failure-overload' && v.objectIds[0] === a)).toBe(true);
    const removed: ProjectDocument = { ...cur, racks: cur.racks.filter((k) => k.id !== 'r02-04') };
    expectSame(updatePower(res, removed, ['r02-04']), computePower(removed));
  });

  it('does not modify the previous result', () => {
    const before = Array.from(r.elements.outputKw);
    updatePower(r, editRack(doc, 'r01-02', { feedB: null }), ['r01-02']);
    expect(Array.from(r.elements.outputKw)).toEqual(before);
  });
});

describe('incremental with racks added and removed', () => {
  it('keeps the racks named by untouched failure scenarios right when rack numbers shift', () => {
    // Two independent chains, racks single-fed alternately from A and B: removing rack-1 (on A)
    // re-runs only A's scenarios, while B's keep their dropped racks, now renumbered. Odd racks
    // 2, 4, 6, 8 hang on B feeds 2, 1, 3, 2 (round-robin over 3), so feed-B-2 drops racks 2 and 8.
    const chain = makeChain(shippedCatalog, { sides: ['A', 'B'], upsPerSide: 2, feedsPerSide: 3, racks: 9, rackType: 'cpu-2s-20n', utilisation: 1 });
    const doc: ProjectDocument = { ...chain, racks: chain.racks.map((k, i) => (i % 2 === 0 ? { ...k, feedB: null } : { ...k, feedA: null })) };
    const r = computePower(doc);
    const removed: ProjectDocument = { ...doc, racks: doc.racks.filter((k) => k.id !== 'rack-1') };
    const inc = updatePower(r, removed, ['rack-1']);
    expectSame(inc, computePower(removed));
    expect(inc.violations.find((v) => v.code === 'power.failure-drops-racks' && v.objectIds[0] === 'feed-B-2')?.objectIds)
      .toEqual(['feed-B-2', 'rack-2', 'rack-8']);
    const added: ProjectDocument = { ...removed, racks: [...removed.racks, { ...doc.racks[0]!, id: 'rack-new' as never }] };
    expectSame(updatePower(inc, added, ['rack-new']), computePower(added));
  });
});

describe('structure problems', () => {
  it('names the rack without feed, the single-fed rack and the element without source', () => {
    const base = makeChain(shippedCatalog, { sides: ['A', 'B'], upsPerSide: 1, feedsPerSide: 1, racks: 3, rackType: 'cpu-2s-20n', utilisation: 1 });
    const doc: ProjectDocument = {
      ...base,
      racks: base.racks.map((k, i) => (i === 0 ? { ...k, feedA: null, feedB: null } : i === 1 ? { ...k, feedB: null } : k)),
      power: base.power.map((e) => (e.id === 'tx-B' ? { ...e, upstreamIds: [] } : e)),
    };
    const r = computePower(doc);
    const find = (code: string) => r.violations.filter((v) => v.code === code).map((v) => v.objectIds);
    expect(find('power.rack-no-feed')).toEqual([['rack-1']]);
    expect(find('power.rack-single-fed')).toEqual([['rack-2', 'feed-A-1']]);
    expect(find('power.no-source')).toEqual([['tx-B']]);
    // Side B has no source, so rack 3 hangs on A alone: only rack-2 and rack-3 draw, from A.
    expect(r.elements.outputKw[r.elementIds.indexOf('feed-A-1')]).toBeCloseTo(30, 9);
  });
});

describe('facility power and PUE', () => {
  it('adds cooling and misc load to the utility draw', () => {
    // 2N chain of two 15 kW racks: utility draw 31.7560 kW (flow.test.ts). Cooling 5 kW (given);
    // misc 0.02 x 30 = 0.6 kW. Facility 37.3560 kW; PUE = 37.3560 / 30 = 1.24520.
    const doc = makeChain(shippedCatalog, { sides: ['A', 'B'], upsPerSide: 1, feedsPerSide: 1, racks: 2, rackType: 'cpu-2s-20n', utilisation: 1 });
    const f = computeFacility(computePower(doc), explained(5, 'kW', 'given', []), doc);
    expect(f.miscKw.value).toBeCloseTo(0.6, 9);
    expect(f.facilityKw.value).toBeCloseTo(37.356, 3);
    expect(f.pue.value).toBeCloseTo(1.2452, 4);
    expect(f.pue.formula).toContain('IT input');
  });
});

describe('gigawatt hall (smoke)', () => {
  it('is 2N, balanced, and an incremental feed change matches a full recompute', () => {
    const doc = gigawattHall(shippedCatalog);
    const r = computePower(doc);
    expect(r.violations).toEqual([]);
    expect(r.upstreamKw.value).toBeCloseTo(r.itLoadKw.value + r.lossesKw.value, 3);
    expect(r.redundancy.find((l) => l.kind === 'busway')?.redundancy).toBe('2N');
    const other = doc.racks[500]!;
    const edited = editRack(doc, 'r01-01', { feedA: other.feedA, utilisation: 1 as never });
    expectSame(updatePower(r, edited, ['r01-01']), computePower(edited));
  });
});
