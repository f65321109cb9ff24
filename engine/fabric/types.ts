// Result shapes of the fabric model: plain data, ready for the CLI's --json and the worker.
import type { Explained, Violation } from '../results/index.js';
import type { CableLine, LinkClassStats, TransceiverLine } from './cables.js';
import type { FabricDiagram } from './diagram.js';
import type { ScaleUpSummary } from './scaleup.js';

export interface TierSummary {
  name: string;
  switches: number;
  blocks: number;
  /** Links from this tier to the one above (0 at the top). */
  uplinks: number;
  /** Down Gbit/s in use over up Gbit/s, worst switch of the tier (0 at the top). */
  oversubscription: number;
}

export interface NetworkSummary {
  switchTypeId: string;
  endpoints: number;
  endpointGbps: number;
  tiers: TierSummary[];
  switches: number;
  nicLinks: number;
  interSwitchLinks: number;
}

export interface FabricFigures {
  /** Switches per tier: leaf, spine, core (compute) and storage-leaf, storage-spine, ... */
  switches: Record<string, Explained>;
  bisectionTbps?: Explained;
  oversubscription?: Explained;
  oversubscriptionPerTier: Record<string, Explained>;
  /** Cables per catalog cable type. */
  cables: Record<string, Explained>;
  transceivers: Record<string, Explained>;
  hops?: Explained;
  latencyNs?: Explained;
  /** Utilisation of NIC links and of each tier's uplinks under the traffic option. */
  utilisation: Record<string, Explained>;
  scaleUpDomainTBps: Explained;
}

/** Cables of one class between two racks, as booked: what auto-cable turns into document links. */
export interface FabricBundle {
  cls: string;
  gbps: number;
  /** Rack ids of the two ends (nic-leaf: the node rack first, then the switch rack). */
  a: string;
  b: string;
  count: number;
  cableTypeId: string;
  /** Routed length of each cable of the bundle (path + drops + slack). */
  lengthM: number;
}

/**
 * The booked bundles as columns of typed arrays (transferable out of the worker; the gigawatt
 * hall has ~170,000) indexing into small tables of names; `bundleAt` reads one as a record.
 */
export interface FabricBundles {
  length: number;
  classes: string[];
  cableTypeIds: string[];
  /** Rack ids the `a` / `b` columns index (the racks of the document, in document order). */
  rackIds: string[];
  cls: Uint16Array;
  gbps: Float64Array;
  a: Int32Array;
  b: Int32Array;
  count: Int32Array;
  cableType: Uint16Array;
  lengthM: Float64Array;
}

export interface FabricResult {
  scaleUp: ScaleUpSummary;
  compute: NetworkSummary | null;
  storage: NetworkSummary | null;
  scalableUnits: number;
  rails: number;
  nodes: number;
  gpus: number;
  bisectionGbps: number;
  figures: FabricFigures;
  /** Bill of materials input: per cable type, count, lengths and the orderable-length histogram. */
  cables: CableLine[];
  transceivers: TransceiverLine[];
  /** Per link class (nic-leaf, leaf-spine, storage-nic-leaf, ...). */
  linkClasses: Record<string, LinkClassStats>;
  switchRacks: { rackId: string; switches: number; slots: number }[];
  /** Booked cable runs by rack pair, in booking order (deterministic). */
  bundles: FabricBundles;
  /** Cables booked at a site that stands for no rack: counted in `cables`, absent from `bundles`. */
  cablesWithoutRack: number;
  diagram: FabricDiagram;
  violations: Violation[];
}
