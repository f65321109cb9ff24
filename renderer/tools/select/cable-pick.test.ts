// Which cable a click picks: the demo hall with three drawn links seen from above (plan, 10 px a
// metre) and at an angle; screen points come from three's own projection of hall points, so the
// pick's hand-rolled matrix arithmetic is checked against it. A click within CABLE_PICK_PX of a
// route picks its link, the nearer of two, none beyond; seen at an angle the cable is picked at
// its tray height, not on the floor below; a click on a rack picks the rack even where a cable
// ends on it, and the select tool turns a click on a cable into the link's selection.
import { beforeEach, describe, expect, it } from 'vitest';
import { OrthographicCamera, PerspectiveCamera, Vector3, type Camera } from 'three';
import { shippedCatalog } from '../../../tests/support/catalog';
import { boxOf } from '../../../tests/support/tool-events';
import { demoHall } from '../../../engine/generators/index';
import type { Link, LinkId, ProjectDocument } from '../../../engine/model/index';
import { loadDocument, useDocument } from '../../state/document';
import { select, useSession } from '../../state/session';
import { viewportBridge, type ToolEvent } from '../types';
import { linkRoutes, ROUTE_STRIDE, selectedRoutesGeometry } from '../../overlays/Cables';
import { CABLE_PICK_PX, cablePicker, hallToClip, linkAt, pickRoute, type ScreenRect } from './cable-pick';
import { createSelectTool } from './index';
import { history } from '../../editor/instance';
import type { FactoryTwinApi } from '../../../electron/contract/api';
import { handleShortcut } from '../../actions/registry';
import '../../actions/edit';
import '../../actions/view';

const rect: ScreenRect = { left: 30, top: 20, width: 800, height: 600 };

const link = (id: string, a: string, b: string): Link => ({
  id: id as LinkId, a: { objectId: a, port: 'p1' }, b: { objectId: b, port: 'p1' }, purpose: 'compute', cableTypeId: null, routedLengthM: null, tags: {},
});
/**
 * Row 01 stands at y = 6, row 02 at y = 8.4 (racks 1.2 m deep: the aisle is y 6.6 to 7.8). Each
 * link crosses the aisle along y at its far end's x: L1 at x = 21.3, L3 at x = 20.7, L2 at 18.9.
 */
function linkedDemo(): ProjectDocument {
  const doc = demoHall(shippedCatalog);
  return { ...doc, links: [link('L1', 'r01-04', 'r02-06'), link('L2', 'r01-02', 'r02-02'), link('L3', 'r01-05', 'r02-05')] };
}

/** Looking straight down on the hall centred on (x, y), `pxPerM` screen pixels a metre, hall +y up the screen. */
function planCamera(x: number, y: number, pxPerM: number): Camera {
  const halfW = rect.width / 2 / pxPerM, halfH = rect.height / 2 / pxPerM;
  const c = new OrthographicCamera(-halfW, halfW, halfH, -halfH, 0.1, 100);
  c.position.set(x, 50, -y);
  c.up.set(0, 0, -1);
  c.lookAt(x, 0, -y);
  c.updateMatrixWorld();
  c.updateProjectionMatrix();
  return c;
}

/** Hall point to client pixels through three's projection (the viewport's own mapping, viewport-input.ts). */
function screen(camera: Camera, x: number, y: number, z: number): { clientX: number; clientY: number } {
  const v = new Vector3(x, z, -y).project(camera);
  return { clientX: rect.left + ((v.x + 1) / 2) * rect.width, clientY: rect.top + ((1 - v.y) / 2) * rect.height };
}

function picked(doc: ProjectDocument, camera: Camera, p: { clientX: number; clientY: number }, dx = 0, dy = 0): string | null {
  const routes = linkRoutes(doc);
  const k = pickRoute(routes, hallToClip(camera).elements, rect, p.clientX + dx, p.clientY + dy);
  return k < 0 ? null : routes.ids[k]!;
}

/** The reference: each route's distance in pixels from the click, its segments projected by three. */
function plainDistances(routes: ReturnType<typeof linkRoutes>, camera: Camera, click: { clientX: number; clientY: number }): number[] {
  return routes.ids.map((_, k) => {
    const pts = [0, 1, 2, 3, 4].map((i) => {
      const o = ROUTE_STRIDE * k + 3 * i;
      return screen(camera, routes.points[o]!, routes.points[o + 1]!, routes.points[o + 2]!);
    });
    let best = Infinity;
    for (let i = 0; i < 4; i++) {
      const a = pts[i]!, b = pts[i + 1]!;
      const dx = b.clientX - a.clientX, dy = b.clientY - a.clientY, len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((click.clientX - a.clientX) * dx + (click.clientY - a.clientY) * dy) / len2));
      best = Math.min(best, Math.hypot(a.clientX + t * dx - click.clientX, a.clientY + t * dy - click.clientY));
    }
    return best;
  });
}

