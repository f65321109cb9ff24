// Messages between the UI and the engine worker. Every request carries a sequence number; the
// worker answers with the same number, so the client can drop an answer a newer edit made stale.
// Results travel by structured clone with their typed-array fields transferred, not copied.
import type { ProjectDocument } from '../../engine/model/index';
import type { DocDelta } from './doc-delta';
import type { EngineResults } from './results';

export type ToEngine =
  | { type: 'compute'; seq: number; doc: ProjectDocument }
  /** The previous request's document changed by `delta` (doc-delta.ts): sent after every edit. */
  | { type: 'patch'; seq: number; delta: DocDelta }
  /**
   * The document of request `seq` (the last one sent) as gzipped UTF-8 JSON, for the recovery
   * copy: the worker holds it already, so the UI thread never stringifies a hall, and what it
   * hands on is a twentieth of the JSON. `id` pairs the answer with the question.
   */
  | { type: 'serialize'; id: number; seq: number };

export type FromEngine =
  /** 'physics': power and heat current, fabric and agents follow in a 'complete' answer. */
  | { type: 'result'; seq: number; stage: 'physics' | 'complete'; results: EngineResults; computeMs: number }
  | { type: 'error'; seq: number; message: string }
  /** The answer to 'serialize' (bytes transferred), or null when the worker's document is not
   *  that request's (a change failed to apply), so nothing stale is written. */
  | { type: 'serialized'; id: number; seq: number; gzip: Uint8Array | null }
  /** The worker skipped these requests because a newer one was already waiting. */
  | { type: 'skipped'; seqs: number[] };

/** Buffers of every typed array inside a value, for postMessage's transfer list. */
export function transferablesOf(value: unknown, out: Transferable[] = [], seen = new Set<ArrayBufferLike>()): Transferable[] {
  if (value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    // A SharedArrayBuffer cannot be transferred, and a buffer may back several views.
    if (buffer instanceof ArrayBuffer && !seen.has(buffer)) {
      seen.add(buffer);
      out.push(buffer);
    }
    return out;
  }
  if (Array.isArray(value)) {
    for (const v of value) transferablesOf(v, out, seen);
    return out;
  }
  for (const v of Object.values(value as Record<string, unknown>)) transferablesOf(v, out, seen);
  return out;
}
