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
  diagram: FabricDiagram;
  violations: Violation[];
}
