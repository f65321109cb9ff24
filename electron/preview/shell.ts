// The browser has no native dialogs for main to open, so the preview client asks in the page
// (window.prompt / window.confirm, see renderer/platform/preview-client.ts) and this shell only
// does what needs no person: it proposes a save path and refuses a dialog-less open.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExportFormat } from '../contract/api.js';
import { exportFileName, pngFileName, type DesktopShell } from '../services/index.js';

/** Thrown for what only a native dialog can do; the bridge answers 501 with the message. */
export class Unavailable extends Error {
  override readonly name = 'Unavailable';
}

export class PreviewShell implements DesktopShell {
  /** The last title the page set; the page shows it itself in document.title. */
  title = '';
  dirty = false;

  constructor(private readonly dataDir: string) {}

  async chooseOpenPath(): Promise<string | null> {
    throw new Unavailable('The browser preview has no file dialog: type the full path of the project to open.');
  }

  /** A proposal the page shows in its prompt for the user to confirm or edit. */
  async chooseSavePath(suggestedName: string): Promise<string | null> {
    const name = basename(suggestedName.replace(/[\\/:*?"<>|]/g, '-')).trim() || 'Untitled';
    const folder = join(this.dataDir, 'projects');
    mkdirSync(folder, { recursive: true });
    return join(folder, name.endsWith('.aifactory') ? name : `${name}.aifactory`);
  }

  /** A proposal in the preview's exports folder (for netbox a folder name), confirmed in the page. */
  async chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null> {
    const folder = join(this.dataDir, 'exports');
    mkdirSync(folder, { recursive: true });
    return join(folder, exportFileName(format, suggestedName));
  }

  /** A proposal in the exports folder; the preview's page downloads screenshots itself instead. */
  async chooseImagePath(suggestedName: string): Promise<string | null> {
    const folder = join(this.dataDir, 'exports');
    mkdirSync(folder, { recursive: true });
    return join(folder, pngFileName(suggestedName));
  }

  setTitle(title: string, dirty: boolean): void {
    this.title = title;
    this.dirty = dirty;
  }

  /** The page asks (window.confirm) and retries with `overwrite: true`; see preview-client.ts. */
  async confirmOverwrite(): Promise<boolean> {
    return false;
  }

  /** The page asks with window.confirm; answering 'cancel' here can never lose work. */
  async confirmUnsaved(): Promise<'save' | 'discard' | 'cancel'> {
    return 'cancel';
  }
}
