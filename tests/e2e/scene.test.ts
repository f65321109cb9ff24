// The scene in real Chromium (SwiftShader): plan view with dimensions, overlays that change what
// is drawn and show their legends, a violation that selects and frames its objects, the fabric
// diagram laid out and clickable, and the draw-call count independent of the number of racks.
// One browser and one page for the file; every wait is for a condition, never a fixed sleep.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterFrame as drawnAfter, artifactPath, canvasPixels, changedShare, openApp, statusCount, waitForResults, type App } from './harness.js';
import { writeHall } from './scene-halls.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp('scene');
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

const canvas = () => page.locator('[data-testid="viewport"] canvas');
const afterFrame = (act: () => Promise<void>) => drawnAfter(page, act);

describe('the hall scene', () => {
  it('switches to a plan view that shows the hall\'s dimensions and row lengths', async () => {
    const before = await canvasPixels(page, 2);
    await afterFrame(() => page.locator('[data-testid="view-plan"]').click());
    const length = page.locator('[data-testid="dim-length"]');
    await length.waitFor();
    const hud = (await page.locator('.hud-sub').textContent()) ?? '';
    const [L, W] = hud.match(/([\d.]+) × ([\d.]+) m/)!.slice(1).map(Number);
    expect(Number((await length.textContent())?.replace(' m', ''))).toBeCloseTo(L!, 1);
    expect(Number((await page.locator('[data-testid="dim-width"]').textContent())?.replace(' m', ''))).toBeCloseTo(W!, 1);
    // Row labels carry the row's length in plan.
    expect(await page.locator('[data-testid="row-label"]').first().textContent()).toMatch(/\d+\.\d m$/);
    expect(changedShare(before, await canvasPixels(page, 2))).toBeGreaterThan(0.1);
    await page.screenshot({ path: artifactPath('scene-plan.png') });
    await afterFrame(() => page.locator('[data-testid="view-3d"]').click());
    await expect.poll(() => page.locator('[data-testid="dim-length"]').count()).toBe(0);
  }, 90_000);

  for (const [overlay, legend, minChange] of [['heat', 'heat-legend', 0.05], ['airflow', 'airflow-legend', 0.005], ['power', 'power-legend', 0.005], ['links', 'links-legend', 0.0005]] as const) {
    it(`the ${overlay} overlay changes what is drawn and explains itself`, async () => {
      const button = page.locator(`[data-overlay="${overlay}"]`);
      const before = await canvasPixels(page, 2);
      await afterFrame(() => button.click());
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      const text = (await page.locator(`[data-testid="${legend}"]`).textContent()) ?? '';
      expect(text).toMatch(/°C|m\/s|%/);
      expect(changedShare(before, await canvasPixels(page, 2))).toBeGreaterThan(minChange);
      await page.screenshot({ path: artifactPath(`scene-overlay-${overlay}.png`) });
      await afterFrame(() => button.click());
      expect(changedShare(before, await canvasPixels(page, 2))).toBeLessThan(minChange);
    }, 90_000);
  }

  it('lays out the fabric diagram; a node selects the racks it stands for', async () => {
    await page.locator('[data-testid="diagram-button"]').click();
    const nodes = page.locator('[data-testid="diagram-node"]');
    await nodes.first().waitFor({ timeout: 30_000 });
    expect(await nodes.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="diagram-svg"] polyline').count()).toBeGreaterThan(0);
    const racksNode = page.locator('[data-testid="diagram-node"].gpu-racks').first();
    const stands = Number((await racksNode.locator('.diagram-sub').textContent())?.match(/(\d+) rack/)?.[1]);
    await racksNode.click();
    await expect.poll(() => statusCount(page, 'selected')).toBe(stands);
    await expect.poll(() => racksNode.getAttribute('class')).toContain('selected');
    await page.screenshot({ path: artifactPath('scene-diagram.png') });
    await page.locator('[data-testid="diagram-button"]').click();
    await page.keyboard.press('Escape');
  }, 90_000);

  it('draws the doubled hall with as many draw calls as the demo hall', async () => {
    // Violation markers off: the doubled hall's violations differ, and a severity with no
    // violations draws nothing. Everything else stays as in the default view.
    await afterFrame(() => page.locator('[data-overlay="violations"]').click());
    // Both halls opened the same way, from files, so the two counts come from the same state.
    const open = async (hall: 'demo' | 'doubled') => {
      const file = writeHall(app.dataDir, hall);
      app.dialogAnswers.push(file.path);
      await page.locator('[data-action="file.open"]').click();
      await expect.poll(() => page.locator('[data-testid="doc-title"] .doc-file').textContent(), { timeout: 30_000 }).toBe(`${hall}.aifactory`);
      await afterFrame(() => page.locator('[data-testid="fit-hall"]').click());
      const racks = await statusCount(page, 'racks');
      expect(racks).toBe(file.racks);
      return { racks, calls: Number(await canvas().getAttribute('data-draw-calls')) };
    };
    const demo = await open('demo');
    const doubled = await open('doubled');
    expect(doubled.racks).toBe(2 * demo.racks);
    expect(demo.calls).toBeGreaterThan(0);
    expect(doubled.calls).toBe(demo.calls);
    await page.screenshot({ path: artifactPath('scene-doubled.png') });
    await afterFrame(() => page.locator('[data-overlay="violations"]').click());
    await waitForResults(page);
  }, 120_000);

  it('a violation in the results selects and frames the objects it names (the doubled hall overloads its PDUs)', async () => {
    const violation = page.locator('[data-testid="violation"]').first();
    await violation.waitFor();
    const before = await canvasPixels(page, 2);
    await afterFrame(() => violation.click());
    await expect.poll(() => statusCount(page, 'selected')).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="selected-label"]').count()).toBeGreaterThan(0);
    // Framed: the camera moved, so most of the picture changed.
    expect(changedShare(before, await canvasPixels(page, 2))).toBeGreaterThan(0.3);
    await page.screenshot({ path: artifactPath('scene-violation-framed.png') });
    await afterFrame(() => page.keyboard.press('Escape'));
    await afterFrame(() => page.locator('[data-testid="fit-hall"]').click());
  }, 90_000);

  it('ran without page errors', () => {
    expect(app.errors).toEqual([]);
  });
});
