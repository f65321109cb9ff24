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
