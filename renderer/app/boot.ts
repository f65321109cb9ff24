// Start-up and the wiring that lives for the whole session: the first document (a recovery copy
// when one is offered, else the sample hall), the window title, autosave to the recovery copy,
// native menu commands, files the desktop asks us to open, and keyboard shortcuts.
import { fileNameOf, isDirty, loadDocument, useDocument } from '../state/document';
import { notify, requestFit, useSession } from '../state/session';
import { handleShortcut, runAction, type ActionContext } from '../actions/registry';
import { newFromTemplate, openProject } from '../actions/file';
import type { ProjectDocument } from '../../engine/model/index';
import { connectedEngine } from '../engine/client';
import { encodeDocument, gzip } from '../engine/document-bytes';

/** Quiet time after the last edit before the recovery copy is written. */
const AUTOSAVE_MS = 1500;
/** The worker may be busy with a huge hall's fabric for seconds; past this it is stuck, and the
 *  UI thread encodes the document itself rather than leave the work without a recovery copy. */
const WORKER_BYTES_TIMEOUT_MS = 30_000;

/**
 * The document as gzipped UTF-8 JSON. The engine worker holds the same document and makes the
 * bytes off the UI thread (stringifying a gigawatt hall here stalled the UI for about a second);
 * only when no worker holds it (the engine starts after the first frame) or it does not answer,
 * here. Gzipped, the gigawatt hall is 0.3 MB instead of 5.7 to copy through IPC or fetch.
 */
async function documentBytes(doc: ProjectDocument): Promise<Uint8Array> {
  const engine = connectedEngine();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), WORKER_BYTES_TIMEOUT_MS); });
  const bytes = engine === null ? null : await Promise.race([engine.serialize(doc), late]);
  clearTimeout(timer);
  if (bytes !== null) return bytes;
  // Rare, and costly on a huge hall: marked so that tests and benchmarks can see it happened.
  performance.mark('autosave-encoded-on-ui-thread');
  return gzip([encodeDocument(doc)]);
}

/** Writes the recovery copy of the document on screen, if it has unsaved changes. */
async function autosave(api: ActionContext['api']): Promise<void> {
  const s = useDocument.getState();
  if (s.doc === null || !isDirty(s)) return;
  const bytes = await documentBytes(s.doc);
  // Saved, or another document opened, while the bytes were made: this copy is not wanted. Edits
  // made meanwhile do not stop it (it is still newer than the copy on disk, and theirs follows),
  // so a user who keeps editing while a huge hall computes still gets copies.
  const now = useDocument.getState();
  if (!isDirty(now) || now.savedRevision !== s.savedRevision || now.path !== s.path) return;
  await api.writeRecovery(s.path, bytes);
}

export async function loadFirstDocument(ctx: ActionContext): Promise<void> {
  const recovery = await ctx.api.takeRecovery();
  if (recovery === null) {
    await newFromTemplate(ctx.api);
    return;
  }
  loadDocument(recovery.document, recovery.path, null, true);
  requestFit();
  const when = new Date(recovery.savedAt);
  notify({
    tone: 'info',
    title: 'Recovered unsaved work',
    detail: `${fileNameOf(recovery.path)} as it was at ${Number.isNaN(when.getTime()) ? recovery.savedAt : when.toLocaleString()}. Save it to keep it.`,
    actions: [{ label: 'Discard and start from the sample hall', run: () => void ctx.api.discardRecovery().then(() => newFromTemplate(ctx.api)) }],
  });
}

/** Everything that follows the document for the rest of the session. Returns the teardown. */
export function wireSession(ctx: ActionContext): () => void {
  const { api } = ctx;
  const off: (() => void)[] = [];

  let lastTitle = '';
  const title = () => {
    const s = useDocument.getState();
    if (s.doc === null) return;
    const text = `${fileNameOf(s.path)} — ${s.doc.hall.name}`;
    const key = `${text}|${isDirty(s)}`;
    if (key === lastTitle) return;
    lastTitle = key;
    void api.setTitle(text, isDirty(s));
  };
  off.push(useDocument.subscribe(title));

  let timer: ReturnType<typeof setTimeout> | undefined;
  // One autosave at a time, in order, so an older copy never lands over a newer one.
  let saving = Promise.resolve();
  off.push(useDocument.subscribe((s, prev) => {
    if (s.doc === prev.doc || s.doc === null || !isDirty(s)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      saving = saving.then(() => autosave(api)).catch((e: unknown) => {
        // The next edit tries again; a notice every 1.5 s would only get in the way.
        console.warn('Autosave to the recovery copy failed:', e);
      });
    }, AUTOSAVE_MS);
  }));
  off.push(() => clearTimeout(timer));

  off.push(api.onMenuCommand((command) => void runAction(command, ctx)));
  off.push(api.onOpenFile((path) => void openProject(ctx, path)));

  const onKey = (e: KeyboardEvent) => { handleShortcut(e, ctx); };
  window.addEventListener('keydown', onKey);
  off.push(() => window.removeEventListener('keydown', onKey));

  void api.appVersion().then((v) => useSession.setState({ appVersion: v }), () => undefined);
  return () => off.forEach((f) => f());
}
