// Links follow what they join. A link stores its routed length and cable type (engine/model/link.ts);
// when an end object moves, or the trays it may run along change, both are measured again the way
// the connect tool and the fabric measure them (engine/fabric/routing.ts: along the trays, else
// Manhattan over the overhead path, drops and slack) and the cheapest cable that reaches is picked
// again, unless the user chose the type by hand: that type is kept, and the engine reports it
// when it no longer reaches (fabric.link-cable-too-short). Only links touching what changed are
// routed again, found through an index of links by end object kept from edit to edit.
import type { CatalogId, Link, Metres, ProjectDocument } from '../../engine/model/index';
import { CablePicker } from '../../engine/fabric/cables';
import { isGeneratedLink } from '../../engine/fabric/autocable';
import { PORT_HEIGHT_FRACTION, type Site } from '../../engine/fabric/placement';
import { Router } from '../../engine/fabric/routing';
import { BUSWAY_Z } from '../editor/objects';
import type { Operation } from './operations';
import { eachReplaced } from './replaced';

/** Tag key and value on a link whose cable type the user picked: re-routing keeps that type. */
export const CABLE_CHOICE_TAG = 'cableType';
export const CHOSEN = 'chosen';
export const isTypeChosen = (l: Link): boolean => l.tags[CABLE_CHOICE_TAG] === CHOSEN;

/** Where an object's cables leave it: its centre, at half its height (as the fabric's rack sites). */
export function sitesOf(doc: ProjectDocument, ids: ReadonlySet<string>): Map<string, Site> {
  const out = new Map<string, Site>();
  if (ids.size === 0) return out;
  const rackH = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.heightM]));
  for (const r of doc.racks) if (ids.has(r.id)) out.set(r.id, { x: r.position.x, y: r.position.y, portZ: (rackH.get(r.typeId) ?? 2) * PORT_HEIGHT_FRACTION, rackId: r.id });
  if (out.size === ids.size) return out;
  const coolH = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t.heightM]));
  for (const u of doc.cooling) if (ids.has(u.id)) out.set(u.id, { x: u.position.x, y: u.position.y, portZ: (coolH.get(u.typeId) ?? 2) * PORT_HEIGHT_FRACTION, rackId: null });
  const powerT = new Map(doc.catalog.powerTypes.map((t) => [t.id as string, t]));
  for (const p of doc.power) {
    if (!ids.has(p.id)) continue;
    const t = powerT.get(p.typeId);
    // Busways hang overhead (editor/objects.ts draws and picks them there).
    const z0 = t?.kind === 'busway' ? BUSWAY_Z : 0;
    out.set(p.id, { x: p.position.x, y: p.position.y, portZ: z0 + (t?.heightM ?? 2) * PORT_HEIGHT_FRACTION, rackId: null });
  }
  return out;
}

/**
 * The line rate an object's end of a link runs at, or null when the object has no network port
 * the catalog describes (cooling, power): a GPU rack's scale-out NIC (its storage NIC for other
 * purposes), a CPU rack's NIC, a storage rack's ports, a network rack's switch ports.
 */
function endGbps(doc: ProjectDocument, objectId: string, purpose: Link['purpose'], rackTypeOf: (id: string) => string | undefined): number | null {
  const typeId = rackTypeOf(objectId);
  const t = typeId === undefined ? undefined : doc.catalog.rackTypes.find((x) => x.id === typeId);
  if (t === undefined) return null;
  switch (t.kind) {
    case 'gpu':
      if (purpose === 'compute' && t.nicsPerNode > 0) return t.nicGbps;
      return t.storageNicsPerNode > 0 ? t.storageNicGbps : t.nicsPerNode > 0 ? t.nicGbps : null;
    case 'cpu': return t.storageNicsPerNode > 0 ? t.storageNicGbps : null;
    case 'storage': return t.portGbps;
    case 'network': return doc.catalog.switchTypes.find((s) => s.id === t.switchTypeId)?.portGbps ?? null;
  }
}

/**
 * Line rate of a link: the slower of its two ends (a 400G NIC on an 800G switch port runs at 400G);
 * a generated link keeps the speed the fabric gave it; with no end that says, the slowest cable.
 */
