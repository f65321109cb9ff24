// The report's content and pictures as data: what the plan view, the 3D view and the charts
// draw for the demo hall, the simplification of a large hall, and the figures with units.
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { buildBom } from '../bom/index.js';
import { compute } from '../compute.js';
import { demoHall } from '../generators/index.js';
import type { CoolingId, PowerId, ProjectDocument } from '../model/index.js';
import { binCounts } from './charts.js';
import { KIND_COLOURS, temperatureColour } from './colour.js';
import { toSvg, type Shape } from './draw.js';
import { ASHRAE_INLET_LIMITS } from '../model/index.js';
import { buildReport, groupViolations, mergeBoxes, niceTicks, planView, sceneBoxes, view3d } from './index.js';

const doc = demoHall(shippedCatalog);
const results = compute(doc);
const rects = (shapes: Shape[], fill: string) => shapes.filter((s) => s.kind === 'rect' && s.style.fill === fill);
/** Rectangles on the hall, left of the legend column (the legend's colour bar samples the ramp too). */
const onHall = (shapes: Shape[], fill: string) => rects(shapes, fill).filter((s) => s.kind === 'rect' && s.x < 600);

describe('plan view', () => {
  const boxes = sceneBoxes(doc);
  const plan = planView(doc, boxes, { width: 760, height: 460, colourBy: 'kind' }).drawing;

  it('draws one rectangle per rack of each kind, plus its legend swatch', () => {
    const gpu = doc.racks.filter((r) => r.typeId.startsWith('gpu')).length;
    expect(gpu).toBe(12);
    expect(rects(plan.shapes, KIND_COLOURS['rack-gpu'])).toHaveLength(gpu + 1);
    expect(rects(plan.shapes, KIND_COLOURS.cdu)).toHaveLength(2 + 1);
  });

  it('keeps the hall to scale: 28.4 m x 14.4 m keeps its 1.97 aspect on paper, dimensions labelled in m', () => {
    const floor = plan.shapes.find((s) => s.kind === 'rect' && s.style.fill === '#f2f4f6');
    expect(floor?.kind).toBe('rect');
    if (floor?.kind !== 'rect') return;
    expect(floor.w / floor.h).toBeCloseTo(28.4 / 14.4, 6);
    const texts = plan.shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));
    expect(texts).toContain('28.4 m');
    expect(texts).toContain('14.4 m');
    expect(texts).toEqual(expect.arrayContaining(['Row 01', 'Row 02']));
  });

  it('colours racks by inlet temperature on the ASHRAE ramp in the inlet view', () => {
    const hot = new Float32Array(doc.racks.length).fill(22);
    hot[3] = 34; // near the A2 allowable maximum of 35 C: deep red
    const inlet = planView(doc, boxes, { width: 760, height: 460, colourBy: 'inlet', rackInletC: hot }).drawing;
    const red = temperatureColour(34, ASHRAE_INLET_LIMITS.A2);
    expect(onHall(inlet.shapes, red)).toHaveLength(1);
    expect(onHall(inlet.shapes, temperatureColour(22, ASHRAE_INLET_LIMITS.A2))).toHaveLength(doc.racks.length - 1);
  });

  it('merges touching racks into row blocks above the box limit, and says so', () => {
    const merged = mergeBoxes(boxes);
    // Each row splits by kind into runs: fewer blocks than racks, every rack still counted once.
    expect(merged.length).toBeLessThan(boxes.length);
    expect(merged.reduce((a, b) => a + b.members, 0)).toBe(boxes.length);
    const small = planView(doc, boxes, { width: 760, height: 460, colourBy: 'kind', maxBoxes: 10 });
    expect(small.notes.join(' ')).toMatch(/Simplified for print: 47 objects drawn as \d+ blocks/);
  });
});

describe('3D view', () => {
  it('draws the visible faces of every box, three per box, as polygons', () => {
    const boxes = sceneBoxes(doc);
    const d = view3d(doc, boxes, { width: 760, height: 460 }).drawing;
    const polygons = d.shapes.filter((s) => s.kind === 'polygon');
    expect(polygons).toHaveLength(1 + 3 * boxes.length); // floor + x-, y-, top of each box
    expect(toSvg(d)).toMatch(/^<svg[^>]*viewBox="0 0 760 460"/);
  });
});

describe('charts and figures', () => {
  it('bins values, keeping out-of-range ones in the end bins', () => {
    expect(binCounts([10.2, 10.9, 11.5, 9, 99, NaN], 10, 13, 1)).toEqual([3, 1, 1]);
    expect(niceTicks(0, 694, 5)).toEqual([0, 200, 400, 600, 800]);
  });

  it('puts a unit on every key figure and names the runner-up bottleneck with its margin', () => {
    const c = buildReport(doc, results, buildBom(doc, results.fabric), { project: 'demo', date: '2025-06-30', pictureWidth: 760, pictureHeight: 460, chartWidth: 370, chartHeight: 200 });
    const byLabel = Object.fromEntries(c.figures.map((f) => [f.label, f]));
    expect(byLabel['IT load']!.value).toMatch(/^[\d,.]+ kW$/);
    expect(byLabel['Facility power']!.value).toMatch(/^[\d,.]+ kW$/);
    expect(byLabel['Hottest rack inlet']!.value).toMatch(/^[\d.]+ °C$/);
    expect(byLabel['Fabric bisection']!.value).toBe('172.8 Tbit/s');
    expect(byLabel['Agents served at the SLO']!.value).toMatch(/^[\d,]+ agents$/);
    expect(byLabel['Bottleneck']!.note).toMatch(/runner-up \w+, [\d.]+ % \(\d+ agents\) behind/);
    expect(c.bom.total).toMatch(/^[\d,]+\.\d\d USD$/);
    // PUE = facility / IT, from the same results.
    expect(Number(byLabel['PUE']!.value)).toBeCloseTo(results.facility.facilityKw.value / results.power.itLoadKw.value, 3);
  });

  it('groups violations by kind with the names of the objects involved', () => {
    // Fail both CRAHs of one side and a UPS: thermal and power violations naming them.
    const failed: ProjectDocument = {
      ...doc,
      cooling: doc.cooling.map((u) => (u.id === ('crah-01' as CoolingId) || u.id === ('crah-02' as CoolingId) ? { ...u, status: 'failed' as const } : u)),
      power: doc.power.map((p) => (p.id === ('ups-A-1-1' as PowerId) ? { ...p, status: 'failed' as const } : p)),
    };
    const r = compute(failed);
    const groups = groupViolations(failed, r);
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.reduce((a, g) => a + g.count, 0)).toBe(r.violations.length);
    const names = new Set(groups.flatMap((g) => g.objects));
    const ids = new Set(r.violations.flatMap((v) => v.objectIds));
    // Every object id is shown by its name when it has one (racks, units, elements, workloads).
    for (const o of [...failed.racks, ...failed.cooling, ...failed.power]) if (ids.has(o.id)) expect(names.has(o.name)).toBe(true);
    const order = groups.map((g) => ({ error: 0, warning: 1, info: 2 })[g.severity]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
