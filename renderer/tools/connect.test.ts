// The tray and connect tools as state machines on the demo hall: a tray run of clicked corners
// finished by Enter is one undo step and Escape mid-run leaves nothing; a link drawn between two
// racks is routed and typed as the fabric routes its cables (worked by hand below); a Shift-box
// selects the racks whose centres fall inside it and adds to what was selected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog';
import { currentDoc, toolEvent } from '../../tests/support/tool-events';
import { demoHall } from '../../engine/generators/index';
import { loadDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { history } from '../editor/instance';
import { useEditor } from '../editor/state';
import { createConnectTool } from './connect';
import { createSelectTool } from './select/index';
import { createTrayTool } from './tray';
import { applyEdit } from './moves';
import { deleteObjects } from '../document/edits';
import { viewportBridge } from './types';

const doc = currentDoc;
const ev = toolEvent;

beforeEach(() => {
  loadDocument(demoHall(shippedCatalog), null, null);
  select([]);
  useEditor.setState({ hint: null, preview: null });
});
afterEach(() => { viewportBridge.project = null; });

describe('tray tool', () => {
  it('clicked corners snap to the tile grid; Enter makes one tray, one undo step', () => {
    const tool = createTrayTool();
    expect(tool.current.onPointerDown!(ev(18.25, 4.85))).toBe(true);
    tool.current.onPointerMove!(ev(24.7, 4.9));
    tool.current.onPointerDown!(ev(24.7, 4.9));
    tool.current.onPointerDown!(ev(24.7, 9.55));
    tool.current.onComplete!();
    expect(useEditor.getState().hint).toBeNull();
    const [tray] = doc().trays;
    // 0.6 m tiles: 18.25 -> 18.0, 4.85 -> 4.8, 24.7 -> 24.6, 9.55 -> 9.6.
    expect(tray!.points).toEqual([{ x: 18, y: 4.8 }, { x: 24.6, y: 4.8 }, { x: 24.6, y: 9.6 }]);
    expect(tray!.elevationM).toBe(shippedCatalog.site.overheadPathHeightM);
    expect(useSession.getState().selection).toEqual([tray!.id]);
    expect(tool.current.id).toBe('idle');
    history.undo();
    expect(doc().trays).toEqual([]);
    expect(history.canUndo()).toBe(false);
  });

  it('Escape mid-run leaves no tray and nothing to undo', () => {
    const tool = createTrayTool();
    tool.current.onPointerDown!(ev(18, 4.8));
    tool.current.onPointerDown!(ev(24.6, 4.8));
    tool.current.onCancel!();
    expect(tool.current.id).toBe('idle');
    expect(doc().trays).toEqual([]);
    expect(useEditor.getState().preview).toBeNull();
    expect(history.canUndo()).toBe(false);
  });
});

describe('connect tool', () => {
  it('links two racks with a routed length and the cheapest cable that reaches', () => {
    const tool = createConnectTool();
    tool.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    expect(tool.current.id).toBe('linking');
    tool.current.onPointerDown!(ev(21.3, 8.4, 'r02-06'));
    const [link] = doc().links;
    expect(link).toMatchObject({ a: { objectId: 'r01-04', port: 'p1' }, b: { objectId: 'r02-06', port: 'p1' } });
    // No trays: Manhattan over the 2.9 m path, |20.1 - 21.3| + |6 - 8.4| = 3.6 m, plus two drops
    // from 2.9 m to the ports at half the 2.3 m racks (2 x 1.75 m) and 1 m slack = 8.1 m.
    expect(link!.routedLengthM).toBeCloseTo(8.1, 6);
    // GB200 racks have 400G NICs; past DAC (2 m) and active copper (5 m) reach, 8.1 m is optical.
    const type = shippedCatalog.cableTypes.find((t) => t.id === link!.cableTypeId)!;
    expect(type.gbps).toBe(400);
    expect(type.maxReachM).toBeGreaterThanOrEqual(8.1);
    expect(type.kind).not.toMatch(/^dac/);
    expect(useSession.getState().selection).toEqual([link!.id]);
    expect(history.undoName()).toBe('link.add');
    history.undo();
    expect(doc().links).toEqual([]);
    expect(history.canUndo()).toBe(false);
  });

  it('a tray route is measured along the tray', () => {
    const tool = createTrayTool();
    tool.current.onPointerDown!(ev(18, 4.8));
    tool.current.onPointerDown!(ev(24.6, 4.8));
    tool.current.onComplete!();
    const connect = createConnectTool();
    connect.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    connect.current.onPointerDown!(ev(21.3, 8.4, 'r02-06'));
    // The tray runs along the far side of row 01 (y = 4.8): off to it 1.2 m and 3.6 m, along it
    // 1.2 m, drops 1.75 m each, slack 1 m = 10.5 m, where the direct Manhattan route was 8.1 m.
    expect(doc().links[0]!.routedLengthM).toBeCloseTo(10.5, 6);
  });
});

describe('a drawn link follows its ends', () => {
  /** r01-04 to r02-06 with the connect tool: 8.1 m on AOC (worked above). */
  const draw = () => {
    const connect = createConnectTool();
    connect.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    connect.current.onPointerDown!(ev(21.3, 8.4, 'r02-06'));
    history.clear();
    return doc().links[0]!;
  };
  /** Drag r01-04 from its place to y = 4.2 (the front edge snaps to the 3.6 m tile line, as in tools.test.ts). */
  const drag = (finish: 'drop' | 'escape') => {
    const tool = createSelectTool();
    tool.current.onPointerDown!(ev(20.1, 6, 'r01-04'));
    tool.current.onPointerMove!(ev(20.1, 5));
    tool.current.onPointerMove!(ev(20.1, 4.1));
    if (finish === 'drop') tool.current.onPointerUp!(ev(20.1, 4.1)); else tool.current.onCancel!();
  };

  it('a dragged end re-routes the link in the drag\'s one undo step', () => {
    const drawn = draw();
    drag('drop');
    // |20.1 - 21.3| + |4.2 - 8.4| = 5.4 m, drops 2 x 1.75 m, slack 1 m = 9.9 m.
    expect(doc().links[0]).toMatchObject({ routedLengthM: 9.9, cableTypeId: 'aoc-400' });
    expect(history.undoName()).toBe('object.move');
    history.undo();
    expect(doc().links[0]).toEqual(drawn);
    expect(history.canUndo()).toBe(false);
    history.redo();
    expect(doc().links[0]!.routedLengthM).toBe(9.9);
  });

  it('Escape during the drag leaves the link as drawn and nothing to undo', () => {
    const drawn = draw();
    drag('escape');
    expect(doc().links[0]).toBe(drawn);
    expect(history.canUndo()).toBe(false);
  });

  it('deleting an end deletes the link in the same step; undo brings both back', () => {
    const drawn = draw();
    applyEdit(deleteObjects, { ids: ['r02-06'] });
    expect(doc().links).toEqual([]);
    expect(doc().racks.some((r) => r.id === 'r02-06')).toBe(false);
    history.undo();
    expect(doc().links).toEqual([drawn]);
    expect(doc().racks.some((r) => r.id === 'r02-06')).toBe(true);
  });

  it('a tray drawn afterwards re-routes the link along it, in the tray\'s undo step', () => {
    draw();
    const tool = createTrayTool();
    tool.current.onPointerDown!(ev(18, 4.8));
    tool.current.onPointerDown!(ev(24.6, 4.8));
    tool.current.onComplete!();
    // 10.5 m along the tray (worked in 'a tray route is measured along the tray').
    expect(doc().links[0]!.routedLengthM).toBeCloseTo(10.5, 6);
    history.undo();
    expect(doc().trays).toEqual([]);
    expect(doc().links[0]!.routedLengthM).toBe(8.1);
  });
});

describe('box selection', () => {
  it('selects the racks whose centres fall in the Shift-dragged box, adding to the selection', () => {
    // Plan projection: 40 px a metre, as ev() places the pointer.
    viewportBridge.project = (x, y) => ({ clientX: x * 40, clientY: y * 40 });
    const tool = createSelectTool();
    // Row 01 stands at y = 6 with centres 0.6 m apart from x = 18.3; this box holds 19.5 .. 20.7
    // and none of the centres of the busway lengths above the row (x = 19.2, 21.3, 22.8).
    expect(tool.current.onPointerDown!(ev(19.3, 5, null, { shift: true }))).toBe(true);
    tool.current.onPointerMove!(ev(21, 6.5, null, { shift: true }));
    tool.current.onPointerUp!(ev(21, 6.5, null, { shift: true }));
    expect(useSession.getState().selection).toEqual(['r01-03', 'r01-04', 'r01-05']);
    // A second box over row 02 (21.9 and 22.5; busways at 21.3 and 23.1) adds to it.
    tool.current.onPointerDown!(ev(21.6, 8, null, { shift: true }));
    tool.current.onPointerUp!(ev(22.8, 9, null, { shift: true }));
    expect(useSession.getState().selection).toEqual(['r01-03', 'r01-04', 'r01-05', 'r02-07', 'r02-08']);
    expect(useEditor.getState().brush).toBeNull();
  });
});