export function linkGbps(doc: ProjectDocument, link: Pick<Link, 'a' | 'b' | 'purpose' | 'cableTypeId' | 'tags'>, rackTypeOf?: (id: string) => string | undefined): number {
  const current = link.cableTypeId === null ? undefined : doc.catalog.cableTypes.find((c) => c.id === link.cableTypeId);
  if (current !== undefined && isGeneratedLink(link as Link)) return current.gbps;
  const typeOf = rackTypeOf ?? ((id: string) => doc.racks.find((r) => r.id === id)?.typeId);
  const ends = [endGbps(doc, link.a.objectId, link.purpose, typeOf), endGbps(doc, link.b.objectId, link.purpose, typeOf)].filter((g): g is number => g !== null);
  if (ends.length > 0) return Math.min(...ends);
  return current?.gbps ?? Math.min(...doc.catalog.cableTypes.map((c) => c.gbps));
}

export interface Routed { routedLengthM: Metres; cableTypeId: CatalogId | null }

/** Length (to the centimetre, as auto-cable stores it) and the cheapest cable of `gbps` that reaches (else the longest). */
export function pickCable(picker: CablePicker, gbps: number, lengthM: number): Routed {
  const type = picker.pick(gbps, lengthM)?.type ?? picker.longest(gbps);
  return { routedLengthM: (Math.round(lengthM * 100) / 100) as Metres, cableTypeId: (type?.id ?? null) as CatalogId | null };
}

/**
 * Positions of links by end object, built once per links array and handed on to the array
 * updateLinks makes (same order, same ends): a drag's re-routing does not rebuild it for the next.
 */
