// The worker protocol's promises: a burst of requests costs one computation (the newest), the UI
// shows only results that belong to the document on screen, and the status names the pending stage.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../engine/model/index';
import { useSession } from '../state/session';
import { EngineClient } from './client';
import { LatestOnly } from './coalesce';
import type { FromEngine, ToEngine } from './protocol';
import type { EngineResults } from './results';
import { transferablesOf } from './protocol';

describe('LatestOnly', () => {
  it('runs only the newest of the requests queued before it was free, and reports the rest', () => {
    const tasks: (() => void)[] = [];
    const ran: number[] = [];
    const skipped: number[][] = [];
    const q = new LatestOnly<{ seq: number }>((r) => ran.push(r.seq), (s) => skipped.push(s), (fn) => tasks.push(fn));
    q.push({ seq: 1 });
    q.push({ seq: 2 });
    q.push({ seq: 3 });
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(ran).toEqual([3]);
    expect(skipped).toEqual([[1, 2]]);
    expect(q.hasPending()).toBe(false);
    q.push({ seq: 4 });
    expect(q.hasPending()).toBe(true);
    tasks.shift()!();
    expect(q.hasPending()).toBe(false);
    expect(ran).toEqual([3, 4]);
    expect(skipped).toEqual([[1, 2]]);
  });
});

/** A Worker double: records what the client sends and lets the test answer in any order. */
class WorkerDouble {
  sent: ToEngine[] = [];
  onmessage: ((e: MessageEvent<FromEngine>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: ToEngine) { this.sent.push(m); }
  terminate() {}
  answer(m: FromEngine) { this.onmessage?.({ data: m } as MessageEvent<FromEngine>); }
}

describe('EngineClient', () => {
  afterEach(() => useSession.setState({ engine: { status: 'idle', seq: 0, results: null, computeMs: null, error: null, stage: null } }));
  const doc = (name: string) => ({ hall: { name } }) as unknown as ProjectDocument;
  // Tagged stand-ins: these tests are about which answer is shown, not what is in it.
  const tagged = (tag: string) => ({ tag }) as unknown as EngineResults;

  it('drops an answer overtaken by a newer edit and shows the newest', () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    const first = client.submit(doc('a'));
    const second = client.submit(doc('b'));
    expect(worker.sent.map((m) => m.seq)).toEqual([first, second]);
    // The worker holds the first document; the edit travels as a delta of the changed fields.
    expect(worker.sent.map((m) => m.type)).toEqual(['compute', 'patch']);
    expect(worker.sent[1]).toMatchObject({ delta: { fields: { hall: { name: 'b' } }, racks: null } });
    expect(useSession.getState().engine.status).toBe('computing');

    worker.answer({ type: 'result', seq: first, stage: 'complete', results: tagged('a'), computeMs: 5 });
    expect(useSession.getState().engine.results).toBeNull();
    expect(useSession.getState().engine.status).toBe('computing');

    worker.answer({ type: 'result', seq: second, stage: 'complete', results: tagged('b'), computeMs: 7 });
    expect(useSession.getState().engine).toMatchObject({ status: 'ready', seq: second, results: tagged('b'), computeMs: 7 });
  });

  it('shows the physics stage at once and stays computing until the network stage arrives', () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    const a = client.submit(doc('a'));
    worker.answer({ type: 'result', seq: a, stage: 'physics', results: tagged('a-physics'), computeMs: 3 });
    expect(useSession.getState().engine).toMatchObject({ status: 'computing', seq: a, results: tagged('a-physics') });
    // A stale request's physics never replaces what is shown.
    const b = client.submit(doc('b'));
    worker.answer({ type: 'result', seq: a, stage: 'complete', results: tagged('a'), computeMs: 9 });
    expect(useSession.getState().engine.results).toEqual(tagged('a-physics'));
    worker.answer({ type: 'result', seq: b, stage: 'physics', results: tagged('b-physics'), computeMs: 2 });
    worker.answer({ type: 'result', seq: b, stage: 'complete', results: tagged('b'), computeMs: 8 });
    expect(useSession.getState().engine).toMatchObject({ status: 'ready', seq: b, results: tagged('b'), computeMs: 8 });
  });

