// Auto-cable in Chromium: open the fabric diagram, press Auto-cable, see the fabric's cables as
// links in the status bar and a notice with the same count, open the shortcut help and find the
// action there, then undo (one step) and the links are gone; redo brings them back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFabric } from '../../engine/fabric/index.js';
import { demoHall } from '../../engine/generators/index.js';
import { shippedCatalog } from '../support/catalog.js';
import { artifactPath, openApp, statusCount, type App } from './harness.js';

let app: App;
let page: Page;

// The app opens on the demo hall; its fabric books 864 + 1024 compute and 488 + 256 storage cables.
const demoCables = computeFabric(demoHall(shippedCatalog)).cables.reduce((s, c) => s + c.count, 0);

beforeAll(async () => {
  app = await openApp('autocable');
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

const links = () => statusCount(page, 'links');

describe('auto-cable', () => {
  it('turns the fabric into links from the diagram panel, and undo removes them in one step', async () => {
    expect(demoCables).toBe(2632);
    expect(await links()).toBe(0);
    await page.locator('[data-testid="diagram-button"]').click();
    const button = page.locator('[data-testid="diagram-panel"] [data-testid="auto-cable"]');
    await button.click();
    await expect.poll(links, { timeout: 20_000 }).toBe(demoCables);
    const notice = page.locator('[data-testid="notice-success"]').filter({ hasText: 'Auto-cable' });
    await expect.poll(() => notice.textContent()).toContain(`${demoCables.toLocaleString('en')} fabric links`);
    await page.screenshot({ path: artifactPath('autocable-links.png') });

    // A second press replaces the generated links rather than adding to them.
    await button.click();
    await expect.poll(() => page.locator('[data-testid="notice-success"]').filter({ hasText: 'replacing' }).count()).toBeGreaterThan(0);
    expect(await links()).toBe(demoCables);

    await page.keyboard.press('Control+z');
    await expect.poll(links, { timeout: 20_000 }).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(links, { timeout: 20_000 }).toBe(demoCables);
  }, 120_000);

  it('is listed in the shortcut help', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = page.locator('[data-testid="shortcut-help"]');
    await help.waitFor();
    expect(await help.textContent()).toContain('Auto-cable the fabric');
    expect(app.errors).toEqual([]);
  });
});
