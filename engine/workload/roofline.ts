// Inference speed of one model replica by the roofline rule (DOMAIN.md, "Inference speed"):
//   prefill is compute-bound: t = 2 P tokens / (TP x peak FLOP/s x MFU);
//   one decode iteration of a batch of b sequences is memory-bound: it reads the weights once
//   and every sequence's KV cache, t = (W + b x KV) / (TP x HBM bandwidth x efficiency), unless
//   its 2 P b FLOPs take longer at the prefill MFU. Attention FLOPs over the context are left
//   out (the 2 P per token term dominates below ~100k tokens for these models).
import type { GpuRackType, ModelSpec, SiteDefaults } from '../model/index.js';
import { weightBytes } from '../storage/index.js';

const TERA = 1e12;
const GB = 1e9;

export interface Roofline {
  /** FLOPs per token of a forward pass, 2 x parameters. */
  readonly flopsPerToken: number;
  /** Sustained prefill FLOP/s of the replica: TP x peak x MFU. */
  readonly prefillFlops: number;
  /** Sustained HBM bytes/s of the replica during decode: TP x bandwidth x efficiency. */
  readonly decodeBytesPerS: number;
  readonly weightBytes: number;
}

export function roofline(model: ModelSpec, gpu: GpuRackType, site: SiteDefaults): Roofline {
  const peak = (model.computePrecision === 'fp8' ? gpu.gpu.fp8Tflops : gpu.gpu.bf16Tflops) * TERA;
  return {
    flopsPerToken: 2 * model.paramsB * GB,
    prefillFlops: model.tensorParallel * peak * site.prefillMfu,
    decodeBytesPerS: model.tensorParallel * gpu.gpu.hbmGBps * GB * site.decodeBandwidthEfficiency,
    weightBytes: weightBytes(model),
  };
}

/** Seconds to prefill `tokens` tokens. */
export function prefillSeconds(r: Roofline, tokens: number): number {
  return (r.flopsPerToken * tokens) / r.prefillFlops;
}

/** Seconds of one decode iteration of `batch` sequences holding `kvBytesPerSeq` of KV each. */
export function decodeIterationSeconds(r: Roofline, batch: number, kvBytesPerSeq: number): number {
  const memory = (r.weightBytes + batch * kvBytesPerSeq) / r.decodeBytesPerS;
  const compute = (r.flopsPerToken * batch) / r.prefillFlops;
  return Math.max(memory, compute);
}