  it('keeps the last good results when the newest computation fails, and says so', () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    const a = client.submit(doc('a'));
    worker.answer({ type: 'result', seq: a, stage: 'complete', results: tagged('a'), computeMs: 1 });
    const b = client.submit(doc('b'));
    worker.answer({ type: 'error', seq: b, message: 'no cooling' });
    expect(useSession.getState().engine).toMatchObject({ status: 'error', error: 'no cooling', results: { tag: 'a' } });
  });

  // The stage the status bar names while the engine works: power and heat until the physics answer
  // for the newest edit arrives (an older edit's answers do not count), then fabric and agents,
  // nothing once everything is current or the engine failed.
  const stage = () => useSession.getState().engine.stage;
  const stageResults = tagged('stage');

  it('goes from power and heat to fabric and agents to nothing, for the newest edit only', () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    const a = client.submit(doc('a'));
    expect(stage()).toBe('physics');
    worker.answer({ type: 'result', seq: a, stage: 'physics', results: stageResults, computeMs: 1 });
    expect(stage()).toBe('network');
    const b = client.submit(doc('b'));
    expect(stage()).toBe('physics');
    // The older edit's network answer is stale: the newest still waits for its power and heat.
    worker.answer({ type: 'result', seq: a, stage: 'complete', results: stageResults, computeMs: 2 });
    expect(stage()).toBe('physics');
    worker.answer({ type: 'result', seq: b, stage: 'physics', results: stageResults, computeMs: 1 });
    expect(stage()).toBe('network');
    worker.answer({ type: 'result', seq: b, stage: 'complete', results: stageResults, computeMs: 3 });
    expect(useSession.getState().engine).toMatchObject({ status: 'ready', stage: null });
    const c = client.submit(doc('c'));
    worker.answer({ type: 'error', seq: c, message: 'no cooling' });
    expect(useSession.getState().engine).toMatchObject({ status: 'error', stage: null });
  });
});

describe('EngineClient.serialize', () => {
  const doc = (name: string) => ({ hall: { name } }) as unknown as ProjectDocument;
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('asks the worker for the document it holds, and pairs each answer with its question', async () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    client.submit(doc('a'));
    const b = doc('b');
    const seq = client.submit(b);
    const first = client.serialize(b);
    const second = client.serialize(b);
    expect(worker.sent.slice(2)).toEqual([{ type: 'serialize', id: 1, seq }, { type: 'serialize', id: 2, seq }]);
    // Answers may come in any order (compression is asynchronous in the worker).
    worker.answer({ type: 'serialized', id: 2, seq, gzip: null });
    worker.answer({ type: 'serialized', id: 1, seq, gzip: bytes('one') });
    expect(await first).toEqual(bytes('one'));
    expect(await second).toBeNull();
    // An answer about the recovery copy is not an engine state.
    expect(useSession.getState().engine.status).toBe('computing');
  });

  it('answers null without asking when the worker does not hold that document, or has stopped', async () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    const a = doc('a');
    expect(await client.serialize(a)).toBeNull();
    client.submit(a);
    const b = doc('b');
    client.submit(b);
    expect(await client.serialize(a)).toBeNull();
    expect(worker.sent.map((m) => m.type)).toEqual(['compute', 'patch']);
    const pending = client.serialize(b);
    client.dispose();
    expect(await pending).toBeNull();
  });

});

describe('transferablesOf', () => {
  it('finds every typed array buffer once, however deep', () => {
    const shared = new Float32Array(4);
    const results = { thermal: { inlets: shared, field: { data: new Float32Array(8) } }, again: shared.subarray(1), n: 3 };
    const list = transferablesOf(results);
    expect(list).toHaveLength(2);
    expect(list).toContain(shared.buffer);
  });

});
