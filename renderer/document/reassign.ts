// Racks that moved find their row again (document/assign.ts), so the power model loads the busways
// over where they stand and the cooling model sends their liquid heat to that row's CDU. Only the
// racks that stood still are anchors: a moved rack never finds its old row through itself or the
// racks that travelled with it. The inspector's own choice of row, feeds or CDU is set here too.
import type { ProjectDocument, Rack, RowId } from '../../engine/model/index';
import type { Operation } from './operations';
import { RowIndex } from './assign';
import { eachReplaced } from './replaced';

export interface Reassignment {
  /** The moved racks whose row, feeds or CDU changed, as they are now. */
  racks: Rack[];
  /** What could not be found for them, in words for the UI (as placement says it). */
  missing: string[];
}

const samePlace = (a: Rack, b: Rack) => a.position.x === b.position.x && a.position.y === b.position.y;

/** Racks of `after` standing elsewhere than in `before`, and where they stood. */
function movedRacks(before: readonly Rack[], after: readonly Rack[]): { moved: Rack[]; from: Map<string, { x: number; y: number }> } {
  const moved: Rack[] = [];
  const from = new Map<string, { x: number; y: number }>();
  eachReplaced(before, after, (o, r) => {
    if (o !== undefined && !samePlace(o, r)) { moved.push(r); from.set(r.id, o.position); }
  });
  return { moved, from };
}

/**
 * The racks of `after` that stand elsewhere than in `before`, assigned again. Rules:
 * - a whole row moved together (none of its racks stayed) keeps its row, feeds and CDU, wherever
 *   it goes: the row is the thing that moved;
 * - a rack keeps its row, feeds and CDU unless the move changed which row it stands by (or put it
 *   by the row it already names): a nudge never overwrites a row, feeds or CDU chosen by hand;
 * - otherwise it takes the nearest standing row, its busways and CDU, or none, and says so.
 */
export function reassignMoved(before: ProjectDocument, after: ProjectDocument): Reassignment {
  if (before.racks === after.racks) return { racks: [], missing: [] };
  const { moved, from } = movedRacks(before.racks, after.racks);
  if (moved.length === 0) return { racks: [], missing: [] };
  const movedIds = new Set(moved.map((r) => r.id as string));
  // Only the racks that stood still anchor rows: the moved ones are left out of the index.
  const index = new RowIndex(after, movedIds);
  const liquid = new Map(after.catalog.rackTypes.map((t) => [t.id as string, t.liquidFraction > 0]));
  const racks: Rack[] = [];
  const missing = new Set<string>();
  for (const r of moved) {
    if (r.rowId !== null && !index.hasRacks(r.rowId)) continue;
    const row = index.nearestRow(r.position);
    if (row === r.rowId || row === index.nearestRow(from.get(r.id)!)) continue;
    const a = index.assign(r.position, liquid.get(r.typeId) ?? false, row);
    a.missing.forEach((m) => missing.add(m));
    racks.push({ ...r, rowId: a.rowId, feedA: a.feedA, feedB: a.feedB, cduId: a.cduId });
  }
  return { racks, missing: [...missing] };
}

/** Replace rack records by id (the reassigned racks); the same document when none differs. */
export const updateRacks: Operation<{ racks: readonly Rack[] }> = {
  name: 'rack.reassign',
  apply(doc, { racks }) {
    // Most moves reassign nothing: no copy of a 10,000-rack array to find that out.
    if (racks.length === 0) return doc;
    const byId = new Map(racks.map((r) => [r.id as string, r]));
    let next: Rack[] | null = null;
    doc.racks.forEach((r, i) => {
      const n = byId.get(r.id);
      if (n !== undefined && n !== r) { next ??= doc.racks.slice(); next[i] = n; }
    });
    return next === null ? doc : { ...doc, racks: next };
  },
};

/** The user puts racks in a row (or none): feeds and CDU follow from that row's busways and CDUs. */
export const setRackRow: Operation<{ ids: readonly string[]; rowId: RowId | null }> = {
  name: 'rack.setRow',
  apply(doc, { ids, rowId }) {
    const wanted = new Set(ids);
    // The racks' own feeds must not vote for the row's busways: they are what is being replaced.
    const others = new RowIndex(doc, wanted);
    const liquid = new Map(doc.catalog.rackTypes.map((t) => [t.id as string, t.liquidFraction > 0]));
    const racks = doc.racks.filter((r) => wanted.has(r.id) && r.rowId !== rowId).map((r) => {
      const a = others.assign(r.position, liquid.get(r.typeId) ?? false, rowId);
      return { ...r, rowId, feedA: a.feedA, feedB: a.feedB, cduId: a.cduId };
    });
    return updateRacks.apply(doc, { racks });
  },
};

/** The user picks a rack's A or B busway or its CDU by hand (null: none). */
export const setRackConnection: Operation<{ ids: readonly string[]; field: 'feedA' | 'feedB' | 'cduId'; value: string | null }> = {
  name: 'rack.setConnection',
  apply(doc, { ids, field, value }) {
    const wanted = new Set(ids);
    const racks = doc.racks.filter((r) => wanted.has(r.id) && r[field] !== value).map((r) => ({ ...r, [field]: value }) as Rack);
    return updateRacks.apply(doc, { racks });
  },
};
