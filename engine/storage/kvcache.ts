// KV-cache size from the model's geometry: every layer keeps a key and a value vector per KV
// head for every token, so bytes per token = 2 x layers x kvHeads x headDim x bytesPerValue
// (DOMAIN.md: Llama-3-70B 80 x 8 x 128 in FP16 = 320 KiB/token). Contexts of an agent grow step
// by step: the prompt of step k is the task's initial context plus k rounds of (new input +
// output); the part of the previous context found in cache (cacheReuseFraction) is fetched,
// the rest is prefilled again.
import type { ModelSpec, Workload } from '../model/index.js';

export const BYTES_PER_GB = 1e9;

export function kvBytesPerToken(model: Pick<ModelSpec, 'layers' | 'kvHeads' | 'headDim' | 'kvBytesPerValue'>): number {
  return 2 * model.layers * model.kvHeads * model.headDim * model.kvBytesPerValue;
}

export function kvBytes(model: ModelSpec, tokens: number): number {
  return kvBytesPerToken(model) * tokens;
}

/** Bytes of weights of one model replica (parameters x bytes per parameter). */
export function weightBytes(model: Pick<ModelSpec, 'paramsB' | 'weightBytesPerParam'>): number {
  return model.paramsB * BYTES_PER_GB * model.weightBytesPerParam;
}

export interface StepTokens {
  /** Tokens of the prompt of this step (everything the model attends to). */
  prompt: number;
  /** Tokens of the earlier context that come from the KV cache instead of being prefilled. */
  reused: number;
  /** Tokens prefilled this step: the prompt minus the reused prefix. */
  prefill: number;
  /** Tokens generated. */
  output: number;
  /** Context kept (as KV) after the step, while the agent's tools run. */
  after: number;
}

type AgentShape = Pick<Workload, 'initialContextTokens' | 'newInputTokensPerStep' | 'outputTokensPerStep' | 'cacheReuseFraction'>;

/** Token counts of step k (0-based) of a task. Step 0 prefills the initial context in full. */
export function stepTokens(w: AgentShape, k: number): StepTokens {
  const round = w.newInputTokensPerStep + w.outputTokensPerStep;
  const prompt = w.initialContextTokens + k * round;
  const previous = k === 0 ? 0 : prompt - w.newInputTokensPerStep; // last prompt + its output
  const reused = w.cacheReuseFraction * previous;
  return { prompt, reused, prefill: prompt - reused, output: w.outputTokensPerStep, after: prompt + w.outputTokensPerStep };
}

/** Mean KV tokens an agent holds over a task of `steps` steps (the mean of `after`, linear in k). */
export function meanHeldTokens(w: AgentShape, steps: number): number {
  const round = w.newInputTokensPerStep + w.outputTokensPerStep;
  return w.initialContextTokens + w.outputTokensPerStep + (round * (steps - 1)) / 2;
}
