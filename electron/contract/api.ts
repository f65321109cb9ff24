// The one API the renderer sees: exposed by the Electron preload through contextBridge, and by
// the browser preview's local bridge. Plain data only; every payload is validated in main with
// the model's schemas. Errors cross the boundary as data (classes do not survive IPC).
// This file may be imported by renderer/ (types and channel names only, no Node).
import type { Catalog, Problem, ProjectDocument } from '../../engine/model/index.js';

export interface FileFingerprint {
  size: number;
  mtimeMs: number;
}

export interface FileErrorInfo {
  kind: string;
  file: string;
  message: string;
  problems: Problem[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FileErrorInfo };

export interface OpenedFile {
  path: string;
  document: ProjectDocument;
  fingerprint: FileFingerprint;
}

export interface SaveRequest {
  path: string;
  document: ProjectDocument;
  /** From open or the last save; null when saving to a new path. */
  expected: FileFingerprint | null;
  /** The user confirmed overwriting a file changed on disk or an existing file. */
  overwrite: boolean;
}

export interface RecoveryInfo {
  /** The file the recovered copy belongs to, or null for an untitled project. */
  path: string | null;
  savedAt: string;
  document: ProjectDocument;
}

export type TemplateName = 'demo' | 'superpod' | 'gigawatt';

/** What File > Export writes; the CLI's `bom` and `export` and `report` commands make the same files. */
export const EXPORT_FORMATS = ['bom-csv', 'bom-xlsx', 'bom-json', 'netbox', 'glb', 'report-pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  document: ProjectDocument;
  format: ExportFormat;
  /** A file, or for netbox a folder (created if missing). */
  path: string;
  /** The user confirmed replacing an existing file (or NetBox files in a non-empty folder). */
  overwrite: boolean;
}

export interface ExportSummary {
  path: string;
  format: ExportFormat;
  /** One line for the notice, e.g. "BOM: 22 lines in 10 categories, total 48,966,800.00 USD". */
  summary: string;
  /** Bytes written (all files together for netbox). */
  bytes: number;
  warnings: string[];
}

/** A file main wrote for the renderer (a screenshot). */
export interface SavedFile {
  path: string;
  bytes: number;
}

/** The gigawatt hall's document is about 6 MB of JSON; anything far larger is not a hall. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
/** Its recovery copy gzipped (about 0.3 MB for the gigawatt hall). */
export const MAX_RECOVERY_BYTES = 64 * 1024 * 1024;

/** A full-screen 4K screenshot is a few megabytes; anything far larger is not a screenshot. */
export const MAX_PNG_BYTES = 64 * 1024 * 1024;

/** Commands the native menu sends to the renderer, which runs the matching registered action. */
export const MENU_COMMANDS = [
  'file.new', 'file.open', 'file.save', 'file.saveAs', 'file.export', 'file.close',
  'edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.delete', 'edit.selectAll',
  'view.3d', 'view.plan', 'view.overlay.heat', 'view.overlay.airflow', 'view.overlay.power', 'view.overlay.links',
  'view.presentation', 'view.zoomIn', 'view.zoomOut', 'view.fit', 'help.about', 'help.shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface FactoryTwinApi {
  /** Open a project; `path` null shows the native open dialog (null result if cancelled). */
  openProject(path: string | null): Promise<Result<OpenedFile> | null>;
  saveProject(request: SaveRequest): Promise<Result<FileFingerprint>>;
  /** Ask for a path with the native save dialog; null if cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  newFromTemplate(template: TemplateName, scalableUnits?: number): Promise<Result<ProjectDocument>>;
  shippedCatalog(): Promise<Catalog>;
  recentFiles(): Promise<string[]>;
  /**
   * Autosave of unsaved work to the recovery copy; offered back after a crash. `document` is the
   * document as gzipped UTF-8 JSON, made off the UI thread by the engine worker: one small byte
   * buffer crosses to main (0.3 MB for the gigawatt hall), where a document object would be
   * cloned and validated record by record. Main stores it as it is; takeRecovery unpacks and
   * validates it, and never offers a damaged copy.
   */
  writeRecovery(path: string | null, document: Uint8Array): Promise<void>;
  takeRecovery(): Promise<RecoveryInfo | null>;
  discardRecovery(): Promise<void>;
  /** Title bar: file name and unsaved marker. */
  setTitle(title: string, dirty: boolean): Promise<void>;
  /** Ask the user to save, discard or cancel before closing or opening another file. */
  confirmUnsaved(fileName: string): Promise<'save' | 'discard' | 'cancel'>;
  /**
   * Write the document as a BOM, NetBox folder, glTF or PDF report. An existing target is replaced
   * only after a yes (asked by main, or `overwrite` already true); otherwise an error of kind 'exists'.
   */
  exportProject(request: ExportRequest): Promise<Result<ExportSummary>>;
  /** Native save dialog filtered to the format (a folder picker for netbox); null if cancelled. */
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  /**
   * Save a PNG (presentation mode's screenshot) where the user chooses with the native save
   * dialog; null if cancelled. The browser preview downloads it instead.
   */
  savePng(bytes: Uint8Array, suggestedName: string): Promise<Result<SavedFile> | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * A file the desktop asks us to open (command line, double-click, macOS open-file, Open Recent).
   * The renderer confirms unsaved changes, then calls openProject(path). Requests that arrived
   * before the first listener are delivered to it on subscribe. Never fires in the browser preview.
   */
  onOpenFile(listener: (path: string) => void): () => void;
  appVersion(): Promise<string>;
}

/** IPC channel names: the preload's allow-list. */
export const INVOKE_CHANNELS = [
  'project:open', 'project:save', 'project:chooseSavePath', 'project:newFromTemplate', 'catalog:shipped', 'recent:list',
  'recovery:write', 'recovery:take', 'recovery:discard', 'window:setTitle', 'window:confirmUnsaved', 'app:version',
  'export:run', 'export:choosePath', 'image:savePng',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export const MENU_CHANNEL = 'menu:command';
/** Main -> renderer: a path to open (see FactoryTwinApi.onOpenFile). */
export const OPEN_FILE_CHANNEL = 'app:openFile';

/** Methods answered by main (everything except the two event subscriptions). */
export type InvokeMethod = Exclude<keyof FactoryTwinApi, 'onMenuCommand' | 'onOpenFile'>;

/** Which channel carries which method: the preload and the preview client both dispatch with it. */
export const CHANNEL_OF = {
  openProject: 'project:open',
  saveProject: 'project:save',
  chooseSavePath: 'project:chooseSavePath',
  newFromTemplate: 'project:newFromTemplate',
  shippedCatalog: 'catalog:shipped',
  recentFiles: 'recent:list',
  writeRecovery: 'recovery:write',
  takeRecovery: 'recovery:take',
  discardRecovery: 'recovery:discard',
  setTitle: 'window:setTitle',
  confirmUnsaved: 'window:confirmUnsaved',
  appVersion: 'app:version',
  exportProject: 'export:run',
  chooseExportPath: 'export:choosePath',
  savePng: 'image:savePng',
} as const satisfies Record<InvokeMethod, InvokeChannel>;
