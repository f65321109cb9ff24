// Undo and redo from diffs of the document, with marks at gesture start (tldraw's
// HistoryManager). Every named change the document store publishes becomes one entry; a gesture
// puts a mark first and, when it ends, squashes everything after the mark into one step (a drag
// is one undo), or bails back to the mark (Escape) leaving no trace. Repeated edits of the same
// fields by the same operation merge, as the three.js editor merges commands on one object.
// Loading a document clears the history. Engine results live in the session store and never
// pass through here. Each step also remembers the selection (session state, never in the diff):
// undo brings back the selection of when the step was made, redo selects what the step changed.
import type { ProjectDocument } from '../../engine/model/index';
import type { Operation } from '../document/operations';
import { applyOperation, onDocumentChange, onDocumentLoad, useDocument, type DocumentChange } from '../state/document';
import { select, useSession } from '../state/session';
import { applyDiff, composeDiffs, diffDocuments, touchedPaths, type DocumentDiff } from './diff';

/** `selection`: what was selected when the step was made (a gesture: when it started). */
interface Step { kind: 'step'; name: string; diff: DocumentDiff; touched: string; at: number; selection: readonly string[] }
interface Mark { kind: 'mark'; id: string; selection: readonly string[] }
type Entry = Step | Mark;

/** Edits of the same fields closer together than this merge into one undo step. */
export const MERGE_MS = 1000;

/** Replaces the document with one the history computed; never recorded itself. */
const restore: Operation<{ doc: ProjectDocument; name: string }> = {
  name: 'history.restore',
  apply: (_doc, { doc }) => doc,
};

const SELECTABLE = ['racks', 'cooling', 'power', 'trays', 'containment'] as const;

/**
 * The objects a step changed, as redo selects them: those it added when it added or removed any
 * (a paste selects the copies, a delete leaves nothing), else those it modified (a move, a
 * rename); null when it touched no object (a hall field), so the selection of the time stays.
 */
function changedObjects(diff: DocumentDiff): string[] | null {
  const added: string[] = [], modified: string[] = [];
  let removed = false;
  for (const s of SELECTABLE) {
    const d = diff.get(s);
    if (d === undefined || d.kind !== 'records') continue;
    for (const [id, [before, after]] of d.changes) {
      if (after === undefined) removed = true;
      else (before === undefined ? added : modified).push(id);
    }
  }
  if (added.length > 0 || removed) return added;
  return modified.length > 0 ? modified : null;
}

export class HistoryManager {
  private undos: Entry[] = [];
  private redos: Step[] = [];
  private applying = false;
  private markSeq = 0;
  private listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Start listening to the document store. Returns the teardown. */
  attach(): () => void {
    const offChange = onDocumentChange((c) => this.record(c));
    const offLoad = onDocumentLoad(() => this.clear());
    return () => { offChange(); offLoad(); };
  }

  /** Re-render hooks (undo/redo buttons) subscribe here. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  getVersion(): number { return this.version; }
  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  record(change: DocumentChange): void {
    if (this.applying) return;
    const diff = diffDocuments(change.before, change.after);
    if (diff.size === 0) return;
    const touched = touchedPaths(diff);
    const at = this.now();
    const top = this.undos[this.undos.length - 1];
    this.redos = [];
    if (top?.kind === 'step' && top.name === change.name && top.touched === touched && at - top.at < MERGE_MS) {
      top.diff = composeDiffs(top.diff, diff);
      top.at = at;
    } else {
      this.undos.push({ kind: 'step', name: change.name, diff, touched, at, selection: useSession.getState().selection });
    }
    this.changed();
  }

  /** Put a mark at the start of a gesture; squash or bail to it when the gesture ends. */
  mark(label = 'gesture'): string {
    const id = `${label}:${++this.markSeq}`;
    this.undos.push({ kind: 'mark', id, selection: useSession.getState().selection });
    return id;
  }

  private indexOfMark(id: string): number {
    for (let i = this.undos.length - 1; i >= 0; i--) {
      const e = this.undos[i]!;
      if (e.kind === 'mark' && e.id === id) return i;
    }
    return -1;
  }

  /** Fold every step after the mark into one step named `name` (a drag becomes one undo). */
  squashToMark(id: string, name: string): void {
    const i = this.indexOfMark(id);
    if (i < 0) return;
    const selection = (this.undos[i] as Mark).selection;
    const steps = this.undos.splice(i).filter((e): e is Step => e.kind === 'step');
    if (steps.length > 0) {
      const diff = steps.slice(1).reduce((acc, s) => composeDiffs(acc, s.diff), steps[0]!.diff);
      // A drag back to where it started leaves nothing to undo.
      if ([...diff.values()].some((d) => d.kind === 'value' || d.changes.size > 0 || d.order !== null)) {
        // Marked steps never merge with later edits: a gesture is its own step.
        this.undos.push({ kind: 'step', name, diff, touched: `gesture:${id}`, at: -Infinity, selection });
      }
    }
    this.changed();
  }

  /** Undo every step after the mark and forget them: a cancelled gesture leaves no trace. */
  bailToMark(id: string): void {
    const i = this.indexOfMark(id);
    if (i < 0) return;
    const entries = this.undos.splice(i);
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k]!;
      if (e.kind === 'step') this.apply(e.diff, 'backward', 'history.bail');
    }
    this.changed();
  }

  canUndo(): boolean { return this.undos.some((e) => e.kind === 'step'); }
  canRedo(): boolean { return this.redos.length > 0; }
  /** Name of the step Undo would revert, for menus and tooltips. */
  undoName(): string | null {
    for (let i = this.undos.length - 1; i >= 0; i--) { const e = this.undos[i]!; if (e.kind === 'step') return e.name; }
    return null;
  }
  redoName(): string | null { return this.redos[this.redos.length - 1]?.name ?? null; }

  undo(): boolean {
    // Marks left open by a gesture still in progress are dropped with the step before them.
    while (this.undos.length > 0 && this.undos[this.undos.length - 1]!.kind === 'mark') this.undos.pop();
    const step = this.undos.pop() as Step | undefined;
    if (step === undefined) return false;
    this.apply(step.diff, 'backward', 'history.undo');
    this.reselect(step.selection);
    this.redos.push({ ...step, at: -Infinity });
    this.changed();
    return true;
  }

  redo(): boolean {
    const step = this.redos.pop();
    if (step === undefined) return false;
    this.apply(step.diff, 'forward', 'history.redo');
    this.reselect(changedObjects(step.diff) ?? step.selection);
    this.undos.push(step);
    this.changed();
    return true;
  }

  clear(): void {
    this.undos = [];
    this.redos = [];
    this.changed();
  }

  /** Select `ids` that exist in the document now (a step may have removed some). */
  private reselect(ids: readonly string[]): void {
    const doc = useDocument.getState().doc;
    if (doc === null) return;
    const present = new Set<string>();
    for (const s of SELECTABLE) for (const r of doc[s]) present.add(r.id);
    select(ids.filter((id) => present.has(id)));
  }

  private apply(diff: DocumentDiff, direction: 'forward' | 'backward', name: string): void {
    const doc = useDocument.getState().doc;
    if (doc === null) return;
    this.applying = true;
    try {
      applyOperation(restore, { doc: applyDiff(doc, diff, direction), name });
    } finally {
      this.applying = false;
    }
  }
}
