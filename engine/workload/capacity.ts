// What the hall offers the workload model, in one plain record. The document gives the GPUs and
// the storage racks; power, cooling and fabric figures come from their own models, which the
// caller plugs in (engine/compute.ts). Anything not given defaults to what the document and the
// catalog imply: power and cooling support every GPU rack (share 1), and the network per GPU is
// the NICs each node carries divided by its GPUs (scale-out after the fabric's oversubscription).
import type { GpuRackType, ProjectDocument, StorageRackType } from '../model/index.js';
import { rackTypeIndex } from '../model/index.js';

const GBIT_TO_BYTES = 1e9 / 8;
const TB = 1e12;
const US = 1e-6;
/** Switch hops of one transfer across a two-tier leaf-spine fabric: leaf, spine, leaf. */
export const DEFAULT_SWITCH_HOPS = 3;

export interface GpuPool {
  rackType: GpuRackType;
  racks: number;
  gpus: number;
  rackIds: string[];
}

export interface StoragePool {
  racks: number;
  capacityBytes: number;
  /** Sum over racks of min(read bandwidth, network ports x port speed), bytes/s. */
  readBytesPerS: number;
  writeBytesPerS: number;
  /** Largest rack read latency (a striped read waits for its slowest rack), s. */
  readLatencyS: number;
  rackIds: string[];
}

export interface HallCapacity {
  /** Share of the GPU racks at full load the power chain can supply (0..1, above 1 = headroom). */
  powerShare: number;
  /** Share of the GPU racks at full load the cooling can remove (0..1, above 1 = headroom). */
  coolingShare: number;
  /** Scale-out (compute fabric) bandwidth per GPU after oversubscription, Gbit/s. */
  fabricPerGpuGbps: number;
  /** Storage / front-end network bandwidth per GPU: the path KV fetches and retrievals take, Gbit/s. */
  storagePerGpuGbps: number;
  /** Latency of one transfer across the network (switch hops + cable propagation), s. */
  fabricLatencyS: number;
  /** The GPU racks the workloads run on (the largest pool when types are mixed), or null. */
  gpu: GpuPool | null;
  /** GPU racks of other types, not used by the workload model (reported). */
  otherGpuRackIds: string[];
  storage: StoragePool;
}

export type CapacityOverrides = Partial<Pick<HallCapacity, 'powerShare' | 'coolingShare' | 'fabricPerGpuGbps' | 'storagePerGpuGbps' | 'fabricLatencyS'>>;

/** Derive the capacity record from the document; figures from other models override the defaults. */
export function hallCapacityFromDocument(doc: ProjectDocument, overrides: CapacityOverrides = {}): HallCapacity {
  const types = rackTypeIndex(doc.catalog);
  const pools = new Map<string, GpuPool>();
  const storage: StoragePool = { racks: 0, capacityBytes: 0, readBytesPerS: 0, writeBytesPerS: 0, readLatencyS: 0, rackIds: [] };
  for (const rack of doc.racks) {
    const t = types.get(rack.typeId);
    if (t?.kind === 'gpu') {
      let pool = pools.get(t.id);
      if (!pool) pools.set(t.id, (pool = { rackType: t, racks: 0, gpus: 0, rackIds: [] }));
      pool.racks += 1;
      pool.gpus += t.nodes * t.gpusPerNode;
      pool.rackIds.push(rack.id);
    } else if (t?.kind === 'storage') {
      addStorageRack(storage, t, rack.id);
    }
  }
  let gpu: GpuPool | null = null;
  for (const p of pools.values()) if (!gpu || p.gpus > gpu.gpus) gpu = p;
  const otherGpuRackIds = [...pools.values()].filter((p) => p !== gpu).flatMap((p) => p.rackIds);

  const node = gpu?.rackType;
  const fabricPerGpuGbps = node ? (node.nicsPerNode * node.nicGbps) / node.gpusPerNode / doc.fabric.oversubscription : 0;
  const storageNicGbps = node ? (node.storageNicsPerNode * node.storageNicGbps) / node.gpusPerNode : 0;
  const hop = doc.catalog.switchTypes.find((s) => s.id === doc.fabric.storageSwitchTypeId)?.hopLatencyNs ?? 0;
  return {
    powerShare: overrides.powerShare ?? 1,
    coolingShare: overrides.coolingShare ?? 1,
    fabricPerGpuGbps: overrides.fabricPerGpuGbps ?? fabricPerGpuGbps,
    // GPUDirect Storage rides the storage NICs; a node without them reads over the compute fabric.
    storagePerGpuGbps: overrides.storagePerGpuGbps ?? (storageNicGbps > 0 ? storageNicGbps : fabricPerGpuGbps),
    fabricLatencyS: overrides.fabricLatencyS ?? (DEFAULT_SWITCH_HOPS * hop) / 1e9,
    gpu, otherGpuRackIds, storage,
  };
}

function addStorageRack(pool: StoragePool, t: StorageRackType, id: string): void {
  const ports = t.networkPorts * t.portGbps * GBIT_TO_BYTES;
  pool.racks += 1;
  pool.capacityBytes += t.capacityTb * TB;
  pool.readBytesPerS += Math.min(t.readGBps * 1e9, ports);
  pool.writeBytesPerS += Math.min(t.writeGBps * 1e9, ports);
  pool.readLatencyS = Math.max(pool.readLatencyS, t.readLatencyUs * US);
  pool.rackIds.push(id);
}

/** Bytes per second of a per-GPU figure in Gbit/s. */
export const gbpsToBytes = (gbps: number): number => gbps * GBIT_TO_BYTES;
