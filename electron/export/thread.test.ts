// Exports run on a worker thread: from sources (tsx's loader in the thread) and as the bundle the
// built app ships next to main.cjs; a failure comes back as words, not as a crash of main.
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { demoHall } from '../../engine/generators/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { tempDir } from '../../tests/support/tmp.js';
import { ExportFailed, exportOnWorker, type ExportAnswer } from './thread.js';

const doc = demoHall(shippedCatalog);
const dir = tempDir('ft-export-thread-');

describe('exportOnWorker', () => {
  it('writes the export from another thread and answers its summary', async () => {
    const path = join(dir, 'bom.json');
    const outcome = await exportOnWorker({ document: doc, format: 'bom-json', path });
    expect(outcome.bytes).toBeGreaterThan(200);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { format: string }).format).toBe('factory-twin-bom');
  }, 60_000);

  it('answers why an export failed', async () => {
    const path = join(dir, 'missing-folder', 'hall.glb');
    const failure = await exportOnWorker({ document: doc, format: 'glb', path }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ExportFailed);
    expect((failure as ExportFailed).reason).toMatch(/no such file or directory/);
  }, 60_000);
});

describe('the built worker bundle', () => {
  // Inside the repository, so the bundle finds exceljs and pdfkit in node_modules as the app does.
  mkdirSync('node_modules/.cache', { recursive: true });
  const out = resolve(mkdtempSync(join('node_modules', '.cache', 'ft-export-worker-')));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('runs an export as dist/electron/export-worker.cjs', async () => {
    // @ts-expect-error: a plain .mjs build script without type declarations
    const { buildElectron } = (await import('../../scripts/build-electron.mjs')) as { buildElectron(dir: string, names?: string[]): Promise<void> };
    await buildElectron(out, ['export-worker']);
    const path = join(dir, 'bundle.csv');
    const worker = new Worker(join(out, 'export-worker.cjs'), { workerData: { document: doc, format: 'bom-csv', path } });
    const [answer] = (await once(worker, 'message')) as [ExportAnswer];
    await worker.terminate();
    expect(answer.ok, answer.ok ? '' : answer.reason).toBe(true);
    expect(readFileSync(path, 'utf8').startsWith('\uFEFFCategory,')).toBe(true);
  }, 120_000);
});
