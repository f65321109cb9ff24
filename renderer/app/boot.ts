// Start-up and the wiring that lives for the whole session: the first document (a recovery copy
// when one is offered, else the sample hall), the window title, autosave to the recovery copy,
// native menu commands, files the desktop asks us to open, and keyboard shortcuts.
import { fileNameOf, isDirty, loadDocument, useDocument } from '../state/document';
import { notify, requestFit, useSession } from '../state/session';
import { handleShortcut, runAction, type ActionContext } from '../actions/registry';
import { newFromTemplate, openProject } from '../actions/file';

/** Quiet time after the last edit before the recovery copy is written. */
const AUTOSAVE_MS = 1500;

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
  off.push(useDocument.subscribe((s, prev) => {
    if (s.doc === prev.doc || s.doc === null || !isDirty(s)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = useDocument.getState();
      if (now.doc !== null && isDirty(now)) void api.writeRecovery(now.path, now.doc);
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
