// Levels of detail on the gigawatt-class hall, in real Chromium: from far away the racks are drawn
// as row boxes, yet a click still selects exactly the rack under the cursor (the editor picks by
// the objects' boxes, not by what is drawn); framing it brings back per-rack instances, where a
// click on a neighbour selects that one. The far view's draw calls are those of a few types.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../electron/preview/server.js';
import { gigawattHall } from '../../engine/generators/index.js';
import { shippedCatalog } from '../support/catalog.js';
import { tempDir } from '../support/tmp.js';
import { artifactPath, ensureRendererBuilt, launchBrowser, startServer, waitForHall, watchPageErrors } from './harness.js';
import { writeHall } from './scene-halls.js';

const dataDir = tempDir('factory-twin-scene-lod-');
let server: PreviewServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  ensureRendererBuilt();
  server = await startServer(dataDir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  pageErrors = watchPageErrors(page);
  const file = writeHall(dataDir, 'gigawatt');
  page.on('dialog', (d) => void d.accept(file.path));
  await page.goto(server.url);
  await waitForHall(page);
  await page.locator('[data-action="file.open"]').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="statusbar"]')?.textContent?.includes(`${n} racks`), file.racks, { timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const canvas = () => page.locator('[data-testid="viewport"] canvas');
const selection = () => page.evaluate(() => (globalThis as unknown as { __factoryTwinEditor: { selection(): string[] } }).__factoryTwinEditor.selection());
const project = (x: number, y: number, z: number) => page.evaluate(([px, py, pz]) => (globalThis as unknown as { __factoryTwinEditor: { project(x: number, y: number, z: number): { clientX: number; clientY: number } | null } }).__factoryTwinEditor.project(px, py, pz), [x, y, z] as const);

async function nextFrame(act: () => Promise<void>): Promise<void> {
  const before = Number(await canvas().getAttribute('data-frame'));
  await act();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="viewport"] canvas')?.getAttribute('data-frame')) > n, before, { timeout: 60_000 });
}

describe('the gigawatt hall from far and close', () => {
  const doc = gigawattHall(shippedCatalog);
  const rack = doc.racks[12]!;
  const neighbour = doc.racks[13]!;

  it('picks single racks from far away and close up', async () => {
    await nextFrame(() => page.locator('[data-testid="fit-hall"]').click());
    await page.waitForSelector('[data-testid="viewport"] canvas[data-lod="far"]', { timeout: 60_000 });
    // Draw calls of the far view: a row-box mesh and the types left, however many racks.
    await expect.poll(async () => Number(await canvas().getAttribute('data-draw-calls'))).toBeLessThanOrEqual(24);
    let p = await project(rack.position.x, rack.position.y, 2);
    expect(p).not.toBeNull();
    await page.mouse.click(p!.clientX, p!.clientY);
    await expect.poll(selection).toEqual([rack.id]);
    await nextFrame(() => page.keyboard.press('f'));
    // The framed view is close: per-rack instances are back.
    await page.waitForSelector('[data-testid="viewport"] canvas[data-lod="near"]', { timeout: 60_000 });
    p = await project(neighbour.position.x, neighbour.position.y, 2);
    await nextFrame(() => page.mouse.click(p!.clientX, p!.clientY));
    await expect.poll(selection).toEqual([neighbour.id]);
    await page.screenshot({ path: artifactPath('scene-lod-close.png') });
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
