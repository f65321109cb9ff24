// The overlay view data: aligned with the engine's own orders, copied (transferable), and every
// fabric edge given the utilisation of its link class.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compute } from '../../engine/compute';
import { demoHall } from '../../engine/generators/index';
import { Catalog } from '../../engine/model/index';
import { overlayView } from './overlay-view';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('overlayView', () => {
  const doc = demoHall(catalog);
  const results = compute(doc);
  const view = overlayView(results);

  it('carries per-rack draw and per-element utilisation in the engine\'s order, as copies', () => {
    expect(view.rackIds).toEqual(doc.racks.map((r) => r.id));
    expect(view.rackKw).toHaveLength(doc.racks.length);
    // The racks' draw sums to the IT load the power model reports.
    const sum = view.rackKw.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(results.power.itLoadKw.value, 0);
    expect(view.powerIds).toEqual(doc.power.map((p) => p.id));
    expect(view.powerUtil[0]).toBeCloseTo(results.power.elements.utilisation[0]!, 5);
    expect(view.velocity.buffer).not.toBe(results.thermal.field.velocity.buffer);
    const f = results.thermal.field;
    expect(view.velocity).toHaveLength(f.nx * f.ny * f.nz * 3);
  });

  it('gives rack-to-leaf edges the NIC utilisation and leaf-to-spine edges the leaf uplinks\'', () => {
    const nodes = new Map(view.diagram.nodes.map((n) => [n.id, n]));
    const util = results.fabric.figures.utilisation;
    expect(view.diagram.edges.length).toBeGreaterThan(0);
    for (const e of view.diagram.edges) {
      const from = nodes.get(e.source)!;
      const expected = from.kind === 'switches' ? util[`${from.tier}-up`]?.value : util['nic']?.value;
      if (expected === undefined) expect(e.utilisation).toBeNaN();
      else expect(e.utilisation).toBe(expected);
    }
    expect(view.diagram.nodes.some((n) => n.kind === 'gpu-racks' && n.objectIds.length > 0)).toBe(true);
  });
});
