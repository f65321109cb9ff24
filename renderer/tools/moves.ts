// Every path that moves racks (drag, inspector position, rotate) ends here: the moved racks are
// assigned again to the row they now stand in (document/reassign.ts), in the same undo step as
// the move, and the user is told which row they joined or what is missing, as placement does.
import type { ProjectDocument } from '../../engine/model/index';
import type { Operation } from '../document/operations';
import { reassignMoved, updateRacks } from '../document/reassign';
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
