// Typed ids: a RackId cannot be passed where a LinkId is expected. Ids are short strings
// (letters, digits, '-', '_', '.', ':') so they read well in the SQLite file and in URLs.
import { z } from 'zod';

const idString = () =>
  z
    .string()
    .min(1)
    .max(120)
    .regex(/^[A-Za-z0-9._:-]+$/, 'only letters, digits and . _ : - are allowed');

export const CatalogId = idString().brand<'CatalogId'>();
export type CatalogId = z.infer<typeof CatalogId>;
export const RackId = idString().brand<'RackId'>();
export type RackId = z.infer<typeof RackId>;
export const RowId = idString().brand<'RowId'>();
export type RowId = z.infer<typeof RowId>;
export const CoolingId = idString().brand<'CoolingId'>();
export type CoolingId = z.infer<typeof CoolingId>;
export const PowerId = idString().brand<'PowerId'>();
export type PowerId = z.infer<typeof PowerId>;
export const TrayId = idString().brand<'TrayId'>();
export type TrayId = z.infer<typeof TrayId>;
export const ContainmentId = idString().brand<'ContainmentId'>();
export type ContainmentId = z.infer<typeof ContainmentId>;
export const LinkId = idString().brand<'LinkId'>();
export type LinkId = z.infer<typeof LinkId>;
export const WorkloadId = idString().brand<'WorkloadId'>();
export type WorkloadId = z.infer<typeof WorkloadId>;
export const WallId = idString().brand<'WallId'>();
export type WallId = z.infer<typeof WallId>;

/** Any placed object that a link or a violation can name. */
export type ObjectId = RackId | CoolingId | PowerId | TrayId | ContainmentId;
