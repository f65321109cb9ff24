// The equipment catalog: every figure the engine uses for a piece of equipment lives here, as
// an editable value with its unit in the type. Shipped in assets/catalog/ and copied into each
// project so a project keeps computing the same numbers when the shipped catalog changes.
import { z } from 'zod';
import { CatalogId } from './ids.js';
import {
  Amperes, Celsius, CubicMetresPerSecond, Fraction, GBytePerSecond, GbitPerSecond, Gigabytes,
  Kelvin, Kilograms, Kilowatts, LitresPerMinute, Microseconds, Money, Nanoseconds, NonNegativeMetres,
  PositiveMetres, Teraflops, Terabytes, Volts,
} from './units.js';

/** What every orderable item carries, so a bill of materials can be built from it. */
const Item = {
  id: CatalogId,
  name: z.string().min(1).max(200), // manufacturer-neutral
  manufacturer: z.string().max(200).nullable(),
  partNumber: z.string().max(200).nullable(),
  unitPrice: Money,
  notes: z.string().max(2000).default(''),
};

/** Physical envelope of a rack-like object on the floor. */
const Envelope = {
  widthM: PositiveMetres,
  depthM: PositiveMetres,
  heightM: PositiveMetres,
  weightKg: Kilograms,
};

const RackCommon = {
  ...Item,
  ...Envelope,
  uHeight: z.number().int().min(1).max(60),
  /** Power drawn at full load (nameplate for planning). */
  designPowerKw: Kilowatts,
  /** Share of the rack's heat carried away by liquid (direct-to-chip); the rest goes to air. */
  liquidFraction: Fraction,
  /** Air temperature rise across the equipment at full load; sets airflow V = P/(rho cp dT). */
  airDeltaTK: Kelvin,
};

export const GpuSpec = z.object({
  model: z.string().min(1),
  /** HBM per GPU. */
  hbmGb: Gigabytes,
  hbmGBps: GBytePerSecond,
  /** Dense (not sparse) peak figures. */
  bf16Tflops: Teraflops,
  fp8Tflops: Teraflops,
  /** Scale-up (NVLink-class) bandwidth per GPU, one direction. */
  scaleUpGBps: GBytePerSecond,
});
export type GpuSpec = z.infer<typeof GpuSpec>;

export const GpuRackType = z.object({
  kind: z.literal('gpu'),
  ...RackCommon,
  gpu: GpuSpec,
  nodes: z.number().int().min(1).max(128),
  gpusPerNode: z.number().int().min(1).max(16),
  /** GPUs joined by one scale-up (NVLink) domain: 72 for NVL72, 8 for an 8-GPU server. */
  scaleUpDomainGpus: z.number().int().min(1).max(1024),
  /** Scale-out NICs per node; one per rail in a rail-optimised fabric. */
  nicsPerNode: z.number().int().min(0).max(16),
  nicGbps: GbitPerSecond,
  /** Front-end / storage NICs per node. */
  storageNicsPerNode: z.number().int().min(0).max(8),
  storageNicGbps: GbitPerSecond,
  hostMemoryGbPerNode: Gigabytes,
  hostMemoryGBpsPerNode: GBytePerSecond,
  /** Link between GPU and host memory (PCIe Gen5 x16 or NVLink-C2C), per GPU. */
  hostLinkGBpsPerGpu: GBytePerSecond,
  localNvmeTbPerNode: Terabytes,
  localNvmeGBpsPerNode: GBytePerSecond,
  localNvmeLatencyUs: Microseconds,
});
export type GpuRackType = z.infer<typeof GpuRackType>;

export const CpuRackType = z.object({
  kind: z.literal('cpu'),
  ...RackCommon,
  nodes: z.number().int().min(1).max(128),
  coresPerNode: z.number().int().min(1).max(1024),
  storageNicsPerNode: z.number().int().min(0).max(8),
  storageNicGbps: GbitPerSecond,
});
export type CpuRackType = z.infer<typeof CpuRackType>;

