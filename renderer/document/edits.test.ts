// Editing operations: pure, structurally shared (only changed records and the arrays holding
// them are new, so the engine's rack-only incremental path applies), references kept valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog, checkReferences } from '../../engine/model/index';
import { changedRacks } from '../../engine/compute/index';
import { demoHall } from '../../engine/generators/index';
import { buildContainment, buildRacks, copiesOf, recordsOf } from '../editor/build';
import { autoCable, deleteObjects, insertRecords, placeRacks, rotateObjects, setPositionAxis, translateObjects } from './edits';
import { computeFabric } from '../../engine/fabric/index';
import { applyOperation, loadDocument, useDocument } from '../state/document';
import { HistoryManager } from '../editor/history';
import { IdMaker } from './ids';
import { assignRack } from './assign';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));

describe('editing operations', () => {
  it('move one rack: only that record and the racks array are new', () => {
    const doc = demoHall(catalog);
    const frozen = JSON.stringify(doc);
    const id = doc.racks[4]!.id;
    const next = translateObjects.apply(doc, { ids: [id], dx: 0.6, dy: -0.3 });
    expect(JSON.stringify(doc)).toBe(frozen);
    expect(next.racks[4]!.position).toEqual({ x: doc.racks[4]!.position.x + 0.6, y: doc.racks[4]!.position.y - 0.3 });
    expect(next.racks[3]).toBe(doc.racks[3]);
    for (const key of ['power', 'cooling', 'catalog', 'hall', 'rows', 'links'] as const) expect(next[key]).toBe(doc[key]);
    expect(changedRacks(doc, next)).toEqual([id]);
    expect(translateObjects.apply(doc, { ids: [id], dx: 0, dy: 0 })).toBe(doc);
  });

  it('rotate a pair of racks as a group about its centre, in quarter turns', () => {
    const doc = demoHall(catalog);
    const [a, b] = [doc.racks[0]!, doc.racks[1]!];
    const centre = { x: (a.position.x + b.position.x) / 2, y: a.position.y };
    const next = rotateObjects.apply(doc, { ids: [a.id, b.id], quarterTurns: 1, centre });
    // Side by side along x become one behind the other along y, both turned to 90°.
    expect(next.racks[0]!.position.x).toBeCloseTo(centre.x);
    expect(next.racks[1]!.position.x).toBeCloseTo(centre.x);
    expect(Math.abs(next.racks[0]!.position.y - next.racks[1]!.position.y)).toBeCloseTo(0.6);
    expect(next.racks[0]!.rotationDeg).toBe(90);
    const back = rotateObjects.apply(next, { ids: [a.id, b.id], quarterTurns: 3, centre });
    expect(back.racks[0]!.position).toEqual(a.position);
    expect(back.racks[0]!.rotationDeg).toBe(0);
  });

  it('delete a busway and a CDU: racks lose the feed and CDU, references stay valid', () => {
    const doc = demoHall(catalog);
    const rack = doc.racks.find((r) => r.cduId !== null)!;
    const next = deleteObjects.apply(doc, { ids: [rack.feedA!, rack.cduId!] });
    expect(next.power.some((p) => p.id === rack.feedA)).toBe(false);
    expect(next.racks.find((r) => r.id === rack.id)!.feedA).toBeNull();
    expect(next.racks.find((r) => r.id === rack.id)!.cduId).toBeNull();
    expect(checkReferences(next)).toEqual([]);
    expect(deleteObjects.apply(doc, { ids: ['nothing'] })).toBe(doc);
  });

  it('set x on several racks at once', () => {
    const doc = demoHall(catalog);
    const ids = [doc.racks[0]!.id, doc.racks[9]!.id];
    const next = setPositionAxis.apply(doc, { ids, axis: 'x', value: 12.34567 });
    expect(next.racks[0]!.position.x).toBe(12.346);
    expect(next.racks[9]!.position.x).toBe(12.346);
    expect(next.racks[9]!.position.y).toBe(doc.racks[9]!.position.y);
  });

  it('new racks take readable unique ids, the nearest row, its busways and its CDU', () => {
    const doc = demoHall(catalog);
    const gpu = buildRacks(doc, 'gpu-nvl72-gb200', [{ x: 19.5, y: 11.4 }, { x: 20.1, y: 11.4 }], 0);
    expect(gpu.racks.map((r) => r.id)).toEqual(['r-1', 'r-2']);
    expect(gpu.racks[0]!.rowId).toBe('row-02');
    expect(gpu.racks[0]!.feedA).toMatch(/^bw-A-02-/);
    expect(gpu.racks[0]!.feedB).toMatch(/^bw-B-02-/);
    expect(gpu.racks[0]!.cduId).toBe('cdu-02-1');
    expect(gpu.missing).toEqual([]);
    const placed = placeRacks.apply(doc, { racks: gpu.racks });
    expect(checkReferences(placed)).toEqual([]);
    expect(changedRacks(doc, placed)).toEqual(['r-1', 'r-2']);
    expect(new IdMaker(placed).next('r')).toBe('r-3');
    // Far from every row: no row, no feeds, and the UI is told why.
    const alone = assignRack(doc, { x: 2, y: 7 }, true);
    expect(alone.rowId).toBeNull();
    expect(alone.missing[0]).toMatch(/no row nearby/);
  });

  it('copies get new ids and names, and links between copies follow them', () => {
    const base = demoHall(catalog);
    const [a, b] = [base.racks[0]!, base.racks[1]!];
    const doc = insertRecords.apply(base, { records: [{ section: 'links', record: {
      id: 'link-1', a: { objectId: a.id, port: 'p1' }, b: { objectId: b.id, port: 'p1' }, purpose: 'compute', cableTypeId: null, routedLengthM: null, tags: {},
    } as never }] });
    const copies = copiesOf(doc, recordsOf(doc, [a.id, b.id]), 0, 5.4);
    expect(copies.map((c) => c.record.id)).toEqual(['r-1', 'r-2', 'link-2']);
    const link = copies[2]!.record as { a: { objectId: string }; b: { objectId: string } };
    expect([link.a.objectId, link.b.objectId]).toEqual(['r-1', 'r-2']);
    expect(checkReferences(insertRecords.apply(doc, { records: copies }))).toEqual([]);
  });

  it('containment gets a kind-prefixed id and the catalog type of its kind', () => {
    const doc = demoHall(catalog);
    const c = buildContainment(doc, 'hot-aisle', { x: 18, y: 6.6 }, { x: 24.8, y: 7.8 }, 2.3)!;
    expect(c.id).toBe('hac-1');
    expect(catalog.containmentTypes.find((t) => t.id === c.typeId)!.kind).toBe('hot-aisle');
  });
});

