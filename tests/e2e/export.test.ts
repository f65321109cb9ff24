// File > Export in Chromium behind the real preview bridge: the toolbar button and Ctrl+E open the
// dialog, the BOM CSV of the demo hall is written where the user typed and reads back byte for
// byte as the CLI's pipeline makes it, and exporting onto it again asks before replacing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../electron/contract/api.js';
import { buildBom } from '../../engine/bom/index.js';
import { computeFabric } from '../../engine/fabric/index.js';
import { demoHall } from '../../engine/generators/index.js';
import { bomCsv } from '../../electron/export/csv.js';
import { money } from '../../electron/export/pipelines.js';
import { shippedCatalog } from '../support/catalog.js';
import { artifactPath, openApp, type App } from './harness.js';

let app: App;
let page: Page;

beforeAll(async () => {
  app = await openApp('export');
  page = app.page;
}, 240_000);

afterAll(async () => { await app?.close(); });

const dialog = () => page.locator('[data-testid="export-dialog"]');
const doc = demoHall(shippedCatalog);
const bom = buildBom(doc, computeFabric(doc));

describe('File > Export in Chromium', () => {
  it('opens from the toolbar with every format described, and Escape closes it', async () => {
    await page.locator('[data-action="file.export"]').click();
    await dialog().waitFor();
    const formats = await dialog().locator('[data-format]').evaluateAll((els) => els.map((e) => e.getAttribute('data-format')));
    expect(formats).toEqual([...EXPORT_FORMATS]);
    // Each format has a label and a one-line description.
    for (const text of await dialog().locator('.export-format-text').allTextContents()) expect(text.length).toBeGreaterThan(30);
    await page.screenshot({ path: artifactPath('export-dialog.png') });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    // The hall is still there: Escape went to the dialog, not to the editor.
    expect(await page.locator('canvas[data-hall-rendered="true"]').count()).toBe(1);
  }, 60_000);

  it('exports the BOM as CSV through the dialog, and the file reads back as the CLI writes it', async () => {
    await page.locator('[data-testid="viewport"]').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+e');
    await dialog().waitFor();
    await dialog().locator('[data-format="bom-csv"]').click();
    const path = join(app.dataDir, 'demo-bom.csv');
    app.dialogAnswers.push(path);
    await dialog().locator('[data-testid="export-run"]').click();
    const notice = page.locator('[data-testid="notice-success"]', { hasText: 'Exported demo-bom.csv' });
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.textContent()).toContain(`BOM: ${bom.lines.length} lines in ${bom.categories.length} categories, total ${money(bom.total)} ${bom.currency}`);
    await page.screenshot({ path: artifactPath('export-done.png') });
    expect(app.dialogsSeen.at(-1)).toContain('Export to');
    await dialog().waitFor({ state: 'detached' });
    const written = readFileSync(path, 'utf8');
    // Byte for byte what `factory-twin bom --format csv` writes for the same document.
    expect(written).toBe(bomCsv(bom));
  }, 90_000);

  it('asks before replacing a file, and a no leaves it as it was', async () => {
    const path = join(app.dataDir, 'taken.csv');
    writeFileSync(path, 'keep me');
    await page.locator('[data-action="file.export"]').click();
    await dialog().waitFor();
    await dialog().locator('[data-format="bom-csv"]').click();
    app.dialogAnswers.push(path, false);
    await dialog().locator('[data-testid="export-run"]').click();
    const error = page.locator('[data-testid="notice-error"]', { hasText: 'Could not export' });
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toContain('taken.csv already exists and was not replaced');
    expect(app.dialogsSeen.at(-1)).toContain('already exists. Replace it?');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    // The dialog stays open for another try.
    expect(await dialog().count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  }, 90_000);
});
