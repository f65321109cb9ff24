// The main-process services, built from plain folders so tests, the preview bridge and Electron's
// main construct them the same way.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProjectFileService } from '../project/index.js';
import type { Services } from './handlers.js';
import { RecoveryStore } from './recovery.js';
import { SettingsStore } from './settings.js';
import { TemplateService } from './templates.js';

export { allHandlers, appHandlers, errorInfo, PayloadError, projectHandlers, recoveryHandlers, windowHandlers } from './handlers.js';
export { imageHandlers, pngFileName, pngSize, PNG_SIGNATURE } from './images.js';
export { EXPORT_FILE_TYPES, exportFileName, exportHandlers, withExportExtension } from './exports.js';
export type { DesktopShell, Handler, Handlers, SaveObserver, Services } from './handlers.js';
export { RecoveryStore } from './recovery.js';
export { SettingsStore, restoreBounds, DEFAULT_WINDOW, RECENT_LIMIT, type WindowState, type WorkArea } from './settings.js';
export { TemplateService } from './templates.js';
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, contentType, resolveStatic } from './static-files.js';

export interface ServiceOptions {
  /** Where settings and the recovery copy live (Electron's userData, or the preview's folder). */
  dataDir: string;
  appVersion: string;
  /** The shipped catalog; defaults to assets/catalog/default.json in the application folder. */
  catalogPath?: string;
}

export function createServices(options: ServiceOptions): Services {
  return {
    appVersion: options.appVersion,
    projects: new ProjectFileService(options.appVersion),
    settings: new SettingsStore(options.dataDir),
    recovery: new RecoveryStore(options.dataDir),
    templates: new TemplateService(options.catalogPath ?? join(appRoot(), 'assets', 'catalog', 'default.json')),
  };
}

/**
 * The folder holding package.json and assets/: found by walking up from this code, which runs
 * from source (tests, tsx), from dist/electron/*.cjs, or from inside app.asar.
 */
export function appRoot(): string {
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('Factory Twin could not find its application folder (package.json next to assets/).');
}
