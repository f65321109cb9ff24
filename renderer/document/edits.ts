// Editing operations on placed objects: place, insert (paste, duplicate, containment, trays,
// links), move, rotate, delete, set position. Pure, and structurally shared: only the arrays
// holding a changed record are replaced, and in them only the changed records, so a rack-only
// edit keeps `power`, `cooling`, `catalog`... identical and the engine updates incrementally.
import type { Containment, CoolingUnit, Link, PowerEquipment, ProjectDocument, Rack, RotationDeg, Tray } from '../../engine/model/index';
import { pt } from '../../engine/model/index';
import { autoCableLinks, type AutoCableOptions, type FabricResult } from '../../engine/fabric/index';
import type { Operation } from './operations';

export type PlacedSection = 'racks' | 'cooling' | 'power' | 'trays' | 'containment' | 'links';
export type AnyRecord = Rack | CoolingUnit | PowerEquipment | Tray | Containment | Link;
export interface NewRecord { section: PlacedSection; record: AnyRecord }

const SECTIONS: readonly PlacedSection[] = ['racks', 'cooling', 'power', 'trays', 'containment', 'links'];
const roundMm = (v: number): number => Math.round(v * 1000) / 1000;

/**
 * Map the records of one section; null when nothing changed. The array is copied only at the first
 * change: a one-rack edit on a gigawatt hall no longer builds (and drops) a new 10,000-entry array
 * for each section it leaves alone.
 */
function mapSection<T extends { id: string }>(list: readonly T[], f: (r: T) => T): T[] | null {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const r = list[i]!;
    const n = f(r);
    if (n !== r) { out ??= list.slice(); out[i] = n; }
  }
  return out;
}

function withSections(doc: ProjectDocument, f: (section: PlacedSection, list: readonly { id: string }[]) => readonly { id: string }[] | null): ProjectDocument {
  let next: ProjectDocument | null = null;
  for (const s of SECTIONS) {
    const replaced = f(s, doc[s]);
    if (replaced !== null) next = { ...(next ?? doc), [s]: replaced };
  }
  return next ?? doc;
}

/** Append new records (placing, pasting, duplicating, drawing containment, trays and links). */
export const insertRecords: Operation<{ records: readonly NewRecord[] }> = {
  name: 'object.insert',
  apply(doc, { records }) {
    if (records.length === 0) return doc;
    return withSections(doc, (section, list) => {
      const add = records.filter((r) => r.section === section).map((r) => r.record);
      return add.length === 0 ? null : [...list, ...add];
    });
  },
};

/** The same operation under another name, for the undo history and menus ("object.paste"). */
export const named = <A>(op: Operation<A>, name: string): Operation<A> => ({ name, apply: op.apply });

/** Same as insertRecords, named for the undo history and the menus. */
export const placeRacks: Operation<{ racks: readonly Rack[] }> = {
  name: 'rack.place',
  apply: (doc, { racks }) => insertRecords.apply(doc, { records: racks.map((record) => ({ section: 'racks', record })) }),
};

function translateRecord(section: PlacedSection, r: AnyRecord, dx: number, dy: number): AnyRecord {
  if (section === 'containment') {
    const c = r as Containment;
    return { ...c, min: pt(roundMm(c.min.x + dx), roundMm(c.min.y + dy)), max: pt(roundMm(c.max.x + dx), roundMm(c.max.y + dy)) };
  }
  if (section === 'trays') {
    const t = r as Tray;
    return { ...t, points: t.points.map((p) => pt(roundMm(p.x + dx), roundMm(p.y + dy))) };
  }
  if (section === 'links') return r;
  const o = r as Rack;
  return { ...o, position: pt(roundMm(o.position.x + dx), roundMm(o.position.y + dy)) } as AnyRecord;
}

/** Move objects by (dx, dy) metres. A drag applies this on every pointer move; the history squashes them. */
export const translateObjects: Operation<{ ids: readonly string[]; dx: number; dy: number }> = {
  name: 'object.move',
  apply(doc, { ids, dx, dy }) {
    if ((dx === 0 && dy === 0) || ids.length === 0) return doc;
    const wanted = new Set(ids);
    return withSections(doc, (s, list) => mapSection(list as AnyRecord[], (r) => (wanted.has(r.id) ? translateRecord(s, r, dx, dy) : r)));
  },
};

const turn = (deg: RotationDeg, quarter: number): RotationDeg => ((((deg + quarter * 90) % 360) + 360) % 360) as RotationDeg;

/** Rotate a point about a centre by quarter turns, counter-clockwise seen from above. */
function rotatePoint(p: { x: number; y: number }, c: { x: number; y: number }, quarter: number): { x: number; y: number } {
  const q = ((quarter % 4) + 4) % 4;
  const dx = p.x - c.x, dy = p.y - c.y;
  const [rx, ry] = q === 0 ? [dx, dy] : q === 1 ? [-dy, dx] : q === 2 ? [-dx, -dy] : [dy, -dx];
  return { x: roundMm(c.x + rx), y: roundMm(c.y + ry) };
}

/**
 * Turn objects in 90-degree steps about `centre` (the selection's centre): one object turns in
 * place, a group turns as a whole, as in a CAD tool.
 */
