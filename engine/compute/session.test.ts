// The live network stage against a computation from scratch: random sequences of editor edits
// (moves, rotations, utilisation, trays, racks added and removed, rows, fabric settings, cooling)
// on the demo hall and a mid-size SuperPOD hall, and after every step the session's results must
// deep-equal a fresh computation of the same document. The last tests break the session's
// invalidation on purpose and check that the property then fails.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { SegmentRouting } from '../fabric/book.js';
import { computeFabric, FabricSession } from '../fabric/index.js';
import { SwitchPlacer } from '../fabric/placement.js';
import { demoHall, superpodHall } from '../generators/index.js';
import { m, pt, type CatalogId, type Fraction, type ProjectDocument, type Rack, type RackId, type RotationDeg, type TrayId } from '../model/index.js';
import { computeNetwork, ComputeSession } from './compute.js';

type Edit =
  | { kind: 'move'; rack: number; dx: number; dy: number }
  | { kind: 'rotate'; rack: number; deg: RotationDeg }
  | { kind: 'utilisation'; rack: number; value: number | null }
  | { kind: 'tray'; tray: number; dx: number; dy: number }
  | { kind: 'add'; rack: number; at: number; dx: number }
  | { kind: 'remove'; rack: number }
  | { kind: 'row'; rack: number; row: number }
  | { kind: 'fabric'; oversubscription: number; nodesPerScalableUnit: number }
  | { kind: 'cooling'; unit: number };

const index = fc.nat({ max: 10_000 });
// Small moves keep switches in their racks (the cheap path); large ones send them elsewhere.
const offset = fc.oneof(fc.constantFrom(0.6, -0.6, 1.2), fc.double({ min: -4, max: 4, noNaN: true }), fc.integer({ min: -40, max: 40 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), rack: index, dx: offset, dy: offset }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rotate' as const), rack: index, deg: fc.constantFrom<RotationDeg>(0, 90, 180, 270) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('utilisation' as const), rack: index, value: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tray' as const), tray: index, dx: offset, dy: offset }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), rack: index, at: index, dx: offset }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), rack: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('row' as const), rack: index, row: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fabric' as const), oversubscription: fc.constantFrom(1, 2, 3), nodesPerScalableUnit: fc.constantFrom(32, 72, 108) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cooling' as const), unit: index }) },
);

/** The edit as the editor makes it: a new document that replaces only the records it touches. */
function apply(doc: ProjectDocument, e: Edit): ProjectDocument {
  const racks = doc.racks.slice();
  const i = 'rack' in e ? e.rack % racks.length : 0;
  const r = racks[i] as Rack;
  switch (e.kind) {
    case 'move':
      racks[i] = { ...r, position: pt(r.position.x + e.dx, r.position.y + e.dy) };
      return { ...doc, racks };
    case 'rotate':
      racks[i] = { ...r, rotationDeg: e.deg };
      return { ...doc, racks };
    case 'utilisation':
      racks[i] = { ...r, utilisation: e.value as Fraction | null };
      return { ...doc, racks };
    case 'row': {
      const row = doc.rows[e.row % (doc.rows.length + 1)];
      racks[i] = { ...r, rowId: row?.id ?? null };
      return { ...doc, racks };
    }
    case 'add':
      racks.splice(e.at % (racks.length + 1), 0, { ...r, id: `added-${racks.length}-${e.at}` as RackId, position: pt(r.position.x + e.dx, r.position.y + 1.2) });
      return { ...doc, racks };
    case 'remove':
      if (racks.length <= 4) return doc;
      racks.splice(i, 1);
      return { ...doc, racks };
    case 'tray': {
      const trays = doc.trays.slice();
      const k = e.tray % trays.length;
      const t = trays[k] as ProjectDocument['trays'][number];
      trays[k] = { ...t, points: t.points.map((p) => pt(p.x + e.dx, p.y + e.dy)) };
      return { ...doc, trays };
    }
    case 'fabric':
      return { ...doc, fabric: { ...doc.fabric, oversubscription: e.oversubscription, nodesPerScalableUnit: e.nodesPerScalableUnit } };
    case 'cooling': {
      if (doc.cooling.length === 0) return doc;
      const cooling = doc.cooling.slice();
      const k = e.unit % cooling.length;
      const u = cooling[k] as ProjectDocument['cooling'][number];
      cooling[k] = { ...u, status: u.status === 'running' ? 'failed' : 'running' };
      return { ...doc, cooling };
    }
  }
}

