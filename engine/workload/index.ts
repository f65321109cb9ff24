// Public face of the agentic workload model (docs/workload-model.md): per workload tokens/s,
// GPUs, p50/p99 per step and per task, the most agents within the SLO, and the bottleneck.
export { hallCapacityFromDocument, DEFAULT_SWITCH_HOPS, type HallCapacity, type CapacityOverrides, type GpuPool, type StoragePool } from './capacity.js';
export { computeWorkloads, RESOURCES, type Resource, type Bottleneck, type WorkloadFigures, type WorkloadResult, type TierFigures } from './compute.js';
export { roofline, prefillSeconds, decodeIterationSeconds, type Roofline } from './roofline.js';
export { evaluate, stepTail, stepQuantile, taskQuantile, meetsSlo, ALL_RESOURCES, SLO_PERCENTILE, type Evaluation, type Mask, type StepComponents } from './evaluate.js';
export { makePlan, makeSlice, MAX_BATCH, type WorkloadPlan, type Slice } from './plan.js';
export { maxAgents, operatingPoint, replicasNeeded } from './search.js';
