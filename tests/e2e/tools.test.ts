// The drawing tools in Chromium, in plan view, as a user works them: the tray tool lays a cable
// tray of clicked corners (finished by a double-click) that shows where it was drawn and goes in
// one undo step, and Escape mid-run leaves nothing; the connect tool links two racks and the
// inspector shows the cable type and a routed length no shorter than the racks' Manhattan
// distance, and follows an end dragged away (a cable chosen by hand kept, its violation selecting
// the link); a Shift-drag box selects exactly the racks whose positions fall inside it, and a
// second box adds to the selection. Pointer gestures aim at hall points through the editor's
// projection hook; the expected objects come from the document the page holds.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../engine/model/index.js';
import {
  artifactPath, canvasPixels, changedShare, connectRacks, documentOf, hallToScreen, openApp, selectionOf, statusCount, waitForResults, type App, type Screen,
} from './harness.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp('tools', { plan: true });
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

const tool = () => page.locator('[data-testid="tool-strip"]').getAttribute('data-tool');
const canRedo = async () => !(await page.locator('[data-action="edit.redo"]').isDisabled());
const click = async (s: Screen) => page.mouse.click(s.clientX, s.clientY);

/** The canvas in squares of 7 x 7 pixels round client points. */
const pixelsAround = (points: readonly Screen[]) => canvasPixels(page, 1, { points, r: 3 });

/**
 * Pixels around the points once the view stopped changing: a baseline read while the camera
 * still eases into plan view, or while results are still arriving, would differ from everything.
 */
async function settledPixels(points: readonly Screen[]): Promise<number[]> {
  await waitForResults(page, 120_000);
  let last = await pixelsAround(points);
  await expect.poll(async () => {
    const now = await pixelsAround(points);
    const same = changedShare(last, now) === 0;
    last = now;
    return same;
  }, { timeout: 30_000 }).toBe(true);
  return last;
}

/** Screen points every 0.3 m along a polyline of hall points at height z. */
async function along(points: readonly { x: number; y: number }[], z: number): Promise<Screen[]> {
  const out: Screen[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!, b = points[i + 1]!;
    const n = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 0.3);
    for (let k = 0; k < n; k++) out.push(await hallToScreen(page, a.x + ((b.x - a.x) * k) / n, a.y + ((b.y - a.y) * k) / n, z));
  }
  return out;
}

/** A Shift-drag from one hall point to another on the floor. */
async function shiftDrag(from: { x: number; y: number }, to: { x: number; y: number }, screenshot?: string): Promise<void> {
  const a = await hallToScreen(page, from.x, from.y), b = await hallToScreen(page, to.x, to.y);
  await page.keyboard.down('Shift');
  await page.mouse.move(a.clientX, a.clientY);
  await page.mouse.down();
  await page.mouse.move(b.clientX, b.clientY, { steps: 8 });
  if (screenshot !== undefined) {
    await page.locator('.brush').waitFor();
    await page.screenshot({ path: artifactPath(screenshot) });
  }
  await page.mouse.up();
  await page.keyboard.up('Shift');
}

/** Ids of the racks whose positions fall in the hall rectangle spanned by two points. */
function racksIn(doc: ProjectDocument, p: { x: number; y: number }, q: { x: number; y: number }): string[] {
  const [x0, x1] = [Math.min(p.x, q.x), Math.max(p.x, q.x)], [y0, y1] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
  return doc.racks.filter((r) => r.position.x >= x0 && r.position.x <= x1 && r.position.y >= y0 && r.position.y <= y1).map((r) => r.id);
}

