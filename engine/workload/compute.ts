// The workload analysis of a hall: for each workload, the figures a planner asks for (tokens/s,
// GPUs, p50/p99 per step and per task, how many agents fit within the SLO) and the bottleneck:
// which of power, cooling, fabric, storage/context memory or compute stops the agent count
// first, and how far behind the next one is. Workloads share the hall in proportion to the GPU
// time they need at their requested agent counts (GPUs, storage and network alike).
import { explained, type Explained, type Violation } from '../results/index.js';
import type { ProjectDocument, Workload } from '../model/index.js';
import { TIER_NAMES, fetchTimeS, type TierName } from '../storage/index.js';
import type { HallCapacity } from './capacity.js';
import { ALL_RESOURCES, SLO_PERCENTILE, stepQuantile, taskQuantile, type Evaluation, type StepComponents } from './evaluate.js';
import { makePlan, makeSlice, type WorkloadPlan } from './plan.js';
import { decodeIterationSeconds } from './roofline.js';
import { maxAgents, operatingPoint, replicasNeeded } from './search.js';

export const RESOURCES = ['power', 'cooling', 'fabric', 'storage', 'compute'] as const;
export type Resource = (typeof RESOURCES)[number];
const TIE_ORDER: readonly Resource[] = ['compute', 'storage', 'fabric', 'power', 'cooling'];

export interface Bottleneck {
  /** The resource that limits the agent count first. */
  resource: Resource;
  /** Agents each resource alone would allow within the SLO (Infinity: not limiting in range). */
  maxAgents: Record<Resource, number>;
  /** The resource that would limit next, and how many agents (and % of the first limit) it is behind. */
  next: Resource;
  marginAgents: number;
  marginPct: number;
}

export interface TierFigures {
  tier: TierName;
  capacityGbPerReplica: number;
  bandwidthGBps: number;
  latencyUs: number;
  /** Share of returning agents finding their reused prefix here at the requested agent count. */
  hitRate: number;
  /** Time to fetch the mean reused prefix from this tier, unloaded. */
  fetchMs: number;
}

export interface WorkloadFigures {
  workloadId: string;
  name: string;
  requestedAgents: number;
  tokensPerSecond: Explained;
  gpusNeeded: Explained;
  maxAgentsAtSlo: Explained;
  p50StepMs: Explained;
  p99StepMs: Explained;
  p50TaskMs: Explained;
  p99TaskMs: Explained;
  kvBytesPerToken: Explained;
  /** Mean step time by part at the requested agent count, ms. */
  breakdownMs: StepComponents;
  tiers: TierFigures[];
  utilisation: Evaluation['utilisation'];
  /** Batch cap chosen for the requested agent count and the mean busy batch. */
  batchCap: number;
  batch: number;
  share: number;
  bottleneck: Bottleneck;
}

export interface WorkloadResult {
  workloads: WorkloadFigures[];
  /** Sum over workloads, each held to its share of the hall. */
  maxAgentsAtSlo: Explained;
  bottleneck: Bottleneck | null;
  violations: Violation[];
}

const MS = 1e-3;
const ms = (s: number) => s / MS;
/** A resource still meeting the SLO at 1024 x the compute limit is reported as not limiting (Infinity). */
const NOT_LIMITING_FACTOR = 1024;

