// The UI side of the engine worker: sends the document after every change, tags each request
// with a sequence number and drops any answer older than the newest one shown, so results never
// go back in time when edits outpace the engine.
import type { ProjectDocument } from '../../engine/model/index';
import { useDocument } from '../state/document';
import { useSession } from '../state/session';
import { diffDocument } from './doc-delta';
import type { FromEngine, ToEngine } from './protocol';

export class EngineClient {
  private readonly worker: Worker;
  private nextSeq = 1;
  /** Newest request sent; an answer for it means the view is current. */
  private latestSent = 0;
  /** The document the worker holds (the last one sent). */
  private sent: ProjectDocument | null = null;
  /** Waiting for 'serialized' answers, by question. */
  private readonly serializing = new Map<number, (gzip: Uint8Array | null) => void>();
  private nextSerialize = 1;

  /** `createWorker` builds the engine's Worker (main.tsx: Vite's worker import; tests: a double). */
  constructor(createWorker: () => Worker) {
    this.worker = createWorker();
    this.worker.onmessage = (e: MessageEvent<FromEngine>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      this.setEngine({ status: 'error', stage: null, error: e.message || 'The engine worker stopped.' });
    };
  }

  submit(doc: ProjectDocument): number {
    const seq = this.nextSeq++;
    this.latestSent = seq;
    // The worker keeps the last document sent: after the first, only the change travels.
    const message: ToEngine = this.sent === null ? { type: 'compute', seq, doc } : { type: 'patch', seq, delta: diffDocument(this.sent, doc) };
    this.sent = doc;
    this.worker.postMessage(message);
    this.setEngine({ status: 'computing', stage: 'physics' });
    return seq;
  }

  /**
   * `doc` as gzipped UTF-8 JSON, made by the worker from its own copy (document-bytes.ts), or null
   * when the worker does not hold `doc` (the engine is not connected yet, or an edit came since).
   */
  serialize(doc: ProjectDocument): Promise<Uint8Array | null> {
    if (doc !== this.sent) return Promise.resolve(null);
    const id = this.nextSerialize++;
    return new Promise((resolve) => {
      this.serializing.set(id, resolve);
      this.worker.postMessage({ type: 'serialize', id, seq: this.latestSent } satisfies ToEngine);
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const resolve of this.serializing.values()) resolve(null);
    this.serializing.clear();
  }

  private receive(msg: FromEngine): void {
    if (msg.type === 'serialized') {
      this.serializing.get(msg.id)?.(msg.gzip);
      this.serializing.delete(msg.id);
      return;
    }
    // Results shown always belong to the document on screen: an answer for an older request
    // (computed while the user kept editing) is stale, and the newer one is already on its way.
    if (msg.type === 'skipped' || msg.seq !== this.latestSent) return;
    if (msg.type === 'result' && msg.stage === 'physics') {
      // Power and heat of the document on screen are shown at once; the status stays
      // "computing" (results.pending names the stage) until fabric and agents follow.
      if (performance.getEntriesByName('physics-shown').length === 0) performance.mark('physics-shown');
      this.setEngine({ status: 'computing', stage: 'network', seq: msg.seq, results: msg.results, error: null });
    } else if (msg.type === 'result') {
      // First complete results of the session: the start-up benchmark measures up to here.
      if (performance.getEntriesByName('results-shown').length === 0) performance.mark('results-shown');
      this.setEngine({ status: 'ready', stage: null, seq: msg.seq, results: msg.results, computeMs: msg.computeMs, error: null });
    } else {
      this.setEngine({ status: 'error', stage: null, seq: msg.seq, error: msg.message });
    }
  }

  private setEngine(patch: Partial<ReturnType<typeof useSession.getState>['engine']>): void {
    useSession.setState((s) => ({ engine: { ...s.engine, ...patch } }));
  }
}

/** The client following the document (connectEngine): autosave asks it for the document's bytes. */
let connected: EngineClient | null = null;
export const connectedEngine = (): EngineClient | null => connected;

/** Recompute whenever the document object changes (every operation yields a new one). */
export function connectEngine(client: EngineClient): () => void {
  connected = client;
  let last: ProjectDocument | null = null;
  const run = (doc: ProjectDocument | null) => {
    if (doc !== null && doc !== last) {
      last = doc;
      client.submit(doc);
    }
  };
  run(useDocument.getState().doc);
  const unsubscribe = useDocument.subscribe((s) => run(s.doc));
  return () => {
    unsubscribe();
    if (connected === client) connected = null;
  };
}
