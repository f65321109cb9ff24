// The engine's thread: answers compute requests, newest first (see coalesce.ts), transferring the
// typed-array fields of the results instead of copying them. Each request is answered twice:
// physics first (power and heat, fast), then the network stage (fabric and agents) in a task of
// its own, so an edit that arrives meanwhile is taken up instead of waiting for a stale fabric.
// After the first document only deltas arrive (doc-delta.ts), applied here in order, so the
// engine session sees unchanged records as the same objects and updates incrementally.
/// <reference lib="webworker" />
import type { ProjectDocument } from '../../engine/model/index';
import { LatestOnly } from './coalesce';
import { applyDelta } from './doc-delta';
import type { FromEngine, ToEngine } from './protocol';
import { transferablesOf } from './protocol';
import { runNetwork, runPhysics } from './run';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromEngine): void {
  self.postMessage(message, message.type === 'result' ? transferablesOf(message.results) : []);
}

function attempt(seq: number, stage: () => void): boolean {
  try {
    stage();
    return true;
  } catch (e) {
    post({ type: 'error', seq, message: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

interface Request { seq: number; doc: ProjectDocument }

const queue: LatestOnly<Request> = new LatestOnly<Request>(
  (request) => {
    const t0 = performance.now();
    const { seq, doc } = request;
    if (!attempt(seq, () => post({ type: 'result', seq, stage: 'physics', results: runPhysics(doc), computeMs: performance.now() - t0 }))) return;
    setTimeout(() => {
      // A newer edit is waiting: its own two stages supersede this document's network stage.
      if (queue.hasPending()) return;
      attempt(seq, () => post({ type: 'result', seq, stage: 'complete', results: runNetwork(doc), computeMs: performance.now() - t0 }));
    }, 0);
  },
  (seqs) => post({ type: 'skipped', seqs }),
);

/** The document of the newest request: patches apply to it in the order they were sent. */
let current: ProjectDocument | null = null;

self.onmessage = (event: MessageEvent<ToEngine>) => {
  const m = event.data;
  if (m.type === 'compute') {
    current = m.doc;
  } else {
    if (current === null) {
      post({ type: 'error', seq: m.seq, message: 'The engine received a change before any document.' });
      return;
    }
    try {
      current = applyDelta(current, m.delta);
    } catch (e) {
      post({ type: 'error', seq: m.seq, message: e instanceof Error ? e.message : String(e) });
      return;
    }
  }
  queue.push({ seq: m.seq, doc: current });
};
