// Context-memory tiers seen by one model replica (tensorParallel GPUs), fastest first: HBM left
// after the weights, host memory behind the GPU-host link (PCIe Gen5 or NVLink-C2C), local NVMe,
// and the hall's networked storage racks over the storage network. Fetching b bytes from a tier
// takes latency + b / bandwidth (DOMAIN.md tier figures; every number from the catalog except
// the two named constants below). The TP GPUs of a replica each fetch their own shard (KV heads
// are split across them), so per-GPU bandwidths add up across the replica.
import type { GpuRackType } from '../model/index.js';
import { BYTES_PER_GB } from './kvcache.js';

/** Share of HBM a serving engine claims for weights + KV (vLLM's gpu_memory_utilization default 0.9); the rest holds activations and CUDA graphs. */
export const HBM_USABLE_FRACTION = 0.9;
/** Start-up latency of a host-to-GPU copy (rule of thumb: a cudaMemcpyAsync launch plus DMA setup, ~10 us). */
export const HOST_FETCH_LATENCY_S = 10e-6;
const TB = 1e12;
const US = 1e-6;

export type TierName = 'hbm' | 'host' | 'nvme' | 'storage';
export const TIER_NAMES: readonly TierName[] = ['hbm', 'host', 'nvme', 'storage'];

export interface Tier {
  readonly name: TierName;
  /** Bytes available for KV state, per replica. */
  readonly capacityBytes: number;
  /** Bandwidth of one fetch into the replica's HBM, bytes/s. */
  readonly bandwidthBytesPerS: number;
  /** Fixed time before the first byte arrives, s. */
  readonly latencyS: number;
}

/** The hall's networked storage as one replica sees it (its share of capacity, its network path). */
export interface StorageShare {
  capacityBytes: number;
  /** Bandwidth of one fetch: min(the replica's storage-network links, the racks' read bandwidth), bytes/s. */
  bandwidthBytesPerS: number;
  /** Rack read latency, s (the network latency is added by the caller, who splits fetch from transfer). */
  latencyS: number;
}

/** HBM bytes per replica left for KV once the weights are loaded (may be negative: the model does not fit). */
export function hbmKvBytes(gpu: GpuRackType, tensorParallel: number, weightBytesTotal: number): number {
  return tensorParallel * gpu.gpu.hbmGb * BYTES_PER_GB * HBM_USABLE_FRACTION - weightBytesTotal;
}

export function replicaTiers(gpu: GpuRackType, tensorParallel: number, weightBytesTotal: number, storage: StorageShare): Tier[] {
  const perNode = 1 / gpu.gpusPerNode;
  const hostLink = gpu.hostLinkGBpsPerGpu * BYTES_PER_GB;
  const hostBw = Math.min(hostLink, gpu.hostMemoryGBpsPerNode * BYTES_PER_GB * perNode);
  // NVMe data reaches HBM through the same host link (or GPUDirect over PCIe): the slower of the two.
  const nvmeBw = Math.min(hostLink, gpu.localNvmeGBpsPerNode * BYTES_PER_GB * perNode);
  return [
    { name: 'hbm', capacityBytes: Math.max(0, hbmKvBytes(gpu, tensorParallel, weightBytesTotal)), bandwidthBytesPerS: Infinity, latencyS: 0 },
    { name: 'host', capacityBytes: tensorParallel * gpu.hostMemoryGbPerNode * BYTES_PER_GB * perNode, bandwidthBytesPerS: tensorParallel * hostBw, latencyS: HOST_FETCH_LATENCY_S },
    { name: 'nvme', capacityBytes: tensorParallel * gpu.localNvmeTbPerNode * TB * perNode, bandwidthBytesPerS: tensorParallel * nvmeBw, latencyS: gpu.localNvmeLatencyUs * US },
    { name: 'storage', capacityBytes: storage.capacityBytes, bandwidthBytesPerS: storage.bandwidthBytesPerS, latencyS: storage.latencyS },
  ];
}

/** Time to bring `bytes` of context from a tier into HBM: latency + bytes / bandwidth (0 from HBM itself). */
export function fetchTimeS(tier: Tier, bytes: number): number {
  if (tier.name === 'hbm' || bytes <= 0) return 0;
  return tier.latencyS + bytes / tier.bandwidthBytesPerS;
}
