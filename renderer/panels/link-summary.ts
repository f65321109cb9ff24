// What a planner reads off several selected links at once: how many, how much cable (the routed
// lengths summed, in metres here; the panel converts at the UI edge), how many of each cable type
// and line rate, how many carry a type chosen by hand (kept after moves, document/relink.ts) and
// how many do not reach (routed length past the type's maxReachM, the rule LinkProperties shows).
import type { ProjectDocument } from '../../engine/model/index';
import { isTypeChosen, linkGbps } from '../document/relink';

export interface Tally { label: string; count: number }

export interface LinkSummary {
  count: number;
  /** Sum of the routed lengths, m; links not routed add nothing and are counted in `unrouted`. */
  routedM: number;
  unrouted: number;
  /** By cable type, most first (ties in catalog order, then types the catalog lacks, then none chosen). */
  byType: Tally[];
  /** By line rate (relink.ts linkGbps: the slower end), fastest first. */
  byRate: Tally[];
  chosenByHand: number;
  /** Routed longer than their cable type reaches. */
  tooShort: number;
}

const NOT_CHOSEN = 'no cable type';

/** The figures for the links of `doc` whose ids are in `ids` (ids of other records are ignored). */
export function summariseLinks(doc: ProjectDocument, ids: Iterable<string>): LinkSummary {
  const wanted = new Set(ids);
  const links = doc.links.filter((l) => wanted.has(l.id));
  const types = new Map(doc.catalog.cableTypes.map((t, i) => [t.id as string, { t, i }]));
  // The racks' types by id once, not a search of the hall per link end.
  let rackType: Map<string, string> | undefined;
  const rackTypeOf = (id: string) => (rackType ??= new Map(doc.racks.map((r) => [r.id as string, r.typeId as string]))).get(id);
  let routedM = 0, unrouted = 0, chosenByHand = 0, tooShort = 0;
  const typeCounts = new Map<string | null, number>();
  const rateCounts = new Map<number, number>();
  for (const l of links) {
    if (l.routedLengthM === null) unrouted++; else routedM += l.routedLengthM;
    if (isTypeChosen(l)) chosenByHand++;
    const type = l.cableTypeId === null ? undefined : types.get(l.cableTypeId)?.t;
    if (type !== undefined && l.routedLengthM !== null && l.routedLengthM > type.maxReachM) tooShort++;
    typeCounts.set(l.cableTypeId, (typeCounts.get(l.cableTypeId) ?? 0) + 1);
    const gbps = linkGbps(doc, l, rackTypeOf);
    rateCounts.set(gbps, (rateCounts.get(gbps) ?? 0) + 1);
  }
  const rank = (id: string | null) => (id === null ? Infinity : types.get(id)?.i ?? types.size);
  const byType = [...typeCounts].sort(([a, na], [b, nb]) => nb - na || rank(a) - rank(b) || String(a).localeCompare(String(b)))
    .map(([id, count]) => ({ label: typeLabel(id, types.get(id ?? '')?.t), count }));
  const byRate = [...rateCounts].sort(([a], [b]) => b - a).map(([gbps, count]) => ({ label: rateLabel(gbps), count }));
  return { count: links.length, routedM, unrouted, byType, byRate, chosenByHand, tooShort };
}

function typeLabel(id: string | null, type: ProjectDocument['catalog']['cableTypes'][number] | undefined): string {
  if (id === null) return NOT_CHOSEN;
  return type === undefined ? `${id} (not in the catalog)` : type.name;
}

/** 800 Gb/s, 1.6 Tb/s: rates as the catalog's ports are named. */
export function rateLabel(gbps: number): string {
  return gbps >= 1000 ? `${gbps / 1000} Tb/s` : `${gbps} Gb/s`;
}

