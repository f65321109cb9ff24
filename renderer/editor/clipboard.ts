// Copy, paste and duplicate: the clipboard holds plain records (what the document holds), and a
// paste or duplicate puts copies with new ids at the first nearby spot where they collide with
// nothing: beside the originals along the row, then across the aisle.
import type { ProjectDocument } from '../../engine/model/index';
import type { NewRecord } from '../document/edits';
import { copiesOf, recordsOf } from './build';
import { collisionReason } from './collision';
import { objectBoxes } from './objects';
import { boundsOf } from './objects';

let clipboard: NewRecord[] = [];

export function copyToClipboard(doc: ProjectDocument, ids: readonly string[]): number {
  clipboard = recordsOf(doc, ids);
  // Also offer the records as JSON to other programs; refused writes (no focus) do not matter.
  void globalThis.navigator?.clipboard?.writeText(JSON.stringify(clipboard.map((r) => r.record))).catch(() => undefined);
  return clipboard.filter((r) => r.section !== 'links').length;
}

export function clipboardRecords(): readonly NewRecord[] { return clipboard; }

/** Copies of `records` at the first free offset, or the reason none was found. */
export function placeCopies(doc: ProjectDocument, records: readonly NewRecord[], tryInPlace = false): { records: NewRecord[] } | { reason: string } {
  if (records.length === 0) return { reason: 'nothing to paste' };
  const boxes = objectBoxes(doc);
  // Boxes of the copied records themselves: after a cut they are no longer in the document.
  const only = (section: NewRecord['section']) => records.filter((r) => r.section === section).map((r) => r.record);
  const mine = objectBoxes({ ...doc, racks: only('racks'), cooling: only('cooling'), power: only('power'), trays: only('trays'), containment: only('containment') } as ProjectDocument);
  const bounds = boundsOf(mine.map((b) => b.fp));
  if (bounds === null) return { reason: 'the copied objects are no longer in the hall' };
  const tile = doc.hall.tileM;
  const snapUp = (v: number) => Math.max(tile, Math.ceil(v / tile - 1e-6) * tile);
  const w = snapUp(bounds.maxX - bounds.minX), h = snapUp(bounds.maxY - bounds.minY);
  // A paste after a cut goes back where it was if the spot is still free.
  const offsets: [number, number][] = tryInPlace ? [[0, 0]] : [];
  for (let k = 1; k <= 12; k++) offsets.push([k * w, 0], [-k * w, 0], [0, k * h], [0, -k * h], [k * w, k * h]);
  let reason = 'no free spot nearby';
  for (const [dx, dy] of offsets) {
    const candidates = mine.filter((b) => b.blocking || b.section === 'containment').map((b) => ({
      fp: { minX: b.fp.minX + dx, maxX: b.fp.maxX + dx, minY: b.fp.minY + dy, maxY: b.fp.maxY + dy },
      label: `The copy of ${b.name}`, kind: b.section === 'containment' ? 'aisle' as const : 'floor' as const,
    }));
    const clash = collisionReason(doc, candidates, boxes);
    if (clash === null) return { records: copiesOf(doc, records, dx, dy) };
    reason = clash;
  }
  return { reason: `no free spot nearby (${reason})` };
}
