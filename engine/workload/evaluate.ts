// One operating point: N agents of a workload on R replicas with a batch cap B. Load-dependent
// physics in the order it happens to a step:
//   arrivals: each replica's n = N/R agents cycle step -> think; open-model rate
//     lambda = n / (unloaded step + think), an upper bound on the closed loop's true rate.
//   GPU slots: continuous batching; the busy batch b solves b = lambda S(b) (Little), with the
//     slot time S(b) = own prefill + (b - 1) mean prefill of the others + out x decode(b); the
//     wait for a slot is M/M/c with c = B (Erlang C; exponential service overstates the wait).
//     Agents stick to their replica (prefix-cache affinity), so each replica is its own queue.
//   context memory: idle agents' KV fills HBM left by the batch, host, NVMe, storage
//     (storage/residency); a returning step fetches its reused prefix from where it landed,
//     latency + bytes/bandwidth, plus a Kingman wait on the host link or NVMe it shares.
//   storage racks: KV reads and writes and retrievals share the racks' bandwidth: M/G/1 with
//     Pollaczek-Khinchine over the mix of transfer sizes.
//   fabric: storage-tier fetches enter the replica through its storage-network links: G/G/1
//     with Kingman (Poisson arrivals, cs^2 from the spread of context sizes), plus latency.
// The step time is then a deterministic part per representative step and tier, plus the GPU
// wait (atom at 0, exponential tail) plus tool and retrieval time (gamma sums on a grid).
import { kingman, mmc, pollaczekKhinchine, quantileOfTail, type MmcQueue } from '../queueing/index.js';
import { fetchTimeS, placeContexts, replicaTiers, type Residency, type Tier } from '../storage/index.js';
import type { WorkloadPlan } from './plan.js';
import { decodeIterationSeconds } from './roofline.js';

const MS = 1e-3;
/** The SLO is a 99th percentile (Workload.slo.p99StepMs). */
export const SLO_PERCENTILE = 0.99;
/** One-sided 99 % point of the standard normal, for the task time (a sum of many steps). */
const Z99 = 2.326347874;
const BATCH_BISECTIONS = 50;

export interface Mask { compute: boolean; storage: boolean; fabric: boolean }
export const ALL_RESOURCES: Mask = { compute: true, storage: true, fabric: true };

export type LoadedResource = 'compute' | 'storage' | 'fabric';

export interface StepComponents {
  queueing: number; batchSharing: number; prefill: number; decode: number;
  kvFetch: number; fabric: number; tools: number; retrieval: number;
}

export interface Evaluation {
  readonly agents: number;
  readonly replicas: number;
  readonly batchCap: number;
  /** Every shared resource below utilisation 1. */
  readonly stable: boolean;
  /** First resource found at or above utilisation 1 (null when stable). */
  readonly saturated: LoadedResource | null;
  readonly lambdaPerReplica: number;
  /** Mean busy batch per replica. */
  readonly batch: number;
  readonly gpuQueue: MmcQueue | null;
  readonly utilisation: { gpu: number; host: number; nvme: number; storage: number; fabric: number };
  readonly tiers: Tier[];
  readonly residency: Residency;
  /** Mean seconds of each part of a step. */
  readonly components: StepComponents;
  readonly meanStepS: number;
  readonly meanTaskS: number;
  readonly sdTaskS: number;
  /** Deterministic offsets of the step time and their probabilities. */
  readonly offsets: Float64Array;
  readonly offsetWeights: Float64Array;
  /** waitAccum[m] = sum over tool bins j <= m of p_j e^{-theta (r_m - r_j)}, theta the GPU wait rate. */
  readonly waitAccum: Float64Array;
}

