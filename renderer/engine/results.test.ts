// The worker's view of the engine's results: the figures the panel shows are the engine's own
// (same value, same explanation), and the typed arrays are copies the worker may give away.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compute } from '../../engine/compute';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import { findFigure, toView } from './results';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('toView', () => {
  const doc = demoHall(catalog);
  const results = compute(doc);
  const view = toView(results);

  it('shows the engine\'s figures with their explanations', () => {
    expect(findFigure(view, 'power.pue')).toBe(results.facility.pue);
    expect(findFigure(view, 'power.itLoadKw')?.value).toBe(results.power.itLoadKw.value);
    expect(findFigure(view, 'thermal.maxInletC')).toBe(results.thermal.maxInletC);
    for (const list of Object.values(view.sections)) {
      for (const f of list) expect(f.figure.formula.length, f.path).toBeGreaterThan(0);
    }
    expect(view.sections.agents.length).toBeGreaterThan(doc.workloads.length);
  });

  it('aligns inlet temperatures with the racks and copies every field', () => {
    expect(view.rackInletC).toHaveLength(doc.racks.length);
    expect(view.rackInletC.buffer).not.toBe(results.thermal.rackInletC.buffer);
    expect(view.field.temperatureC.buffer).not.toBe(results.thermal.field.temperatureC.buffer);
    expect(view.field.temperatureC).toHaveLength(view.field.nx * view.field.ny * view.field.nz);
    expect(Math.max(...view.rackInletC)).toBeCloseTo(results.thermal.maxInletC.value, 3);
  });

  it('survives structured cloning with its arrays transferred', () => {
    const copy = structuredClone(view, { transfer: [view.rackInletC.buffer] });
    expect(copy.rackInletC).toBeInstanceOf(Float32Array);
    expect(copy.sections.power[0]?.figure.formula).toBe(results.power.itLoadKw.formula);
  });
});

describe('the worker\'s two stages', () => {
  it('shows power and heat first with fabric and agents pending, then everything current', async () => {
    const { runNetwork, runPhysics } = await import('./run');
    const doc = demoHall(catalog);
    const first = runPhysics(doc);
    // First computation: nothing to carry over, so the network sections wait empty.
    expect(first.pending).toBe('network');
    expect(findFigure(first, 'thermal.maxInletC')?.value).toBeCloseTo(compute(doc).thermal.maxInletC.value, 6);
    expect(first.sections.fabric).toEqual([]);
    expect(first.sections.agents).toEqual([]);
    expect(first.bottleneck).toBeNull();
    const full = runNetwork(doc);
    expect(full.pending).toBeNull();
    expect(full.sections.agents.length).toBeGreaterThan(0);
    expect(full.bottleneck).not.toBeNull();
    // A rack moved: physics of the new document, the previous fabric and agents until theirs come.
    const moved = { ...doc, racks: doc.racks.map((r, i) => (i === 0 ? { ...r, position: { ...r.position, y: (r.position.y - 0.6) as typeof r.position.y } } : r)) };
    const next = runPhysics(moved);
    expect(next.pending).toBe('network');
    expect(findFigure(next, 'workload.maxAgentsAtSlo')).toBe(findFigure(full, 'workload.maxAgentsAtSlo'));
    // The session updates heat incrementally: the same inlets as from scratch, within its tolerance.
    const scratch = toView(compute(moved)).rackInletC;
    next.rackInletC.forEach((t, i) => expect(Math.abs(t - scratch[i]!), `rack ${i}`).toBeLessThan(0.1));
    expect(runNetwork(moved).violations).toEqual(compute(moved).violations);
  });
});
