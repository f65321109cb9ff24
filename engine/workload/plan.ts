// Everything about one workload that does not depend on how many agents run: token counts of
// representative steps, roofline times, the distribution of tool and retrieval time, and the
// workload's slice of the hall. The evaluation (evaluate.ts) then only does the load-dependent
// part, so the search over agent counts stays cheap even for a gigawatt hall.
import type { GpuRackType, SiteDefaults, Workload } from '../model/index.js';
import { gammaCdf } from '../queueing/index.js';
import { hbmKvBytes, kvBytesPerToken, meanHeldTokens, stepTokens } from '../storage/index.js';
import { gbpsToBytes, type HallCapacity } from './capacity.js';
import { prefillSeconds, roofline, type Roofline } from './roofline.js';

/** Steps of a task are grouped into at most this many representatives (tokens grow linearly, so a group's middle step is its mean). */
const MAX_REPRESENTATIVE_STEPS = 8;
/** Bins of the tool + retrieval time distribution; 256 keeps the discretisation error under ~0.5 % of its span. */
const TOOL_GRID_BINS = 256;
/** The grid spans mean + this many standard deviations; the gamma tail beyond is < 1e-6 for shape >= 0.5. */
const TOOL_GRID_SDS = 14;
/** Serving engines cap the sequences of one batch (vLLM's max_num_seqs default, 256). */
export const MAX_BATCH = 256;
const MS = 1e-3;

export interface Slice {
  /** Share of the hall (GPUs, storage, network) given to this workload. */
  share: number;
  replicas: number;
  storageCapacityBytes: number;
  storageReadBytesPerS: number;
  storageWriteBytesPerS: number;
  storageLatencyS: number;
  /** Storage network bytes/s into one replica (its TP GPUs' links). */
  replicaNetBytesPerS: number;
  fabricLatencyS: number;
}

export interface WorkloadPlan {
  readonly workload: Workload;
  readonly gpu: GpuRackType;
  readonly tp: number;
  readonly roof: Roofline;
  readonly slice: Slice;
  readonly kvPerToken: number;
  /** Mean KV bytes an agent holds between steps. */
  readonly heldBytes: number;
  /** Mean KV bytes of a sequence in the decode batch (prompt + half the output). */
  readonly activeBytes: number;
  /** HBM bytes per replica free for KV after the weights. */
  readonly hbmKvBytes: number;
  /** Largest batch the HBM holds, capped at MAX_BATCH; 0 when not even one sequence fits. */
  readonly batchMax: number;
  /** Representative steps: weight (share of the task's steps), own prefill s, reused KV bytes, recompute s. */
  readonly stepWeight: Float64Array;
  readonly stepPrefillS: Float64Array;
  readonly stepReusedBytes: Float64Array;
  readonly stepRecomputeS: Float64Array;
  readonly meanReusedBytes: number;
  readonly meanSqReusedBytes: number;
  /** Tool + retrieval service time (gamma sums of exponential calls) as a pmf on bin midpoints. */
  readonly toolValues: Float64Array;
  readonly toolPmf: Float64Array;
  /** toolSurvival[j] = mass of the bins above bin j, for O(log n) tails. */
  readonly toolSurvival: Float64Array;
  readonly toolMeanS: number;
  readonly toolVarS: number;
  readonly retrievalBytes: number;
  /** Mean tokens prefilled per step (new input plus the part of the context not reused). */
  readonly meanPrefillTokens: number;
}

export function makeSlice(cap: HallCapacity, tp: number, share: number): Slice {
  const gpus = cap.gpu?.gpus ?? 0;
  return {
    share,
    replicas: Math.floor((gpus * share) / tp),
    storageCapacityBytes: cap.storage.capacityBytes * share,
    storageReadBytesPerS: cap.storage.readBytesPerS * share,
    storageWriteBytesPerS: cap.storage.writeBytesPerS * share,
    storageLatencyS: cap.storage.readLatencyS,
    replicaNetBytesPerS: tp * gbpsToBytes(cap.storagePerGpuGbps),
    fabricLatencyS: cap.fabricLatencyS,
  };
}