export function evaluate(plan: WorkloadPlan, agents: number, replicas: number, batchCap: number, mask: Mask): Evaluation {
  const w = plan.workload;
  const { roof, slice } = plan;
  const out = w.outputTokensPerStep;
  const n = agents / replicas;
  const groups = plan.stepWeight.length;
  let meanPrefill = 0;
  let meanRecompute = 0;
  for (let g = 0; g < groups; g++) {
    meanPrefill += plan.stepWeight[g]! * plan.stepPrefillS[g]!;
    meanRecompute += plan.stepWeight[g]! * plan.stepRecomputeS[g]!;
  }
  const tiers = replicaTiers(plan.gpu, plan.tp, roof.weightBytes, {
    capacityBytes: slice.storageCapacityBytes / replicas,
    bandwidthBytesPerS: Math.min(slice.replicaNetBytesPerS, slice.storageReadBytesPerS),
    latencyS: slice.storageLatencyS,
  });
  const storageTier = tiers[3]!;
  const retrievals = w.retrievalsPerStep;
  // Without storage racks the retrieval's data is assumed local to the tool servers (flagged by the caller).
  const retrievalTransfer = retrievals > 0 && storageTier.bandwidthBytesPerS > 0 ? storageTier.latencyS + plan.retrievalBytes / storageTier.bandwidthBytesPerS : 0;
  const tok = (b: number) => decodeIterationSeconds(roof, b, plan.activeBytes);
  const cycle0 = meanPrefill + out * tok(1) + plan.toolMeanS + retrievals * (retrievalTransfer + slice.fabricLatencyS) + w.thinkTimeMs * MS;
  const lambda = n / cycle0;

  // GPU slots, solved twice: the misses of the residency feed recompute work back into the batch.
  const slotTime = (b: number, meanTp: number) => b * meanTp + out * tok(b);
  let batch = 1;
  let gpuSaturated = false;
  let meanTp = meanPrefill;
  let residency = placeContexts(tiers, 0, 0);
  for (let pass = 0; pass < 2; pass++) {
    meanTp = meanPrefill + residency.missRate * meanRecompute;
    batch = 1;
    gpuSaturated = false;
    if (mask.compute) {
      const f = (b: number) => lambda * slotTime(b, meanTp) - b;
      if (batchCap < 1 || f(batchCap) > 0) gpuSaturated = true;
      else if (f(1) > 0) {
        let lo = 1;
        let hi = batchCap;
        for (let i = 0; i < BATCH_BISECTIONS; i++) {
          const mid = 0.5 * (lo + hi);
          if (f(mid) > 0) lo = mid;
          else hi = mid;
        }
        batch = hi;
      }
    }
    const active = Math.min(n, lambda * slotTime(batch, meanTp));
    residency = mask.storage ? placeContexts(tiers, active * plan.activeBytes, Math.max(0, n - active) * plan.heldBytes) : placeContexts(tiers, 0, 0);
  }
  const service = slotTime(batch, meanTp);
  const gpuQueue = mask.compute && !gpuSaturated ? mmc(lambda, 1 / service, Math.max(1, batchCap)) : null;
  const gpuRho = mask.compute ? (lambda * slotTime(gpuSaturated ? batchCap : batch, meanTp)) / Math.max(1, batchCap) : 0;

  // Context memory and storage: Kingman waits on the replica's host link and NVMe.
  const hit = residency.hitRate;
  const meanX = plan.meanReusedBytes;
  const cs2 = meanX > 0 ? Math.max(0, plan.meanSqReusedBytes / (meanX * meanX) - 1) : 0;
  const tierWait = (i: number): { rho: number; wait: number } => {
    if (!mask.storage || meanX === 0) return { rho: 0, wait: 0 };
    const k = kingman(lambda * hit[i]!, meanX / tiers[i]!.bandwidthBytesPerS, 1, cs2);
    return { rho: k.rho, wait: k.meanWait };
  };
  const host = tierWait(1);
  const nvme = tierWait(2);
  let storageRho = 0;
  let storageWait = 0;
  if (mask.storage) {
    // Hall-wide mix on this workload's share of the racks: KV reads, KV write-backs, retrievals.
    const rate = replicas * lambda;
    const kvRate = rate * hit[3]!;
    const rRead = slice.storageReadBytesPerS;
    const rWrite = slice.storageWriteBytesPerS;
    const classes: Array<[number, number, number]> = [ // rate, E[S], E[S^2]
      [kvRate, meanX / rRead, plan.meanSqReusedBytes / (rRead * rRead)],
      [kvRate, plan.heldBytes / rWrite, (plan.heldBytes / rWrite) ** 2],
      [rate * retrievals, plan.retrievalBytes / rRead, (plan.retrievalBytes / rRead) ** 2],
    ];
    const total = classes.reduce((s, c) => s + c[0], 0);
    if (total > 0 && rRead > 0) {
      const es = classes.reduce((s, c) => s + c[0] * c[1], 0) / total;
      const es2 = classes.reduce((s, c) => s + c[0] * c[2], 0) / total;
      const pk = pollaczekKhinchine(total, es, Math.max(es2, es * es));
      storageRho = pk.rho;
      storageWait = pk.meanWait;
    } else if (total > 0) storageRho = Infinity;
  }
  let fabricRho = 0;
  let fabricWait = 0;
  if (mask.fabric && hit[3]! > 0 && meanX > 0) {
    const k = kingman(lambda * hit[3]!, meanX / slice.replicaNetBytesPerS, 1, cs2);
    fabricRho = k.rho;
    fabricWait = k.meanWait;
  }

  const saturated: LoadedResource | null =
    gpuSaturated || gpuRho >= 1 ? 'compute'
      : host.rho >= 1 || nvme.rho >= 1 || storageRho >= 1 ? 'storage'
        : fabricRho >= 1 ? 'fabric' : null;

  // The step time: offsets per (representative step, tier), then the random parts.
  const waitRate = gpuQueue?.waitRate ?? 1;
  const pWait = gpuQueue?.pWait ?? 0;
  const decode = out * tok(batch);
  const sharing = mask.compute ? (batch - 1) * meanTp : 0;
  const retrievalFixed = retrievals * (retrievalTransfer + storageWait);
  const retrievalNet = retrievals * slice.fabricLatencyS;
  const tierCount = tiers.length;
  const offsets = new Float64Array(groups * (tierCount + 1));
  const offsetWeights = new Float64Array(groups * (tierCount + 1));
  const c: StepComponents = {
    queueing: pWait / waitRate, batchSharing: sharing, prefill: 0, decode,
    kvFetch: 0, fabric: retrievalNet, tools: w.toolCallsPerStep * w.toolLatencyMs * MS,
    retrieval: retrievals * w.retrievalLatencyMs * MS + retrievalFixed,
  };
  let fetchVar = 0;
  for (let g = 0; g < groups; g++) {
    const wg = plan.stepWeight[g]!;
    const x = plan.stepReusedBytes[g]!;
    const base = plan.stepPrefillS[g]! + sharing + decode + retrievalFixed + retrievalNet;
    c.prefill += wg * plan.stepPrefillS[g]!;
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i <= tierCount; i++) {
      let fetch: number;
      let net = 0;
      let p: number;
      if (i === tierCount) {
        fetch = plan.stepRecomputeS[g]!; // a miss: the reused prefix is prefilled again
        p = residency.missRate;
      } else {
        p = hit[i]!;
        fetch = fetchTimeS(tiers[i]!, x) + (i === 1 ? host.wait : i === 2 ? nvme.wait : i === 3 ? storageWait : 0);
        if (i === 3 && x > 0) net = slice.fabricLatencyS + fabricWait;
      }
      const o = g * (tierCount + 1) + i;
      if (p === 0) {
        offsets[o] = base;
        continue;
      }
      offsets[o] = base + fetch + net;
      offsetWeights[o] = wg * p;
      c.kvFetch += wg * p * fetch;
      c.fabric += wg * p * net;
      m1 += p * (fetch + net);
      m2 += p * (fetch + net) ** 2;
    }
    fetchVar += wg * (m2 - m1 * m1);
  }
  const meanStepS = c.queueing + c.batchSharing + c.prefill + c.decode + c.kvFetch + c.fabric + c.tools + c.retrieval;
  const waitVar = (2 * pWait) / (waitRate * waitRate) - c.queueing ** 2;
  const steps = w.stepsPerTask;
  // Running sum that turns the tail's inner sum over tool bins into one lookup (all exponents <= 0).
  const values = plan.toolValues;
  const waitAccum = new Float64Array(values.length);
  if (pWait > 0) {
    let acc = 0;
    for (let j = 0; j < values.length; j++) {
      acc = plan.toolPmf[j]! + (j > 0 ? acc * Math.exp(-waitRate * (values[j]! - values[j - 1]!)) : 0);
      waitAccum[j] = acc;
    }
  }
  return {
    agents, replicas, batchCap, stable: saturated === null, saturated, lambdaPerReplica: lambda, batch, gpuQueue,
    utilisation: { gpu: gpuRho, host: host.rho, nvme: nvme.rho, storage: storageRho, fabric: fabricRho },
    tiers, residency, components: c, meanStepS,
    meanTaskS: steps * meanStepS + (steps - 1) * w.thinkTimeMs * MS,
    sdTaskS: Math.sqrt(steps * (fetchVar + waitVar + plan.toolVarS)),
    offsets, offsetWeights, waitAccum,
  };
}

