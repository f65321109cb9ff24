// Edit actions through the registry, as the menu and the keyboard reach them: duplicate and
// paste put copies with new ids at a free spot, delete and cut remove, select all selects every
// object, undo and redo go through the same history (and bring the selection back), a rotate or an
// inspector position that takes racks out of their row reassigns them in the same undo step, and
// shortcuts never fire while typing.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Catalog, checkReferences } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import type { FactoryTwinApi } from '../../electron/contract/api';
import { loadDocument, useDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { collisionReason } from '../editor/collision';
import { objectBoxes } from '../editor/objects';
import { history } from '../editor/instance';
import { setPositionAxis } from '../document/edits';
import { applyMove } from '../tools/moves';
import { handleShortcut, runAction } from './registry';
import './edit';
import './tools';

const catalog = Catalog.parse(JSON.parse(readFileSync(new URL('../../assets/catalog/default.json', import.meta.url), 'utf8')));
const ctx = { api: {} as FactoryTwinApi };
const doc = () => useDocument.getState().doc!;
const key = (k: string, mods: Partial<KeyboardEvent> = {}, target: unknown = null) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target, preventDefault: () => undefined, ...mods }) as unknown as KeyboardEvent;

beforeEach(() => {
  loadDocument(demoHall(catalog), null, null);
  select([]);
});

describe('edit actions', () => {
  it('Ctrl+D duplicates the selection beside it, with new ids, clear of everything', () => {
    select(['r01-01', 'r01-02']);
    expect(handleShortcut(key('d', { ctrlKey: true }), ctx)).toBe(true);
    const copies = doc().racks.filter((r) => r.id.startsWith('r-'));
    expect(copies.map((r) => r.id)).toEqual(['r-1', 'r-2']);
    expect(useSession.getState().selection).toEqual(['r-1', 'r-2']);
    const boxes = objectBoxes(doc());
    const mine = boxes.filter((b) => b.id.startsWith('r-'));
    expect(collisionReason(doc(), mine.map((b) => ({ fp: b.fp, label: b.name, kind: 'floor' as const })), boxes.filter((b) => !b.id.startsWith('r-')))).toBeNull();
    expect(checkReferences(doc())).toEqual([]);
    // One undo step removes both.
    void runAction('edit.undo', ctx);
    expect(doc().racks.some((r) => r.id.startsWith('r-'))).toBe(false);
    void runAction('edit.redo', ctx);
    expect(doc().racks.filter((r) => r.id.startsWith('r-'))).toHaveLength(2);
  });

  it('copy, paste twice: each paste gets its own ids; cut removes and pastes back', async () => {
    select(['r02-10']);
    await runAction('edit.copy', ctx);
    await runAction('edit.paste', ctx);
    await runAction('edit.paste', ctx);
    expect(doc().racks.filter((r) => r.id.startsWith('r-')).map((r) => r.id)).toEqual(['r-1', 'r-2']);
    const cutRack = doc().racks.find((r) => r.id === 'r-2')!;
    select(['r-2']);
    await runAction('edit.cut', ctx);
    expect(doc().racks.some((r) => r.id === 'r-2')).toBe(false);
    // Pasted back where it was cut from (the spot is free again), under an id unique in the document.
    await runAction('edit.paste', ctx);
    const back = doc().racks[doc().racks.length - 1]!;
    expect(back.id).toMatch(/^r-\d+$/);
    expect(new Set(doc().racks.map((r) => r.id)).size).toBe(doc().racks.length);
    expect(back.position).toEqual(cutRack.position);
  });

  it('Delete removes the selection; Ctrl+Z brings it back where it was', () => {
    const before = doc();
    select(['r01-03']);
    handleShortcut(key('Delete'), ctx);
    expect(doc().racks).toHaveLength(before.racks.length - 1);
    expect(useSession.getState().selection).toEqual([]);
    handleShortcut(key('z', { ctrlKey: true }), ctx);
    expect(doc().racks.map((r) => r.id)).toEqual(before.racks.map((r) => r.id));
    expect(useSession.getState().selection).toEqual(['r01-03']);
    handleShortcut(key('y', { ctrlKey: true }), ctx);
    expect(doc().racks).toHaveLength(before.racks.length - 1);
    expect(useSession.getState().selection).toEqual([]);
  });

  it('select all takes every placed object; R turns the selection; typing in a field is not a shortcut', () => {
    handleShortcut(key('a', { ctrlKey: true }), ctx);
    expect(useSession.getState().selection).toHaveLength(doc().racks.length + doc().cooling.length + doc().power.length);
    select(['r01-04']);
    expect(handleShortcut(key('r', {}, { tagName: 'INPUT', isContentEditable: false }), ctx)).toBe(false);
    expect(doc().racks.find((r) => r.id === 'r01-04')!.rotationDeg).toBe(0);
    handleShortcut(key('r'), ctx);
    expect(doc().racks.find((r) => r.id === 'r01-04')!.rotationDeg).toBe(90);
  });

  it('R on a group that swings a rack out of its row: the rack leaves Row 02 in the same undo step', () => {
    const before = doc();
    // R02-10 and the CRAH behind it turn about their common centre: the rack lands at (25.65, 11.55).
    select(['r02-10', 'crah-04']);
    handleShortcut(key('r'), ctx);
    expect(doc().racks.find((r) => r.id === 'r02-10')).toMatchObject({ position: { x: 25.65, y: 11.55 }, rowId: null, feedA: null, feedB: null });
    expect(history.undoName()).toBe('object.rotate');
    handleShortcut(key('z', { ctrlKey: true }), ctx);
    expect(doc().racks).toEqual(before.racks);
  });

  it('an inspector position that puts a rack behind Row 01 joins it there, one undo step', () => {
    const before = doc();
    select(['r02-10']);
    expect(applyMove(setPositionAxis, { ids: ['r02-10'], axis: 'y', value: 3.6 })).toBe(true);
    expect(doc().racks.find((r) => r.id === 'r02-10')).toMatchObject({ position: { x: 23.7, y: 3.6 }, rowId: 'row-01', feedA: 'bw-A-01-3', feedB: 'bw-B-01-3' });
    expect(history.undoName()).toBe('object.setPosition');
    void runAction('edit.undo', ctx);
    expect(doc().racks).toEqual(before.racks);
    expect(history.canUndo()).toBe(false);
    // Setting the value it already has changes nothing and records nothing.
    expect(applyMove(setPositionAxis, { ids: ['r02-10'], axis: 'y', value: 8.4 })).toBe(false);
    expect(history.canUndo()).toBe(false);
  });
});
