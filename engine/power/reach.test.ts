// power.feed-out-of-reach: a rack stands farther from its busway's run than a tap-off reaches.
// The generated halls hang every busway 0.25 m to the side of its racks' centres along the
// whole row (layout.ts), so they have none; a row moved 5 m across the hall stands 5.25 m from
// busway A (0.25 m on the other side) and 4.75 m from busway B, worked by hand below.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall, gigawattHall } from '../generators/index.js';
import { Catalog, type ProjectDocument } from '../model/index.js';
import { computePower, updatePower } from './index.js';
import { buildGraph } from './graph.js';
import { buswayRuns, distanceToRun, reachViolations } from './reach.js';

const CODE = 'power.feed-out-of-reach';
/** The message up to where it says how far. */
const whoIsFed = (message: string) => message.slice(0, message.indexOf(' standing'));
const outOfReach = (doc: ProjectDocument) => computePower(doc).violations.filter((v) => v.code === CODE);

/** The catalog with every busway's tap-off reach set (undefined: the field left out, as in older files). */
function withReach(catalog: Catalog, reachM: number | undefined): Catalog {
  return {
    ...catalog,
    powerTypes: catalog.powerTypes.map((t) => {
      if (t.kind !== 'busway') return t;
      const { tapOffReachM: _old, ...rest } = t;
      return reachM === undefined ? rest : { ...rest, tapOffReachM: reachM as typeof t.widthM };
    }),
  };
}

const moveRow = (doc: ProjectDocument, rowId: string, dy: number): ProjectDocument => ({
  ...doc, racks: doc.racks.map((r) => (r.rowId === rowId ? { ...r, position: { ...r.position, y: (r.position.y + dy) as typeof r.position.y } } : r)),
});

