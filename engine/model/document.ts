// The project document: plain, serialisable records and nothing else. This is what is saved,
// diffed for undo and sent to the engine. Session state (camera, selection, overlays) lives
// elsewhere and is never saved here; saved camera views are document data because the user
// names and keeps them.
import { z } from 'zod';
import { Catalog } from './catalog.js';
import { CatalogId } from './ids.js';
import { Hall } from './hall.js';
import { Link } from './link.js';
import { Containment, CoolingUnit, PowerEquipment, Rack, Row, Tray } from './placed.js';
import { Workload } from './workload.js';

/** Newest document format this build reads and writes (the SQLite user_version follows it). */
export const DOCUMENT_FORMAT_VERSION = 1;

export const FabricDesign = z.object({
  /** Switch type of the compute (scale-out) fabric's leaves and spines. */
  computeSwitchTypeId: CatalogId,
  /** Switch type of the storage / front-end network. */
  storageSwitchTypeId: CatalogId,
  /** Target downlink:uplink ratio at the leaves (1 = non-blocking). */
  oversubscription: z.number().finite().min(1).max(64),
  /** Nodes per scalable unit (32 in NVIDIA's DGX SuperPOD reference architecture). */
  nodesPerScalableUnit: z.number().int().min(1).max(1024),
});
export type FabricDesign = z.infer<typeof FabricDesign>;

const Vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);

export const CameraView = z.object({
  id: z.string().min(1).max(120),
  name: z.string().min(1).max(200),
  /** Eye and target in hall coordinates (x, y on the floor, z up), metres. */
  eye: Vec3,
  target: Vec3,
  projection: z.enum(['perspective', 'plan']),
});
export type CameraView = z.infer<typeof CameraView>;

export const ProjectDocument = z.object({
  formatVersion: z.literal(DOCUMENT_FORMAT_VERSION),
  hall: Hall,
  catalog: Catalog,
  fabric: FabricDesign,
  rows: z.array(Row),
  racks: z.array(Rack),
  cooling: z.array(CoolingUnit),
  power: z.array(PowerEquipment),
  trays: z.array(Tray),
  containment: z.array(Containment),
  links: z.array(Link),
  workloads: z.array(Workload),
  views: z.array(CameraView),
});
export type ProjectDocument = z.infer<typeof ProjectDocument>;
