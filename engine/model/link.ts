// A cable between ports of two placed objects. Its type may be left to the engine, which picks
// the cheapest catalog cable whose reach covers the routed length.
import { z } from 'zod';
import { CatalogId, LinkId } from './ids.js';
import { NonNegativeMetres } from './units.js';
import { Tags } from './placed.js';

export const LinkEnd = z.object({
  objectId: z.string().min(1).max(120),
  port: z.string().min(1).max(100),
});
export type LinkEnd = z.infer<typeof LinkEnd>;

export const LinkPurpose = z.enum(['compute', 'storage', 'frontend', 'management', 'scale-up']);
export type LinkPurpose = z.infer<typeof LinkPurpose>;

export const Link = z.object({
  id: LinkId,
  a: LinkEnd,
  b: LinkEnd,
  purpose: LinkPurpose,
  /** null: chosen by the engine from the routed length and the catalog's reaches. */
  cableTypeId: CatalogId.nullable(),
  /** Length along the trays with drops and slack, as last computed; null until routed. */
  routedLengthM: NonNegativeMetres.nullable(),
  tags: Tags,
});
export type Link = z.infer<typeof Link>;
