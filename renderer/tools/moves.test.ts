// What follows a move is written with it: the inspector's position, the rack's new row and the
// re-routed links reach the store as one document (one engine run, one history entry, one undo
// step), and a drag's drop writes the row and the links together. Demo hall, no trays: a drawn
// link from R02-10 to R02-06 (or R02-05) is routed Manhattan over the 2.9 m path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Link, LinkId, ProjectDocument } from '../../engine/model/index';
import { demoHall } from '../../engine/generators/index';
import { shippedCatalog } from '../../tests/support/catalog';
import { toolEvent } from '../../tests/support/tool-events';
import { loadDocument, onDocumentChange, useDocument, type DocumentChange } from '../state/document';
import { select, useSession } from '../state/session';
import { history } from '../editor/instance';
import { useEditor } from '../editor/state';
import { deleteObjects, insertRecords, setPositionAxis } from '../document/edits';
import { routeLinks, updateLinks } from '../document/relink';
import { createSelectTool } from './select/index';
import { applyEdit, applyMove } from './moves';

const doc = () => useDocument.getState().doc!;
const rack = (d: ProjectDocument, id: string) => d.racks.find((r) => r.id === id)!;
const linkOf = (d: ProjectDocument, id: string) => d.links.find((l) => l.id === id)!;

/** The demo hall with drawn links, routed as the connect tool routes them. */
function withLinks(ends: [string, string][]): ProjectDocument {
  const links = ends.map(([a, b], i): Link => ({
    id: `l${i + 1}` as LinkId, a: { objectId: a, port: 'p1' }, b: { objectId: b, port: 'p1' }, purpose: 'compute', cableTypeId: null, routedLengthM: null, tags: {},
  }));
  const d = insertRecords.apply(demoHall(shippedCatalog), { records: links.map((record) => ({ section: 'links', record })) });
  return updateLinks.apply(d, { links: routeLinks(d, d.links).links });
}

let changes: DocumentChange[] = [];
let off: () => void = () => undefined;
beforeEach(() => {
  select([]);
  useSession.setState({ notices: [] });
  useEditor.setState({ hint: null, preview: null });
  off = onDocumentChange((c) => changes.push(c));
});
afterEach(() => off());

/** One undo gives back `start`'s racks and links, and nothing is left to undo: the edit was one step. */
function undoneTo(start: ProjectDocument): void {
  history.undo();
  expect(doc().racks).toEqual(start.racks);
  expect(doc().links).toEqual(start.links);
  expect(history.canUndo()).toBe(false);
}

describe('a move and what follows it, written once', () => {
  it('an inspector position into Row 01 writes the move, the row and the re-routed link as one change, one undo step', () => {
    const start = withLinks([['r02-10', 'r02-06']]);
    loadDocument(start, null, null);
    changes = [];
    select(['r02-10']);
    expect(applyMove(setPositionAxis, { ids: ['r02-10'], axis: 'y', value: 3.6 })).toBe(true);
    expect(changes.map((c) => c.name)).toEqual(['object.setPosition']);
    const [change] = changes;
    expect(change!.before).toBe(start);
    expect(change!.after).toBe(doc());
    expect(rack(doc(), 'r02-10')).toMatchObject({ position: { x: 23.7, y: 3.6 }, rowId: 'row-01', feedA: 'bw-A-01-3', feedB: 'bw-B-01-3' });
    // R02-10 (23.7, 8.4 -> 3.6; 2.2 m high, drop 1.8 m) to R02-06 (21.3, 8.4; GB200, drop 1.75 m):
    // 2.4 + 3.55 + 1 = 6.95 m before, 2.4 + 4.8 + 3.55 + 1 = 11.75 m after.
    expect(linkOf(start, 'l1').routedLengthM).toBe(6.95);
    expect(linkOf(doc(), 'l1').routedLengthM).toBe(11.75);
    expect(history.undoName()).toBe('object.setPosition');
    undoneTo(start);
  });

  it('a drag dropped in Row 01 writes the row and the re-routed link together, in the drag\'s undo step', () => {
    const start = withLinks([['r02-05', 'r02-10']]);
    loadDocument(start, null, null);
    // R02-05 (20.7, 8.4; drop 1.75 m) to R02-10 (23.7, 8.4; drop 1.8 m): 3 + 3.55 + 1 = 7.55 m.
    expect(linkOf(start, 'l1').routedLengthM).toBe(7.55);
    const tool = createSelectTool();
    tool.current.onPointerDown!(toolEvent(20.7, 8.4, 'r02-05'));
    tool.current.onPointerMove!(toolEvent(20.7, 8.0));
    tool.current.onPointerMove!(toolEvent(17.7, 6.0));
    changes = [];
    tool.current.onPointerUp!(toolEvent(17.7, 6.0));
    expect(changes).toHaveLength(1);
    expect(rack(doc(), 'r02-05')).toMatchObject({ position: { x: 17.7, y: 6 }, rowId: 'row-01', cduId: 'cdu-01-1' });
    // From (17.7, 6): 6 + 2.4 + 3.55 + 1 = 12.95 m.
    expect(linkOf(doc(), 'l1').routedLengthM).toBe(12.95);
    expect(changes[0]!.after).toBe(doc());
    expect(history.undoName()).toBe('object.move');
    undoneTo(start);
  });

  it('a delete and the links it re-routes are one change; a no-op writes nothing', () => {
    loadDocument(withLinks([['r01-04', 'r02-06']]), null, null);
    changes = [];
    expect(applyEdit(deleteObjects, { ids: ['r01-04'] })).toBe(true);
    expect(changes.map((c) => c.name)).toEqual(['object.delete']);
    expect(doc().links).toEqual([]);
    expect(applyEdit(deleteObjects, { ids: ['r01-04'] })).toBe(false);
    expect(applyMove(setPositionAxis, { ids: ['r01-05'], axis: 'y', value: 6 })).toBe(false);
    expect(changes).toHaveLength(1);
  });
});