export function computeWorkloads(doc: ProjectDocument, cap: HallCapacity): WorkloadResult {
  const violations: Violation[] = [];
  const pool = cap.gpu;
  if (doc.workloads.length === 0) return { workloads: [], maxAgentsAtSlo: totalAgents([]), bottleneck: null, violations };
  if (!pool) {
    violations.push({ code: 'workload.no-gpus', severity: 'error', message: 'The hall has no GPU racks to serve the workloads.', objectIds: doc.workloads.map((w) => w.id) });
    return { workloads: [], maxAgentsAtSlo: totalAgents([]), bottleneck: null, violations };
  }
  if (cap.otherGpuRackIds.length > 0) {
    violations.push({
      code: 'workload.mixed-gpu-types', severity: 'info',
      message: `Workloads are analysed on the ${pool.rackType.name} racks only; ${cap.otherGpuRackIds.length} GPU racks of other types are left out.`,
      objectIds: cap.otherGpuRackIds,
    });
  }
  // Shares of the hall in proportion to GPU time needed at the requested agents (throughput at the largest batch).
  const full = doc.workloads.map((w) => makePlan(w, pool.rackType, doc.catalog.site, makeSlice(cap, w.model.tensorParallel, 1)));
  const demand = full.map(gpuSecondsPerSecond);
  const demandSum = demand.reduce((s, d) => s + d, 0);
  const plans = full.map((p, i) => {
    const share = demandSum > 0 ? demand[i]! / demandSum : 1 / full.length;
    return { ...p, slice: makeSlice(cap, p.tp, share) };
  });
  const figures = plans.map((plan) => analyse(plan, cap, pool.rackIds, violations));
  const sum = (r: Resource) => figures.reduce((s, f) => s + f.bottleneck.maxAgents[r], 0);
  const hallLimits = Object.fromEntries(RESOURCES.map((r) => [r, sum(r)])) as Record<Resource, number>;
  return { workloads: figures, maxAgentsAtSlo: totalAgents(figures), bottleneck: rank(hallLimits), violations };
}

function totalAgents(figures: WorkloadFigures[]): Explained {
  return explained(
    figures.reduce((s, f) => s + f.maxAgentsAtSlo.value, 0), 'agents', 'sum over workloads of max agents at SLO, each on its share of the hall',
    figures.map((f) => ({ name: f.name, value: f.maxAgentsAtSlo.value, unit: 'agents' })),
  );
}

/** GPU-seconds per second at the requested agents if every replica ran its largest batch. */
function gpuSecondsPerSecond(plan: WorkloadPlan): number {
  const w = plan.workload;
  const b = Math.max(1, plan.batchMax);
  let prefill = 0;
  for (let g = 0; g < plan.stepWeight.length; g++) prefill += plan.stepWeight[g]! * plan.stepPrefillS[g]!;
  const perStep = prefill + (w.outputTokensPerStep * decodeIterationSeconds(plan.roof, b, plan.activeBytes)) / b;
  const cycle = prefill + w.outputTokensPerStep * decodeIterationSeconds(plan.roof, 1, plan.activeBytes) + plan.toolMeanS + w.thinkTimeMs * MS;
  return ((w.concurrentAgents / cycle) * perStep) * plan.tp;
}

function rank(limits: Record<Resource, number>): Bottleneck {
  // Ties go to the resource named first in TIE_ORDER: with power at exactly the GPUs' need, the GPUs are the limit.
  const order = [...TIE_ORDER].sort((a, b) => limits[a] - limits[b]);
  const first = order[0]!;
  const next = order[1]!;
  const margin = limits[next] - limits[first];
  return {
    resource: first, maxAgents: limits, next, marginAgents: margin,
    marginPct: limits[first] > 0 ? (100 * margin) / limits[first] : Infinity,
  };
}

