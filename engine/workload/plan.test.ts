import { describe, expect, it } from 'vitest';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { codingAgents, researchAgents } from '../generators/workloads.js';
import type { GpuRackType } from '../model/index.js';
import { stepTokens } from '../storage/index.js';
import { makePlan, type Slice } from './plan.js';

const gb200 = shippedCatalog.rackTypes.find((t) => t.id === 'gpu-nvl72-gb200') as GpuRackType;
const slice: Slice = {
  share: 1, replicas: 10, storageCapacityBytes: 0, storageReadBytesPerS: 0, storageWriteBytesPerS: 0,
  storageLatencyS: 0, replicaNetBytesPerS: 0, fabricLatencyS: 0,
};

describe('representative steps', () => {
  for (const w of [codingAgents(1), researchAgents(1)]) {
    it(`${w.name}: 8 groups stand for ${w.stepsPerTask} steps without bias in the means`, () => {
      const plan = makePlan(w, gb200, shippedCatalog.site, slice);
      expect(plan.stepWeight.length).toBe(8);
      expect(plan.stepWeight.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      // Tokens grow linearly in k, so each group's middle step carries the group's mean exactly.
      let prefill = 0;
      let reused = 0;
      for (let k = 0; k < w.stepsPerTask; k++) {
        prefill += stepTokens(w, k).prefill / w.stepsPerTask;
        reused += (stepTokens(w, k).reused * plan.kvPerToken) / w.stepsPerTask;
      }
      expect(plan.meanPrefillTokens).toBeCloseTo(prefill, 6);
      expect(plan.meanReusedBytes / reused).toBeCloseTo(1, 12);
    });
  }

  it('tool time grid keeps the mean of the gamma sum', () => {
    // coding: 1.5 calls x 800 ms + 1 retrieval x 50 ms = 1250 ms
    const plan = makePlan(codingAgents(1), gb200, shippedCatalog.site, slice);
    let mean = 0;
    let mass = 0;
    for (let j = 0; j < plan.toolPmf.length; j++) {
      mean += plan.toolPmf[j]! * plan.toolValues[j]!;
      mass += plan.toolPmf[j]!;
    }
    expect(mass).toBeCloseTo(1, 9);
    expect(plan.toolMeanS).toBeCloseTo(1.25, 12);
    expect(mean / 1.25).toBeGreaterThan(0.995);
    expect(mean / 1.25).toBeLessThan(1.005);
  });
});