const byEnd = new WeakMap<readonly Link[], Map<string, number[]>>();
function buildIndex(links: readonly Link[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  links.forEach((l, i) => {
    for (const id of l.a.objectId === l.b.objectId ? [l.a.objectId] : [l.a.objectId, l.b.objectId]) {
      const list = index.get(id);
      if (list === undefined) index.set(id, [i]); else list.push(i);
    }
  });
  byEnd.set(links, index);
  return index;
}

/** The links with an end on one of `ids`; a handed-on index is checked as it is read, and rebuilt if stale. */
function linksTouching(links: readonly Link[], ids: ReadonlySet<string>): Link[] {
  const known = byEnd.get(links);
  const found = known === undefined ? null : gather(links, known, ids);
  return found ?? gather(links, buildIndex(links), ids)!;
}

function gather(links: readonly Link[], index: Map<string, number[]>, ids: ReadonlySet<string>): Link[] | null {
  const found = new Set<Link>();
  for (const id of ids) {
    for (const i of index.get(id) ?? []) {
      const l = links[i];
      if (l === undefined || (l.a.objectId !== id && l.b.objectId !== id)) return null;
      found.add(l);
    }
  }
  return [...found];
}

type Placed = { id: string; position: { x: number; y: number }; rotationDeg: number; typeId: string };
/** Ids of objects standing elsewhere (or turned, or retyped) in `after`; records compared by identity first. */
function changedObjects(before: readonly Placed[], after: readonly Placed[], out: Set<string>): void {
  eachReplaced(before, after, (o, r) => {
    if (o === undefined || o.position.x !== r.position.x || o.position.y !== r.position.y || o.rotationDeg !== r.rotationDeg || o.typeId !== r.typeId
      || (o as { lengthM?: number | null }).lengthM !== (r as { lengthM?: number | null }).lengthM) out.add(r.id);
  });
}

export interface Relinked {
  /** Links whose length or type changed, as they are now. */
  links: Link[];
  /** Of those, drawn links whose type does not reach: chosen by hand and kept, or no cable of their speed reaches. */
  tooShort: Link[];
}

/** Route the given links of `doc` again; the records that change. */
export function routeLinks(doc: ProjectDocument, links: readonly Link[]): Relinked {
  const ends = new Set<string>();
  for (const l of links) { ends.add(l.a.objectId); ends.add(l.b.objectId); }
  const sites = sitesOf(doc, ends);
  const ids = [...sites.keys()];
  const at = new Map(ids.map((id, i) => [id, i]));
  const router = new Router(doc, [...sites.values()]);
  const picker = new CablePicker(doc.catalog);
  const rackType = new Map<string, string>();
  for (const r of doc.racks) if (ends.has(r.id)) rackType.set(r.id, r.typeId);
  const reach = new Map(doc.catalog.cableTypes.map((c) => [c.id as string, c.maxReachM]));
  const out: Link[] = [];
  const tooShort: Link[] = [];
  for (const l of links) {
    const ia = at.get(l.a.objectId), ib = at.get(l.b.objectId);
    if (ia === undefined || ib === undefined) continue;
    const lengthM = router.lengthM(ia, ib);
    let next: Routed;
    if (isTypeChosen(l) && l.cableTypeId !== null) {
      next = { routedLengthM: (Math.round(lengthM * 100) / 100) as Metres, cableTypeId: l.cableTypeId };
    } else {
      next = pickCable(picker, linkGbps(doc, l, (id) => rackType.get(id)), lengthM);
    }
    if (next.routedLengthM === l.routedLengthM && next.cableTypeId === l.cableTypeId) continue;
    const moved: Link = { ...l, ...next };
    out.push(moved);
    // Generated links are the fabric's to report (fabric.cable-too-long), as the engine does.
    if (!isGeneratedLink(l) && (reach.get(next.cableTypeId ?? '') ?? Infinity) < next.routedLengthM) tooShort.push(moved);
  }
  return { links: out, tooShort };
}

/**
 * The links of `after` to route again after an edit from `before`: every link when the trays or
 * the site's path height and slack changed, else the links touching an object that moved.
 */
export function relinkChanged(before: ProjectDocument, after: ProjectDocument): Relinked {
  if (after.links.length === 0) return { links: [], tooShort: [] };
  const site = (d: ProjectDocument) => `${d.catalog.site.overheadPathHeightM}/${d.catalog.site.cableSlackM}`;
  if (before.trays !== after.trays || site(before) !== site(after)) return routeLinks(after, after.links);
  const moved = new Set<string>();
  changedObjects(before.racks, after.racks, moved);
  changedObjects(before.cooling, after.cooling, moved);
  changedObjects(before.power, after.power, moved);
  if (moved.size === 0) return { links: [], tooShort: [] };
  const touched = linksTouching(after.links, moved);
  return touched.length === 0 ? { links: [], tooShort: [] } : routeLinks(after, touched);
}

/** Replace link records by id (the re-routed links); the same document when none differs. */
export const updateLinks: Operation<{ links: readonly Link[] }> = {
  name: 'link.reroute',
  apply(doc, { links }) {
    if (links.length === 0) return doc;
    const byId = new Map(links.map((l) => [l.id as string, l]));
    let changed = false;
    let sameEnds = true;
    const next = doc.links.map((l) => {
      const n = byId.get(l.id);
      if (n === undefined || n === l) return l;
      changed = true;
      if (n.a.objectId !== l.a.objectId || n.b.objectId !== l.b.objectId) sameEnds = false;
      return n;
    });
    if (!changed) return doc;
    const index = byEnd.get(doc.links);
    if (index !== undefined && sameEnds) byEnd.set(next, index);
    return { ...doc, links: next };
  },
};

/** The inspector's cable choice: a type by hand (tagged, kept by re-routing), or null to let the length pick it. */
export const setLinkCable: Operation<{ id: string; cableTypeId: CatalogId | null }> = {
  name: 'link.setCable',
  apply(doc, { id, cableTypeId }) {
    const i = doc.links.findIndex((l) => l.id === id);
    const l = doc.links[i];
    if (l === undefined) return doc;
    const { [CABLE_CHOICE_TAG]: _chosen, ...tags } = l.tags;
    let next: Link;
    if (cableTypeId === null) {
      const picked = l.routedLengthM === null ? { cableTypeId: null } : { cableTypeId: pickCable(new CablePicker(doc.catalog), linkGbps(doc, l), l.routedLengthM).cableTypeId };
      next = { ...l, ...picked, tags };
    } else {
      next = { ...l, cableTypeId, tags: { ...tags, [CABLE_CHOICE_TAG]: CHOSEN } };
    }
    if (next.cableTypeId === l.cableTypeId && JSON.stringify(next.tags) === JSON.stringify(l.tags)) return doc;
    const links = doc.links.slice();
    links[i] = next;
    return { ...doc, links };
  },
};