export function makePlan(w: Workload, gpu: GpuRackType, site: SiteDefaults, slice: Slice): WorkloadPlan {
  const tp = w.model.tensorParallel;
  const roof = roofline(w.model, gpu, site);
  const kvPerToken = kvBytesPerToken(w.model);
  const steps = w.stepsPerTask;
  const groups = Math.min(steps, MAX_REPRESENTATIVE_STEPS);
  const stepWeight = new Float64Array(groups);
  const stepPrefillS = new Float64Array(groups);
  const stepReusedBytes = new Float64Array(groups);
  const stepRecomputeS = new Float64Array(groups);
  let promptSum = 0;
  let prefillTokens = 0;
  let meanReused = 0;
  let meanSqReused = 0;
  for (let g = 0; g < groups; g++) {
    // Step 0 prefills the whole initial context, unlike any later step, so it is its own group;
    // steps 1..K-1 are split evenly among the other groups, each represented by its middle step.
    let k = g;
    let weight = 1 / steps;
    if (groups < steps && g > 0) {
      const first = 1 + Math.floor(((g - 1) * (steps - 1)) / (groups - 1));
      const last = Math.floor((g * (steps - 1)) / (groups - 1));
      k = (first + last) / 2;
      weight = (last - first + 1) / steps;
    }
    const t = stepTokens(w, k);
    stepWeight[g] = weight;
    stepPrefillS[g] = prefillSeconds(roof, t.prefill);
    stepReusedBytes[g] = t.reused * kvPerToken;
    stepRecomputeS[g] = prefillSeconds(roof, t.reused);
    promptSum += weight * t.prompt;
    prefillTokens += weight * t.prefill;
    meanReused += weight * stepReusedBytes[g]!;
    meanSqReused += weight * stepReusedBytes[g]! ** 2;
  }
  const hbmKv = hbmKvBytes(gpu, tp, roof.weightBytes);
  const activeBytes = (promptSum + w.outputTokensPerStep / 2) * kvPerToken;
  const tools = toolDistribution(w);
  return {
    workload: w, gpu, tp, roof, slice, kvPerToken,
    heldBytes: meanHeldTokens(w, steps) * kvPerToken, activeBytes, hbmKvBytes: hbmKv,
    batchMax: hbmKv <= 0 ? 0 : Math.min(MAX_BATCH, Math.floor(hbmKv / activeBytes)),
    stepWeight, stepPrefillS, stepReusedBytes, stepRecomputeS,
    meanReusedBytes: meanReused, meanSqReusedBytes: meanSqReused,
    ...tools, retrievalBytes: w.retrievalSizeGb * 1e9, meanPrefillTokens: prefillTokens,
  };
}

/** Bin masses of a gamma(k, theta) on bins of width h (last bin takes the tail), or null for an atom at 0. */
function gammaBins(k: number, theta: number, h: number, bins: number): Float64Array | null {
  if (k <= 0 || theta <= 0) return null;
  const mass = new Float64Array(bins);
  let prev = 0;
  for (let i = 0; i < bins; i++) {
    const cdf = i === bins - 1 ? 1 : gammaCdf(k, theta, (i + 1) * h);
    mass[i] = cdf - prev;
    prev = cdf;
  }
  return mass;
}

/**
 * Tool and retrieval time of a step: n calls of exponential latency with mean L add up to a
 * gamma(n, L) (Erlang-n for whole n; the gamma extends it to 1.5 calls a step on average). Tools
 * and retrievals run one after the other (ReAct: act, observe, act), so their sum is convolved.
 */
type ToolDistribution = Pick<WorkloadPlan, 'toolValues' | 'toolPmf' | 'toolSurvival' | 'toolMeanS' | 'toolVarS'>;

function survival(pmf: Float64Array): Float64Array {
  const out = new Float64Array(pmf.length);
  let above = 0;
  for (let j = pmf.length - 1; j >= 0; j--) {
    out[j] = above;
    above += pmf[j]!;
  }
  return out;
}

function toolDistribution(w: Workload): ToolDistribution {
  const kt = w.toolCallsPerStep;
  const lt = w.toolLatencyMs * MS;
  const kr = w.retrievalsPerStep;
  const lr = w.retrievalLatencyMs * MS;
  const mean = kt * lt + kr * lr;
  const variance = kt * lt * lt + kr * lr * lr;
  if (mean <= 0) return { toolValues: Float64Array.of(0), toolPmf: Float64Array.of(1), toolSurvival: Float64Array.of(0), toolMeanS: 0, toolVarS: 0 };
  const h = (mean + TOOL_GRID_SDS * Math.sqrt(variance)) / TOOL_GRID_BINS;
  const a = gammaBins(kt, lt, h, TOOL_GRID_BINS);
  const b = gammaBins(kr, lr, h, TOOL_GRID_BINS);
  const single = a ?? b;
  let values: Float64Array;
  let pmf: Float64Array;
  if (a && b) {
    // midpoints (i + 1/2) h + (j + 1/2) h = (i + j + 1) h
    pmf = new Float64Array(2 * TOOL_GRID_BINS - 1);
    for (let i = 0; i < TOOL_GRID_BINS; i++) {
      const ai = a[i]!;
      if (ai === 0) continue;
      for (let j = 0; j < TOOL_GRID_BINS; j++) pmf[i + j] = pmf[i + j]! + ai * b[j]!;
    }
    values = pmf.map((_, n) => (n + 1) * h);
  } else {
    pmf = single!;
    values = pmf.map((_, n) => (n + 0.5) * h);
  }
  // Drop bins of negligible mass so the tail sums run over what matters.
  const keep: number[] = [];
  for (let n = 0; n < pmf.length; n++) if (pmf[n]! > 1e-13) keep.push(n);
  const kept = Float64Array.from(keep, (n) => pmf[n]!);
  return {
    toolValues: Float64Array.from(keep, (n) => values[n]!),
    toolPmf: kept,
    toolSurvival: survival(kept),
    toolMeanS: mean,
    toolVarS: variance,
  };
}
