// Building new records for the document: racks of a catalog type at given spots (with their
// row, feeds and CDU, see document/assign.ts), and copies of existing objects for paste and
// duplicate with fresh ids, new names and links among the copies kept.
import type { ContainmentId, Containment, CoolingUnit, Link, LinkId, PowerEquipment, ProjectDocument, Rack, RackId, RotationDeg, Tray } from '../../engine/model/index';
import { pt } from '../../engine/model/index';
import { RowIndex } from '../document/assign';
import type { AnyRecord, NewRecord, PlacedSection } from '../document/edits';
import { IdMaker, prefixFor } from '../document/ids';

export interface BuiltRacks { racks: Rack[]; missing: string[] }

export function buildRacks(doc: ProjectDocument, typeId: string, spots: readonly { x: number; y: number }[], rotationDeg: RotationDeg, ids = new IdMaker(doc)): BuiltRacks {
  const type = doc.catalog.rackTypes.find((t) => t.id === typeId);
  if (type === undefined) return { racks: [], missing: [`no rack type "${typeId}" in the catalog`] };
  const missing = new Set<string>();
  const index = new RowIndex(doc);
  const racks = spots.map((p) => {
    const a = index.assign(p, type.liquidFraction > 0);
    a.missing.forEach((m) => missing.add(m));
    const id = ids.next('r');
    return {
      id: id as RackId, typeId: type.id, name: id.toUpperCase(), position: pt(p.x, p.y), rotationDeg, tags: {},
      rowId: a.rowId, feedA: a.feedA, feedB: a.feedB, cduId: a.cduId, utilisation: null,
    } satisfies Rack;
  });
  return { racks, missing: [...missing] };
}

export function buildContainment(doc: ProjectDocument, kind: 'hot-aisle' | 'cold-aisle', min: { x: number; y: number }, max: { x: number; y: number }, heightM: number): Containment | null {
  const type = doc.catalog.containmentTypes.find((t) => t.kind === kind) ?? doc.catalog.containmentTypes[0];
  if (type === undefined) return null;
  const id = new IdMaker(doc).next(prefixFor('containment', type.kind));
  return {
    id: id as ContainmentId, typeId: type.id, name: `${type.kind === 'hot-aisle' ? 'Hot' : 'Cold'} aisle ${id.split('-')[1]}`,
    min: pt(min.x, min.y), max: pt(max.x, max.y), heightM: heightM as Containment['heightM'], tags: {},
  };
}

/** The records named by `ids`, with links among them, as plain data (what the clipboard holds). */
export function recordsOf(doc: ProjectDocument, ids: readonly string[]): NewRecord[] {
  const wanted = new Set(ids);
  const out: NewRecord[] = [];
  for (const section of ['racks', 'cooling', 'power', 'trays', 'containment'] as const) {
    for (const r of doc[section] as readonly AnyRecord[]) if (wanted.has(r.id)) out.push({ section, record: r });
  }
  for (const l of doc.links) if (wanted.has(l.a.objectId) && wanted.has(l.b.objectId)) out.push({ section: 'links', record: l });
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Copies of records moved by (dx, dy), with new ids, names and reassigned rows and feeds; links
 * between copied objects follow their copies.
 */
export function copiesOf(doc: ProjectDocument, records: readonly NewRecord[], dx: number, dy: number): NewRecord[] {
  const ids = new IdMaker(doc);
  const renamed = new Map<string, string>();
  const kindOf = new Map<string, string>([
    ...doc.catalog.coolingTypes.map((t) => [t.id as string, t.kind] as const),
    ...doc.catalog.powerTypes.map((t) => [t.id as string, t.kind] as const),
    ...doc.catalog.containmentTypes.map((t) => [t.id as string, t.kind] as const),
  ]);
  const liquid = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.liquidFraction > 0]));
  const index = new RowIndex(doc);
  const out: NewRecord[] = [];
  for (const { section, record } of records) {
    if (section === 'links') continue;
    const id = ids.next(prefixFor(section, 'typeId' in record ? kindOf.get(record.typeId) : undefined));
    renamed.set(record.id, id);
    const name = id.toUpperCase();
    const move = (p: { x: number; y: number }) => pt(round(p.x + dx), round(p.y + dy));
    let copy: AnyRecord;
    if (section === 'racks') {
      const r = record as Rack;
      const position = move(r.position);
      const a = index.assign(position, liquid.get(r.typeId) ?? false);
      copy = { ...r, id: id as RackId, name, position, rowId: a.rowId, feedA: a.feedA, feedB: a.feedB, cduId: a.cduId };
    } else if (section === 'containment') {
      const c = record as Containment;
      copy = { ...c, id: id as ContainmentId, name, min: move(c.min), max: move(c.max) };
    } else if (section === 'trays') {
      const t = record as Tray;
      copy = { ...t, id: id as Tray['id'], name, points: t.points.map(move) };
    } else if (section === 'cooling') {
      const u = record as CoolingUnit;
      copy = { ...u, id: id as CoolingUnit['id'], name, position: move(u.position), attachedRackId: null };
    } else {
      const p = record as PowerEquipment;
      copy = { ...p, id: id as PowerEquipment['id'], name, position: move(p.position) };
    }
    out.push({ section: section as PlacedSection, record: copy });
  }
  for (const { section, record } of records) {
    if (section !== 'links') continue;
    const l = record as Link;
    const a = renamed.get(l.a.objectId), b = renamed.get(l.b.objectId);
    if (a === undefined || b === undefined) continue;
    out.push({ section: 'links', record: { ...l, id: ids.next('link') as LinkId, a: { ...l.a, objectId: a }, b: { ...l.b, objectId: b }, routedLengthM: null } });
  }
  return out;
}