describe('drawing tools in plan view', () => {
  // Along the cold-aisle side of row 01 (y = 4.8), then across the hall's end past both rows.
  const corners = [{ x: 18, y: 4.8 }, { x: 24.6, y: 4.8 }, { x: 24.6, y: 9.6 }];

  it('draws a cable tray of clicked corners; it shows where it was drawn and one undo removes it', async () => {
    const trays = (await documentOf(page)).trays.length;
    const elevation = (await documentOf(page)).catalog.site.overheadPathHeightM;
    const path = await along(corners, elevation);
    // Open floor well away from the tray: must not change.
    const elsewhere = [await hallToScreen(page, 15, 7)];
    const before = await settledPixels(path);
    const beforeElsewhere = await settledPixels(elsewhere);
    await page.keyboard.press('t');
    await expect.poll(tool).toBe('tray');
    await click(await hallToScreen(page, corners[0]!.x, corners[0]!.y));
    await click(await hallToScreen(page, corners[1]!.x, corners[1]!.y));
    const last = await hallToScreen(page, corners[2]!.x, corners[2]!.y);
    await page.mouse.dblclick(last.clientX, last.clientY);

    await expect.poll(async () => (await documentOf(page)).trays.length).toBe(trays + 1);
    const tray = (await documentOf(page)).trays.at(-1)!;
    expect(tray.points).toEqual(corners);
    expect(await selectionOf(page)).toEqual([tray.id]);
    // Finished: the drawing hint by the cursor has gone.
    await page.locator('[data-testid="cursor-hint"]').waitFor({ state: 'detached' });
    const inspector = page.locator('[data-testid="inspector-trays"]');
    await expect.poll(() => inspector.textContent()).toMatch(/Cable tray · .*11\.40 m long · 2\.90 m up/);
    // Drawn over the floor it was laid on, and nowhere else.
    await expect.poll(async () => changedShare(before, await pixelsAround(path))).toBeGreaterThan(0.5);
    expect(changedShare(beforeElsewhere, await pixelsAround(elsewhere))).toBeLessThan(0.05);
    await page.screenshot({ path: artifactPath('tools-tray.png') });

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await documentOf(page)).trays.length).toBe(trays);
    await inspector.waitFor({ state: 'detached' });
    // Compared once the engine has answered for the undone document: overlays follow results.
    await waitForResults(page, 120_000);
    await expect.poll(async () => changedShare(before, await pixelsAround(path)), { timeout: 30_000 }).toBeLessThan(0.05);
    // Redo brings back the whole run, not one corner of it.
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await documentOf(page)).trays.at(-1)?.points).toEqual(corners);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await documentOf(page)).trays.length).toBe(trays);
  }, 120_000);

  it('Escape in the middle of a tray run leaves nothing behind', async () => {
    const doc = await documentOf(page);
    const path = await along(corners.slice(0, 2), doc.catalog.site.overheadPathHeightM);
    const before = await settledPixels(path);
    await page.keyboard.press('t');
    await expect.poll(tool).toBe('tray');
    await click(await hallToScreen(page, corners[0]!.x, corners[0]!.y));
    await click(await hallToScreen(page, corners[1]!.x, corners[1]!.y));
    // The run in progress is drawn as a preview line, a pixel or two of each 7 x 7 square.
    await expect.poll(async () => changedShare(before, await pixelsAround(path))).toBeGreaterThan(0.08);
    await page.keyboard.press('Escape');
    await expect.poll(async () => changedShare(before, await pixelsAround(path))).toBeLessThan(0.01);
    expect((await documentOf(page)).trays).toEqual(doc.trays);
    // Nothing was recorded: the undone tray of the last test can still be redone.
    expect(await canRedo()).toBe(true);
    expect(await tool()).toBe('tray');
    await page.keyboard.press('Escape');
    await expect.poll(tool).toBe('select');
  }, 60_000);

  it('connects two racks; the inspector shows the cable and a routed length, and one undo removes the link', async () => {
    const links = await statusCount(page, 'links');
    const doc = await documentOf(page);
    const [a, b] = ['r01-04', 'r02-06'].map((id) => doc.racks.find((r) => r.id === id)!);
    await connectRacks(page, a!, b!);
    const link = (await documentOf(page)).links.at(-1)!;
    expect([link.a.objectId, link.b.objectId]).toEqual([a!.id, b!.id]);
    expect(await selectionOf(page)).toEqual([link.id]);
    const inspector = page.locator('[data-testid="inspector-link"]');
    await inspector.waitFor();
    expect(await inspector.textContent()).toContain(`${a!.name} · p1`);
    expect(await inspector.textContent()).toContain(`${b!.name} · p1`);
    const cable = (await inspector.locator('[data-testid="link-cable"] .readout').textContent()) ?? '';
    const type = doc.catalog.cableTypes.find((t) => cable.startsWith(t.name));
    expect(type, cable).toBeDefined();
    const shown = await inspector.locator('[data-testid="link-length"] .readout').textContent();
    const metres = Number(await inspector.locator('[data-testid="link-length"]').getAttribute('data-metres'));
    expect(shown).toBe(`${metres.toFixed(2)} m`);
    // A cable runs at least the Manhattan distance between the racks, and at most that plus a
    // climb to the overhead path and back at each end and the slack.
    const manhattan = Math.abs(a!.position.x - b!.position.x) + Math.abs(a!.position.y - b!.position.y);
    const site = doc.catalog.site;
    expect(metres).toBeGreaterThanOrEqual(manhattan);
    expect(metres).toBeLessThanOrEqual(manhattan + 4 * site.overheadPathHeightM + site.cableSlackM);
    expect(type!.maxReachM).toBeGreaterThanOrEqual(metres);
    await page.screenshot({ path: artifactPath('tools-connect.png') });

    await page.keyboard.press('Escape');
    await expect.poll(tool).toBe('select');
    const racks = await statusCount(page, 'racks');
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusCount(page, 'links')).toBe(links);
    await inspector.waitFor({ state: 'detached' });
    expect(await statusCount(page, 'racks')).toBe(racks);
  }, 90_000);

  it('a link follows its dragged end: a cable chosen by hand is kept, and its violation selects the link at its new length', async () => {
    const links = await statusCount(page, 'links');
    const doc = await documentOf(page);
    const [a, b] = ['r01-04', 'r02-06'].map((id) => doc.racks.find((r) => r.id === id)!);
    await connectRacks(page, a!, b!);
    const drawn = (await documentOf(page)).links.at(-1)!;
    const inspector = page.locator('[data-testid="inspector-link"]');
    // Active copper reaches 5 m, less than the drawn link: kept because chosen, and flagged.
    const choice = inspector.locator('[data-testid="link-cable-choice"]');
    await choice.selectOption('acc-400');
    await expect.poll(async () => (await documentOf(page)).links.at(-1)!.cableTypeId).toBe('acc-400');
    await inspector.locator('[data-testid="link-too-short"]').waitFor();
    await choice.blur();
    await page.keyboard.press('Escape');
    await expect.poll(tool).toBe('select');

    // Drag the first rack 1.9 m away from the second, toward the cold aisle (as tools.test.ts in renderer/).
    const from = await hallToScreen(page, a!.position.x, a!.position.y, 2.3);
    const to = await hallToScreen(page, a!.position.x, a!.position.y - 1.9, 2.3);
    await page.mouse.move(from.clientX, from.clientY);
    await page.mouse.down();
    await page.mouse.move(to.clientX, to.clientY, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await documentOf(page)).racks.find((r) => r.id === a!.id)!.position.y).toBeLessThan(a!.position.y);
    const after = await documentOf(page);
    const movedBy = a!.position.y - after.racks.find((r) => r.id === a!.id)!.position.y;
    const link = after.links.find((l) => l.id === drawn.id)!;
    // Moved straight away from the other end: the Manhattan route grows by just as much.
    expect(link.routedLengthM!).toBeCloseTo(drawn.routedLengthM! + movedBy, 2);
    expect(link.cableTypeId).toBe('acc-400');

    const violation = page.locator('[data-testid="violation"]', { hasText: `Link ${link.id} ` });
    await expect.poll(() => violation.textContent()).toContain(`routed ${link.routedLengthM} m`);
    await violation.click();
    await expect.poll(() => selectionOf(page)).toEqual([link.id]);
    await expect.poll(() => inspector.locator('[data-testid="link-length"]').getAttribute('data-metres')).toBe(String(link.routedLengthM));
    await inspector.locator('[data-testid="link-too-short"]').waitFor();

    // Undo: the move (rack and link together), the choice, the link.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await expect.poll(() => statusCount(page, 'links')).toBe(links);
    expect((await documentOf(page)).racks.find((r) => r.id === a!.id)!.position).toEqual(a!.position);
  }, 90_000);

  it('a Shift-drag box selects exactly the racks inside it; a second box adds to them', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => statusCount(page, 'selected')).toBe(0);
    const doc = await documentOf(page);
    // Row 01 (y = 6): from the cold aisle in front of it across the racks' centres, between the
    // centres of the busway lengths overhead (x = 19.2 and 21.3), which are objects too.
    const first = [{ x: 19.3, y: 4.9 }, { x: 21.0, y: 6.5 }] as const;
    const inFirst = racksIn(doc, ...first);
    expect(inFirst.length).toBeGreaterThanOrEqual(2);
    await shiftDrag(first[0], first[1], 'tools-box-select.png');
    await expect.poll(() => statusCount(page, 'selected')).toBe(inFirst.length);
    expect([...await selectionOf(page)].sort()).toEqual([...inFirst].sort());
    await expect.poll(() => page.locator('[data-testid="inspector-racks"]').textContent()).toContain(`${inFirst.length} racks`);

    // Row 02 (y = 8.4), started from the aisle behind it: added to the first box's racks.
    const second = [{ x: 21.6, y: 9.4 }, { x: 22.8, y: 7.95 }] as const;
    const inSecond = racksIn(doc, ...second);
    expect(inSecond.length).toBeGreaterThanOrEqual(2);
    await shiftDrag(second[0], second[1]);
    const both = [...inFirst, ...inSecond];
    await expect.poll(() => statusCount(page, 'selected')).toBe(both.length);
    expect([...await selectionOf(page)].sort()).toEqual([...both].sort());
    await page.screenshot({ path: artifactPath('tools-box-added.png') });
    expect(app.errors).toEqual([]);
  }, 60_000);
});
