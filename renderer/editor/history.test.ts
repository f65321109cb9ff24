// Undo/redo on the document model: a step per named change, a drag squashed into one, a
// cancelled gesture gone without trace, merges of repeated edits, history cleared on load, and
// undo keeps structural sharing (the engine's incremental path depends on it).
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../engine/model/index';
import { changedRacks } from '../../engine/compute/index';
import { demoHall } from '../../engine/generators/index';
import { applyOperation, loadDocument, useDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { setHallField } from '../document/operations';
import { deleteObjects, insertRecords, placeRacks, translateObjects } from '../document/edits';
import { buildRacks, copiesOf, recordsOf } from './build';
import { HistoryManager, MERGE_MS } from './history';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
const doc = () => useDocument.getState().doc!;
let clock = 0;
let history: HistoryManager;
let detach: () => void = () => undefined;

beforeEach(() => {
  detach();
  clock = 0;
  history = new HistoryManager(() => clock);
  detach = history.attach();
  loadDocument(demoHall(catalog), null, null);
  select([]);
});
const selection = () => useSession.getState().selection;

describe('history', () => {
  it('undoes and redoes a named change, and a no-op records nothing', () => {
    const start = doc();
    applyOperation(setHallField, { field: 'supplyAirC', value: 25 });
    expect(history.undoName()).toBe('hall.set');
    applyOperation(setHallField, { field: 'supplyAirC', value: 25 });
    history.undo();
    expect(doc().hall.supplyAirC).toBe(22);
    expect(doc().racks).toBe(start.racks);
    expect(history.canUndo()).toBe(false);
    history.redo();
    expect(doc().hall.supplyAirC).toBe(25);
    expect(history.canRedo()).toBe(false);
  });

  it('merges repeated edits of the same field, not of another field or after a pause', () => {
    applyOperation(setHallField, { field: 'supplyAirC', value: 23 });
    clock += 100;
    applyOperation(setHallField, { field: 'supplyAirC', value: 24 });
    clock += 100;
    applyOperation(setHallField, { field: 'altitudeM', value: 300 });
    clock += MERGE_MS + 1;
    applyOperation(setHallField, { field: 'altitudeM', value: 400 });
    history.undo();
    expect(doc().hall.altitudeM).toBe(300);
    history.undo();
    expect(doc().hall.altitudeM).toBe(0);
    expect(doc().hall.supplyAirC).toBe(24);
    history.undo();
    expect(doc().hall.supplyAirC).toBe(22);
  });

  it('a drag is one undo step, and undo restores the exact records', () => {
    const start = doc();
    const id = start.racks[3]!.id;
    const mark = history.mark('move');
    for (let i = 0; i < 5; i++) applyOperation(translateObjects, { ids: [id], dx: 0.6, dy: 0 });
    history.squashToMark(mark, 'object.move');
    expect(doc().racks[3]!.position.x).toBeCloseTo(start.racks[3]!.position.x + 3);
    history.undo();
    expect(doc().racks[3]).toBe(start.racks[3]);
    // Only the racks changed: the engine takes its incremental path on undo too.
    expect(changedRacks(start, doc())).toEqual([]);
    expect(doc().power).toBe(start.power);
    expect(history.canUndo()).toBe(false);
    history.redo();
    expect(doc().racks[3]!.position.x).toBeCloseTo(start.racks[3]!.position.x + 3);
  });

  it('a cancelled gesture rolls back to its mark and leaves no trace', () => {
    applyOperation(setHallField, { field: 'supplyAirC', value: 25 });
    const before = doc();
    const mark = history.mark('move');
    applyOperation(translateObjects, { ids: [before.racks[0]!.id], dx: 1.2, dy: 0 });
    applyOperation(translateObjects, { ids: [before.racks[0]!.id], dx: 1.2, dy: 0 });
    history.bailToMark(mark);
    expect(doc().racks).toEqual(before.racks);
    expect(doc().racks[0]).toBe(before.racks[0]);
    expect(history.canRedo()).toBe(false);
    history.undo();
    expect(doc().hall.supplyAirC).toBe(22);
    expect(history.canUndo()).toBe(false);
  });

  it('undoes a delete back into place, order and references included', () => {
    const start = doc();
    const busway = start.racks[0]!.feedA!;
    applyOperation(deleteObjects, { ids: [busway, start.racks[1]!.id] });
    expect(doc().racks.some((r) => r.feedA === busway)).toBe(false);
    expect(doc().racks).toHaveLength(start.racks.length - 1);
    history.undo();
    expect(doc().racks.map((r) => r.id)).toEqual(start.racks.map((r) => r.id));
    expect(doc().power.map((p) => p.id)).toEqual(start.power.map((p) => p.id));
    expect(doc().racks[0]).toBe(start.racks[0]);
  });

  it('loading a document clears the history; a new edit clears redo', () => {
    const { racks } = buildRacks(doc(), 'cpu-2s-20n', [{ x: 3, y: 13 }], 0);
    applyOperation(placeRacks, { racks });
    history.undo();
    expect(history.canRedo()).toBe(true);
    applyOperation(setHallField, { field: 'supplyAirC', value: 21 });
    expect(history.canRedo()).toBe(false);
    loadDocument(demoHall(catalog), null, null);
    expect(history.canUndo()).toBe(false);
  });
});

describe('history and the selection', () => {
  it('undo of a delete selects the restored racks again; redo leaves nothing selected', () => {
    select(['r01-03', 'r01-04']);
    applyOperation(deleteObjects, { ids: ['r01-03', 'r01-04'] });
    select([]);
    history.undo();
    expect(selection()).toEqual(['r01-03', 'r01-04']);
    history.redo();
    expect(selection()).toEqual([]);
  });

  it('undo of a drag selects what was dragged, whatever was clicked since; redo selects it too', () => {
    select(['r01-03', 'r01-04']);
    const mark = history.mark('move');
    applyOperation(translateObjects, { ids: ['r01-03', 'r01-04'], dx: 0, dy: -1.2 });
    applyOperation(translateObjects, { ids: ['r01-03', 'r01-04'], dx: 0, dy: -1.2 });
    history.squashToMark(mark, 'object.move');
    select(['crah-01']);
    history.undo();
    expect(selection()).toEqual(['r01-03', 'r01-04']);
    select([]);
    history.redo();
    expect(selection()).toEqual(['r01-03', 'r01-04']);
    expect(doc().racks.find((r) => r.id === 'r01-03')!.position.y).toBeCloseTo(3.6);
  });

  it('undo of a paste gives back the selection of before; redo selects the copies', () => {
    select(['r02-10']);
    const copies = copiesOf(doc(), recordsOf(doc(), ['r02-10']), 0, 3);
    applyOperation(insertRecords, { records: copies });
    select(copies.map((c) => c.record.id));
    history.undo();
    expect(selection()).toEqual(['r02-10']);
    select([]);
    history.redo();
    expect(selection()).toEqual(['r-1']);
  });

  it('drops ids that no longer exist, and a hall edit keeps the selection of its time', () => {
    select(['r01-05', 'gone-1']);
    applyOperation(setHallField, { field: 'supplyAirC', value: 24 });
    select(['crah-02']);
    history.undo();
    expect(selection()).toEqual(['r01-05']);
    select([]);
    history.redo();
    expect(selection()).toEqual(['r01-05']);
    // Undo of a placement: the placed racks are gone, the selection of before comes back.
    select(['crah-03']);
    const { racks } = buildRacks(doc(), 'cpu-2s-20n', [{ x: 3, y: 13 }], 0);
    applyOperation(placeRacks, { racks });
    select(racks.map((r) => r.id));
    history.undo();
    expect(selection()).toEqual(['crah-03']);
  });

  it('a cancelled gesture leaves the selection alone and selection changes alone record nothing', () => {
    select(['r01-03']);
    const mark = history.mark('move');
    applyOperation(translateObjects, { ids: ['r01-03'], dx: 0, dy: -1.2 });
    history.bailToMark(mark);
    expect(selection()).toEqual(['r01-03']);
    select(['r01-04']);
    expect(history.canUndo()).toBe(false);
    expect(selection()).toEqual(['r01-04']);
  });
});