describe('links.autoCable', () => {
  const doc = demoHall(catalog);
  const fabric = computeFabric(doc);
  const cables = fabric.cables.reduce((s, c) => s + c.count, 0);

  it('changes only doc.links, and a repeat or a refusal records nothing', () => {
    const frozen = JSON.stringify(doc);
    const next = autoCable.apply(doc, { fabric });
    expect(JSON.stringify(doc)).toBe(frozen);
    expect(next.links).toHaveLength(cables);
    for (const key of Object.keys(doc) as (keyof typeof doc)[]) if (key !== 'links') expect(next[key]).toBe(doc[key]);
    expect(autoCable.apply(next, { fabric: computeFabric(next) })).toBe(next);
    expect(autoCable.apply(doc, { fabric, maxLinks: cables - 1 })).toBe(doc);
    expect(checkReferences(next)).toEqual([]);
  });

  it('is one undo step, and deleting a rack takes its generated links with it', () => {
    const history = new HistoryManager(() => 0);
    const detach = history.attach();
    try {
      loadDocument(doc, null, null);
      expect(applyOperation(autoCable, { fabric })).toBe(true);
      expect(history.undoName()).toBe('links.autoCable');
      const cabled = useDocument.getState().doc!;
      const gpu = cabled.racks.find((r) => r.typeId === 'gpu-nvl72-gb200')!;
      const touching = cabled.links.filter((l) => l.a.objectId === gpu.id || l.b.objectId === gpu.id).length;
      expect(touching).toBeGreaterThan(0);
      expect(deleteObjects.apply(cabled, { ids: [gpu.id] }).links).toHaveLength(cables - touching);
      history.undo();
      expect(useDocument.getState().doc!.links).toHaveLength(0);
      expect(useDocument.getState().doc!.racks).toBe(doc.racks);
      history.redo();
      expect(useDocument.getState().doc!.links).toHaveLength(cables);
    } finally {
      detach();
    }
  });
});
