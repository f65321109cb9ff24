// Public face of the context-memory model: KV-cache bytes from model geometry, the tiers a
// replica can keep context in, and where idle agents' context ends up (hit rates per tier).
export { BYTES_PER_GB, kvBytesPerToken, kvBytes, weightBytes, stepTokens, meanHeldTokens, type StepTokens } from './kvcache.js';
export {
  HBM_USABLE_FRACTION, HOST_FETCH_LATENCY_S, TIER_NAMES, hbmKvBytes, replicaTiers, fetchTimeS,
  type Tier, type TierName, type StorageShare,
} from './tiers.js';
export { placeContexts, type Residency } from './residency.js';
