// The engine worker's behaviour, apart from the worker global so that tests can drive it in Node:
// it answers compute requests, newest first (see coalesce.ts), transferring the typed-array fields
// of the results instead of copying them. When the network stage is slow (a huge hall), a request
// is answered twice: physics first (power and heat, fast), then fabric and agents in a task of
// their own, so an edit that arrives meanwhile is taken up instead of waiting for a stale fabric.
// After the first document only deltas arrive (doc-delta.ts), applied here in order, every one of
// them (coalescing skips computations, never changes), so the engine session sees unchanged
// records as the same objects and updates incrementally, and 'serialize' answers the very
// document the UI meant.
import type { ProjectDocument } from '../../engine/model/index';
import { LatestOnly } from './coalesce';
import { applyDelta } from './doc-delta';
import { DocumentEncoder, gzip } from './document-bytes';
import type { FromEngine, ToEngine } from './protocol';
import { transferablesOf } from './protocol';
import { runNetwork, runPhysics } from './run';

/** postMessage of the worker global, with its transfer list. */
export type Post = (message: FromEngine, transfer: Transferable[]) => void;

interface Request { seq: number; doc: ProjectDocument }

/**
 * Below this, the network stage follows so soon that a separate physics answer would only cost
 * the UI a second render of the results (measured: the demo hall's edit-to-frame grew ~150 ms),
 * so both stages go out as one answer.
 */
const SPLIT_ABOVE_MS = 100;

/** The message handler of one engine worker. */
export function engineHost(postMessage: Post): (message: ToEngine) => void {
  const post = (message: FromEngine): void => {
    const transfer = message.type === 'result' ? transferablesOf(message.results)
      : message.type === 'serialized' && message.gzip !== null ? [message.gzip.buffer as ArrayBuffer] : [];
    postMessage(message, transfer);
  };

  const attempt = (seq: number, stage: () => void): boolean => {
    try {
      stage();
      return true;
    } catch (e) {
      post({ type: 'error', seq, message: e instanceof Error ? e.message : String(e) });
      return false;
    }
  };

  /** How long the network stage took last time; unknown at first, so the first load is split. */
  let lastNetworkMs = Number.POSITIVE_INFINITY;
  const network = (seq: number, doc: ProjectDocument, t0: number): void => {
    const t1 = performance.now();
    attempt(seq, () => post({ type: 'result', seq, stage: 'complete', results: runNetwork(doc), computeMs: performance.now() - t0 }));
    lastNetworkMs = performance.now() - t1;
  };

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

  /** The document of the newest request that applied: patches apply to it in the order sent. */
  let current: ProjectDocument | null = null;
  let currentSeq = 0;
  const encoder = new DocumentEncoder();
  let answered: Promise<void> = Promise.resolve();

  return (m) => {
    if (m.type === 'serialize') {
      // Messages arrive in the order sent, so the document asked for is the current one, unless
      // a change failed to apply; then null (the UI encodes it itself), never another document.
      // The bytes are taken now; compressing them is asynchronous, in chunks, so a compute
      // request that arrives meanwhile is not held up by it.
      const { id, seq } = m;
      let bytes: Promise<Uint8Array | null>;
      try {
        bytes = current === null || currentSeq !== seq ? Promise.resolve(null) : gzip(encoder.parts(current)).catch(() => null);
      } catch {
        // null too: a failure here is about the recovery copy, not the results on screen
        bytes = Promise.resolve(null);
      }
      // Answered in the order asked, though a smaller document may compress sooner.
      answered = answered.then(() => bytes).then((gzip) => post({ type: 'serialized', id, seq, gzip })).catch(() => undefined);
      return;
    }
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
    currentSeq = m.seq;
    queue.push({ seq: m.seq, doc: current });
  };
}