function analyse(plan: WorkloadPlan, cap: HallCapacity, gpuRackIds: string[], violations: Violation[]): WorkloadFigures {
  const w = plan.workload;
  const ids = [w.id as string];
  const replicas = plan.slice.replicas;
  const usable = Math.min(1, cap.powerShare, cap.coolingShare);
  const usableReplicas = Math.floor(replicas * usable);
  const n = w.concurrentAgents;
  checkModel(plan, replicas, gpuRackIds, violations);

  // Limits per resource: each loaded alone, the others unloaded; power and cooling scale the GPUs.
  const computeOnly = { compute: true, storage: false, fabric: false };
  const compute = maxAgents(plan, replicas, computeOnly);
  const notLimiting = NOT_LIMITING_FACTOR * Math.max(compute, replicas, 1);
  const limits: Record<Resource, number> = {
    compute,
    storage: maxAgents(plan, replicas, { compute: false, storage: true, fabric: false }, compute, notLimiting),
    fabric: maxAgents(plan, replicas, { compute: false, storage: false, fabric: true }, compute, notLimiting),
    power: Math.floor(compute * cap.powerShare),
    cooling: Math.floor(compute * cap.coolingShare),
  };
  const joint = maxAgents(plan, usableReplicas, ALL_RESOURCES, compute * usable);
  const at = operatingPoint(plan, n, usableReplicas, ALL_RESOURCES);
  const p50 = stepQuantile(at, plan, 0.5);
  const p99 = stepQuantile(at, plan, SLO_PERCENTILE);
  const sloMs = w.slo.p99StepMs;
  const needed = replicasNeeded(plan, n, ALL_RESOURCES);

  if (!(ms(p99) <= sloMs)) {
    violations.push({
      code: 'workload.slo-missed', severity: 'error',
      message: (Number.isFinite(p99)
        ? `${w.name}: p99 step ${fmt(ms(p99))} ms exceeds the SLO of ${sloMs} ms at ${n} agents`
        : `${w.name}: at ${n} agents the queue grows without bound, so no p99 step time meets the SLO of ${sloMs} ms`) +
        (at.saturated ? ` (${at.saturated} saturated)` : '') + `; the hall serves ${joint} within the SLO.`,
      objectIds: ids,
    });
  }
  if (needed === null && plan.batchMax > 0) {
    violations.push({ code: 'workload.slo-unreachable', severity: 'error', message: `${w.name}: no number of GPUs meets the p99 step SLO of ${sloMs} ms (tools, retrieval and one unloaded model call already take longer).`, objectIds: ids });
  }
  if (at.residency.missRate > 0) {
    violations.push({
      code: 'storage.context-does-not-fit', severity: 'warning',
      message: `${w.name}: ${fmt(100 * at.residency.missRate)} % of idle agents' context fits in no tier (HBM, host, NVMe, storage) and is prefilled again.`,
      objectIds: [...ids, ...cap.storage.rackIds],
    });
  }
  if (w.retrievalsPerStep > 0 && cap.storage.racks === 0) {
    violations.push({ code: 'storage.no-racks', severity: 'warning', message: `${w.name}: retrievals read from storage, but the hall has no storage racks; their transfer time is left out.`, objectIds: ids });
  }
  const c = at.components;
  const tokensPerStep = plan.meanPrefillTokens + w.outputTokensPerStep;
  const stepsPerS = at.lambdaPerReplica * at.replicas;
  return {
    workloadId: w.id, name: w.name, requestedAgents: n,
    tokensPerSecond: explained(stepsPerS * tokensPerStep, 'tokens/s', 'agents / (step + think) x (prefilled + output tokens per step)', [
      { name: 'agents', value: n, unit: '' }, { name: 'steps per second', value: stepsPerS, unit: '1/s' },
      { name: 'prefilled tokens per step (mean)', value: tokensPerStep - w.outputTokensPerStep, unit: 'tokens' },
      { name: 'output tokens per step', value: w.outputTokensPerStep, unit: 'tokens' },
    ]),
    gpusNeeded: explained(needed === null ? Infinity : needed * plan.tp, 'GPUs', 'tensorParallel x fewest replicas whose p99 step meets the SLO at the requested agents', [
      { name: 'tensor parallel', value: plan.tp, unit: 'GPUs' }, { name: 'replicas', value: needed ?? Infinity, unit: '' },
      { name: 'GPUs in the workload share', value: replicas * plan.tp, unit: 'GPUs' },
    ], 'roofline (DOMAIN.md) + M/M/c per replica'),
    maxAgentsAtSlo: explained(joint, 'agents', 'largest N with p99 step <= SLO and every shared resource below utilisation 1', [
      { name: 'SLO p99 step', value: sloMs, unit: 'ms' }, { name: 'replicas powered and cooled', value: usableReplicas, unit: '' },
      { name: 'batch cap (HBM)', value: plan.batchMax, unit: 'sequences' },
    ], 'search over agent count; docs/workload-model.md'),
    p50StepMs: stepFigure(ms(p50), 'p50', at),
    p99StepMs: stepFigure(ms(p99), 'p99', at),
    p50TaskMs: explained(ms(taskQuantile(at, 0.5)), 'ms', 'steps x mean step + (steps - 1) x think time', [
      { name: 'steps', value: w.stepsPerTask, unit: '' }, { name: 'mean step', value: ms(at.meanStepS), unit: 'ms' }, { name: 'think time', value: w.thinkTimeMs, unit: 'ms' },
    ], 'normal approximation of a sum of independent steps'),
    p99TaskMs: explained(ms(taskQuantile(at, SLO_PERCENTILE)), 'ms', 'mean task + 2.326 x sd task, sd^2 = steps x (var fetch + var GPU wait + var tools)', [
      { name: 'mean task', value: ms(at.meanTaskS), unit: 'ms' }, { name: 'sd task', value: ms(at.sdTaskS), unit: 'ms' },
    ], 'normal approximation of a sum of independent steps'),
    kvBytesPerToken: explained(plan.kvPerToken, 'B', '2 x layers x kvHeads x headDim x bytesPerValue', [
      { name: 'layers', value: w.model.layers, unit: '' }, { name: 'kvHeads', value: w.model.kvHeads, unit: '' },
      { name: 'headDim', value: w.model.headDim, unit: '' }, { name: 'bytesPerValue', value: w.model.kvBytesPerValue, unit: 'B' },
    ], 'DOMAIN.md, Storage and agentic inference'),
    breakdownMs: {
      queueing: ms(c.queueing), batchSharing: ms(c.batchSharing), prefill: ms(c.prefill), decode: ms(c.decode),
      kvFetch: ms(c.kvFetch), fabric: ms(c.fabric), tools: ms(c.tools), retrieval: ms(c.retrieval),
    },
    tiers: at.tiers.map((t, i) => ({
      tier: TIER_NAMES[i]!, capacityGbPerReplica: t.capacityBytes / 1e9, bandwidthGBps: t.bandwidthBytesPerS / 1e9,
      latencyUs: t.latencyS * 1e6, hitRate: at.residency.hitRate[i]!, fetchMs: ms(fetchTimeS(t, plan.meanReusedBytes)),
    })),
    utilisation: at.utilisation, batchCap: at.batchCap, batch: at.batch, share: plan.slice.share,
    bottleneck: rank(limits),
  };
}

