// `info`: what is in a project, counted from the document. The JSON shape is documented in
// docs/cli.md and is stable.
import type { ProjectDocument } from '../../engine/model/index.js';

export interface ProjectSummary {
  name: string;
  hall: { lengthM: number; widthM: number; ceilingHeightM: number; areaM2: number; floor: string; ashraeClass: string };
  racks: { total: number; byKind: Record<string, number>; byType: Record<string, number> };
  coolingUnits: { total: number; byKind: Record<string, number> };
  powerEquipment: { total: number; byKind: Record<string, number> };
  rows: number;
  trays: number;
  containment: number;
  links: number;
  workloads: string[];
  gpus: number;
  /** Sum of the racks' design (nameplate) power. */
  nameplateItKw: number;
  /** Sum of the cooling units' rated capacity, by kind. */
  coolingCapacityKw: Record<string, number>;
}

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

export function summarise(doc: ProjectDocument): ProjectSummary {
  const rackTypes = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t]));
  const coolingTypes = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  const powerTypes = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  const racks = { total: doc.racks.length, byKind: {} as Record<string, number>, byType: {} as Record<string, number> };
  let gpus = 0;
  let nameplate = 0;
  for (const r of doc.racks) {
    const t = rackTypes.get(r.typeId);
    if (!t) continue; // a validated document always has the type
    bump(racks.byKind, t.kind);
    bump(racks.byType, t.id);
    nameplate += t.designPowerKw;
    if (t.kind === 'gpu') gpus += t.nodes * t.gpusPerNode;
  }
  const coolingUnits = { total: doc.cooling.length, byKind: {} as Record<string, number> };
  const coolingCapacityKw: Record<string, number> = {};
  for (const u of doc.cooling) {
    const t = coolingTypes.get(u.typeId);
    if (!t) continue;
    bump(coolingUnits.byKind, t.kind);
    bump(coolingCapacityKw, t.kind, t.capacityKw);
  }
  const powerEquipment = { total: doc.power.length, byKind: {} as Record<string, number> };
  for (const p of doc.power) {
    const t = powerTypes.get(p.typeId);
    if (t) bump(powerEquipment.byKind, t.kind);
  }
  const h = doc.hall;
  return {
    name: h.name,
    hall: { lengthM: h.lengthM, widthM: h.widthM, ceilingHeightM: h.ceilingHeightM, areaM2: round(h.lengthM * h.widthM), floor: h.floor.kind, ashraeClass: h.ashraeClass },
    racks, coolingUnits, powerEquipment,
    rows: doc.rows.length, trays: doc.trays.length, containment: doc.containment.length, links: doc.links.length,
    workloads: doc.workloads.map((w) => w.name),
    gpus, nameplateItKw: round(nameplate), coolingCapacityKw,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;

const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });
const list = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${fmt(v)} ${k}`).join(', ') || 'none';

export function formatSummary(s: ProjectSummary): string {
  return [
    `${s.name}`,
    `  hall          ${fmt(s.hall.lengthM)} x ${fmt(s.hall.widthM)} m (${fmt(s.hall.areaM2)} m2), ceiling ${fmt(s.hall.ceilingHeightM)} m, ${s.hall.floor} floor, ASHRAE ${s.hall.ashraeClass}`,
    `  racks         ${fmt(s.racks.total)} (${list(s.racks.byKind)}) in ${s.rows} rows`,
    `  GPUs          ${fmt(s.gpus)}`,
    `  nameplate IT  ${fmt(s.nameplateItKw)} kW`,
    `  cooling       ${fmt(s.coolingUnits.total)} units (${list(s.coolingUnits.byKind)}); capacity kW: ${list(s.coolingCapacityKw)}`,
    `  power         ${fmt(s.powerEquipment.total)} elements (${list(s.powerEquipment.byKind)})`,
    `  cabling       ${fmt(s.links)} links, ${fmt(s.trays)} trays; ${fmt(s.containment)} containment`,
    `  workloads     ${s.workloads.join('; ') || 'none'}`,
    '',
  ].join('\n');
}
