// Where each rack's heat goes. All electrical draw becomes heat (rackLoadKw); the type's
// liquidFraction leaves through the cold plates to a CDU, the rest heats the air the rack's fans
// move. A passive rear door (RDHx) hung on the rack takes up to its capacity out of that exhaust
// before it reaches the room. Arrays are aligned with doc.racks so the thermal grid can use them
// in hot loops.
import type { CoolingType, ProjectDocument, RackType } from '../model/index.js';
import { rackLoadKw, rackTypeIndex } from '../model/index.js';
import { airflowForHeat } from './air.js';

export interface RackHeat {
  /** Electrical draw = heat, kW. */
  loadKw: Float64Array;
  /** Heat into the liquid loop, kW. */
  liquidKw: Float64Array;
  /** Heat into the air leaving the servers, kW (before any rear door). */
  airKw: Float64Array;
  /** Heat a running rear door removes from that exhaust, kW (<= airKw). */
  doorKw: Float64Array;
  /**
   * Air the rack's fans move, m3/s. Fans are sized at design power: V = P_design,air /
   * (rho cp dT_type), so at part load the same air warms less (constant-volume fans).
   */
  airflowM3s: Float64Array;
  /** Index into doc.cooling of the rack's CDU, -1 when none is set or it is not a CDU. */
  cduIndex: Int32Array;
  /** Index into doc.cooling of the rear door hung on the rack, -1 for none. */
  doorIndex: Int32Array;
  /** Index into doc.catalog.rackTypes, -1 when the type is unknown. */
  typeIndex: Int32Array;
}

export function coolingTypeIndex(doc: ProjectDocument): Map<string, CoolingType> {
  return new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
}

/** Cooling type of each unit in doc.cooling (undefined when the catalog lacks it). */
export function coolingTypesOf(doc: ProjectDocument): (CoolingType | undefined)[] {
  const types = coolingTypeIndex(doc);
  return doc.cooling.map((u) => types.get(u.typeId));
}

export function splitRackHeat(doc: ProjectDocument): RackHeat {
  const n = doc.racks.length;
  const out: RackHeat = {
    loadKw: new Float64Array(n), liquidKw: new Float64Array(n), airKw: new Float64Array(n), doorKw: new Float64Array(n),
    airflowM3s: new Float64Array(n), cduIndex: new Int32Array(n).fill(-1), doorIndex: new Int32Array(n).fill(-1),
    typeIndex: new Int32Array(n).fill(-1),
  };
  const types = rackTypeIndex(doc.catalog);
  const typePos = new Map(doc.catalog.rackTypes.map((t, i) => [t.id as string, i]));
  const unitTypes = coolingTypesOf(doc);
  const unitPos = new Map(doc.cooling.map((u, i) => [u.id as string, i]));
  const rackPos = new Map(doc.racks.map((r, i) => [r.id as string, i]));
  doc.cooling.forEach((u, i) => {
    if (u.attachedRackId === null || unitTypes[i]?.kind !== 'rear-door') return;
    const r = rackPos.get(u.attachedRackId);
    if (r !== undefined) out.doorIndex[r] = i;
  });
  const ctx: SplitContext = { types, typePos, unitTypes, unitPos };
  for (let i = 0; i < n; i++) splitOne(doc, out, i, ctx);
  return out;
}

interface SplitContext {
  types: Map<string, RackType>; typePos: Map<string, number>;
  unitTypes: readonly (CoolingType | undefined)[]; unitPos: Map<string, number>;
}

function splitOne(doc: ProjectDocument, out: RackHeat, i: number, ctx: SplitContext): void {
  const rack = doc.racks[i]!;
  out.typeIndex[i] = -1; out.loadKw[i] = 0; out.liquidKw[i] = 0; out.airKw[i] = 0; out.doorKw[i] = 0; out.airflowM3s[i] = 0;
  out.cduIndex[i] = -1;
  const t = ctx.types.get(rack.typeId);
  if (!t) return;
  out.typeIndex[i] = ctx.typePos.get(rack.typeId) ?? -1;
  const load = rackLoadKw(rack, t, doc.catalog);
  out.loadKw[i] = load;
  out.liquidKw[i] = load * t.liquidFraction;
  const air = load - load * t.liquidFraction;
  out.airKw[i] = air;
  out.airflowM3s[i] = airflowForHeat(t.designPowerKw * (1 - t.liquidFraction), t.airDeltaTK, doc.hall.altitudeM);
  if (rack.cduId !== null) {
    const c = ctx.unitPos.get(rack.cduId);
    if (c !== undefined && ctx.unitTypes[c]?.kind === 'cdu') out.cduIndex[i] = c;
  }
  const d = out.doorIndex[i]!;
  const door = d >= 0 ? ctx.unitTypes[d] : undefined;
  if (door && doc.cooling[d]?.status === 'running') out.doorKw[i] = Math.min(air, door.capacityKw);
}

/**
 * Re-splits the racks listed after an edit that changed only those racks (same ids, same cooling
 * units, so the rear-door attachments stand), writing into `heat` in place.
 */
export function updateRackHeat(doc: ProjectDocument, heat: RackHeat, racks: readonly number[], unitTypes: readonly (CoolingType | undefined)[]): void {
  const ctx: SplitContext = {
    types: rackTypeIndex(doc.catalog), typePos: new Map(doc.catalog.rackTypes.map((t, i) => [t.id as string, i])), unitTypes,
    unitPos: new Map(),
  };
  for (const i of racks) {
    const cdu = doc.racks[i]!.cduId;
    if (cdu !== null && !ctx.unitPos.has(cdu)) {
      const c = doc.cooling.findIndex((u) => u.id === cdu);
      if (c >= 0) ctx.unitPos.set(cdu, c);
    }
    splitOne(doc, heat, i, ctx);
  }
}