/**
 * P(step time > t) = sum over offsets o of P(tools + GPU wait > t - o). With tool bins r_j of
 * mass p_j and x = t - o: the bins above x count whole, those below add p_j C e^{-theta (x - r_j)},
 * which is C waitAccum[m] e^{-theta (x - r_m)} for the last bin m at or below x.
 */
export function stepTail(ev: Evaluation, plan: WorkloadPlan, t: number): number {
  if (!ev.stable) return 1;
  const q = ev.gpuQueue;
  const pWait = q?.pWait ?? 0;
  const rate = q?.waitRate ?? 1;
  const values = plan.toolValues;
  const last = values.length - 1;
  let tail = 0;
  for (let o = 0; o < ev.offsets.length; o++) {
    const wo = ev.offsetWeights[o]!;
    if (wo === 0) continue;
    const x = t - ev.offsets[o]!;
    if (x < values[0]!) {
      tail += wo;
      continue;
    }
    let lo = 0; // values[lo] <= x
    let hi = last + 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (values[mid]! <= x) lo = mid;
      else hi = mid;
    }
    const waited = pWait === 0 ? 0 : pWait * ev.waitAccum[lo]! * Math.exp(-rate * (x - values[lo]!));
    tail += wo * (plan.toolSurvival[lo]! + waited);
  }
  return Math.min(1, tail);
}

export function stepQuantile(ev: Evaluation, plan: WorkloadPlan, p: number): number {
  if (!ev.stable) return Infinity;
  return quantileOfTail((t) => stepTail(ev, plan, t), p, ev.meanStepS);
}

/** Task time percentile by the normal approximation of a sum of many independent steps. */
export function taskQuantile(ev: Evaluation, p: number): number {
  if (!ev.stable) return Infinity;
  if (p === 0.5) return ev.meanTaskS;
  if (p === SLO_PERCENTILE) return ev.meanTaskS + Z99 * ev.sdTaskS;
  throw new RangeError('task percentiles are p50 and p99');
}

export function meetsSlo(ev: Evaluation, plan: WorkloadPlan): boolean {
  return ev.stable && stepTail(ev, plan, plan.workload.slo.p99StepMs * MS) <= 1 - SLO_PERCENTILE;
}