describe('busway reach', () => {
  const demo = demoHall(shippedCatalog);
  const row = demo.racks[0]!.rowId!;
  const rowRacks = demo.racks.filter((r) => r.rowId === row);
  // Row 01 hangs from three busways a side (4, 3 and 2 racks), listed in document order.
  const feeding = new Set(rowRacks.flatMap((r) => [r.feedA, r.feedB]));
  const rowBusways = demo.power.filter((p) => feeding.has(p.id));
  const busA = rowBusways.find((p) => p.side === 'A')!;
  const racksOf = (id: string) => rowRacks.filter((r) => r.feedA === id || r.feedB === id);

  it('the demo and gigawatt halls as generated have none', () => {
    expect(outOfReach(demo)).toEqual([]);
    // The gigawatt hall's 9,840 racks checked directly (the whole power model is tested elsewhere).
    const giga = gigawattHall(shippedCatalog);
    const g = buildGraph(giga);
    expect(g.racks.feedA.every((e) => e >= 0)).toBe(true);
    expect(reachViolations(giga, g.racks, buswayRuns(giga, g), g)).toEqual([]);
  });

  it('a row moved 5 m away: each busway names its racks and how far they stand', () => {
    const moved = moveRow(demo, row, 5);
    const found = outOfReach(moved);
    expect(rowBusways).toHaveLength(6);
    expect(found.map((v) => v.objectIds[0])).toEqual(rowBusways.map((p) => p.id));
    for (const [k, v] of found.entries()) {
      const bus = rowBusways[k]!, fed = racksOf(bus.id);
      expect(v.objectIds.slice(1)).toEqual(fed.map((r) => r.id));
      expect(v.severity).toBe('warning');
      // A hangs 0.25 m on the near side of the racks' old centres: 5 + 0.25 m; B on the far side: 5 - 0.25 m.
      expect(v.message).toContain(`standing ${bus.side === 'A' ? '5.25' : '4.75'} m from its run, beyond the 1.80 m a tap-off reaches`);
    }
    const first = whoIsFed(found[0]!.message);
    expect(first).toBe(`${busA.name} feeds 4 racks (R01-01, R01-02, R01-03 and 1 more)`);
    // The other row did not move: named nowhere.
    expect(found.flatMap((v) => v.objectIds).some((id) => demo.racks.some((r) => r.id === id && r.rowId !== row))).toBe(false);
  });

  it('a rack past the end of its run: distance from the end, the side offset included', () => {
    const last = rowRacks.at(-1)!;
    const width = shippedCatalog.rackTypes.find((t) => t.id === last.typeId)!.widthM;
    const doc = { ...demo, racks: demo.racks.map((r) => (r.id === last.id ? { ...r, position: { ...r.position, x: (r.position.x + 2.4) as typeof r.position.x } } : r)) };
    // The run ends half a rack past the last centre: 2.4 - w/2 beyond it, and 0.25 m to the side.
    const d = Math.hypot(2.4 - width / 2, 0.25);
    expect(d).toBeGreaterThan(1.8);
    const found = outOfReach(doc);
    expect(found).toHaveLength(2);
    const bus = demo.power.find((p) => p.id === last.feedA)!;
    expect(found[0]!.message).toBe(`${bus.name} feeds rack ${last.name} standing ${d.toFixed(2)} m from its run, beyond the 1.80 m a tap-off reaches`);
    expect(found[0]!.objectIds).toEqual([bus.id, last.id]);
    // Half a metre along is still within reach of a tap-off at the end.
    const near = { ...demo, racks: demo.racks.map((r) => (r.id === last.id ? { ...r, position: { ...r.position, x: (r.position.x + 0.5) as typeof r.position.x } } : r)) };
    expect(outOfReach(near)).toEqual([]);
  });

  it('the verdict follows the catalog reach; without the field the 1.8 m default applies', () => {
    const moved = moveRow(demo, row, 5);
    expect(outOfReach({ ...moved, catalog: withReach(moved.catalog, 6) })).toEqual([]);
    // 5 m reaches B (4.75 m) but not A (5.25 m).
    const five = outOfReach({ ...moved, catalog: withReach(moved.catalog, 5) });
    expect(five.map((v) => v.objectIds[0])).toEqual(rowBusways.filter((p) => p.side === 'A').map((p) => p.id));
    expect(five[0]!.message).toContain('beyond the 5.00 m a tap-off reaches');
    // Tighter than the generator's 0.25 m offset: the hall as generated is flagged, every busway once.
    const tight = outOfReach({ ...demo, catalog: withReach(demo.catalog, 0.2) });
    expect(tight).toHaveLength(new Set(demo.racks.flatMap((r) => [r.feedA, r.feedB])).size);
    // A busway without a length (a schematic chain) has no run to measure from.
    expect(outOfReach({ ...moved, power: moved.power.map((p) => ({ ...p, lengthM: null })) })).toEqual([]);
    const old = outOfReach({ ...moved, catalog: withReach(moved.catalog, undefined) });
    expect(old).toEqual(outOfReach(moved));
    expect(old).toHaveLength(6);
  });

  it('a catalog written before the field (an older project file) still parses, and gets the default', () => {
    const raw = JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')) as { powerTypes: Record<string, unknown>[] };
    expect(raw.powerTypes.some((t) => 'tapOffReachM' in t)).toBe(true);
    for (const t of raw.powerTypes) delete t.tapOffReachM;
    const old = Catalog.parse(raw);
    expect(old.powerTypes.every((t) => t.tapOffReachM === undefined)).toBe(true);
    const found = outOfReach({ ...moveRow(demo, row, 5), catalog: old });
    expect(found).toHaveLength(6);
    expect(found[0]!.message).toContain('beyond the 1.80 m a tap-off reaches');
  });

  it('the incremental update after moving the row says what a full recompute says', () => {
    const before = computePower(demo);
    const moved = moveRow(demo, row, 5);
    const after = updatePower(before, moved, rowRacks.map((r) => r.id));
    expect(after.violations).toEqual(computePower(moved).violations);
    expect(after.violations.filter((v) => v.code === CODE)).toHaveLength(6);
    // And moved back, gone again.
    expect(updatePower(after, demo, rowRacks.map((r) => r.id)).violations.filter((v) => v.code === CODE)).toEqual([]);
  });
});

describe('distance to a busway run (shared with the editor\'s feed assignment)', () => {
  it('is the distance to the segment along the run\'s axis, worked by hand', () => {
    // 2.4 m run along x centred on (10, 5): the point (12, 5.5) is 2 - 1.2 = 0.8 m past its end and 0.5 m aside.
    expect(distanceToRun({ x: 12, y: 5.5 }, { position: { x: 10, y: 5 }, lengthM: 2.4, rotationDeg: 180 })).toBeCloseTo(Math.sqrt(0.8 ** 2 + 0.5 ** 2), 12);
    // Turned to run along y: (10.3, 6.6) is 1.6 - 1.2 = 0.4 m past its end and 0.3 m aside, 0.5 m (3-4-5).
    expect(distanceToRun({ x: 10.3, y: 6.6 }, { position: { x: 10, y: 5 }, lengthM: 2.4, rotationDeg: 90 })).toBeCloseTo(0.5, 12);
    // Beside the run, within its length: only the distance across counts.
    expect(distanceToRun({ x: 9, y: 4.75 }, { position: { x: 10, y: 5 }, lengthM: 2.4, rotationDeg: 0 })).toBeCloseTo(0.25, 12);
  });
});
