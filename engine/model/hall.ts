// The hall: the room everything stands in. Coordinates are metres from the origin corner,
// x along the length, y along the width, z up from the floor (slab top, or raised-floor top).
import { z } from 'zod';
import { WallId } from './ids.js';
import { Celsius, HallPoint, Metres } from './units.js';

/** ASHRAE TC9.9 (5th ed., 2021) equipment classes; limits in engine/model/ashrae.ts. */
export const AshraeClass = z.enum(['A1', 'A2', 'A3', 'A4', 'H1']);
export type AshraeClass = z.infer<typeof AshraeClass>;

export const Floor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('slab') }),
  z.object({ kind: z.literal('raised'), plenumDepthM: Metres }),
]);
export type Floor = z.infer<typeof Floor>;

export const Wall = z.object({
  id: WallId,
  a: HallPoint,
  b: HallPoint,
  thicknessM: Metres,
});
export type Wall = z.infer<typeof Wall>;

export const Column = z.object({
  id: WallId,
  at: HallPoint,
  sizeM: Metres,
});
export type Column = z.infer<typeof Column>;

export const Hall = z
  .object({
    name: z.string().min(1).max(200),
    lengthM: Metres,
    widthM: Metres,
    ceilingHeightM: Metres,
    floor: Floor,
    tileM: Metres,
    /** Supply air temperature the cooling units are set to. */
    supplyAirC: Celsius,
    ashraeClass: AshraeClass,
    /** Site altitude; air density falls with it, so the same heat needs more airflow. */
    altitudeM: Metres,
    walls: z.array(Wall),
    columns: z.array(Column),
  })
  .superRefine((h, ctx) => {
    if (h.lengthM <= 0) ctx.addIssue({ code: 'custom', path: ['lengthM'], message: 'must be greater than 0 m' });
    if (h.widthM <= 0) ctx.addIssue({ code: 'custom', path: ['widthM'], message: 'must be greater than 0 m' });
    if (h.ceilingHeightM <= 0) ctx.addIssue({ code: 'custom', path: ['ceilingHeightM'], message: 'must be greater than 0 m' });
    if (h.tileM < 0.1) ctx.addIssue({ code: 'custom', path: ['tileM'], message: 'must be at least 0.1 m' });
  });
export type Hall = z.infer<typeof Hall>;
