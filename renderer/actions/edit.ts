// Edit actions: undo, redo, cut, copy, paste, duplicate, delete, select all, rotate, cancel. The
// native menu (MENU_COMMANDS), the keyboard and the tool strip all run these same actions.
import type { ProjectDocument } from '../../engine/model/index';
import { useDocument } from '../state/document';
import { notify, select, useSession } from '../state/session';
import { deleteObjects, insertRecords, named, rotateObjects } from '../document/edits';
import { history } from '../editor/instance';
import { clipboardRecords, copyToClipboard, placeCopies } from '../editor/clipboard';
import { boundsOf, objectBoxes } from '../editor/objects';
import { clearHint, showHint } from '../editor/state';
import { cancel, complete, rotateInGesture, toolWantsEscape } from '../tools/manager';
import { applyEdit, applyMove } from '../tools/moves';
import { useEditor } from '../editor/state';
import { mod, register } from './registry';

const paste = named(insertRecords, 'object.paste');
const duplicate = named(insertRecords, 'object.duplicate');
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

function present(doc: ProjectDocument): string[] {
  const ids = new Set(objectBoxes(doc).map((b) => b.id));
  return useSession.getState().selection.filter((id) => ids.has(id));
}
const hasSelection = () => { const doc = useDocument.getState().doc; return doc !== null && present(doc).length > 0; };
/** Selected links (a cable clicked in the viewport): Delete removes them with the objects. */
function selectedLinks(doc: ProjectDocument): string[] {
  const selected = new Set(useSession.getState().selection);
  return doc.links.filter((l) => selected.has(l.id)).map((l) => l.id);
}
const hasLinkSelection = () => { const doc = useDocument.getState().doc; return doc !== null && selectedLinks(doc).length > 0; };
const idle = () => !useEditor.getState().busy;

function insertCopies(op: typeof paste, source: Parameters<typeof placeCopies>[1], verb: string, tryInPlace = false): void {
  const doc = useDocument.getState().doc;
  if (doc === null) return;
  const placed = placeCopies(doc, source, tryInPlace);
  if ('reason' in placed) { notify({ tone: 'error', title: `Cannot ${verb}`, detail: placed.reason }); showHint(`Can't ${verb}: ${placed.reason}`, 'error', null); return; }
  // Copies of links are routed again where the copies stand; a copied tray re-routes every link.
  applyEdit(op, { records: placed.records });
  select(placed.records.filter((r) => r.section !== 'links').map((r) => r.record.id));
}

register({
  id: 'edit.undo', label: 'Undo', shortcut: 'Ctrl+Z',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  enabled: () => idle() && history.canUndo(),
  perform: () => { history.undo(); clearHint(); },
});
register({
  id: 'edit.redo', label: 'Redo', shortcut: 'Ctrl+Shift+Z / Ctrl+Y',
  keyTest: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || (!e.shiftKey && e.key.toLowerCase() === 'y')),
  enabled: () => idle() && history.canRedo(),
  perform: () => { history.redo(); clearHint(); },
});
register({
  id: 'edit.copy', label: 'Copy', shortcut: 'Ctrl+C', enabled: hasSelection,
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'c',
  perform: () => { const doc = useDocument.getState().doc; if (doc !== null) copyToClipboard(doc, present(doc)); },
});
register({
  id: 'edit.cut', label: 'Cut', shortcut: 'Ctrl+X', enabled: () => idle() && hasSelection(),
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'x',
  perform: () => {
    const doc = useDocument.getState().doc;
    if (doc === null) return;
    const ids = present(doc);
    copyToClipboard(doc, ids);
    applyEdit(named(deleteObjects, 'object.cut'), { ids });
    select([]);
  },
});
register({
  id: 'edit.paste', label: 'Paste', shortcut: 'Ctrl+V', enabled: () => idle() && clipboardRecords().length > 0,
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'v',
  perform: () => insertCopies(paste, clipboardRecords(), 'paste', true),
});
register({
  id: 'edit.duplicate', label: 'Duplicate', shortcut: 'Ctrl+D', enabled: () => idle() && hasSelection(),
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'd',
  perform: () => {
    const doc = useDocument.getState().doc;
    if (doc === null) return;
    const ids = new Set(present(doc));
    const source = (['racks', 'cooling', 'power', 'trays', 'containment'] as const).flatMap((section) =>
      (doc[section] as readonly { id: string }[]).filter((r) => ids.has(r.id)).map((record) => ({ section, record: record as never })));
    insertCopies(duplicate, source, 'duplicate');
  },
});
register({
  id: 'edit.delete', label: 'Delete', shortcut: 'Delete', enabled: () => idle() && (hasSelection() || hasLinkSelection()),
  keyTest: (e) => plain(e) && (e.key === 'Delete' || e.key === 'Backspace'),
  perform: () => {
    const doc = useDocument.getState().doc;
    if (doc === null) return;
    // Links to a deleted object go with it (deleteObjects); a deleted tray re-routes the links left.
    applyEdit(deleteObjects, { ids: [...present(doc), ...selectedLinks(doc)] });
    select([]);
  },
});
register({
  id: 'edit.selectAll', label: 'Select all', shortcut: 'Ctrl+A',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'a',
  enabled: () => useDocument.getState().doc !== null,
  perform: () => { const doc = useDocument.getState().doc; if (doc !== null) select(objectBoxes(doc).map((b) => b.id)); },
});
register({
  id: 'edit.rotate', label: 'Rotate 90°', shortcut: 'R',
  keyTest: (e) => plain(e) && e.key.toLowerCase() === 'r',
  perform: () => {
    if (rotateInGesture()) return;
    const doc = useDocument.getState().doc;
    if (doc === null) return;
    const ids = new Set(present(doc));
    const b = boundsOf(objectBoxes(doc).filter((o) => ids.has(o.id)).map((o) => o.fp));
    if (b === null) return;
    applyMove(rotateObjects, { ids: [...ids], quarterTurns: 1, centre: { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 } });
  },
});
// Escape belongs to the tool first (cancel the gesture, leave a drawing tool); registered before
// view.ts's "clear selection", which takes Escape when no tool wants it.
register({
  id: 'edit.cancel', label: 'Cancel', shortcut: 'Esc',
  keyTest: (e) => e.key === 'Escape',
  enabled: toolWantsEscape,
  perform: () => { cancel(); clearHint(); },
});
register({
  id: 'edit.complete', label: 'Finish drawing', shortcut: 'Enter',
  keyTest: (e) => e.key === 'Enter',
  enabled: () => useEditor.getState().busy,
  perform: () => complete(),
});
