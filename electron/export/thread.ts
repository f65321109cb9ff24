// Runs an export on a worker thread so Electron's main thread (and with it the window) stays
// responsive: the gigawatt hall's report or NetBox folder costs seconds of CPU. The built app
// ships the worker as dist/electron/export-worker.cjs next to main.cjs (scripts/build-electron.mjs;
// Electron loads worker scripts from app.asar since v19); from sources (tests, the preview under
// tsx) worker-dev.mjs runs the TypeScript file through tsx's loader.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportOutcome } from './pipelines.js';
import type { ExportJob } from './run.js';

export type ExportAnswer = { ok: true; outcome: ExportOutcome } | { ok: false; reason: string };

/** Thrown when the export failed; `reason` ends a sentence ("permission denied"). */
export class ExportFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function startWorker(job: ExportJob): Worker {
  const built = typeof __dirname === 'string' ? join(__dirname, 'export-worker.cjs') : null;
  if (built !== null && existsSync(built)) return new Worker(built, { workerData: job });
  return new Worker(new URL('./worker-dev.mjs', import.meta.url), { workerData: job });
}

export function exportOnWorker(job: ExportJob): Promise<ExportOutcome> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    let answered = false;
    worker.once('message', (answer: ExportAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.outcome);
      else reject(new ExportFailed(answer.reason));
      void worker.terminate();
    });
    worker.once('error', (error) => { answered = true; reject(new ExportFailed(error.message)); });
    worker.once('exit', (code) => {
      if (!answered) reject(new ExportFailed(`the export stopped unexpectedly (exit code ${code})`));
    });
  });
}
