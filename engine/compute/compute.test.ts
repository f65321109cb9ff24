import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../generators/index.js';
import { pt, type ProjectDocument, type Rack } from '../model/index.js';
import { changedRacks, compute, ComputeSession } from './compute.js';
import { resultsToJson } from './json.js';

const demo = demoHall(shippedCatalog);

function moveRack(doc: ProjectDocument, index: number, dx: number): ProjectDocument {
  const racks = doc.racks.slice();
  const r = racks[index] as Rack;
  racks[index] = { ...r, position: pt(r.position.x + dx, r.position.y) };
  return { ...doc, racks };
}

describe('compute', () => {
  const results = compute(demo);
  const json = resultsToJson(results);

  it('produces every figure the CLI documents, as numbers', () => {
    for (const key of ['itLoadKw', 'facilityKw', 'pue'] as const) expect(typeof json.power[key]).toBe('number');
    for (const key of ['maxInletC', 'rciHi', 'energyBalanceErrorPct'] as const) expect(typeof json.thermal[key]).toBe('number');
    expect(typeof json.fabric.bisectionTbps).toBe('number');
    expect(typeof json.workload.maxAgentsAtSlo).toBe('number');
    expect(json.bottleneck?.resource).toBeTypeOf('string');
    expect(Array.isArray(json.violations)).toBe(true);
    // Every headline figure is explained by its dotted name.
    expect(json.explain['power.pue']?.formula).toContain('PUE');
    expect(json.explain['thermal.maxInletC']).toBeDefined();
  });

  it('agrees across models: facility = utility draw + cooling + misc, heat in = heat out', () => {
    const p = results.power;
    const f = results.facility;
    expect(f.facilityKw.value).toBeCloseTo(p.upstreamKw.value + f.coolingKw.value + f.miscKw.value, 6);
    expect(f.pue.value).toBeCloseTo(f.facilityKw.value / p.itLoadKw.value, 9);
    // The thermal model's IT heat is the power model's IT load: both use rackLoadKw.
    expect(results.thermal.itHeatKw.value).toBeCloseTo(p.itLoadKw.value, 6);
    expect(Math.abs(results.thermal.energyBalanceErrorPct.value)).toBeLessThan(1);
  });

  it('the demo hall serves its sample workloads, named by the bottleneck', () => {
    for (const w of results.workload.workloads) expect(w.maxAgentsAtSlo.value).toBeGreaterThanOrEqual(w.requestedAgents);
    expect(results.violations.filter((v) => v.severity === 'error')).toEqual([]);
  });
});

describe('ComputeSession', () => {
  it('recomputes a one-rack move incrementally, equal to a full compute', () => {
    const session = new ComputeSession();
    session.update(demo);
    const moved = moveRack(demo, 3, 0.6);
    const live = session.update(moved);
    const full = compute(moved);
    expect(live.power.itLoadKw.value).toBeCloseTo(full.power.itLoadKw.value, 9);
    expect(live.facility.pue.value).toBeCloseTo(full.facility.pue.value, 6);
    for (let r = 0; r < moved.racks.length; r++) {
      expect(Math.abs((live.thermal.rackInletC[r] as number) - (full.thermal.rackInletC[r] as number))).toBeLessThan(0.25);
    }
  });

  it('tells a rack-only edit from any other', () => {
    const moved = moveRack(demo, 3, 0.6);
    expect(changedRacks(demo, moved)).toEqual([demo.racks[3]!.id]);
    expect(changedRacks(demo, { ...moved, hall: { ...demo.hall } })).toBeNull();
    const removed = { ...demo, racks: demo.racks.slice(1) };
    expect(changedRacks(demo, removed)).toEqual([demo.racks[0]!.id]);
    // Reordered (same records): nothing changed; reordered with one moved: that one.
    const swapped = [demo.racks[1]!, demo.racks[0]!, ...demo.racks.slice(2)];
    expect(changedRacks(demo, { ...demo, racks: swapped })).toEqual([]);
    expect(changedRacks(demo, { ...moved, racks: [moved.racks[1]!, moved.racks[0]!, ...moved.racks.slice(2)] })).toEqual([demo.racks[3]!.id]);
    expect(changedRacks(demo, { ...moveRack(moved, 5, 0.6) })).toEqual([demo.racks[3]!.id, demo.racks[5]!.id]);
  });
});
