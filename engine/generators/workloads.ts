// Sample agentic workloads. Model geometry from the published configs (DOMAIN.md: Llama-3-70B
// 80 layers, 8 KV heads, head dim 128; Llama-3.1-405B 126 layers); the agent behaviour figures
// are editable assumptions for a demo, not measurements.
import type { Workload, WorkloadId } from '../model/index.js';
import { GB, frac, ms } from '../model/index.js';

export function codingAgents(concurrentAgents: number): Workload {
  return {
    id: 'wl-coding' as WorkloadId,
    name: 'Coding agents, Llama-3-70B FP8',
    model: {
      name: 'Llama-3-70B', paramsB: 70, layers: 80, kvHeads: 8, headDim: 128,
      kvBytesPerValue: 2, weightBytesPerParam: 1, computePrecision: 'fp8', tensorParallel: 4,
    },
    concurrentAgents, stepsPerTask: 20, initialContextTokens: 8000, newInputTokensPerStep: 1500,
    outputTokensPerStep: 400, cacheReuseFraction: frac(0.9), toolCallsPerStep: 1.5, toolLatencyMs: ms(800),
    retrievalsPerStep: 1, retrievalLatencyMs: ms(50), retrievalSizeGb: GB(0.002), thinkTimeMs: ms(500),
    slo: { p99StepMs: ms(12000) },
  };
}

export function researchAgents(concurrentAgents: number): Workload {
  return {
    id: 'wl-research' as WorkloadId,
    name: 'Deep-research agents, Llama-3.1-405B FP8',
    model: {
      name: 'Llama-3.1-405B', paramsB: 405, layers: 126, kvHeads: 8, headDim: 128,
      kvBytesPerValue: 2, weightBytesPerParam: 1, computePrecision: 'fp8', tensorParallel: 8,
    },
    concurrentAgents, stepsPerTask: 50, initialContextTokens: 16000, newInputTokensPerStep: 4000,
    outputTokensPerStep: 600, cacheReuseFraction: frac(0.85), toolCallsPerStep: 2, toolLatencyMs: ms(1000),
    retrievalsPerStep: 4, retrievalLatencyMs: ms(80), retrievalSizeGb: GB(0.005), thinkTimeMs: ms(1000),
    slo: { p99StepMs: ms(30000) },
  };
}
