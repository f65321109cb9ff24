// Record-level diffs of the project document (tldraw's RecordsDiff): for each top-level section
// that changed, either the records added, removed or updated by id (with the id order when it
// changed), or the whole value before and after. Applying a diff replaces only the records it
// names, so an undone rack move keeps every other record, array and the catalog identical and
// the engine stays on its incremental path.
import type { ProjectDocument } from '../../engine/model/index';

type Section = keyof ProjectDocument;
interface WithId { id: string }

export interface RecordsDiff {
  kind: 'records';
  /** id -> [before, after]; undefined on one side for an added or removed record. */
  changes: Map<string, [WithId | undefined, WithId | undefined]>;
  /** Id order before and after, kept only when records were added, removed or reordered. */
  order: [string[], string[]] | null;
}
export interface ValueDiff { kind: 'value'; before: unknown; after: unknown }
export type DocumentDiff = Map<Section, RecordsDiff | ValueDiff>;

const isRecord = (r: unknown): r is WithId => typeof r === 'object' && r !== null && typeof (r as WithId).id === 'string';
// The schema makes every top-level array all records or none: the first element decides (a scan
// of 10,000 racks per edit showed in the gigawatt hall's profile).
const isRecordArray = (v: unknown): v is WithId[] => Array.isArray(v) && (v.length === 0 || isRecord(v[0]));

/** Changes of records replaced in place (same ids, same order), or null when ids moved. */
function inPlace(before: WithId[], after: WithId[]): RecordsDiff['changes'] | null {
  if (before.length !== after.length) return null;
  const changes: RecordsDiff['changes'] = new Map();
  for (let i = 0; i < after.length; i++) {
    const a = before[i]!, b = after[i]!;
    if (a === b) continue;
    if (a.id !== b.id) return null;
    changes.set(b.id, [a, b]);
  }
  return changes;
}

function diffRecords(before: WithId[], after: WithId[]): RecordsDiff {
  // An edit usually replaces records where they stand: one pass by position, no id maps.
  const same = inPlace(before, after);
  if (same !== null) return { kind: 'records', changes: same, order: null };
  const changes: RecordsDiff['changes'] = new Map();
  const old = new Map(before.map((r) => [r.id, r]));
  for (const r of after) {
    const prev = old.get(r.id);
    if (prev !== r) changes.set(r.id, [prev, r]);
  }
  const now = new Set(after.map((r) => r.id));
  for (const r of before) if (!now.has(r.id)) changes.set(r.id, [r, undefined]);
  const sameOrder = before.length === after.length && before.every((r, i) => r.id === after[i]!.id);
  return { kind: 'records', changes, order: sameOrder ? null : [before.map((r) => r.id), after.map((r) => r.id)] };
}

/** What changed from `before` to `after`, by identity: untouched sections cost nothing. */
export function diffDocuments(before: ProjectDocument, after: ProjectDocument): DocumentDiff {
  const out: DocumentDiff = new Map();
  for (const key of Object.keys(after) as Section[]) {
    const a = before[key], b = after[key];
    if (a === b) continue;
    out.set(key, isRecordArray(a) && isRecordArray(b) ? diffRecords(a, b) : { kind: 'value', before: a, after: b });
  }
  return out;
}

/** One diff after another as a single diff (a drag's many moves become one undo step). */
export function composeDiffs(first: DocumentDiff, second: DocumentDiff): DocumentDiff {
  const out: DocumentDiff = new Map(first);
  for (const [key, d2] of second) {
    const d1 = out.get(key);
    if (d1 === undefined) { out.set(key, d2); continue; }
    if (d1.kind === 'value' || d2.kind === 'value') {
      out.set(key, { kind: 'value', before: d1.kind === 'value' ? d1.before : undefined, after: d2.kind === 'value' ? d2.after : undefined });
      continue;
    }
    const changes: RecordsDiff['changes'] = new Map(d1.changes);
    for (const [id, [, after]] of d2.changes) {
      const prev = changes.get(id);
      changes.set(id, [prev === undefined ? d2.changes.get(id)![0] : prev[0], after]);
    }
    for (const [id, [b, a]] of changes) if (b === a) changes.delete(id);
    const order: RecordsDiff['order'] = d1.order === null && d2.order === null ? null
      : [d1.order?.[0] ?? d2.order![0], d2.order?.[1] ?? d1.order![1]];
    out.set(key, { kind: 'records', changes, order: order !== null && order[0].join('\n') === order[1].join('\n') ? null : order });
  }
  return out;
}

/** Apply a diff forwards (redo) or backwards (undo) to the current document. */
export function applyDiff(doc: ProjectDocument, diff: DocumentDiff, direction: 'forward' | 'backward'): ProjectDocument {
  const side = direction === 'forward' ? 1 : 0;
  const next: Record<string, unknown> = { ...doc };
  for (const [key, d] of diff) {
    if (d.kind === 'value') { next[key] = side === 1 ? d.after : d.before; continue; }
    const current = doc[key] as unknown as WithId[];
    if (d.order === null) {
      next[key] = current.map((r) => (d.changes.has(r.id) ? d.changes.get(r.id)![side] : r)).filter((r) => r !== undefined);
    } else {
      const byId = new Map(current.map((r) => [r.id, r]));
      next[key] = d.order[side].map((id) => (d.changes.has(id) ? d.changes.get(id)![side] : byId.get(id))).filter((r) => r !== undefined);
    }
  }
  return next as unknown as ProjectDocument;
}

/** What a diff touches, e.g. "hall.supplyAirC" or "racks/r01-03.position": repeated edits of the same thing merge. */
export function touchedPaths(diff: DocumentDiff): string {
  const paths: string[] = [];
  const fields = (a: unknown, b: unknown): string[] => {
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return ['*'];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].filter((k) => (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]);
  };
  for (const [key, d] of diff) {
    if (d.kind === 'value') paths.push(...fields(d.before, d.after).map((f) => `${key}.${f}`));
    else {
      if (d.order !== null) paths.push(`${key}#order`);
      for (const [id, [b, a]] of d.changes) paths.push(...fields(b, a).map((f) => `${key}/${id}.${f}`));
    }
  }
  return paths.sort().join(' ');
}
