// Autosave in Chromium: after an edit the engine worker, not the UI thread, turns the document
// into the recovery copy's bytes; the copy on disk is exactly the document on screen, through
// later edits (incremental in the worker) and non-ASCII text; a save drops it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecoveryStore } from '../../electron/services/recovery.js';
import { documentOf, openApp, type App } from './harness.js';

let app: App;
let page: Page;
let store: RecoveryStore;

beforeAll(async () => {
  app = await openApp('recovery');
  page = app.page;
  store = new RecoveryStore(app.dataDir);
}, 240_000);

afterAll(async () => { await app?.close(); });

const hallName = () => page.locator('[data-testid="hall-name"]');
async function rename(name: string): Promise<void> {
  await hallName().fill(name);
  await hallName().press('Enter');
  await expect.poll(async () => (await documentOf(page)).hall.name).toBe(name);
}
/** The hall's name in the copy on disk, or null while there is none. */
const copiedName = () => (existsSync(store.file) ? store.take()?.document.hall.name ?? 'damaged' : null);

describe('the recovery copy in Chromium', () => {
  it('is written after an edit, by the engine worker, and reads back as the document on screen', async () => {
    expect(existsSync(store.file)).toBe(false);
    await rename('Recovered hall');
    await expect.poll(copiedName, { timeout: 30_000 }).toBe('Recovered hall');
    expect(store.take()?.document).toEqual(await documentOf(page));
    // The worker answered: the UI thread never had to encode the document itself.
    expect(await page.evaluate(() => performance.getEntriesByName('autosave-encoded-on-ui-thread').length)).toBe(0);
  }, 60_000);

  it('follows later edits, with text that is not ASCII', async () => {
    await rename('Halle Süd — 北');
    await expect.poll(copiedName, { timeout: 30_000 }).toBe('Halle Süd — 北');
    expect(store.take()?.document).toEqual(await documentOf(page));
    const file = readFileSync(store.file);
    expect(gunzipSync(file.subarray(file.indexOf(0x0a) + 1)).toString('utf8')).toContain('"name":"Halle Süd — 北"');
  }, 60_000);

  it('is dropped when the work is saved', async () => {
    app.dialogAnswers.push(join(app.dataDir, 'recovered.aifactory'));
    await page.locator('[data-action="file.save"]').click();
    await page.waitForSelector('[data-testid="notice-success"]');
    await expect.poll(() => existsSync(store.file)).toBe(false);
    expect(app.errors).toEqual([]);
  }, 60_000);
});
