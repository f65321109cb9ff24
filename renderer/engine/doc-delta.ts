// What travels to the engine worker after an edit: only what changed. Posting the whole document
// costs a structured clone of every record (a quarter of a second on a gigawatt hall, on the UI
// thread), and the clone arrives as all-new objects, so the engine's session, which finds the
// changed racks by identity, would see every rack changed and recompute from scratch. A delta
// keeps the worker's copy of every unchanged record, so a one-rack move stays a one-rack update.
import type { ProjectDocument } from '../../engine/model/index';

type Rack = ProjectDocument['racks'][number];

export interface DocDelta {
  /** Top-level fields whose value changed, whole (except racks, below). */
  fields: Partial<ProjectDocument>;
  /**
   * When the racks changed: the racks that are new or changed, and either every rack id in order
   * (racks added, removed or reordered) or, when the ids are the same in the same order, null
   * ids and each changed rack's position in `at` (an edit then sends its racks only).
   */
  racks: { ids: string[]; changed: Rack[] } | { ids: null; changed: Rack[]; at: number[] } | null;
}

/** The racks replaced in place, by position, or null when ids were added, removed or moved. */
function inPlace(before: readonly Rack[], after: readonly Rack[]): { changed: Rack[]; at: number[] } | null {
  if (before.length !== after.length) return null;
  const changed: Rack[] = [], at: number[] = [];
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!, b = after[i]!;
    if (a === b) continue;
    if (a.id !== b.id) return null;
    changed.push(b);
    at.push(i);
  }
  return { changed, at };
}

export function diffDocument(before: ProjectDocument, after: ProjectDocument): DocDelta {
  const fields: Partial<Record<keyof ProjectDocument, unknown>> = {};
  for (const key of Object.keys(after) as (keyof ProjectDocument)[]) {
    if (key !== 'racks' && before[key] !== after[key]) fields[key] = after[key];
  }
  let racks: DocDelta['racks'] = null;
  if (before.racks !== after.racks) {
    if (!Array.isArray(before.racks) || !Array.isArray(after.racks)) {
      fields.racks = after.racks;
    } else {
      const same = inPlace(before.racks, after.racks);
      if (same !== null) {
        racks = { ids: null, ...same };
      } else {
        const old = new Map(before.racks.map((r) => [r.id as string, r]));
        racks = { ids: after.racks.map((r) => r.id), changed: after.racks.filter((r) => old.get(r.id) !== r) };
      }
    }
  }
  return { fields: fields as Partial<ProjectDocument>, racks };
}

/** The document the delta describes, sharing every unchanged record with `before`. */
export function applyDelta(before: ProjectDocument, delta: DocDelta): ProjectDocument {
  const doc = { ...before, ...delta.fields };
  if (delta.racks !== null && delta.racks.ids === null) {
    const racks = before.racks.slice();
    const { changed, at } = delta.racks;
    changed.forEach((r, k) => {
      const i = at[k]!;
      if (racks[i]?.id !== r.id) throw new Error(`The engine's copy of the document has no rack ${r.id} at ${i}.`);
      racks[i] = r;
    });
    doc.racks = racks;
  } else if (delta.racks !== null) {
    const byId = new Map(before.racks.map((r) => [r.id as string, r]));
    for (const r of delta.racks.changed) byId.set(r.id, r);
    doc.racks = delta.racks.ids.map((id) => {
      const r = byId.get(id);
      if (r === undefined) throw new Error(`The engine's copy of the document has no rack ${id}.`);
      return r;
    });
  }
  return doc;
}
