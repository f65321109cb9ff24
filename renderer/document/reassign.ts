// Racks that moved find their row again (document/assign.ts), so the power model loads the busways
// over where they stand and the cooling model sends their liquid heat to that row's CDU. Only the
// racks that stood still are anchors: a moved rack never finds its old row through itself or the
// racks that travelled with it.
import type { ProjectDocument, Rack } from '../../engine/model/index';
import type { Operation } from './operations';
import { assignRack } from './assign';

export interface Reassignment {
  /** The moved racks whose row, feeds or CDU changed, as they are now. */
  racks: Rack[];
  /** What could not be found for them, in words for the UI (as placement says it). */
  missing: string[];
}

const samePlace = (a: Rack, b: Rack) => a.position.x === b.position.x && a.position.y === b.position.y;

/**
 * The racks of `after` that stand elsewhere than in `before`, assigned again. Rules:
 * - a rack keeps its row, feeds and CDU while the nearest standing row is still its own: a nudge
 *   within the row never overwrites feeds chosen by hand or by the generator's busway segments;
 * - a whole row moved together (none of its racks stayed) keeps its row, feeds and CDU, wherever
 *   it goes: the row is the thing that moved;
 * - otherwise it takes the nearest standing row, its busways and CDU, or none, and says so.
 */
export function reassignMoved(before: ProjectDocument, after: ProjectDocument): Reassignment {
  if (before.racks === after.racks) return { racks: [], missing: [] };
  const old = new Map(before.racks.map((r) => [r.id as string, r]));
  const moved = after.racks.filter((r) => { const o = old.get(r.id); return o !== undefined && !samePlace(o, r); });
  if (moved.length === 0) return { racks: [], missing: [] };
  const movedIds = new Set(moved.map((r) => r.id as string));
  const standing = after.racks.filter((r) => !movedIds.has(r.id));
  const standingRows = new Set(standing.map((r) => r.rowId));
  const anchors: ProjectDocument = { ...after, racks: standing };
  const liquid = new Map(after.catalog.rackTypes.map((t) => [t.id as string, t.liquidFraction > 0]));
  const racks: Rack[] = [];
  const missing = new Set<string>();
  for (const r of moved) {
    if (r.rowId !== null && !standingRows.has(r.rowId)) continue;
    const a = assignRack(anchors, r.position, liquid.get(r.typeId) ?? false);
    if (a.rowId === r.rowId) continue;
    a.missing.forEach((m) => missing.add(m));
    racks.push({ ...r, rowId: a.rowId, feedA: a.feedA, feedB: a.feedB, cduId: a.cduId });
  }
  return { racks, missing: [...missing] };
}

/** Replace rack records by id (the reassigned racks); the same document when none differs. */
export const updateRacks: Operation<{ racks: readonly Rack[] }> = {
  name: 'rack.reassign',
  apply(doc, { racks }) {
    const byId = new Map(racks.map((r) => [r.id as string, r]));
    let changed = false;
    const next = doc.racks.map((r) => {
      const n = byId.get(r.id);
      if (n === undefined || n === r) return r;
      changed = true;
      return n;
    });
    return changed ? { ...doc, racks: next } : doc;
  },
};
