// Clicking a cable in the viewport, in Chromium, as a user works it: a link drawn with the connect
// tool between R01-04 and R02-06 crosses the aisle between the two rows along y at R02-06's x;
// a click on that stretch of cable (no object under it) selects the link, the inspector shows it
// and the cable is drawn in the selection colour; Delete removes it and one undo brings it back
// with its id. The click aims at the cable's tray height through the editor's projection hook, in
// plan view; a click on open floor beside the cable selects nothing, so the test fails if any
// click anywhere picked the link. Two cables clicked (the second with Shift) show the links'
// summary in the inspector, whose Delete removes both in one undo step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactPath, canvasPixels, changedShare, connectRacks, documentOf, hallToScreen, openApp, selectionOf, statusCount, waitForResults, type App, type Screen,
} from './harness.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp('cables-pick', { plan: true });
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

const tool = () => page.locator('[data-testid="tool-strip"]').getAttribute('data-tool');
const click = async (s: Screen) => page.mouse.click(s.clientX, s.clientY);
/** Height of the drawn links' cable run (Cables.tsx, TRAY_Z[0]). */
const CABLE_Z = 3.2;

/** The canvas in a 7 x 7 pixel square round a client point, once two reads in a row agree (results in, view still). */
async function settledPixels(at: Screen): Promise<number[]> {
  await waitForResults(page, 120_000);
  let last = await canvasPixels(page, 1, { points: [at], r: 3 });
  await expect.poll(async () => {
    const now = await canvasPixels(page, 1, { points: [at], r: 3 });
    const same = changedShare(last, now) === 0;
    last = now;
    return same;
  }, { timeout: 30_000 }).toBe(true);
  return last;
}

describe('a cable in the viewport', () => {
  it('click selects its link, the inspector shows it, Delete removes it and one undo restores it', async () => {
    const links = await statusCount(page, 'links');
    const doc = await documentOf(page);
    const [a, b] = ['r01-04', 'r02-06'].map((id) => doc.racks.find((r) => r.id === id)!);
    await connectRacks(page, a!, b!);
    const link = (await documentOf(page)).links.at(-1)!;
    // Back to the select tool, nothing selected.
    await page.keyboard.press('Escape');
    await expect.poll(tool).toBe('select');
    if ((await selectionOf(page)).length > 0) await page.keyboard.press('Escape');
    await expect.poll(() => selectionOf(page)).toEqual([]);

    // Halfway across the aisle between the rows, at R02-06's x, and open floor 0.8 m beside it.
    const aisleY = (a!.position.y + b!.position.y) / 2;
    await click(await hallToScreen(page, b!.position.x + 0.8, aisleY, CABLE_Z));
    expect(await selectionOf(page)).toEqual([]);
    const onCable = await hallToScreen(page, b!.position.x, aisleY, CABLE_Z);
    const unselected = await settledPixels(onCable);
    await click(onCable);
    await expect.poll(() => selectionOf(page)).toEqual([link.id]);
    // Drawn again in the selection colour: the cable's pixels in the square change.
    await expect.poll(async () => changedShare(unselected, await canvasPixels(page, 1, { points: [onCable], r: 3 }))).toBeGreaterThan(0.05);
    const inspector = page.locator('[data-testid="inspector-link"]');
    await inspector.waitFor();
    expect(await inspector.textContent()).toContain(`${a!.name} · p1`);
    expect(await inspector.textContent()).toContain(`${b!.name} · p1`);
    await page.screenshot({ path: artifactPath('cables-pick.png') });

    await page.keyboard.press('Delete');
    await expect.poll(() => statusCount(page, 'links')).toBe(links);
    await inspector.waitFor({ state: 'detached' });
    expect((await documentOf(page)).links.some((l) => l.id === link.id)).toBe(false);
    // The racks at its ends stay.
    expect((await documentOf(page)).racks.filter((r) => r.id === a!.id || r.id === b!.id)).toHaveLength(2);

    await page.keyboard.press('Control+z');
    await expect.poll(() => statusCount(page, 'links')).toBe(links + 1);
    expect((await documentOf(page)).links.find((l) => l.id === link.id)).toEqual(link);
    expect(app.errors).toEqual([]);
  }, 120_000);

  it('two cables selected: the inspector sums them up and its Delete removes both, one undo brings them back', async () => {
    const links = await statusCount(page, 'links');
    const doc = await documentOf(page);
    const [a, b] = ['r01-07', 'r02-08'].map((id) => doc.racks.find((r) => r.id === id)!);
    await connectRacks(page, a!, b!);
    await page.keyboard.press('Escape');
    await expect.poll(tool).toBe('select');
    if ((await selectionOf(page)).length > 0) await page.keyboard.press('Escape');
    // The first test's link (R01-04 to R02-06) crosses the aisle at R02-06's x, this one at R02-08's, 1.2 m on.
    const drawn = (await documentOf(page)).links;
    const first = drawn.find((l) => l.a.objectId === 'r01-04' && l.b.objectId === 'r02-06')!;
    const second = drawn.at(-1)!;
    const r0206 = doc.racks.find((r) => r.id === 'r02-06')!;
    const aisleY = (a!.position.y + b!.position.y) / 2;
    await click(await hallToScreen(page, r0206.position.x, aisleY, CABLE_Z));
    await expect.poll(() => selectionOf(page)).toEqual([first.id]);
    const onSecond = await hallToScreen(page, b!.position.x, aisleY, CABLE_Z);
    await page.keyboard.down('Shift');
    await click(onSecond);
    await page.keyboard.up('Shift');
    await expect.poll(() => selectionOf(page)).toEqual([first.id, second.id]);

    const summary = page.locator('[data-testid="inspector-links"]');
    await summary.waitFor();
    expect(await summary.getAttribute('data-count')).toBe('2');
    expect(await summary.textContent()).toContain('2 links');
    expect(Number(await page.locator('[data-testid="links-length"]').getAttribute('data-metres'))).toBeCloseTo(first.routedLengthM! + second.routedLengthM!, 6);
    await page.screenshot({ path: artifactPath('cables-pick-two.png') });

    await page.locator('[data-testid="links-delete"]').click();
    await expect.poll(() => statusCount(page, 'links')).toBe(links - 1);
    await summary.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusCount(page, 'links')).toBe(links + 1);
    const back = (await documentOf(page)).links;
    expect(back.find((l) => l.id === first.id)).toEqual(first);
    expect(back.find((l) => l.id === second.id)).toEqual(second);
    expect(app.errors).toEqual([]);
  }, 120_000);
});