describe('picking a cable on screen', () => {
  const doc = linkedDemo();

  it('plan view: within a few pixels of a route picks its link, farther picks none', () => {
    const camera = planCamera(21, 7.2, 40);
    const onL1 = screen(camera, 21.3, 7.2, 0);
    expect(picked(doc, camera, onL1)).toBe('L1');
    expect(picked(doc, camera, onL1, CABLE_PICK_PX - 1, 0)).toBe('L1');
    expect(picked(doc, camera, onL1, -(CABLE_PICK_PX - 1), 2)).toBe('L1');
    expect(picked(doc, camera, onL1, CABLE_PICK_PX + 2, 0)).toBe(null);
    // The aisle crossing of L2, and open floor past the rows' ends.
    expect(picked(doc, camera, screen(camera, 18.9, 7.0, 0))).toBe('L2');
    expect(picked(doc, camera, screen(camera, 26, 7.2, 0))).toBe(null);
  });

  it('of two cables within reach, the nearer wins', () => {
    // 10 px a metre: L3 (x = 20.7) and L1 (x = 21.3) are 6 px apart; a click 2 px right of L3 is 4 px left of L1.
    const camera = planCamera(21, 7.2, 10);
    const onL3 = screen(camera, 20.7, 7.2, 0);
    expect(picked(doc, camera, onL3, 2, 0)).toBe('L3');
    expect(picked(doc, camera, onL3, 4, 0)).toBe('L1');
  });

  it('seen at an angle, the cable is picked where it is drawn (tray height), not on the floor below it', () => {
    const camera = new PerspectiveCamera(50, rect.width / rect.height, 0.1, 500);
    camera.position.set(21.3, 15, 5); // hall (21.3, -5, 15)
    camera.lookAt(21.3, 0, -7);
    camera.updateMatrixWorld();
    camera.updateProjectionMatrix();
    const cable = screen(camera, 21.3, 7.2, 3.2), floor = screen(camera, 21.3, 7.2, 0);
    expect(Math.hypot(cable.clientX - floor.clientX, cable.clientY - floor.clientY)).toBeGreaterThan(3 * CABLE_PICK_PX);
    expect(picked(doc, camera, cable)).toBe('L1');
    expect(picked(doc, camera, floor)).toBe(null);
    // The drop onto row 02's rack top is part of the route too.
    expect(picked(doc, camera, screen(camera, 21.3, 8.4, 2.9))).toBe('L1');
  });

  it('the selected link is drawn again in the selection colour, over its own route', () => {
    const routes = linkRoutes(doc);
    expect(selectedRoutesGeometry(routes, [])).toBe(null);
    expect(selectedRoutesGeometry(routes, ['r01-04'])).toBe(null);
    const g = selectedRoutesGeometry(routes, ['r01-04', 'L3'])!;
    const pos = g.getAttribute('position');
    // Four segments, eight vertices: L3's route points 0-1, 1-2, 2-3, 3-4.
    expect(pos.count).toBe(8);
    const k = routes.ids.indexOf('L3');
    const route = Array.from(routes.points.subarray(ROUTE_STRIDE * k, ROUTE_STRIDE * (k + 1)));
    const expected = [0, 1, 1, 2, 2, 3, 3, 4].flatMap((i) => route.slice(3 * i, 3 * i + 3));
    Array.from(pos.array).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('skipping routes by their boxes changes no answer: the same link as a plain projection of every route', () => {
    // More links, long and short, across and along the rows; clicks near random route points.
    const racks = doc.racks;
    let seed = 7;
    const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const many = { ...doc, links: Array.from({ length: 60 }, (_, i) => link(`M${i}`, racks[Math.floor(rnd() * racks.length)]!.id, racks[Math.floor(rnd() * racks.length)]!.id)) };
    const routes = linkRoutes(many);
    const oblique = new PerspectiveCamera(60, rect.width / rect.height, 0.1, 500);
    oblique.position.set(14, 6, 2); // hall (14, -2, 6): low, looking along the rows
    oblique.lookAt(22, 1, -7);
    oblique.updateMatrixWorld();
    oblique.updateProjectionMatrix();
    let hits = 0;
    for (const camera of [planCamera(21, 7.2, 25), oblique]) {
      for (let t = 0; t < 300; t++) {
        const k = Math.floor(rnd() * routes.ids.length), i = Math.floor(rnd() * 4), f = rnd();
        const at = (j: number) => routes.points[ROUTE_STRIDE * k + 3 * i + j]! * (1 - f) + routes.points[ROUTE_STRIDE * k + 3 * (i + 1) + j]! * f;
        const p = screen(camera, at(0), at(1), at(2));
        const click = { clientX: p.clientX + (rnd() - 0.5) * 16, clientY: p.clientY + (rnd() - 0.5) * 16 };
        const got = pickRoute(routes, hallToClip(camera).elements, rect, click.clientX, click.clientY);
        // Links sharing a rack share its riser: the same distance, either answer is right.
        const d = plainDistances(routes, camera, click), nearest = Math.min(...d);
        if (nearest < CABLE_PICK_PX - 1e-6) { expect(got).toBeGreaterThanOrEqual(0); expect(d[got]!).toBeCloseTo(nearest, 6); hits++; }
        if (nearest > CABLE_PICK_PX + 1e-6) expect(got).toBe(-1);
      }
    }
    // Enough of the clicks land on a cable for the comparison to mean something.
    expect(hits).toBeGreaterThan(150);
  });

  it('a link whose end stands on nothing is not drawn, so not picked', () => {
    const broken = { ...doc, links: [link('L9', 'r01-04', 'nowhere'), ...doc.links] };
    expect(linkRoutes(broken).ids).toEqual(['L1', 'L2', 'L3']);
  });
});

describe('the select tool and cables', () => {
  const camera = planCamera(21, 7.2, 40);
  const ev = (x: number, y: number, hit: string | null, extra: Partial<ToolEvent> = {}): ToolEvent => ({
    point: { x, y }, hit: hit === null ? null : boxOf(hit), shift: false, mod: false, button: 0, ...screen(camera, x, y, 0), ...extra,
  });

  beforeEach(() => {
    loadDocument(linkedDemo(), null, null);
    select([]);
    // As the viewport wires it (viewport-input.ts), with the test's camera and canvas.
    cablePicker.at = (x, y) => linkAt(useDocument.getState().doc!, camera, rect, x, y);
    viewportBridge.project = (x, y, z) => screen(camera, x, y, z);
  });

  it('a click on a cable selects its link; Shift-click adds and removes it', () => {
    const tool = createSelectTool();
    expect(tool.current.onPointerDown!(ev(21.3, 7.2, null))).toBe(true);
    expect(tool.current.id).toBe('pointingCable');
    tool.current.onPointerUp!(ev(21.3, 7.2, null));
    expect(useSession.getState().selection).toEqual(['L1']);
    expect(tool.current.id).toBe('idle');
    tool.current.onPointerDown!(ev(18.9, 7.2, null, { shift: true }));
    tool.current.onPointerUp!(ev(18.9, 7.2, null, { shift: true }));
    expect(useSession.getState().selection).toEqual(['L1', 'L2']);
    tool.current.onPointerDown!(ev(21.3, 7.2, null, { shift: true }));
    tool.current.onPointerUp!(ev(21.3, 7.2, null, { shift: true }));
    expect(useSession.getState().selection).toEqual(['L2']);
    // Open floor is still the camera's.
    expect(tool.current.onPointerDown!(ev(26, 7.2, null))).toBe(false);
  });

  it('a click on a rack picks the rack, even where a cable drops onto it', () => {
    const tool = createSelectTool();
    // L1 ends on r02-06's top at (21.3, 8.4): in plan its drop is right under the click.
    expect(cablePicker.at!(ev(21.3, 8.4, null).clientX, ev(21.3, 8.4, null).clientY)).toBe('L1');
    tool.current.onPointerDown!(ev(21.3, 8.4, 'r02-06'));
    expect(tool.current.id).toBe('pointing');
    tool.current.onPointerUp!(ev(21.3, 8.4, 'r02-06'));
    expect(useSession.getState().selection).toEqual(['r02-06']);
  });

  it('a drag from a cable selects nothing; with Shift it is a box selection', () => {
    const tool = createSelectTool();
    tool.current.onPointerDown!(ev(21.3, 7.2, null));
    tool.current.onPointerMove!(ev(22, 7.2, null));
    tool.current.onPointerUp!(ev(22, 7.2, null));
    expect(useSession.getState().selection).toEqual([]);
    // Shift-drag from the cable (2 px beside it) over row 02's racks at x = 21.3 and 21.9 (centres at y = 8.4).
    tool.current.onPointerDown!(ev(21.25, 7.2, null, { shift: true }));
    expect(tool.current.id).toBe('pointingCable');
    tool.current.onPointerMove!(ev(22.2, 8.8, null, { shift: true }));
    expect(tool.current.id).toBe('brushing');
    tool.current.onPointerUp!(ev(22.2, 8.8, null, { shift: true }));
    // Objects only, as a box from open floor selects: the two racks and the busways centred over them (x = 21.3); no link.
    expect(useSession.getState().selection).toEqual(['r02-06', 'r02-07', 'bw-A-02-2', 'bw-B-02-2']);
  });

  it('Delete removes the clicked link alone, one undo brings it back; Escape clears the selection', () => {
    const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: null, preventDefault: () => undefined }) as unknown as KeyboardEvent;
    const ctx = { api: {} as FactoryTwinApi };
    const tool = createSelectTool();
    const before = useDocument.getState().doc!;
    tool.current.onPointerDown!(ev(21.3, 7.2, null));
    tool.current.onPointerUp!(ev(21.3, 7.2, null));
    expect(useSession.getState().selection).toEqual(['L1']);
    expect(handleShortcut(key('Delete'), ctx)).toBe(true);
    const after = useDocument.getState().doc!;
    expect(after.links.map((l) => l.id)).toEqual(['L2', 'L3']);
    expect(after.racks).toBe(before.racks);
    history.undo();
    expect(useDocument.getState().doc!.links.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
    select(['L2']);
    expect(handleShortcut(key('Escape'), ctx)).toBe(true);
    expect(useSession.getState().selection).toEqual([]);
  });
});
