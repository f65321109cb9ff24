// Presentation mode in real Chromium: F5 enters it, the editor's chrome goes and the key figures
// come, the next slide moves the camera (the canvas changes), the screenshot is a real PNG of
// the canvas's size with the picture and the figures in it, and Esc brings the editor back.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, canvasPixels, changedShare, openApp, type App } from './harness.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp('presentation', { acceptDownloads: true });
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

/** Wait until the camera flight to the current slide has landed and been drawn. */
async function waitLanded(): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="presentation"]') as HTMLElement | null;
    return el !== null && el.dataset.seq === el.dataset.landed;
  }, undefined, { timeout: 30_000 });
}

describe('presentation mode', () => {
  it('F5 hides the chrome and shows the slide, its counter and the key figures', async () => {
    await page.locator('[data-testid="viewport"] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F5');
    await page.waitForSelector('[data-testid="presentation"]');
    for (const chrome of ['.toolbar', '[data-testid="palette"]', '[data-testid="inspector"]', '[data-testid="statusbar"]', '[data-testid="results"]', '[data-testid="views-button"]']) {
      expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    }
    // The demo hall has no saved views: the default tour.
    expect(await page.getAttribute('[data-testid="presentation"]', 'data-source')).toBe('default');
    expect(await page.textContent('[data-testid="presentation-counter"]')).toBe('1 / 4');
    expect(await page.textContent('[data-testid="presentation-title"]')).toBe('The hall');
    const figures = page.locator('[data-testid="presentation-figure"]');
    expect(await figures.count()).toBe(6);
    const pue = await page.textContent('[data-figure="power.pue"] .pres-figure-value');
    expect(Number(pue)).toBeGreaterThan(1);
    expect(Number(pue)).toBeLessThan(3);
    const size = await page.locator('[data-figure="power.pue"] .pres-figure-value').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    // The viewport fills the window.
    const box = await page.locator('[data-testid="viewport"]').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1440, height: 900 });
    await waitLanded();
    await page.screenshot({ path: artifactPath('presentation-1-overview.png') });
  }, 60_000);

  it('next slide flies the camera somewhere else; the plan and the hottest aisle follow', async () => {
    const before = await canvasPixels(page, 4);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="presentation-counter"]')?.textContent === '2 / 4');
    await waitLanded();
    const plan = await canvasPixels(page, 4);
    expect(changedShare(before, plan)).toBeGreaterThan(0.2);
    expect(await page.textContent('[data-testid="presentation-title"]')).toBe('Floor plan');
    await page.screenshot({ path: artifactPath('presentation-2-plan.png') });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('[data-testid="presentation-counter"]')?.textContent === '3 / 4');
    await waitLanded();
    expect(await page.textContent('[data-testid="presentation-title"]')).toBe('Hottest aisle');
    // The slide switches the heat overlay on, with its legend.
    await page.waitForSelector('[data-testid="heat-legend"]');
    expect(changedShare(plan, await canvasPixels(page, 4))).toBeGreaterThan(0.2);
    await page.screenshot({ path: artifactPath('presentation-3-aisle.png') });
    // PageUp goes back; the last slide does not wrap to the first.
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => document.querySelector('[data-testid="presentation-counter"]')?.textContent === '2 / 4');
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
    await page.waitForFunction(() => document.querySelector('[data-testid="presentation-counter"]')?.textContent === '4 / 4');
    await waitLanded();
    expect(await page.textContent('[data-testid="presentation-title"]')).toMatch(/^Bottleneck: /);
    await page.screenshot({ path: artifactPath('presentation-4-bottleneck.png') });
  }, 90_000);

  it('the screenshot is a PNG of the canvas size, with the picture and the figures in it', async () => {
    const canvasSize = await page.locator('[data-testid="viewport"] canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="presentation-screenshot"]')]);
    expect(download.suggestedFilename()).toMatch(/^Demo.* — Bottleneck- .*\.png$/);
    const file = artifactPath('presentation-screenshot.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
    expect({ w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) }).toEqual(canvasSize);
    // Decode in the page: many colours (not blank), and the figures band darker than the hall above it.
    const stats = await page.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 7) colours.add(((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4));
      // Bright text pixels in the bottom band: the figures were drawn into the picture.
      let bright = 0;
      for (let y = Math.floor(c.height * 0.86); y < c.height; y++) for (let x = 0; x < c.width; x += 2) {
        const i = (y * c.width + x) * 4;
        if (d[i]! > 200 && d[i + 1]! > 200 && d[i + 2]! > 200) bright++;
      }
      return { colours: colours.size, bright };
    }, bytes.toString('base64'));
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.bright).toBeGreaterThan(200);
  }, 60_000);

  it('Esc leaves: the editor comes back as it was', async () => {
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="presentation"]', { state: 'detached' });
    expect(await page.locator('.toolbar').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="palette"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset.presenting)).toBeUndefined();
    // The heat overlay the tour switched on is the tour's, not the editor's.
    expect(await page.locator('[data-testid="heat-legend"]').count()).toBe(0);
    // The viewport button enters again.
    await page.click('[data-testid="presentation-button"]');
    await page.waitForSelector('[data-testid="presentation"]');
    await page.click('[data-testid="presentation-exit"]');
    await page.waitForSelector('[data-testid="presentation"]', { state: 'detached' });
    expect(app.errors).toEqual([]);
  }, 60_000);
});