export const StorageRackType = z.object({
  kind: z.literal('storage'),
  ...RackCommon,
  capacityTb: Terabytes,
  readGBps: GBytePerSecond,
  writeGBps: GBytePerSecond,
  /** Random-read service time of one request at no load. */
  readLatencyUs: Microseconds,
  /** Requests the rack serves in parallel (servers x queues): the c of an M/M/c queue. */
  parallelism: z.number().int().min(1).max(100000),
  networkPorts: z.number().int().min(1).max(1024),
  portGbps: GbitPerSecond,
});
export type StorageRackType = z.infer<typeof StorageRackType>;

export const NetworkRackType = z.object({
  kind: z.literal('network'),
  ...RackCommon,
  switchTypeId: CatalogId,
  /** How many switches of that type fit (rack units, power and cabling allowing). */
  switchSlots: z.number().int().min(0).max(64),
});
export type NetworkRackType = z.infer<typeof NetworkRackType>;

export const RackType = z.discriminatedUnion('kind', [GpuRackType, CpuRackType, StorageRackType, NetworkRackType]);
export type RackType = z.infer<typeof RackType>;
export type RackKind = RackType['kind'];

export const SwitchType = z.object({
  ...Item,
  radix: z.number().int().min(2).max(1024),
  portGbps: GbitPerSecond,
  uHeight: z.number().int().min(1).max(20),
  powerKw: Kilowatts,
  /** Port-to-port latency of one hop. */
  hopLatencyNs: Nanoseconds,
  fabric: z.enum(['infiniband', 'ethernet', 'nvlink']),
});
export type SwitchType = z.infer<typeof SwitchType>;

export const CoolingType = z.object({
  ...Item,
  ...Envelope,
  kind: z.enum(['crah', 'inrow', 'rear-door', 'cdu']),
  /** Heat the unit removes at its design conditions. */
  capacityKw: Kilowatts,
  /** Air moved at full speed (air units); 0 for a CDU. */
  airflowM3s: CubicMetresPerSecond,
  /** Secondary (technology) loop flow at full speed (CDU); 0 for an air unit. */
  waterFlowLpm: LitresPerMinute,
  /** Electrical draw of fans or pumps at full speed. */
  fanPowerKw: Kilowatts,
  /** Supply temperature the unit holds (air for air units, coolant for a CDU). */
  supplyC: Celsius,
  /**
   * CRAH on a slab floor: how far its discharge runs along the floor before it mixes into the room
   * (the thermal model spreads the supply over the floor cells in front of the unit up to this or the
   * first obstacle). Optional so older files still load: DEFAULT_SUPPLY_THROW_M then applies.
   */
  supplyThrowM: NonNegativeMetres.optional(),
});
export type CoolingType = z.infer<typeof CoolingType>;
/** Supply throw of a CRAH whose catalog entry gives none, m (rule of thumb: manufacturers quote 6-10 m). */
export const DEFAULT_SUPPLY_THROW_M = 6;

export const PowerType = z.object({
  ...Item,
  ...Envelope,
  kind: z.enum(['utility', 'transformer', 'ups', 'switchboard', 'busway', 'pdu']),
  /** Line-to-line voltage on the output side (three-phase) or line voltage (single-phase). */
  voltageV: Volts,
  phases: z.union([z.literal(1), z.literal(3)]),
  /** Output current rating per phase. */
  ratedA: Amperes,
  powerFactor: Fraction,
  efficiency: Fraction,
  /** Listed for 100 % continuous load; otherwise the 80 % rule (NEC 210.19/215.2) applies. */
  ratedFor100PctContinuous: z.boolean(),
  /**
   * Busway: how far from its run (in plan) a tap-off's cord reaches a rack. Optional so older files
   * still load: DEFAULT_TAP_OFF_REACH_M then applies. Ignored for other kinds.
   */
  tapOffReachM: NonNegativeMetres.optional(),
});
export type PowerType = z.infer<typeof PowerType>;
/**
 * Tap-off reach of a busway whose catalog entry gives none, m: NEC 368.56(B)(2)-(3) allows at most
 * 1.8 m (6 ft) of cord from a busway plug-in device to its tension take-up support, and a vertical
 * riser from there down to the equipment.
 */
