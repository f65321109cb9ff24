// The FactoryTwinApi over the browser preview's local bridge (electron/preview/server.ts): each
// method is a POST to /api/<channel> carrying the per-run token read from the page URL. There are
// no native dialogs in a browser, so the page asks: window.prompt for paths, window.confirm for
// unsaved changes (Playwright answers these through page.on('dialog')).
import { CHANNEL_OF, type FactoryTwinApi, type InvokeMethod } from '../../electron/contract/api.js';

export const TOKEN_HEADER = 'x-factory-twin-token';
/** A call whose last argument is bytes goes as one JSON line of the others, then the bytes. */
export const BYTES_CONTENT_TYPE = 'application/octet-stream';

/** A refusal or failure of the bridge itself (not a file problem, which comes back as a Result). */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  constructor(readonly status: number, readonly kind: string, message: string) {
    super(message);
  }
}

export interface PreviewClientOptions {
  token: string;
  /** Same origin by default; tests may point elsewhere. */
  baseUrl?: string;
  fetch?: typeof fetch;
  prompt?: (message: string, defaultValue?: string) => string | null;
  confirm?: (message: string) => boolean;
  setDocumentTitle?: (title: string) => void;
}

/** The token the bridge put in the URL it printed (`?token=...`), or null. */
export function tokenFromLocation(search: string): string | null {
  const token = new URLSearchParams(search).get('token');
  return token !== null && token !== '' ? token : null;
}

export function createPreviewClient(options: PreviewClientOptions): FactoryTwinApi {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const ask = options.prompt ?? ((message, value) => window.prompt(message, value));
  const confirm = options.confirm ?? ((message) => window.confirm(message));
  const base = options.baseUrl ?? '';

  async function call<M extends InvokeMethod>(method: M, ...args: Parameters<FactoryTwinApi[M]>): Promise<Awaited<ReturnType<FactoryTwinApi[M]>>> {
    // JSON has no undefined: trailing optional arguments are dropped rather than sent as null.
    while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
    // Bytes (the recovery copy's document) are sent as they are, not as a JSON array of numbers.
    const last: unknown = args[args.length - 1];
    const bytes = last instanceof Uint8Array ? last as Uint8Array<ArrayBuffer> : null;
    const response = await doFetch(`${base}/api/${CHANNEL_OF[method]}`, {
      method: 'POST',
      headers: { 'Content-Type': bytes === null ? 'application/json' : BYTES_CONTENT_TYPE, [TOKEN_HEADER]: options.token },
      body: bytes === null ? JSON.stringify({ args }) : new Blob([`${JSON.stringify({ args: args.slice(0, -1) })}\n`, bytes]),
    });
    let body: { value?: unknown; error?: { kind?: string; message?: string } } = {};
    try {
      body = (await response.json()) as typeof body;
    } catch {
      // a proxy or a crash answered with something else: report the status below
    }
    if (!response.ok) {
      throw new BridgeError(response.status, body.error?.kind ?? 'http', body.error?.message ?? `The preview bridge answered ${response.status} to ${method}.`);
    }
    return body.value as Awaited<ReturnType<FactoryTwinApi[M]>>;
  }

  return {
    async openProject(path) {
      const chosen = path ?? ask('Open project: full path of the .aifactory file', '');
      if (chosen === null || chosen.trim() === '') return null;
      return call('openProject', chosen.trim());
    },
    async saveProject(request) {
      const result = await call('saveProject', request);
      // The bridge cannot ask, so the page does, and only a yes resends with overwrite.
      if (!result.ok && result.error.kind === 'changed-on-disk' && !request.overwrite
        && confirm(`${result.error.message}\n\nOK: replace it. Cancel: keep the file on disk as it is.`)) {
        return call('saveProject', { ...request, overwrite: true });
      }
      return result;
    },
    async chooseSavePath(suggestedName) {
      // The bridge proposes a path in its projects folder; the user confirms or edits it.
      const proposal = await call('chooseSavePath', suggestedName);
      const chosen = ask('Save project as: full path of the .aifactory file', proposal ?? '');
      return chosen === null || chosen.trim() === '' ? null : chosen.trim();
    },
    async exportProject(request) {
      const result = await call('exportProject', request);
      // As for save: the bridge cannot ask before replacing a file, so the page does and resends.
      if (!result.ok && result.error.kind === 'exists' && !request.overwrite) {
        const what = request.format === 'netbox' ? `The folder ${result.error.file} is not empty. Write the NetBox files into it` : `${result.error.file} already exists. Replace it`;
        if (confirm(`${what}?\n\nOK: yes. Cancel: leave it as it is.`)) return call('exportProject', { ...request, overwrite: true });
      }
      return result;
    },
    async chooseExportPath(format, suggestedName) {
      const proposal = await call('chooseExportPath', format, suggestedName);
      const question = format === 'netbox' ? 'Export the NetBox files into the folder (full path)' : 'Export to: full path of the file';
      const chosen = ask(question, proposal ?? '');
      return chosen === null || chosen.trim() === '' ? null : chosen.trim();
    },
    newFromTemplate: (template, scalableUnits) => call('newFromTemplate', template, scalableUnits),
    shippedCatalog: () => call('shippedCatalog'),
    recentFiles: () => call('recentFiles'),
    writeRecovery: (path, document) => call('writeRecovery', path, document),
    takeRecovery: () => call('takeRecovery'),
    discardRecovery: () => call('discardRecovery'),
    async setTitle(title, dirty) {
      (options.setDocumentTitle ?? ((t) => { document.title = t; }))(dirty ? `• ${title}` : title);
      await call('setTitle', title, dirty);
    },
    async confirmUnsaved(fileName) {
      // Two yes/no questions stand in for the desktop's Save / Don't Save / Cancel.
      if (confirm(`${fileName} has unsaved changes. Save them first?\n\nOK: save. Cancel: more choices.`)) return 'save';
      if (confirm(`Discard the unsaved changes to ${fileName}?\n\nOK: discard them. Cancel: keep editing.`)) return 'discard';
      return 'cancel';
    },
    async savePng(bytes, suggestedName) {
      // A browser's own save is a download: no path crosses the bridge, the browser asks or files it.
      const name = /\.png$/i.test(suggestedName) ? suggestedName : `${suggestedName}.png`;
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked on the next task: the download has taken its reference by then.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      return { ok: true, value: { path: name, bytes: bytes.length } };
    },
    // No native menu in a browser: the renderer's own shortcuts and toolbar run the actions.
    onMenuCommand: () => () => undefined,
    onOpenFile: () => () => undefined,
    appVersion: () => call('appVersion'),
  };
}
