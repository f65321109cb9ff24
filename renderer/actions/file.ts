// File actions: new from template, open, save, save as. What a desktop user expects: unsaved
// work is never dropped without asking, a file changed on disk is never silently overwritten,
// and a file that cannot be read says what is wrong with it, where.
import type { FactoryTwinApi, FileErrorInfo } from '../../electron/contract/api';
import { fileNameOf, isDirty, loadDocument, markSaved, useDocument } from '../state/document';
import { notify, requestFit, select } from '../state/session';
import { mod, register, type ActionContext } from './registry';

/** Problems listed under a file error; the rest are counted so the notice stays readable. */
const PROBLEMS_SHOWN = 8;

export function fileErrorNotice(title: string, error: FileErrorInfo): void {
  const items = error.problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.path}: ${p.message}`);
  if (error.problems.length > PROBLEMS_SHOWN) items.push(`… and ${error.problems.length - PROBLEMS_SHOWN} more`);
  const named = error.message.includes(fileNameOf(error.file)) ? error.message : `${fileNameOf(error.file)}: ${error.message}`;
  notify({ tone: 'error', title, detail: named, items });
}

/** Before replacing the document: ask to save unsaved work. False means the user cancelled. */
async function settleUnsaved(ctx: ActionContext): Promise<boolean> {
  const state = useDocument.getState();
  if (state.doc === null || !isDirty(state)) return true;
  const answer = await ctx.api.confirmUnsaved(fileNameOf(state.path));
  if (answer === 'cancel') return false;
  if (answer === 'save') return save(ctx, false);
  return true;
}

function afterLoad(): void {
  select([]);
  requestFit();
}

export async function newFromTemplate(api: FactoryTwinApi): Promise<boolean> {
  const result = await api.newFromTemplate('demo');
  if (!result.ok) {
    fileErrorNotice('Could not create the sample hall', result.error);
    return false;
  }
  loadDocument(result.value, null, null);
  afterLoad();
  return true;
}

async function writeTo(api: FactoryTwinApi, path: string, overwrite: boolean, sameFile: boolean): Promise<boolean> {
  const state = useDocument.getState();
  if (state.doc === null) return false;
  const revision = state.revision;
  const result = await api.saveProject({
    path, document: state.doc, expected: sameFile ? state.fingerprint : null, overwrite,
  });
  if (result.ok) {
    // Edits made while the file was being written stay unsaved: mark the revision we sent.
    markSaved(path, result.value, revision);
    await api.discardRecovery();
    notify({ tone: 'success', title: `Saved ${fileNameOf(path)}` });
    return true;
  }
  if (result.error.kind === 'changed-on-disk') {
    notify({
      tone: 'error',
      title: `${fileNameOf(path)} changed on disk`,
      detail: 'Another program changed the file since it was opened. Overwrite it with this version, or use Save As to keep both.',
      actions: [{ label: 'Overwrite', run: () => void writeTo(api, path, true, sameFile) }],
    });
  } else {
    fileErrorNotice('Could not save', result.error);
  }
  return false;
}

async function save(ctx: ActionContext, forceNewPath: boolean): Promise<boolean> {
  const { path } = useDocument.getState();
  if (path !== null && !forceNewPath) return writeTo(ctx.api, path, false, true);
  const suggested = path === null ? `${useDocument.getState().doc?.hall.name ?? 'Untitled'}.aifactory` : fileNameOf(path);
  const chosen = await ctx.api.chooseSavePath(suggested);
  if (chosen === null) return false;
  // The save dialog has already asked about replacing an existing file.
  return writeTo(ctx.api, chosen, true, chosen === path);
}

export async function openProject(ctx: ActionContext, path: string | null): Promise<boolean> {
  if (!(await settleUnsaved(ctx))) return false;
  const result = await ctx.api.openProject(path);
  if (result === null) return false;
  if (!result.ok) {
    fileErrorNotice('Could not open the project', result.error);
    return false;
  }
  loadDocument(result.value.document, result.value.path, result.value.fingerprint);
  afterLoad();
  return true;
}

const hasDoc = () => useDocument.getState().doc !== null;

register({
  id: 'file.new', label: 'New from sample hall', shortcut: 'Ctrl+N',
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'n',
  perform: async (ctx) => {
    if (await settleUnsaved(ctx)) await newFromTemplate(ctx.api);
  },
});
register({
  id: 'file.open', label: 'Open…', shortcut: 'Ctrl+O',
  keyTest: (e) => mod(e) && e.key.toLowerCase() === 'o',
  perform: (ctx) => void openProject(ctx, null),
});
register({
  id: 'file.save', label: 'Save', shortcut: 'Ctrl+S', enabled: hasDoc,
  keyTest: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 's',
  perform: (ctx) => void save(ctx, false),
});
register({
  id: 'file.saveAs', label: 'Save As…', shortcut: 'Ctrl+Shift+S', enabled: hasDoc,
  keyTest: (e) => mod(e) && e.shiftKey && e.key.toLowerCase() === 's',
  perform: (ctx) => void save(ctx, true),
});
