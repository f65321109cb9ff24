import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { codingAgents } from '../generators/workloads.js';
import type { GpuRackType } from '../model/index.js';
import { kvBytes, kvBytesPerToken, meanHeldTokens, stepTokens, weightBytes } from './kvcache.js';
import { placeContexts } from './residency.js';
import { fetchTimeS, hbmKvBytes, replicaTiers, type Tier } from './tiers.js';

const KiB = 1024;
const geometry = (layers: number, kvHeads: number, headDim: number, kvBytesPerValue: number) => ({ layers, kvHeads, headDim, kvBytesPerValue });

describe('KV cache bytes per token (DOMAIN.md)', () => {
  it('Llama-3-70B: 2 x 80 x 8 x 128 x 2 B = 320 KiB, 42.9 GB at 128k tokens', () => {
    expect(kvBytesPerToken(geometry(80, 8, 128, 2))).toBe(320 * KiB);
    const model = { ...codingAgents(1).model, kvBytesPerValue: 2 };
    expect(kvBytes(model, 128 * 1024) / 1e9).toBeCloseTo(42.95, 2);
  });
  it('Llama-3.1-405B: 504 KiB; Llama-3-8B (32 layers): 128 KiB; FP8 halves it', () => {
    expect(kvBytesPerToken(geometry(126, 8, 128, 2))).toBe(504 * KiB);
    expect(kvBytesPerToken(geometry(32, 8, 128, 2))).toBe(128 * KiB);
    expect(kvBytesPerToken(geometry(80, 8, 128, 1))).toBe(160 * KiB);
  });
  it('weights: 70B at FP8 = 70 GB', () => {
    expect(weightBytes({ paramsB: 70, weightBytesPerParam: 1 })).toBe(70e9);
  });
});

describe('context growth over a task', () => {
  const w = codingAgents(1); // initial 8000, new 1500, output 400, reuse 0.9
  it('step 0 prefills the initial context, later steps reuse 90 % of the previous context', () => {
    expect(stepTokens(w, 0)).toEqual({ prompt: 8000, reused: 0, prefill: 8000, output: 400, after: 8400 });
    // step 1: prompt 8000 + 1900 = 9900; previous 8400; reused 7560; prefill 9900 - 7560 = 2340
    const s1 = stepTokens(w, 1);
    expect(s1.prompt).toBe(9900);
    expect(s1.reused).toBeCloseTo(7560, 9);
    expect(s1.prefill).toBeCloseTo(2340, 9);
    expect(s1.after).toBe(10300);
  });
  it('mean held context is the mean of the per-step contexts', () => {
    // 8400 + 1900 (20 - 1)/2 = 26450 tokens
    let sum = 0;
    for (let k = 0; k < 20; k++) sum += stepTokens(w, k).after;
    expect(meanHeldTokens(w, 20)).toBe(26450);
    expect(sum / 20).toBeCloseTo(26450, 9);
  });
});

describe('tiers of a GB200 NVL72-class replica (TP 4, 70 GB of weights)', () => {
  const gpu = shippedCatalog.rackTypes.find((t) => t.id === 'gpu-nvl72-gb200') as GpuRackType;
  const storage = { capacityBytes: 1e15, bandwidthBytesPerS: 50e9, latencyS: 210e-6 };
  const tiers = replicaTiers(gpu, 4, 70e9, storage);
  it('HBM: 4 x 186 GB x 0.9 - 70 GB = 599.6 GB', () => {
    expect(tiers[0]!.capacityBytes / 1e9).toBeCloseTo(599.6, 6);
    expect(hbmKvBytes(gpu, 1, 200e9)).toBeLessThan(0); // 200 GB of weights do not fit one 186 GB GPU
  });
  it('host: 960 GB, min(450, 1024/4) = 256 GB/s per GPU, 1024 GB/s per replica; NVMe 15.36 TB at 4 x 14 GB/s', () => {
    expect(tiers[1]!.capacityBytes).toBeCloseTo(960e9, 0);
    expect(tiers[1]!.bandwidthBytesPerS).toBeCloseTo(1024e9, 0);
    expect(tiers[2]!.capacityBytes).toBeCloseTo(15.36e12, 0);
    expect(tiers[2]!.bandwidthBytesPerS).toBeCloseTo(56e9, 0);
    expect(tiers[2]!.latencyS).toBeCloseTo(90e-6, 12);
  });
  it('fetch time = latency + bytes / bandwidth', () => {
    // 10 GB from host: 10 us + 10e9/1024e9 s = 9.7656 ms + 0.01 ms = 9.7756 ms
    expect(fetchTimeS(tiers[1]!, 10e9) * 1e3).toBeCloseTo(9.7756, 4);
    // 10 GB from storage: 0.21 ms + 200 ms
    expect(fetchTimeS(tiers[3]!, 10e9) * 1e3).toBeCloseTo(200.21, 6);
    expect(fetchTimeS(tiers[0]!, 10e9)).toBe(0);
  });
});

describe('residency of idle contexts', () => {
  const tier = (name: Tier['name'], capacityBytes: number): Tier => ({ name, capacityBytes, bandwidthBytesPerS: 1, latencyS: 0 });
  it('fills HBM left by the batch, then host, then NVMe; hit rates are byte shares', () => {
    // HBM 100 with 80 active leaves 20; idle 200 -> 20 HBM, 50 host, 130 NVMe -> 0.10, 0.25, 0.65
    const r = placeContexts([tier('hbm', 100), tier('host', 50), tier('nvme', 1000), tier('storage', 0)], 80, 200);
    expect(Array.from(r.hitRate)).toEqual([0.1, 0.25, 0.65, 0]);
    expect(r.missRate).toBe(0);
    expect(r.activeOverflowBytes).toBe(0);
  });
  it('what fits nowhere is a miss; a batch larger than HBM overflows', () => {
    // 0 + 50 + 100 placed of 200 idle: miss 50/200 = 0.25; active 130 > 100: overflow 30
    const r = placeContexts([tier('hbm', 100), tier('host', 50), tier('nvme', 100), tier('storage', 0)], 130, 200);
    expect(r.missRate).toBeCloseTo(0.25, 12);
    expect(r.activeOverflowBytes).toBe(30);
    expect(r.hitRate[0]).toBe(0);
  });
});
