// The app in real Chromium behind the real preview bridge: start on the sample hall, see computed
// results, edit, save, reopen the same document, and a clear message for a file that is not a
// project. One browser and one page for the whole file: SwiftShader start-up is the slow part.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compute } from '../../engine/compute.js';
import { demoHall } from '../../engine/generators/index.js';
import { formatQuantity } from '../../renderer/format/number.js';
import { shippedCatalog } from '../support/catalog.js';
import { artifactPath, canvasStats, openApp, statusCount, waitForHall, waitForResults, type App } from './harness.js';

let app: App;
let page: Page;

const title = () => page.locator('[data-testid="doc-title"]');
const hallName = () => page.locator('[data-testid="hall-name"]');

beforeAll(async () => {
  app = await openApp('app');
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

describe('Factory Twin in Chromium', () => {
  it('starts on the sample hall and draws it', async () => {
    await waitForHall(page);
    await expect.poll(() => hallName().inputValue()).toBe('Demo hall');
    expect(await title().getAttribute('data-dirty')).toBe('false');
    expect(await title().textContent()).toContain('Untitled');
    const stats = await canvasStats(page);
    // The hall covers a good part of the viewport in several colours (floor, grid, rack kinds).
    expect(stats.nonBackground).toBeGreaterThan(0.1);
    expect(stats.distinctColours).toBeGreaterThan(12);
    // Instanced: a handful of draw calls for the whole hall, not one per rack.
    const calls = Number(await page.locator('canvas').getAttribute('data-draw-calls'));
    const racks = await statusCount(page, 'racks');
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThan(racks + 20);
    await page.screenshot({ path: artifactPath('demo-hall.png') });
  }, 120_000);

  it('shows the engine\'s computed figures, each with its explanation', async () => {
    await waitForResults(page);
    const figures = page.locator('[data-testid="figure"]');
    expect(await figures.count()).toBeGreaterThan(3);
    // The panel shows what the engine computes for the sample hall in Node, formatted for people.
    const expected = compute(demoHall(shippedCatalog));
    const shown = async (path: string) => page.locator(`[data-figure="${path}"] [data-testid="figure-value"]`).textContent();
    const it = formatQuantity(expected.power.itLoadKw.value, expected.power.itLoadKw.unit);
    expect(await shown('power.itLoadKw')).toBe(`${it.value}${it.unit}`);
    const pue = formatQuantity(expected.facility.pue.value, expected.facility.pue.unit);
    expect(await shown('power.pue')).toBe(`${pue.value}${pue.unit}`);
    expect(Number(pue.value)).toBeGreaterThan(1);
    await expect.poll(() => page.locator('[data-testid="bottleneck"]').textContent()).toMatch(/limits the hall to/);
    await page.locator('[data-figure="power.pue"]').click();
    const explain = page.locator('[data-testid="explain"]').first();
    await expect.poll(() => explain.textContent()).toMatch(/=/);
    await page.screenshot({ path: artifactPath('results-explained.png') });
  }, 120_000);

  it('edits the hall and marks the document unsaved', async () => {
    await hallName().fill('E2E hall');
    await hallName().press('Enter');
    await expect.poll(() => title().getAttribute('data-dirty')).toBe('true');
    await expect.poll(() => page.title()).toMatch(/^• .*E2E hall/);
    const hottest = () => page.locator('[data-figure="thermal.maxInletC"] [data-testid="figure-value"]').textContent();
    const hottestBefore = await hottest();
    const supply = page.locator('[data-testid="hall-supply"]');
    await supply.fill('99');
    await supply.press('Tab');
    // Out of range: refused with a reason, the document keeps its value.
    await expect.poll(() => supply.getAttribute('aria-invalid')).toBe('true');
    await supply.fill('24');
    await supply.press('Tab');
    await expect.poll(() => supply.getAttribute('aria-invalid')).toBe('false');
    // Warmer supply air, warmer inlets: the engine recomputed for the edited document.
    await waitForResults(page);
    await expect.poll(hottest).not.toBe(hottestBefore);
  }, 60_000);

  it('selects racks of a type from the palette, edits them, and the IT load follows', async () => {
    const itLoad = () => page.locator('[data-figure="power.itLoadKw"] [data-testid="figure-value"]').textContent();
    const before = await itLoad();
    await page.locator('.palette-item', { hasText: 'GB200' }).click();
    await page.locator('[data-testid="inspector-racks"]').waitFor();
    expect(await page.locator('[data-testid="inspector-racks"]').textContent()).toContain('12 racks');
    const util = page.locator('[data-testid="rack-utilisation"]');
    await util.fill('50');
    await util.press('Enter');
    await waitForResults(page);
    await expect.poll(itLoad).not.toBe(before);
    // Heat overlay on the selection-free view: racks coloured by the engine's inlet temperatures.
    await page.keyboard.press('Escape');
    await page.locator('button[title^="Inlet temperature overlay"]').click();
    await page.locator('[data-testid="heat-legend"] .legend-ramp').waitFor();
    await page.screenshot({ path: artifactPath('heat-overlay.png') });
    await page.locator('button[title^="Inlet temperature overlay"]').click();
  }, 60_000);

  it('saves, and reopening finds the same document', async () => {
    const path = join(app.dataDir, 'saved.aifactory');
    app.dialogAnswers.push(path);
    await page.locator('[data-action="file.save"]').click();
    await page.waitForSelector('[data-testid="notice-success"]');
    await expect.poll(() => title().getAttribute('data-dirty')).toBe('false');
    expect(await title().textContent()).toContain('saved.aifactory');

    // Start over on a fresh sample hall, then open the saved file.
    await page.locator('[data-action="file.new"]').click();
    await expect.poll(() => hallName().inputValue()).toBe('Demo hall');
    app.dialogAnswers.push(path);
    await page.locator('[data-action="file.open"]').click();
    await expect.poll(() => hallName().inputValue()).toBe('E2E hall');
    expect(await page.locator('[data-testid="hall-supply"]').inputValue()).toBe('24');
    expect(await title().getAttribute('data-dirty')).toBe('false');
    expect(await title().textContent()).toContain('saved.aifactory');
    await waitForHall(page);
  }, 90_000);

  it('says clearly what is wrong with a file that is not a project', async () => {
    const bad = join(app.dataDir, 'not-a-project.aifactory');
    writeFileSync(bad, 'this is a text file, not a Factory Twin project\n');
    app.dialogAnswers.push(bad);
    await page.locator('[data-action="file.open"]').click();
    const notice = page.locator('[data-testid="notice-error"]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('Could not open the project');
    expect(text).toContain('not-a-project.aifactory');
    // The open document is untouched.
    expect(await hallName().inputValue()).toBe('E2E hall');
    await page.screenshot({ path: artifactPath('bad-file.png') });
  }, 60_000);

  it('ran without page errors or CSP violations', () => {
    expect(app.errors).toEqual([]);
  });
});
