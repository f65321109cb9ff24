// Every path that moves racks (drag, inspector position, rotate) ends here: the links touching what
// moved are routed again (document/relink.ts), the moved racks are assigned again to the row they
// now stand in (document/reassign.ts), both in the same write and undo step as the move (the engine
// computes once), and the user is told which row they joined or what is missing, as placement
// does. Tray edits and deletes re-route too.
import type { Link, ProjectDocument } from '../../engine/model/index';
import type { Operation } from '../document/operations';
import { reassignMoved, updateRacks, type Reassignment } from '../document/reassign';
import { relinkChanged, updateLinks, type Relinked } from '../document/relink';
import { history } from '../editor/instance';
import { showHint } from '../editor/state';
import { applyOperation } from '../state/document';
import { notify } from '../state/session';
import { currentDoc } from './context';

/** The links and racks an edit from `before` to `after` routes and assigns again, and the document with them. */
interface Followed { doc: ProjectDocument; relinked: Relinked; reassigned: Reassignment }

/**
 * Pure: what a move or an edit brings along (re-routed links, reassigned racks), folded into one
 * document so the store is written once: one engine run and one history entry, not one per part.
 */
function follow(before: ProjectDocument, after: ProjectDocument, reassign: boolean): Followed {
  const relinked = relinkChanged(before, after);
  const reassigned = reassign ? reassignMoved(before, after) : { racks: [], missing: [] };
  const doc = updateRacks.apply(updateLinks.apply(after, { links: relinked.links }), { racks: reassigned.racks });
  return { doc, relinked, reassigned };
}

/** Writes `doc` (already computed) under the edit's name; nothing when it is the current document. */
const write = (name: string, doc: ProjectDocument): boolean => applyOperation({ name, apply: () => doc }, null);

/**
 * After a move from `before` to the current document (a drag's drop): route the links again and
 * assign the moved racks again in one write, and say so. Call it inside the gesture's mark, so it
 * is part of the move's undo step.
 */
export function reassignAfterMove(before: ProjectDocument, at: { clientX: number; clientY: number } | null): void {
  const doc = currentDoc();
  if (doc === null || doc === before) return;
  const followed = follow(before, doc, true);
  write('rack.reassign', followed.doc);
  tell(followed, at);
}

/** The notices for what followed an edit: links past their cable's reach, then the racks' new row. */
function tell({ doc, relinked, reassigned }: Followed, at: { clientX: number; clientY: number } | null): void {
  tellTooShort(doc, relinked.tooShort);
  const { racks, missing } = reassigned;
  if (racks.length === 0) return;
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
 * A link whose cable no longer reaches (a type chosen by hand is kept) is named; the engine's
 * violation stays.
 */
function tellTooShort(doc: ProjectDocument, tooShort: readonly Link[]): void {
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

/**
 * Run `op` and what follows from it as one write and one undo step named after it: the links it
 * moves routed again, and with `reassign` the racks it moves assigned again.
 */
function applyFollowed<A>(op: Operation<A>, args: A, reassign: boolean): boolean {
  const before = currentDoc();
  if (before === null) return false;
  const after = op.apply(before, args);
  if (after === before) return false;
  const followed = follow(before, after, reassign);
  // A mark around the one write keeps the step a gesture of its own: it never merges with the next edit.
  const mark = history.mark(reassign ? 'move' : op.name);
  write(op.name, followed.doc);
  tell(followed, null);
  history.squashToMark(mark, op.name);
  return true;
}

/** Run an edit (delete, a new tray) and the re-routing of links it causes as one write and one undo step. */
export function applyEdit<A>(op: Operation<A>, args: A): boolean {
  return applyFollowed(op, args, false);
}

/** Run a move (inspector position, rotate) and the reassignment it causes as one write and one undo step. */
export function applyMove<A>(op: Operation<A>, args: A): boolean {
  return applyFollowed(op, args, true);
}