export const DEFAULT_TAP_OFF_REACH_M = 1.8;

export const Transceiver = z.object({
  ...Item,
  gbps: GbitPerSecond,
  reachM: NonNegativeMetres,
  fibre: z.enum(['mmf', 'smf']),
  powerW: z.number().finite().nonnegative(),
});
export type Transceiver = z.infer<typeof Transceiver>;

export const CableType = z.object({
  ...Item,
  kind: z.enum(['dac-passive', 'dac-active', 'aoc', 'mmf', 'smf']),
  gbps: GbitPerSecond,
  maxReachM: NonNegativeMetres,
  /** Lengths that can be ordered, ascending; a routed length is rounded up to the next one. */
  orderableLengthsM: z.array(PositiveMetres).min(1),
  /** Price per metre on top of unitPrice (fibre trunks); 0 for fixed-length assemblies. */
  pricePerM: Money,
  /** Optics needed at each end (fibre only). */
  transceiverId: CatalogId.nullable(),
  /** Signal propagation delay. */
  delayNsPerM: Nanoseconds,
});
export type CableType = z.infer<typeof CableType>;

export const TrayType = z.object({
  ...Item,
  widthM: PositiveMetres,
  depthM: PositiveMetres,
  /** Price is per metre of tray; unitPrice covers one fitting kit per run. */
  pricePerM: Money,
  /** Cables a metre of tray holds at its fill limit (rule of thumb from its cross-section). */
  maxCables: z.number().int().min(1),
});
export type TrayType = z.infer<typeof TrayType>;

export const ContainmentType = z.object({
  ...Item,
  kind: z.enum(['hot-aisle', 'cold-aisle']),
  pricePerM: Money,
});
export type ContainmentType = z.infer<typeof ContainmentType>;

/** Site-wide figures that are not a piece of equipment but are still editable defaults. */
export const SiteDefaults = z.object({
  /** Coefficient of performance of the heat-rejection plant (chillers, dry coolers): kW heat per kW electric. */
  plantCop: z.number().finite().positive().max(100),
  /** Lighting, offices and other non-IT non-cooling load as a share of IT load. */
  miscLoadFraction: Fraction,
  /** Share of a rack's design power it draws in normal operation. */
  rackUtilisation: Fraction,
  /** Model FLOP utilisation during prefill (0.3-0.6 typical, DOMAIN.md). */
  prefillMfu: Fraction,
  /** Achieved share of peak HBM bandwidth during decode. */
  decodeBandwidthEfficiency: Fraction,
  /** Slack added to every routed cable for dressing and service loops. */
  cableSlackM: NonNegativeMetres,
  /** Height of the overhead cable path above the floor when no tray is drawn. */
  overheadPathHeightM: NonNegativeMetres,
});
export type SiteDefaults = z.infer<typeof SiteDefaults>;

export const Catalog = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  site: SiteDefaults,
  rackTypes: z.array(RackType),
  switchTypes: z.array(SwitchType),
  coolingTypes: z.array(CoolingType),
  powerTypes: z.array(PowerType),
  cableTypes: z.array(CableType),
  transceivers: z.array(Transceiver),
  trayTypes: z.array(TrayType),
  containmentTypes: z.array(ContainmentType),
});
export type Catalog = z.infer<typeof Catalog>;

export type CatalogSection = Exclude<keyof Catalog, 'name' | 'version' | 'currency' | 'site'>;
export const catalogSections: readonly CatalogSection[] = [
  'rackTypes', 'switchTypes', 'coolingTypes', 'powerTypes', 'cableTypes', 'transceivers', 'trayTypes', 'containmentTypes',
];
