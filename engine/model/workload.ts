// Agentic inference profiles: what the customer wants the hall to serve. An agent runs tasks;
// each task is a chain of steps; each step is a model call (prefill of the new tokens on top of
// the reused, cached prefix, then decode) plus tool calls and retrievals (DOMAIN.md, "Storage
// and agentic inference").
import { z } from 'zod';
import { WorkloadId } from './ids.js';
import { Fraction, Gigabytes, Milliseconds } from './units.js';

const count = () => z.number().int().nonnegative();

export const ModelSpec = z.object({
  name: z.string().min(1).max(200),
  /** Parameters in billions. */
  paramsB: z.number().finite().positive().max(100000),
  layers: z.number().int().min(1).max(1000),
  kvHeads: z.number().int().min(1).max(1024),
  headDim: z.number().int().min(1).max(4096),
  /** Bytes per cached key or value element (2 for FP16/BF16, 1 for FP8). */
  kvBytesPerValue: z.number().finite().positive().max(8),
  /** Bytes per weight (2 for BF16, 1 for FP8, 0.5 for FP4). */
  weightBytesPerParam: z.number().finite().positive().max(8),
  /** Peak-throughput precision used for prefill FLOP/s. */
  computePrecision: z.enum(['bf16', 'fp8']),
  /** GPUs one model replica is split across (tensor parallel). */
  tensorParallel: z.number().int().min(1).max(1024),
});
export type ModelSpec = z.infer<typeof ModelSpec>;

export const Slo = z.object({
  /** Latency one agent step may take at the 99th percentile. */
  p99StepMs: Milliseconds,
});
export type Slo = z.infer<typeof Slo>;

export const Workload = z.object({
  id: WorkloadId,
  name: z.string().min(1).max(200),
  model: ModelSpec,
  concurrentAgents: count(),
  stepsPerTask: z.number().int().min(1).max(100000),
  /** Context the first step starts with (system prompt, task). */
  initialContextTokens: count(),
  /** New input tokens added each step (tool results, retrieved text, user turn). */
  newInputTokensPerStep: count(),
  outputTokensPerStep: count(),
  /** Share of the previous context found in the KV cache and reused, not prefilled again. */
  cacheReuseFraction: Fraction,
  toolCallsPerStep: z.number().finite().nonnegative(),
  toolLatencyMs: Milliseconds,
  retrievalsPerStep: z.number().finite().nonnegative(),
  retrievalLatencyMs: Milliseconds,
  /** Bytes read from storage per retrieval (documents, embeddings), in GB. */
  retrievalSizeGb: Gigabytes,
  /** Time an agent spends outside the model between steps (its tools running, user think time). */
  thinkTimeMs: Milliseconds,
  slo: Slo,
});
export type Workload = z.infer<typeof Workload>;
