// Every path that moves racks (drag, inspector position, rotate) ends here: the links touching what
// moved are routed again (document/relink.ts), the moved racks are assigned again to the row they
// now stand in (document/reassign.ts), both in the same undo step as the move, and the user is told
// which row they joined or what is missing, as placement does. Tray edits and deletes re-route too.
import type { ProjectDocument } from '../../engine/model/index';
import type { Operation } from '../document/operations';
import { reassignMoved, updateRacks } from '../document/reassign';
import { relinkChanged, updateLinks } from '../document/relink';
import { history } from '../editor/instance';
import { showHint } from '../editor/state';
import { applyOperation } from '../state/document';
import { notify } from '../state/session';
import { currentDoc } from './context';

/**
 * After a move from `before` to the current document: assign the moved racks again and say so.
 * Call it inside the gesture's mark, so the assignment is part of the move's undo step.
 */
export function reassignAfterMove(before: ProjectDocument, at: { clientX: number; clientY: number } | null): void {
  relinkAfterEdit(before);
  const doc = currentDoc();
  if (doc === null || doc === before) return;
  const { racks, missing } = reassignMoved(before, doc);
  if (racks.length === 0) return;
  applyOperation(updateRacks, { racks });
  const subject = racks.length === 1 ? racks[0]!.name : `${racks.length} racks`;
  const rows = [...new Set(racks.map((r) => r.rowId))].filter((id) => id !== null).map((id) => doc.rows.find((r) => r.id === id)?.name ?? id);
  const what = rows.length === 0 ? `${subject} no longer in a row`
    : `${subject} now in ${rows.join(', ')}${racks.some((r) => r.rowId === null) ? ', some in no row' : ''}`;
  if (missing.length > 0) {
    notify({ tone: 'info', title: what, detail: 'Not connected: the power or cooling model does not count these racks fully.', items: missing });
  } else {
    // A few ids to name: look them up rather than map a gigawatt hall's thousands of units.
    const name = (id: string) => doc.power.find((p) => p.id === id)?.name ?? doc.cooling.find((u) => u.id === id)?.name ?? id;
    const list = (ids: (string | null)[]) => [...new Set(ids.filter((i): i is string => i !== null))].map(name).join(', ');
    const cdus = list(racks.map((r) => r.cduId));
    notify({ tone: 'success', title: what, detail: `Fed by ${list(racks.map((r) => r.feedA))} and ${list(racks.map((r) => r.feedB))}${cdus === '' ? '' : `, cooled by ${cdus}`}` });
  }
  // Beside the cursor only for a drag; the inspector's fields have their own place on screen.
  if (at !== null) showHint(missing.length > 0 ? `${what} · ${missing.join('; ')}` : what, 'info', at);
}

/**
 * After an edit from `before` to the current document: route again the links touching what moved
 * (all of them when the trays changed). Call it inside the edit's mark, so it is the same undo step.
 * A link whose cable no longer reaches (a type chosen by hand is kept) is named; the engine's violation stays.
 */
export function relinkAfterEdit(before: ProjectDocument): void {
  const doc = currentDoc();
  if (doc === null || doc === before) return;
  const { links, tooShort } = relinkChanged(before, doc);
  if (links.length === 0) return;
  applyOperation(updateLinks, { links });
  if (tooShort.length === 0) return;
  const types = new Map(doc.catalog.cableTypes.map((t) => [t.id as string, t]));
  const items = tooShort.slice(0, 5).map((l) => {
    const t = types.get(l.cableTypeId ?? '');
    return `${l.id}: ${l.routedLengthM} m, ${t?.name ?? l.cableTypeId} reaches ${t?.maxReachM ?? '?'} m`;
  });
  if (tooShort.length > items.length) items.push(`and ${tooShort.length - items.length} more`);
  notify({
    tone: 'error', title: tooShort.length === 1 ? 'A link is longer than its cable reaches' : `${tooShort.length} links are longer than their cables reach`,
    detail: 'A cable type chosen by hand is kept: pick a longer one in the inspector, or Automatic. Where no cable of the speed reaches, the longest is named.', items,
  });
}

/** Run an edit (delete, a new tray) and the re-routing of links it causes as one undo step. */
export function applyEdit<A>(op: Operation<A>, args: A): boolean {
  const before = currentDoc();
  if (before === null) return false;
  const mark = history.mark(op.name);
  const changed = applyOperation(op, args);
  if (changed) relinkAfterEdit(before);
  history.squashToMark(mark, op.name);
  return changed;
}

/** Run a move (inspector position, rotate) and the reassignment it causes as one undo step. */
export function applyMove<A>(op: Operation<A>, args: A): boolean {
  const before = currentDoc();
  if (before === null) return false;
  const mark = history.mark('move');
  const changed = applyOperation(op, args);
  if (changed) reassignAfterMove(before, null);
  history.squashToMark(mark, op.name);
  return changed;
}
