// Where agents' KV state lives. The contexts of agents being served (in a batch) must sit in HBM;
// an agent whose tools are running keeps its context somewhere so its next step can reuse it
// (DOMAIN.md, "Tracing of ReAct-style agents": long-lived KV state between turns). Idle contexts
// fill the tiers fastest first (HBM left over by the batch, host memory, local NVMe, storage),
// the way tiered KV stores (LMCache, Mooncake, TensorRT-LLM offload) spill. Which agent's context
// is where is not tracked: a returning agent finds its prefix in tier i with probability equal to
// tier i's share of idle bytes (the hit rate); what fits nowhere must be prefilled again.
import type { Tier } from './tiers.js';

export interface Residency {
  /** Bytes of idle context held in each tier, in the order of the tiers given. */
  readonly bytes: Float64Array;
  /** Hit rate of each tier: share of returning agents that find their prefix there. */
  readonly hitRate: Float64Array;
  /** Share of returning agents whose prefix was dropped and must be recomputed (prefilled). */
  readonly missRate: number;
  /** HBM the active batch needs beyond what is free after the weights (0 when it fits). */
  readonly activeOverflowBytes: number;
}

/** Place the active batch's KV in HBM (tiers[0]) and the idle agents' KV down the tiers. */
export function placeContexts(tiers: readonly Tier[], activeBytes: number, idleBytes: number): Residency {
  const n = tiers.length;
  const bytes = new Float64Array(n);
  const hitRate = new Float64Array(n);
  const hbm = tiers[0]?.capacityBytes ?? 0;
  const activeOverflowBytes = Math.max(0, activeBytes - hbm);
  let left = idleBytes;
  for (let i = 0; i < n && left > 0; i++) {
    const free = i === 0 ? Math.max(0, hbm - activeBytes) : tiers[i]!.capacityBytes;
    const put = Math.min(free, left);
    bytes[i] = put;
    left -= put;
  }
  if (idleBytes > 0) for (let i = 0; i < n; i++) hitRate[i] = bytes[i]! / idleBytes;
  else hitRate[0] = 1; // nobody idle: every context is where it was last used
  return { bytes, hitRate, missRate: idleBytes > 0 ? left / idleBytes : 0, activeOverflowBytes };
}
