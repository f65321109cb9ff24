// The export worker thread: runs one export job (run.ts) and answers with its outcome or with why
// it failed, in words. Started per export by thread.ts; the document arrives already validated.
import { parentPort, workerData } from 'node:worker_threads';
import { writeFailureReason } from './pipelines.js';
import { runExport, type ExportJob } from './run.js';
import type { ExportAnswer } from './thread.js';

async function main(): Promise<void> {
  let answer: ExportAnswer;
  try {
    answer = { ok: true, outcome: await runExport(workerData as ExportJob) };
  } catch (error) {
    answer = { ok: false, reason: writeFailureReason(error) };
  }
  parentPort?.postMessage(answer);
}

void main();
