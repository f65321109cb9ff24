// Objects placed on the hall floor. Positions are the centre of the footprint on the floor.
// Orientation: at rotationDeg 0 a rack's front (air intake) faces -y and its rear (exhaust)
// faces +y; rotation turns counter-clockwise seen from above (see geometry.ts).
import { z } from 'zod';
import { CatalogId, ContainmentId, CoolingId, PowerId, RackId, RowId, TrayId } from './ids.js';
import { Fraction, HallPoint, NonNegativeMetres, PositiveMetres, RotationDeg } from './units.js';

/** Open-ended user attributes (asset tags, owner, notes); stored as JSON. */
export const Tags = z.record(z.string().max(100), z.string().max(1000));
export type Tags = z.infer<typeof Tags>;

const Placed = {
  typeId: CatalogId,
  name: z.string().min(1).max(200),
  position: HallPoint,
  rotationDeg: RotationDeg,
  tags: Tags,
};

export const Row = z.object({
  id: RowId,
  name: z.string().min(1).max(200),
  tags: Tags,
});
export type Row = z.infer<typeof Row>;

export const Rack = z.object({
  id: RackId,
  ...Placed,
  rowId: RowId.nullable(),
  /** A and B power feeds: the PDU or busway each side of the rack's power shelves hangs from. */
  feedA: PowerId.nullable(),
  feedB: PowerId.nullable(),
  /** CDU serving the rack's liquid loop (liquid-cooled racks). */
  cduId: CoolingId.nullable(),
  /** Share of design power drawn; null takes the catalog's site default. */
  utilisation: Fraction.nullable(),
});
export type Rack = z.infer<typeof Rack>;

export const EquipmentStatus = z.enum(['running', 'failed', 'off']);
export type EquipmentStatus = z.infer<typeof EquipmentStatus>;

export const CoolingUnit = z.object({
  id: CoolingId,
  ...Placed,
  rowId: RowId.nullable(),
  status: EquipmentStatus,
  /** Rear-door heat exchangers hang on one rack. */
  attachedRackId: RackId.nullable(),
});
export type CoolingUnit = z.infer<typeof CoolingUnit>;

export const PowerFeedSide = z.enum(['A', 'B']);
export type PowerFeedSide = z.infer<typeof PowerFeedSide>;

export const PowerEquipment = z.object({
  id: PowerId,
  ...Placed,
  /** Sources feeding this element in parallel (several UPS modules onto one switchboard). */
  upstreamIds: z.array(PowerId),
  /** Which side of a 2N system the element belongs to; null for shared equipment. */
  side: PowerFeedSide.nullable(),
  status: EquipmentStatus,
  /** Length of a busway run (null for other equipment). */
  lengthM: PositiveMetres.nullable(),
});
export type PowerEquipment = z.infer<typeof PowerEquipment>;

export const Tray = z.object({
  id: TrayId,
  typeId: CatalogId,
  name: z.string().min(1).max(200),
  points: z.array(HallPoint).min(2).max(1000),
  /** Height of the tray's bottom above the floor. */
  elevationM: NonNegativeMetres,
  tags: Tags,
});
export type Tray = z.infer<typeof Tray>;

export const Containment = z.object({
  id: ContainmentId,
  typeId: CatalogId,
  name: z.string().min(1).max(200),
  /** The contained aisle as a rectangle on the floor (corners min and max). */
  min: HallPoint,
  max: HallPoint,
  heightM: PositiveMetres,
  tags: Tags,
});
export type Containment = z.infer<typeof Containment>;