/** Trays along the rows and one across them, so that routing follows trays and a tray edit matters. */
function withTrays(doc: ProjectDocument): ProjectDocument {
  const xs = doc.racks.map((r) => r.position.x);
  const ys = [...new Set(doc.racks.map((r) => r.position.y))].sort((a, b) => a - b);
  const x0 = Math.min(...xs) - 1;
  const x1 = Math.max(...xs) + 1;
  const tray = (id: string, points: [number, number][]): ProjectDocument['trays'][number] => ({
    id: id as TrayId, typeId: 'tray-300' as CatalogId, name: id, points: points.map(([x, y]) => pt(x, y)), elevationM: m(3), tags: {},
  });
  return { ...doc, trays: [...ys.map((y, k) => tray(`row-${k}`, [[x0, y], [x1, y]])), tray('spine', [[x0, ys[0] as number], [x0, ys[ys.length - 1] as number]])] };
}

const halls = [
  { name: 'demo hall', doc: withTrays(demoHall(shippedCatalog)), runs: 20, steps: 8 },
  { name: 'SuperPOD hall, 12 SU', doc: withTrays(superpodHall(shippedCatalog, 12)), runs: 8, steps: 6 },
];

/** Runs `steps` edits through a fresh FabricSession; false at the first result unlike computeFabric's. */
function fabricFollows(doc0: ProjectDocument, edits: Edit[]): boolean {
  const session = new FabricSession();
  let doc = doc0;
  if (!isDeepStrictEqual(session.update(doc), computeFabric(doc))) return false;
  for (const e of edits) {
    doc = apply(doc, e);
    if (!isDeepStrictEqual(session.update(doc), computeFabric(doc))) return false;
  }
  return true;
}

describe('FabricSession after random edits equals computeFabric from scratch', () => {
  for (const hall of halls) {
    it(hall.name, () => {
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: hall.steps }), (edits) => fabricFollows(hall.doc, edits)), { seed: 42, numRuns: hall.runs });
    });
  }
});

describe('ComputeSession.updateNetwork after random edits equals computeNetwork on the same physics', () => {
  for (const hall of halls) {
    it(hall.name, () => {
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: hall.steps }), (edits) => {
        const session = new ComputeSession();
        let doc = hall.doc;
        for (const e of [null, ...edits]) {
          if (e) doc = apply(doc, e);
          const physics = session.updatePhysics(doc);
          expect(session.updateNetwork(doc)).toStrictEqual(computeNetwork(doc, physics));
        }
      }), { seed: 7, numRuns: Math.ceil(hall.runs / 3) });
    });
  }
});

describe('the property fails when the session keeps what it should not', () => {
  const demo = halls[0]!.doc;
  // Moves only, of every kind of rack, small and large: the edits the session patches.
  const moves = fc.array(fc.record({ kind: fc.constant('move' as const), rack: index, dx: offset, dy: offset }), { minLength: 1, maxLength: 8 });
  afterEach(() => { vi.restoreAllMocks(); });

  it('cables not re-routed at a moved rack', () => {
    vi.spyOn(SegmentRouting.prototype, 'rerouteSites').mockReturnValue(false);
    expect(fc.check(fc.property(moves, (edits) => fabricFollows(demo, edits)), { seed: 42, numRuns: 50 }).failed).toBe(true);
  });

  it('a replayed placement that ignores racks that moved', () => {
    // stillHolds is private; the stale replay answers every call as before.
    vi.spyOn(SwitchPlacer.prototype as unknown as { stillHolds: () => boolean }, 'stillHolds').mockReturnValue(true);
    expect(fc.check(fc.property(moves, (edits) => fabricFollows(demo, edits)), { seed: 42, numRuns: 50 }).failed).toBe(true);
  });

  it('a workload result kept after a cooling failure', () => {
    // The network stage does not read cooling, but the agents do (through the cooling share).
    const session = new ComputeSession();
    session.updatePhysics(demo);
    const before = session.updateNetwork(demo);
    const failed = { ...demo, cooling: demo.cooling.map((u) => ({ ...u, status: 'failed' as const })) };
    const physics = session.updatePhysics(failed);
    const after = session.updateNetwork(failed);
    expect(after).toStrictEqual(computeNetwork(failed, physics));
    expect(after.workload).not.toStrictEqual(before.workload);
    expect(after.fabric).toStrictEqual(before.fabric);
  });
});
