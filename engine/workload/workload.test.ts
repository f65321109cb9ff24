import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../generators/index.js';
import { codingAgents } from '../generators/workloads.js';
import type { GpuRackType, Workload } from '../model/index.js';
import { GB, frac, ms } from '../model/index.js';
import { hallCapacityFromDocument } from './capacity.js';
import { computeWorkloads } from './compute.js';
import { ALL_RESOURCES, evaluate, stepQuantile, stepTail } from './evaluate.js';
import { makePlan, type Slice } from './plan.js';
import { decodeIterationSeconds, prefillSeconds, roofline } from './roofline.js';
import { maxAgents } from './search.js';

const gb200 = shippedCatalog.rackTypes.find((t) => t.id === 'gpu-nvl72-gb200') as GpuRackType;
const site = shippedCatalog.site;
const slice: Slice = {
  share: 1, replicas: 100, storageCapacityBytes: 3e15, storageReadBytesPerS: 300e9, storageWriteBytesPerS: 120e9,
  storageLatencyS: 200e-6, replicaNetBytesPerS: 50e9, fabricLatencyS: 2e-6,
};
/** One-step task, no tools or retrieval: the step is prefill + decode only. */
const bare = (over: Partial<Workload> = {}): Workload => ({
  ...codingAgents(1), stepsPerTask: 1, initialContextTokens: 1000, newInputTokensPerStep: 0, outputTokensPerStep: 100,
  cacheReuseFraction: frac(0), toolCallsPerStep: 0, toolLatencyMs: ms(0), retrievalsPerStep: 0, retrievalLatencyMs: ms(0),
  retrievalSizeGb: GB(0), thinkTimeMs: ms(0), ...over,
});

describe('roofline (70B FP8, TP 4, GB200-class: 4.5 PFLOP/s FP8, 8 TB/s, MFU 0.4, efficiency 0.7)', () => {
  const r = roofline(codingAgents(1).model, gb200, site);
  it('prefill of 1000 tokens: 2 x 70e9 x 1000 / (4 x 4.5e15 x 0.4) = 19.44 ms', () => {
    expect(prefillSeconds(r, 1000) * 1e3).toBeCloseTo(19.444, 3);
  });
  it('decode iteration: 70 GB / (4 x 8 TB/s x 0.7) = 3.125 ms at batch 1; compute-bound at 256 (4.98 ms)', () => {
    expect(decodeIterationSeconds(r, 1, 0) * 1e3).toBeCloseTo(3.125, 6);
    // memory (70e9)/22.4e12 = 3.125 ms < compute 256 x 1.4e11 / 7.2e15 = 4.978 ms
    expect(decodeIterationSeconds(r, 256, 0) * 1e3).toBeCloseTo(4.978, 3);
    // each sequence's 1 GB of KV adds 1e9/22.4e12 = 44.6 us
    expect((decodeIterationSeconds(r, 2, 1e9) - decodeIterationSeconds(r, 1, 1e9)) * 1e6).toBeCloseTo(44.64, 1);
  });
});

describe('one step, one agent: the latency is the roofline', () => {
  it('p50 = p99 = prefill + 100 decode iterations = 333.5 ms', () => {
    // KV per sequence in the batch: (1000 + 100/2) x 327680 B = 344.1 MB; one iteration
    // (70e9 + 344.1e6)/22.4e12 = 3.1404 ms; step = 19.44 + 100 x 3.1404 = 333.5 ms. One agent
    // offers load 1 to c = batchMax slots, so the Erlang C wait is ~ 1/c! ~ 0.
    const plan = makePlan(bare(), gb200, site, slice);
    const ev = evaluate(plan, 1, 1, plan.batchMax, ALL_RESOURCES);
    expect(ev.batch).toBeCloseTo(1, 9);
    expect(stepQuantile(ev, plan, 0.5) * 1e3).toBeCloseTo(333.5, 0);
    expect(stepQuantile(ev, plan, 0.99) * 1e3).toBeCloseTo(333.5, 0);
  });
});

describe('tool calls add a gamma tail', () => {
  it('one exponential tool call of 800 ms: p99 - p50 = 0.8 (ln 100 - ln 2) = 3.1296 s', () => {
    const plan = makePlan(bare({ toolCallsPerStep: 1, toolLatencyMs: ms(800) }), gb200, site, slice);
    const ev = evaluate(plan, 1, 1, plan.batchMax, ALL_RESOURCES);
    const spread = stepQuantile(ev, plan, 0.99) - stepQuantile(ev, plan, 0.5);
    expect(spread).toBeGreaterThan(3.1296 * 0.99);
    expect(spread).toBeLessThan(3.1296 * 1.01);
  });

  it('the fast tail equals the direct double sum over offsets and tool bins', () => {
    const plan = makePlan(codingAgents(1), gb200, site, slice);
    // 6 agents a replica keep ~4.4 of a batch cap of 5 busy: the Erlang C wait matters here.
    const ev = evaluate(plan, 600, 100, 5, ALL_RESOURCES);
    expect(ev.stable).toBe(true);
    expect(ev.gpuQueue?.pWait ?? 0).toBeGreaterThan(0.1);
    const q = ev.gpuQueue!;
    for (const t of [2, 4, 6, 9]) {
      let direct = 0;
      for (let o = 0; o < ev.offsets.length; o++) {
        for (let j = 0; j < plan.toolValues.length; j++) {
          const x = t - ev.offsets[o]! - plan.toolValues[j]!;
          direct += ev.offsetWeights[o]! * plan.toolPmf[j]! * (x < 0 ? 1 : q.pWait * Math.exp(-q.waitRate * x));
        }
      }
      expect(stepTail(ev, plan, t)).toBeCloseTo(direct, 10);
    }
  });
});

