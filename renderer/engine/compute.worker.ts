// The engine's thread: answers compute requests, newest first (see coalesce.ts), transferring the
// typed-array fields of the results instead of copying them. When the network stage is slow (a
// huge hall), a request is answered twice: physics first (power and heat, fast), then fabric and
// agents in a task of their own, so an edit that arrives meanwhile is taken up instead of waiting
// for a stale fabric.
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

/**
 * Below this, the network stage follows so soon that a separate physics answer would only cost
 * the UI a second render of the results (measured: the demo hall's edit-to-frame grew ~150 ms),
 * so both stages go out as one answer.
 */
const SPLIT_ABOVE_MS = 100;
/** How long the network stage took last time; unknown at first, so the first load is split. */
let lastNetworkMs = Number.POSITIVE_INFINITY;

function network(seq: number, doc: ProjectDocument, t0: number): void {
  const t1 = performance.now();
  attempt(seq, () => post({ type: 'result', seq, stage: 'complete', results: runNetwork(doc), computeMs: performance.now() - t0 }));
  lastNetworkMs = performance.now() - t1;
}

const queue: LatestOnly<Request> = new LatestOnly<Request>(
  (request) => {
    const t0 = performance.now();
    const { seq, doc } = request;
    if (lastNetworkMs < SPLIT_ABOVE_MS) {
      network(seq, doc, t0);
      return;
    }
    if (!attempt(seq, () => post({ type: 'result', seq, stage: 'physics', results: runPhysics(doc), computeMs: performance.now() - t0 }))) return;
    setTimeout(() => {
      // A newer edit is waiting: its own two stages supersede this document's network stage.
      if (queue.hasPending()) return;
      network(seq, doc, t0);
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