export const rotateObjects: Operation<{ ids: readonly string[]; quarterTurns: number; centre: { x: number; y: number } }> = {
  name: 'object.rotate',
  apply(doc, { ids, quarterTurns, centre }) {
    if (quarterTurns % 4 === 0 || ids.length === 0) return doc;
    const wanted = new Set(ids);
    const rp = (p: { x: number; y: number }) => { const r = rotatePoint(p, centre, quarterTurns); return pt(r.x, r.y); };
    return withSections(doc, (s, list) => mapSection(list as AnyRecord[], (r) => {
      if (!wanted.has(r.id) || s === 'links') return r;
      if (s === 'containment') {
        const c = r as Containment;
        const a = rp(c.min), b = rp(c.max);
        return { ...c, min: pt(Math.min(a.x, b.x), Math.min(a.y, b.y)), max: pt(Math.max(a.x, b.x), Math.max(a.y, b.y)) };
      }
      if (s === 'trays') return { ...(r as Tray), points: (r as Tray).points.map(rp) };
      const o = r as Rack;
      return { ...o, position: rp(o.position), rotationDeg: turn(o.rotationDeg, quarterTurns) } as AnyRecord;
    }));
  },
};

/** Set one coordinate of several objects (the inspector's multi-edit). */
export const setPositionAxis: Operation<{ ids: readonly string[]; axis: 'x' | 'y'; value: number }> = {
  name: 'object.setPosition',
  apply(doc, { ids, axis, value }) {
    const wanted = new Set(ids);
    const v = roundMm(value);
    return withSections(doc, (s, list) => {
      if (s !== 'racks' && s !== 'cooling' && s !== 'power') return null;
      return mapSection(list as Rack[], (r) => (!wanted.has(r.id) || r.position[axis] === v ? r
        : { ...r, position: axis === 'x' ? pt(v, r.position.y) : pt(r.position.x, v) }));
    });
  },
};

export const setRotation: Operation<{ ids: readonly string[]; rotationDeg: RotationDeg }> = {
  name: 'object.setRotation',
  apply(doc, { ids, rotationDeg }) {
    const wanted = new Set(ids);
    return withSections(doc, (s, list) => {
      if (s !== 'racks' && s !== 'cooling' && s !== 'power') return null;
      return mapSection(list as Rack[], (r) => (!wanted.has(r.id) || r.rotationDeg === rotationDeg ? r : { ...r, rotationDeg }));
    });
  },
};

/**
 * Delete objects and everything that only made sense with them: rear doors hung on a deleted
 * rack, links to a deleted object; references from the rest (feeds, CDU, upstream) become null.
 */
export const deleteObjects: Operation<{ ids: readonly string[] }> = {
  name: 'object.delete',
  apply(doc, { ids }) {
    const gone = new Set(ids);
    for (const u of doc.cooling) if (u.attachedRackId !== null && gone.has(u.attachedRackId)) gone.add(u.id);
    for (const l of doc.links) if (gone.has(l.a.objectId) || gone.has(l.b.objectId)) gone.add(l.id);
    const present = SECTIONS.some((s) => (doc[s] as readonly { id: string }[]).some((r) => gone.has(r.id)));
    if (!present) return doc;
    const keep = <T extends { id: string }>(list: readonly T[]): T[] | null => (list.some((r) => gone.has(r.id)) ? list.filter((r) => !gone.has(r.id)) : null);
    const orNull = <T extends string>(v: T | null): T | null => (v !== null && gone.has(v) ? null : v);
    let next: ProjectDocument = doc;
    const set = <K extends PlacedSection>(key: K, value: ProjectDocument[K] | null) => { if (value !== null) next = { ...next, [key]: value }; };
    set('links', keep(doc.links));
    set('trays', keep(doc.trays));
    set('containment', keep(doc.containment));
    const racks = keep(doc.racks) ?? doc.racks;
    set('racks', mapSection(racks, (r) => {
      const feedA = orNull(r.feedA), feedB = orNull(r.feedB), cduId = orNull(r.cduId);
      return feedA === r.feedA && feedB === r.feedB && cduId === r.cduId ? r : { ...r, feedA, feedB, cduId };
    }) ?? (racks === doc.racks ? null : racks));
    const cooling = keep(doc.cooling) ?? doc.cooling;
    set('cooling', mapSection(cooling, (u) => (orNull(u.attachedRackId) === u.attachedRackId ? u : { ...u, attachedRackId: null })) ?? (cooling === doc.cooling ? null : cooling));
    const power = keep(doc.power) ?? doc.power;
    set('power', mapSection(power, (p) => (p.upstreamIds.some((u) => gone.has(u)) ? { ...p, upstreamIds: p.upstreamIds.filter((u) => !gone.has(u)) } : p)) ?? (power === doc.power ? null : power));
    return next;
  },
};

/** Same links, record by record (ids, ends, type, length, tags), so a repeated auto-cable records nothing. */
function sameLinks(a: readonly Link[], b: readonly Link[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.a.objectId !== y.a.objectId || x.a.port !== y.a.port || x.b.objectId !== y.b.objectId || x.b.port !== y.b.port
      || x.purpose !== y.purpose || x.cableTypeId !== y.cableTypeId || x.routedLengthM !== y.routedLengthM
      || JSON.stringify(x.tags) !== JSON.stringify(y.tags)) return false;
  }
  return true;
}

/**
 * Auto-cable: the fabric's cables as links, replacing earlier generated ones and keeping the
 * user's. Only `doc.links` changes; a refusal (too many links) or a repeat leaves the document as is.
 */
export const autoCable: Operation<{ fabric: Pick<FabricResult, 'bundles' | 'cablesWithoutRack'> } & AutoCableOptions> = {
  name: 'links.autoCable',
  apply(doc, { fabric, maxLinks }) {
    const made = autoCableLinks(doc, fabric, maxLinks === undefined ? {} : { maxLinks });
    if (!made.ok || sameLinks(doc.links, made.links)) return doc;
    return { ...doc, links: made.links };
  },
};
