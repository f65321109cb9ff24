// Native dialogs and the title bar for the shared handlers (DesktopShell). Each dialog is modal
// to the window, so the user cannot edit the document while a question about it is open.
import { basename, join } from 'node:path';
import { dialog, type BrowserWindow } from 'electron';
import { FILE_EXTENSION } from '../project/index.js';
import type { ExportFormat } from '../contract/api.js';
import { EXPORT_FILE_TYPES, exportFileName, withExportExtension, type DesktopShell } from '../services/index.js';
import type { CloseGuard } from './close-guard.js';

const FILTERS = [
  { name: 'Factory Twin project', extensions: [FILE_EXTENSION.replace(/^\./, '')] },
  { name: 'All files', extensions: ['*'] },
];

export function withExtension(path: string): string {
  return path.toLowerCase().endsWith(FILE_EXTENSION) ? path : `${path}${FILE_EXTENSION}`;
}

export function windowTitle(title: string, dirty: boolean): string {
  const name = title.trim() === '' ? 'Untitled' : title.trim();
  return `${dirty ? '• ' : ''}${name} — Factory Twin`;
}

export class ElectronShell implements DesktopShell {
  /** The last path the native save dialog returned: that dialog already asked about replacing it. */
  private lastDialogPath: string | null = null;
  /** The document's name as the renderer last reported it, for the close prompt. */
  documentName = 'Untitled';

  constructor(
    private readonly window: () => BrowserWindow | null,
    private readonly guard: CloseGuard,
    private readonly documentsDir: string,
  ) {}

  async chooseOpenPath(): Promise<string | null> {
    const win = this.window();
    const options = { title: 'Open project', properties: ['openFile' as const], filters: FILTERS };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  async chooseSavePath(suggestedName: string): Promise<string | null> {
    const win = this.window();
    const options = {
      title: 'Save project',
      defaultPath: join(this.documentsDir, withExtension(basename(suggestedName) || 'Untitled')),
      filters: FILTERS,
      // Linux (GTK) only asks about replacing a file when told to; Windows and macOS always ask.
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    const path = result.canceled || result.filePath === undefined || result.filePath === '' ? null : withExtension(result.filePath);
    this.lastDialogPath = path;
    return path;
  }

  async chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null> {
    const win = this.window();
    const type = EXPORT_FILE_TYPES[format];
    if (type.extension === null) {
      // NetBox: a folder picker, which never asks about replacing, so main asks when it is not empty.
      this.lastDialogPath = null;
      const options = { title: 'Export NetBox import files into a folder', buttonLabel: 'Export here', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    }
    const options = {
      title: 'Export',
      buttonLabel: 'Export',
      defaultPath: join(this.documentsDir, exportFileName(format, suggestedName)),
      filters: [{ name: type.label, extensions: [type.extension] }, { name: 'All files', extensions: ['*'] }],
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    const path = result.canceled || result.filePath === undefined || result.filePath === '' ? null : withExportExtension(result.filePath, format);
    // The dialog asked about replacing exactly the name it returned; an extension we added is a new name.
    this.lastDialogPath = path === result.filePath ? path : null;
    return path;
  }

  async chooseImagePath(suggestedName: string): Promise<string | null> {
    const win = this.window();
    const options = {
      title: 'Save screenshot',
      buttonLabel: 'Save',
      defaultPath: join(this.documentsDir, suggestedName),
      filters: [{ name: 'PNG image', extensions: ['png'] }],
      properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
    };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
  }

  setTitle(title: string, dirty: boolean): void {
    this.guard.setDirty(dirty);
    this.documentName = title.trim() === '' ? 'Untitled' : title.trim();
    const win = this.window();
    if (!win) return;
    win.setTitle(windowTitle(title, dirty));
    if (process.platform === 'darwin') win.setDocumentEdited(dirty);
  }

  async confirmUnsaved(fileName: string): Promise<'save' | 'discard' | 'cancel'> {
    const options = {
      type: 'warning' as const,
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
      message: `Do you want to save the changes you made to ${fileName}?`,
      detail: "Your changes will be lost if you don't save them.",
    };
    const win = this.window();
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 0 ? 'save' : response === 1 ? 'discard' : 'cancel';
  }

  async confirmOverwrite(path: string, reason: 'exists' | 'changed' | 'not-empty'): Promise<boolean> {
    // The save dialog the user just answered already asked about replacing this file.
    if (reason === 'exists' && path === this.lastDialogPath) return true;
    const options = {
      type: 'warning' as const,
      buttons: ['Replace', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
      message: reason === 'exists' ? `${basename(path)} already exists. Replace it?`
        : reason === 'not-empty' ? `The folder ${basename(path)} is not empty. Export into it?`
          : `${basename(path)} was changed by another program since you opened it.`,
      detail: reason === 'exists' ? `Replacing it overwrites ${path}.`
        : reason === 'not-empty' ? `NetBox files of the same names in ${path} are replaced; other files are left as they are.`
          : `Replacing it discards those changes in ${path}. Cancel and use Save As to keep both.`,
    };
    const win = this.window();
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 0;
  }
}
