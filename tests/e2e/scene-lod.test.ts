// Levels of detail on the gigawatt-class hall, in real Chromium: from far away the racks are drawn
// as row boxes, yet a click still selects exactly the rack under the cursor (the editor picks by
// the objects' boxes, not by what is drawn); framing it brings back per-rack instances, where a
// click on a neighbour selects that one, while the far part of that close-up view is drawn as
// merged runs (far fewer triangles than one box per object). The far view's draw calls are those
// of a few types.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gigawattHall } from '../../engine/generators/index.js';
import { shippedCatalog } from '../support/catalog.js';
import { afterFrame, artifactPath, hallToScreen, openApp, selectionOf, type App } from './harness.js';
import { writeHall } from './scene-halls.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp('scene-lod');
  page = app.page;
  const file = writeHall(app.dataDir, 'gigawatt');
  app.dialogAnswers.push(file.path);
  await page.locator('[data-action="file.open"]').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="statusbar"]')?.textContent?.includes(`${n} racks`), file.racks, { timeout: 120_000 });
}, 240_000);

afterAll(async () => { await app?.close(); });

const canvas = () => page.locator('[data-testid="viewport"] canvas');
const selection = () => selectionOf(page);
const nextFrame = (act: () => Promise<void>) => afterFrame(page, act, 60_000);

describe('the gigawatt hall from far and close', () => {
  const doc = gigawattHall(shippedCatalog);
  const rack = doc.racks[12]!;
  const neighbour = doc.racks[13]!;

  it('picks single racks from far away and close up', async () => {
    await nextFrame(() => page.locator('[data-testid="fit-hall"]').click());
    await page.waitForSelector('[data-testid="viewport"] canvas[data-lod="far"]', { timeout: 60_000 });
    // Draw calls of the far view: a row-box mesh and the types left, however many racks.
    await expect.poll(async () => Number(await canvas().getAttribute('data-draw-calls'))).toBeLessThanOrEqual(24);
    let p = await hallToScreen(page, rack.position.x, rack.position.y, 2);
    await page.mouse.click(p.clientX, p.clientY);
    await expect.poll(selection).toEqual([rack.id]);
    await nextFrame(() => page.keyboard.press('f'));
    // The framed view is close: per-rack instances are back.
    await page.waitForSelector('[data-testid="viewport"] canvas[data-lod="near"]', { timeout: 60_000 });
    // Far objects merged into runs: under half the triangles of a box (12) per object.
    const objects = doc.racks.length + doc.cooling.length + doc.power.length;
    await expect.poll(async () => Number(await canvas().getAttribute('data-triangles')), { timeout: 60_000 }).toBeLessThan((12 * objects) / 2);
    p = await hallToScreen(page, neighbour.position.x, neighbour.position.y, 2);
    await nextFrame(() => page.mouse.click(p.clientX, p.clientY));
    await expect.poll(selection).toEqual([neighbour.id]);
    await page.screenshot({ path: artifactPath('scene-lod-close.png') });
    expect(app.errors).toEqual([]);
  }, 240_000);
});