describe('load', () => {
  const plan = makePlan(codingAgents(1), gb200, site, slice);
  it('more agents: larger batch, longer p99, until the replica saturates', () => {
    const a = evaluate(plan, 200, 100, plan.batchMax, ALL_RESOURCES);
    const b = evaluate(plan, 800, 100, plan.batchMax, ALL_RESOURCES);
    expect(b.batch).toBeGreaterThan(a.batch);
    expect(stepQuantile(b, plan, 0.99)).toBeGreaterThan(stepQuantile(a, plan, 0.99));
    const c = evaluate(plan, 100 * 100, 100, plan.batchMax, ALL_RESOURCES);
    expect(c.stable).toBe(false);
    expect(c.saturated).toBe('compute');
  });

  it('idle contexts spill from HBM to host memory as agents are added', () => {
    // 10 agents a replica hold ~87 GB (26,450 tokens x 327,680 B = 8.67 GB each) of the 599.6 GB
    // HBM left by the weights; 100 a replica hold ~867 GB, so the rest reaches host memory.
    const few = evaluate(plan, 1000, 100, plan.batchMax, ALL_RESOURCES);
    const many = evaluate(plan, 10000, 100, plan.batchMax, { compute: false, storage: true, fabric: false });
    expect(few.residency.hitRate[0]).toBe(1);
    expect(many.residency.hitRate[1]).toBeGreaterThan(0);
    expect(many.components.kvFetch).toBeGreaterThan(0);
  });

  it('the agent search stops where the SLO is met and one more agent breaks it', () => {
    const n = maxAgents(plan, 100, ALL_RESOURCES);
    expect(n).toBeGreaterThan(100);
    const slo = plan.workload.slo.p99StepMs / 1e3;
    expect(stepQuantile(evaluate(plan, n, 100, plan.batchMax, ALL_RESOURCES), plan, 0.99)).toBeLessThanOrEqual(slo);
    expect(stepQuantile(evaluate(plan, Math.ceil(n * 1.002), 100, plan.batchMax, ALL_RESOURCES), plan, 0.99)).toBeGreaterThan(slo);
  });
});

describe('hall capacity and the bottleneck on the demo hall', () => {
  const hall = demoHall(shippedCatalog);
  const doc = hall;
  it('derives GPUs, network and storage from the document', () => {
    const cap = hallCapacityFromDocument(doc);
    expect(cap.gpu?.gpus).toBe(12 * 72);
    expect(cap.fabricPerGpuGbps).toBe(400); // 4 NICs x 400G / 4 GPUs
    expect(cap.storagePerGpuGbps).toBe(100); // 2 x 200G / 4 GPUs
    expect(cap.storage.readBytesPerS).toBe(300e9); // min(300 GB/s, 16 x 400G = 800 GB/s)
    expect(cap.fabricLatencyS).toBeCloseTo(3 * 700e-9, 15);
  });

  it('compute limits by default; halving the power makes power the bottleneck', () => {
    // Ask for more coding agents than the hall serves, so the SLO is missed at the requested count.
    const doc = { ...hall, workloads: hall.workloads.map((w) => (w.id === 'wl-coding' ? { ...w, concurrentAgents: 2000 } : w)) };
    const base = computeWorkloads(doc, hallCapacityFromDocument(doc));
    const coding = base.workloads.find((w) => w.workloadId === 'wl-coding')!;
    expect(coding.bottleneck.resource).toBe('compute');
    expect(coding.maxAgentsAtSlo.value).toBe(coding.bottleneck.maxAgents.compute);
    expect(coding.maxAgentsAtSlo.value).toBeLessThan(2000);
    expect(base.violations.some((v) => v.code === 'workload.slo-missed' && v.objectIds.includes('wl-coding'))).toBe(true);

    const halved = computeWorkloads(doc, hallCapacityFromDocument(doc, { powerShare: 0.5 }));
    const c2 = halved.workloads.find((w) => w.workloadId === 'wl-coding')!;
    expect(c2.bottleneck.resource).toBe('power');
    expect(c2.bottleneck.next).toBe('compute');
    expect(c2.bottleneck.maxAgents.power).toBe(Math.floor(coding.bottleneck.maxAgents.compute * 0.5));
    // half the replicas serve about half the agents (per-replica queues; floor of odd counts)
    expect(c2.maxAgentsAtSlo.value / coding.maxAgentsAtSlo.value).toBeGreaterThan(0.45);
    expect(c2.maxAgentsAtSlo.value / coding.maxAgentsAtSlo.value).toBeLessThan(0.52);
    expect(c2.bottleneck.marginPct).toBeCloseTo((100 * (c2.bottleneck.maxAgents.compute - c2.bottleneck.maxAgents.power)) / c2.bottleneck.maxAgents.power, 9);
  });

  it('a 405B model on one GPU does not fit', () => {
    const one = { ...doc, workloads: [{ ...doc.workloads[1]!, model: { ...doc.workloads[1]!.model, tensorParallel: 1 } }] };
    const r = computeWorkloads(one, hallCapacityFromDocument(one));
    expect(r.violations.map((v) => v.code)).toContain('workload.model-does-not-fit');
    expect(r.workloads[0]!.maxAgentsAtSlo.value).toBe(0);
  });
});