function stepFigure(value: number, which: string, at: Evaluation): Explained {
  const c = at.components;
  return explained(value, 'ms', `${which} of: fetch (by tier hit rate) + prefill + batch sharing + decode + M/M/c slot wait + tools + retrieval`, [
    { name: 'GPU wait mean', value: ms(c.queueing), unit: 'ms' }, { name: 'prefill mean', value: ms(c.prefill), unit: 'ms' },
    { name: 'batch sharing', value: ms(c.batchSharing), unit: 'ms' }, { name: 'decode', value: ms(c.decode), unit: 'ms' },
    { name: 'KV fetch mean', value: ms(c.kvFetch), unit: 'ms' }, { name: 'fabric mean', value: ms(c.fabric), unit: 'ms' },
    { name: 'tools mean', value: ms(c.tools), unit: 'ms' }, { name: 'retrieval mean', value: ms(c.retrieval), unit: 'ms' },
    { name: 'GPU utilisation', value: at.utilisation.gpu, unit: '' }, { name: 'agents', value: at.agents, unit: '' },
  ], 'docs/workload-model.md');
}

function checkModel(plan: WorkloadPlan, replicas: number, gpuRackIds: string[], violations: Violation[]): void {
  const w: Workload = plan.workload;
  if (plan.batchMax === 0) {
    violations.push({
      code: 'workload.model-does-not-fit', severity: 'error',
      message: `${w.name}: ${fmt(plan.roof.weightBytes / 1e9)} GB of weights over ${plan.tp} GPUs leave no HBM for one sequence's KV cache; raise tensorParallel.`,
      objectIds: [w.id],
    });
  }
  if (plan.tp > plan.gpu.scaleUpDomainGpus) {
    violations.push({
      code: 'workload.tp-exceeds-scale-up', severity: 'warning',
      message: `${w.name}: tensor parallel ${plan.tp} spans more than one ${plan.gpu.scaleUpDomainGpus}-GPU scale-up domain; its traffic over the scale-out fabric is not modelled.`,
      objectIds: [w.id],
    });
  }
  if (replicas < 1) {
    violations.push({ code: 'workload.no-replica', severity: 'error', message: `${w.name}: its share of the hall holds less than one ${plan.tp}-GPU replica.`, objectIds: [w.id, ...gpuRackIds.slice(0, 1)] });
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3)) : String(x));
