// The open project: the document (plain data, saved and diffed) and where it lives on disk.
// It changes only through `applyOperation` (a named, pure operation) or `loadDocument` (open,
// new, recover), so the editor's undo can hook one place: every change carries its name and the
// documents before and after.
import { create } from 'zustand';
import type { FileFingerprint } from '../../electron/contract/api';
import type { ProjectDocument } from '../../engine/model/index';
import type { Operation } from '../document/operations';

export interface DocumentChange {
  name: string;
  before: ProjectDocument;
  after: ProjectDocument;
}

export interface DocumentState {
  doc: ProjectDocument | null;
  /** File on disk, null for an untitled project (new from template, recovered untitled work). */
  path: string | null;
  fingerprint: FileFingerprint | null;
  /** Bumped on every change; `savedRevision` is its value when the file was last written or read. */
  revision: number;
  savedRevision: number;
}

type Listener = (change: DocumentChange) => void;
const listeners = new Set<Listener>();
const loadListeners = new Set<(doc: ProjectDocument) => void>();

export const useDocument = create<DocumentState>(() => ({
  doc: null, path: null, fingerprint: null, revision: 0, savedRevision: 0,
}));

export const isDirty = (s: DocumentState): boolean => s.revision !== s.savedRevision;

/** Replace the whole document (open, new, recover). `dirty` for a recovered copy not yet saved. */
export function loadDocument(doc: ProjectDocument, path: string | null, fingerprint: FileFingerprint | null, dirty = false): void {
  const revision = useDocument.getState().revision + 1;
  useDocument.setState({ doc, path, fingerprint, revision, savedRevision: dirty ? -1 : revision });
  for (const l of loadListeners) l(doc);
  if (performance.getEntriesByName('document-loaded').length === 0) performance.mark('document-loaded');
}

/** Run a named operation on the document; a no-op (same object back) records nothing. */
export function applyOperation<A>(op: Operation<A>, args: A): boolean {
  const { doc, revision } = useDocument.getState();
  if (doc === null) return false;
  const after = op.apply(doc, args);
  if (after === doc) return false;
  useDocument.setState({ doc: after, revision: revision + 1 });
  const change: DocumentChange = { name: op.name, before: doc, after };
  for (const l of listeners) l(change);
  return true;
}

/** Observe named changes (undo history, autosave). Returns the unsubscribe function. */
export function onDocumentChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Observe whole-document replacements (open, new, recover): the undo history starts over. */
export function onDocumentLoad(listener: (doc: ProjectDocument) => void): () => void {
  loadListeners.add(listener);
  return () => loadListeners.delete(listener);
}

export function markSaved(path: string, fingerprint: FileFingerprint, savedRevision: number): void {
  useDocument.setState({ path, fingerprint, savedRevision });
}

export function fileNameOf(path: string | null): string {
  if (path === null) return 'Untitled';
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
