// Scale-up (NVLink-class) domains inside the GPU racks. Every GPU of a domain reaches every
// other through the NVLink switches at its full scale-up bandwidth; the catalog gives it per GPU
// and per direction (NVLink 5: 900 GB/s each way, 1.8 TB/s per GPU), so a 72-GPU domain moves
// 72 x 1.8 TB/s = 130 TB/s (DOMAIN.md). The links are the rack's own copper spine, so they are
// counted here but not routed or priced as cables.
import type { ProjectDocument, RackType } from '../model/index.js';
import { explained, type Explained } from '../results/index.js';

export interface ScaleUpSummary {
  /** Whole domains in the hall (GPUs / domain size, per rack type). */
  domains: number;
  /** Largest domain, in GPUs. */
  gpusPerDomain: number;
  gpus: number;
  /** Both directions, per GPU. */
  perGpuGBps: number;
}

/** Directions of a full-duplex link: the catalog's per-direction figure counts once each way. */
const DIRECTIONS = 2;

export function scaleUp(doc: ProjectDocument, types: Map<string, RackType>): { summary: ScaleUpSummary; domainTBps: Explained } {
  let domains = 0;
  let gpus = 0;
  let largest = 0;
  let perGpu = 0;
  const gpusOfType = new Map<string, number>();
  for (const rack of doc.racks) {
    const t = types.get(rack.typeId);
    if (t?.kind !== 'gpu') continue;
    gpusOfType.set(t.id, (gpusOfType.get(t.id) ?? 0) + t.nodes * t.gpusPerNode);
  }
  for (const [id, n] of gpusOfType) {
    const t = types.get(id) as Extract<RackType, { kind: 'gpu' }>;
    // A domain larger than a rack (NVL576-class) spans racks: count whole domains of the type.
    domains += Math.floor(n / t.scaleUpDomainGpus);
    gpus += n;
    if (t.scaleUpDomainGpus > largest || (t.scaleUpDomainGpus === largest && t.gpu.scaleUpGBps * DIRECTIONS > perGpu)) {
      largest = t.scaleUpDomainGpus;
      perGpu = t.gpu.scaleUpGBps * DIRECTIONS;
    }
  }
  const domainTBps = explained((largest * perGpu) / 1000, 'TB/s', 'GPUs per domain x scale-up bandwidth per GPU per direction x 2 directions', [
    { name: 'GPUs per domain', value: largest, unit: '' },
    { name: 'scale-up per GPU, each way', value: perGpu / DIRECTIONS, unit: 'GB/s' },
    { name: 'domains', value: domains, unit: '' },
  ], 'DOMAIN.md: NVLink 5 1.8 TB/s per GPU, 130 TB/s per NVL72 domain');
  return { summary: { domains, gpusPerDomain: largest, gpus, perGpuGBps: perGpu }, domainTBps };
}
