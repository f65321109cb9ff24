// The tools as state machines, driven by synthetic pointer events on the document model: a
// click selects, a drag moves (snapped, one undo step), a refused spot leaves the document alone
// with a reason, Escape rolls a drag back without trace; the place tool lays a row oriented by
// the aisle rule; the containment tool closes a hot aisle exactly between two rows. A rack dragged
// into another row joins it in the same undo step, and undo/redo bring its row and selection back.
import { beforeEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog';
import { currentDoc, toolEvent } from '../../tests/support/tool-events';
import { demoHall, gigawattHall } from '../../engine/generators/index';
import { loadDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { history } from '../editor/instance';
import { useEditor } from '../editor/state';
import { createSelectTool } from './select/index';
import { createPlaceTool } from './place';
import { createContainmentTool } from './containment';

const doc = currentDoc;
const ev = toolEvent;

beforeEach(() => {
  loadDocument(demoHall(shippedCatalog), null, null);
  select([]);
  useSession.setState({ notices: [] });
  useEditor.setState({ hint: null, preview: null });
});

describe('select tool', () => {
  it('click selects, Shift-click adds and removes; empty floor is left to the camera', () => {
    const tool = createSelectTool();
    expect(tool.current.onPointerDown!(ev(10, 10))).toBe(false);
    expect(tool.current.onPointerDown!(ev(20.1, 6, 'r01-04'))).toBe(true);
    tool.current.onPointerUp!(ev(20.1, 6, 'r01-04'));
    expect(useSession.getState().selection).toEqual(['r01-04']);
    tool.current.onPointerDown!(ev(20.7, 6, 'r01-05', { shift: true }));
    tool.current.onPointerUp!(ev(20.7, 6, 'r01-05', { shift: true }));
    expect(useSession.getState().selection).toEqual(['r01-04', 'r01-05']);
    tool.current.onPointerDown!(ev(20.1, 6, 'r01-04', { shift: true }));
    tool.current.onPointerUp!(ev(20.1, 6, 'r01-04', { shift: true }));
    expect(useSession.getState().selection).toEqual(['r01-05']);
    expect(tool.current.id).toBe('idle');
  });

  it('a drag moves the rack onto the tile grid as one undo step', () => {
    const tool = createSelectTool();
    const start = doc();
    tool.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    tool.current.onPointerMove!(ev(20.1, 5));
    expect(tool.current.id).toBe('dragging');
    tool.current.onPointerMove!(ev(20.1, 4.1));
    tool.current.onPointerUp!(ev(20.1, 4.1));
    const moved = doc().racks.find((r) => r.id === 'r01-04')!;
    // Dragged 1.9 m toward -y; the front edge (5.4 - 1.9 = 3.5) snaps to the 3.6 m tile line.
    expect(moved.position.y).toBeCloseTo(4.2);
    expect(moved.position.x).toBeCloseTo(20.1);
    expect(history.undoName()).toBe('object.move');
    history.undo();
    expect(doc().racks).toEqual(start.racks);
    expect(history.canUndo()).toBe(false);
  });

  it('refuses to move a rack onto its neighbour, with the reason', () => {
    const tool = createSelectTool();
    const start = doc();
    tool.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    tool.current.onPointerMove!(ev(21.3, 6));
    expect(doc().racks).toBe(start.racks);
    expect(useEditor.getState().hint).toMatchObject({ tone: 'error' });
    expect(useEditor.getState().hint!.text).toMatch(/would overlap R01-0[56]/);
    tool.current.onPointerUp!(ev(21.3, 6));
    expect(history.canUndo()).toBe(false);
  });

  it('Escape during a drag puts everything back and leaves nothing to undo', () => {
    const tool = createSelectTool();
    const start = doc();
    tool.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    tool.current.onPointerMove!(ev(20.1, 4));
    tool.current.onPointerMove!(ev(20.1, 3));
    expect(doc().racks).not.toBe(start.racks);
    tool.current.onCancel!();
    expect(tool.current.id).toBe('idle');
    expect(doc().racks).toEqual(start.racks);
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
  });
});

describe('select tool on the gigawatt hall', () => {
  it('refuses a rack dragged onto its neighbour, naming it, and takes the aisle in front; one undo step', () => {
    loadDocument(gigawattHall(shippedCatalog), null, null);
    const start = doc();
    const tool = createSelectTool();
    // R01-06 stands at x 312.0 to 312.6, y 5.4 to 6.6, between R01-05 and R01-07 in a row of 0.6 m racks.
    tool.current.onPointerDown!(ev(312.3, 6, 'r01-06'));
    tool.current.onPointerMove!(ev(312.6, 6));
    expect(tool.current.id).toBe('dragging');
    expect(doc()).toBe(start);
    expect(useEditor.getState().hint!.text).toBe("Can't move here: R01-06 would overlap R01-07");
    // Out into the aisle in front it moves, snapped to the grid (front edge 5.4 - 1.2 = 4.2 m, a tile line).
    tool.current.onPointerMove!(ev(312.3, 4.8));
    expect(doc().racks.find((r) => r.id === 'r01-06')!.position).toEqual({ x: 312.3, y: 4.8 });
    expect(useEditor.getState().hint).toBeNull();
    // Back up onto R01-05 it is refused again and stays in the aisle.
    const inAisle = doc();
    tool.current.onPointerMove!(ev(311.7, 6));
    expect(doc()).toBe(inAisle);
    expect(useEditor.getState().hint!.text).toBe("Can't move here: R01-06 would overlap R01-05");
    tool.current.onPointerUp!(ev(311.7, 6));
    expect(history.undoName()).toBe('object.move');
    history.undo();
    expect(doc().racks).toEqual(start.racks);
  });
});

describe('select tool: a rack dragged into another row', () => {
  const drag = (tool: ReturnType<typeof createSelectTool>, to: { x: number; y: number }) => {
    tool.current.onPointerDown!(ev(20.7, 8.4, 'r02-05'));
    tool.current.onPointerMove!(ev(20.7, 8.0));
    tool.current.onPointerMove!(ev(to.x, to.y));
  };
  const r0205 = () => doc().racks.find((r) => r.id === 'r02-05')!;

  it('joins Row 01 (busways, CDU) in one undo step; undo and redo bring row and selection back', () => {
    const tool = createSelectTool();
    const start = doc();
    drag(tool, { x: 17.7, y: 6.0 });
    // While dragging the rack still reports Row 02: the row is decided when it is dropped.
    expect(r0205().rowId).toBe('row-02');
    tool.current.onPointerUp!(ev(17.7, 6.0));
    expect(r0205()).toMatchObject({ position: { x: 17.7, y: 6 }, rowId: 'row-01', feedA: 'bw-A-01-1', feedB: 'bw-B-01-1', cduId: 'cdu-01-1' });
    expect(useSession.getState().notices.map((n) => n.title)).toContain('R02-05 now in Row 01');
    expect(useEditor.getState().hint!.text).toBe('R02-05 now in Row 01');
    // The note beside the cursor stays while the pointer is near, and goes once it moves on.
    tool.current.onPointerMove!(ev(17.8, 6.0));
    expect(useEditor.getState().hint).not.toBeNull();
    tool.current.onPointerMove!(ev(12, 6.0));
    expect(useEditor.getState().hint).toBeNull();
    expect(history.undoName()).toBe('object.move');
    select([]);
    history.undo();
    expect(doc().racks).toEqual(start.racks);
    expect(useSession.getState().selection).toEqual(['r02-05']);
    expect(history.canUndo()).toBe(false);
    select([]);
    history.redo();
    expect(r0205()).toMatchObject({ rowId: 'row-01', cduId: 'cdu-01-1' });
    expect(useSession.getState().selection).toEqual(['r02-05']);
  });

  it('a multi-selection dragged into Row 01 joins it together: the pair does not anchor itself in Row 02', () => {
    const tool = createSelectTool();
    select(['r02-03', 'r02-04']);
    tool.current.onPointerDown!(ev(20.1, 8.4, 'r02-04'));
    tool.current.onPointerMove!(ev(20.1, 8.0));
    tool.current.onPointerMove!(ev(17.7, 6.0));
    tool.current.onPointerUp!(ev(17.7, 6.0));
    const moved = doc().racks.filter((r) => r.id === 'r02-03' || r.id === 'r02-04');
    expect(moved.map((r) => [r.position.x, r.position.y, r.rowId, r.cduId])).toEqual([[17.1, 6, 'row-01', 'cdu-01-1'], [17.7, 6, 'row-01', 'cdu-01-1']]);
    expect(useSession.getState().notices.map((n) => n.title)).toContain('2 racks now in Row 01');
    history.undo();
    expect(doc().racks.filter((r) => r.rowId === 'row-02').map((r) => r.id)).toContain('r02-03');
    expect(useSession.getState().selection).toEqual(['r02-03', 'r02-04']);
  });

  it('Escape after dragging it into Row 01 leaves no trace, row included', () => {
    const tool = createSelectTool();
    const start = doc();
    drag(tool, { x: 17.7, y: 6.0 });
    tool.current.onCancel!();
    expect(doc().racks).toEqual(start.racks);
    expect(history.canUndo()).toBe(false);
  });

  it('dropped on open floor it leaves its row, and the notice says what is missing', () => {
    const tool = createSelectTool();
    drag(tool, { x: 5.7, y: 8.4 });
    tool.current.onPointerUp!(ev(5.7, 8.4));
    expect(r0205()).toMatchObject({ rowId: null, feedA: null, feedB: null, cduId: null });
    const notice = useSession.getState().notices.find((n) => n.title === 'R02-05 no longer in a row')!;
    expect(notice.tone).toBe('info');
    expect(notice.items).toEqual(['no row nearby: no busways or CDU assigned']);
  });
});

describe('place tool', () => {
  it('drags a row of four facing row 02 across the cold aisle, fed by row 02', () => {
    useEditor.setState({ placeTypeId: 'cpu-2s-20n' });
    const tool = createPlaceTool();
    expect(tool.current.onPointerDown!(ev(18.3, 11.4))).toBe(true);
    tool.current.onPointerMove!(ev(20.1, 11.4));
    tool.current.onPointerUp!(ev(20.1, 11.4));
    const added = doc().racks.filter((r) => r.id.startsWith('r-'));
    expect(added.map((r) => r.id)).toEqual(['r-1', 'r-2', 'r-3', 'r-4']);
    expect(added.map((r) => r.position.x)).toEqual([18.3, 18.9, 19.5, 20.1]);
    // Row 02 faces +y toward the new row: front to front, the new racks face -y (rotation 0).
    expect(added.every((r) => r.rotationDeg === 0 && r.rowId === 'row-02' && r.feedA !== null && r.feedB !== null)).toBe(true);
    expect(useSession.getState().selection).toEqual(['r-1', 'r-2', 'r-3', 'r-4']);
  });

  it('refuses a spot that is taken and says why', () => {
    useEditor.setState({ placeTypeId: 'cpu-2s-20n' });
    const tool = createPlaceTool();
    const before = doc();
    tool.current.onPointerDown!(ev(20.1, 6));
    tool.current.onPointerUp!(ev(20.1, 6));
    expect(doc()).toBe(before);
    expect(useEditor.getState().hint!.text).toMatch(/Can't place: .*would overlap/);
  });
});

describe('containment tool', () => {
  it('closes the hot aisle between the rows, snapped to their edges', () => {
    const tool = createContainmentTool();
    tool.current.onPointerDown!(ev(18.1, 6.7));
    tool.current.onPointerMove!(ev(24.7, 7.7));
    tool.current.onPointerUp!(ev(24.7, 7.7));
    const [c] = doc().containment;
    expect(c).toMatchObject({ id: 'hac-1', min: { x: 18, y: 6.6 }, max: { x: 24.8, y: 7.8 }, heightM: 2.3 });
    expect(shippedCatalog.containmentTypes.find((t) => t.id === c!.typeId)!.kind).toBe('hot-aisle');
  });
});
