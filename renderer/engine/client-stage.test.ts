// The stage the status bar names while the engine works: power and heat until the physics answer
// for the newest edit arrives (an older edit's answers do not count), then fabric and agents,
// nothing once everything is current or the engine failed.
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../engine/model/index';
import { useSession } from '../state/session';
import { EngineClient } from './client';
import type { FromEngine, ToEngine } from './protocol';
import type { EngineResults } from './results';

class WorkerDouble {
  sent: ToEngine[] = [];
  onmessage: ((e: MessageEvent<FromEngine>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(m: ToEngine) { this.sent.push(m); }
  terminate() {}
  answer(m: FromEngine) { this.onmessage?.({ data: m } as MessageEvent<FromEngine>); }
}

describe('engine stage', () => {
  afterEach(() => useSession.setState({ engine: { status: 'idle', seq: 0, results: null, computeMs: null, error: null, stage: null } }));
  const doc = (name: string) => ({ hall: { name } }) as unknown as ProjectDocument;
  const results = { tag: 'r' } as unknown as EngineResults;
  const stage = () => useSession.getState().engine.stage;

  it('goes from power and heat to fabric and agents to nothing, for the newest edit only', () => {
    const worker = new WorkerDouble();
    const client = new EngineClient(() => worker as unknown as Worker);
    const a = client.submit(doc('a'));
    expect(stage()).toBe('physics');
    worker.answer({ type: 'result', seq: a, stage: 'physics', results, computeMs: 1 });
    expect(stage()).toBe('network');
    const b = client.submit(doc('b'));
    expect(stage()).toBe('physics');
    // The older edit's network answer is stale: the newest still waits for its power and heat.
    worker.answer({ type: 'result', seq: a, stage: 'complete', results, computeMs: 2 });
    expect(stage()).toBe('physics');
    worker.answer({ type: 'result', seq: b, stage: 'physics', results, computeMs: 1 });
    expect(stage()).toBe('network');
    worker.answer({ type: 'result', seq: b, stage: 'complete', results, computeMs: 3 });
    expect(useSession.getState().engine).toMatchObject({ status: 'ready', stage: null });
    const c = client.submit(doc('c'));
    worker.answer({ type: 'error', seq: c, message: 'no cooling' });
    expect(useSession.getState().engine).toMatchObject({ status: 'error', stage: null });
  });
});
