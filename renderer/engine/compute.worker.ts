// The engine's thread. Requests that arrive while a computation runs queue up in this worker's
// event loop; we keep only the newest and answer the others as skipped, so a burst of edits costs
// one computation, not one per keystroke.
/// <reference lib="webworker" />
import type { FromEngine, ToEngine } from './protocol';
import { transferablesOf } from './protocol';
import { runCompute } from './run';

declare const self: DedicatedWorkerGlobalScope;

let pending: Extract<ToEngine, { type: 'compute' }> | null = null;
const skipped: number[] = [];
let scheduled = false;

function post(message: FromEngine): void {
  self.postMessage(message, message.type === 'result' ? transferablesOf(message.results) : []);
}

function drain(): void {
  scheduled = false;
  const request = pending;
  pending = null;
  if (request === null) return;
  if (skipped.length > 0) post({ type: 'skipped', seqs: skipped.splice(0) });
  const t0 = performance.now();
  try {
    const results = runCompute(request.doc);
    post({ type: 'result', seq: request.seq, results, computeMs: performance.now() - t0 });
  } catch (e) {
    post({ type: 'error', seq: request.seq, message: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const msg = event.data;
  if (msg.type !== 'compute') return;
  if (pending !== null) skipped.push(pending.seq);
  pending = msg;
  // A macrotask, so every message already queued is read before we start computing.
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
};
