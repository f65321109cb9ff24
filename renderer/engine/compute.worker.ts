// The engine's thread: answers compute requests, newest first (see coalesce.ts), transferring the
// typed-array fields of the results instead of copying them.
/// <reference lib="webworker" />
import { LatestOnly } from './coalesce';
import type { FromEngine, ToEngine } from './protocol';
import { transferablesOf } from './protocol';
import { runCompute } from './run';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromEngine): void {
  self.postMessage(message, message.type === 'result' ? transferablesOf(message.results) : []);
}

const queue = new LatestOnly<ToEngine>(
  (request) => {
    const t0 = performance.now();
    try {
      const results = runCompute(request.doc);
      post({ type: 'result', seq: request.seq, results, computeMs: performance.now() - t0 });
    } catch (e) {
      post({ type: 'error', seq: request.seq, message: e instanceof Error ? e.message : String(e) });
    }
  },
  (seqs) => post({ type: 'skipped', seqs }),
);

self.onmessage = (event: MessageEvent<ToEngine>) => {
  if (event.data.type === 'compute') queue.push(event.data);
};
