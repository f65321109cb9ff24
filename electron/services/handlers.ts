// The API's behaviour, once, for both transports: Electron's ipcMain (electron/main/ipc.ts) and the
// browser preview's HTTP bridge (electron/preview/server.ts). A handler takes the raw argument
// list as it arrived, validates it, and answers plain data. What differs between the two hosts
// (native dialogs, the window title) is behind the DesktopShell interface.
import { z } from 'zod';
import { SAMPLE_NAMES } from '../../engine/generators/index.js';
import { MAX_RECOVERY_BYTES, type ExportFormat, type FileErrorInfo, type InvokeChannel, type Result } from '../contract/api.js';
import { exportHandlers } from './exports.js';
import { imageHandlers } from './images.js';
import { AbsolutePath, args, validDocument } from './validate.js';

export { PayloadError } from './validate.js';
import { ProjectFileError, type ProjectFileService } from '../project/index.js';
import type { RecoveryStore } from './recovery.js';
import type { SettingsStore } from './settings.js';
import type { TemplateService } from './templates.js';

export type Handler = (args: readonly unknown[]) => Promise<unknown>;
export type Handlers<C extends InvokeChannel = InvokeChannel> = Record<C, Handler>;

/** The parts of the host that are not plain Node: native dialogs and the window. */
export interface DesktopShell {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(suggestedName: string): Promise<string | null>;
  setTitle(title: string, dirty: boolean): void;
  confirmUnsaved(fileName: string): Promise<'save' | 'discard' | 'cancel'>;
  /**
   * The file exists already (`exists`: saving to a new path) or changed on disk since it was
   * opened (`changed`), or a NetBox export goes into a folder with files in it (`not-empty`):
   * may we replace it? Never a silent overwrite, so the answer is a person's.
   */
  confirmOverwrite(path: string, reason: 'exists' | 'changed' | 'not-empty'): Promise<boolean>;
  /** Where File > Export writes: a save dialog filtered to the format, a folder for netbox. */
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  /** Where a screenshot goes: a save dialog filtered to PNG that asks before replacing a file. */
  chooseImagePath(suggestedName: string): Promise<string | null>;
}

export interface Services {
  appVersion: string;
  projects: ProjectFileService;
  settings: SettingsStore;
  recovery: RecoveryStore;
  templates: TemplateService;
}

/** Lets main's close guard follow a save it asked for (see electron/main/close-guard.ts). */
export interface SaveObserver {
  savePathChosen(path: string | null): void;
  saveFinished(ok: boolean): void;
}

const Fingerprint = z.strictObject({ size: z.number().int().nonnegative(), mtimeMs: z.number().nonnegative() });
const SaveRequest = z.strictObject({
  path: AbsolutePath,
  document: z.unknown(),
  expected: Fingerprint.nullable(),
  overwrite: z.boolean(),
});
const Label = z.string().max(1000);
// Electron's structured clone delivers a Uint8Array (the preview bridge a Buffer, which is one).
const GzipBytes = z.instanceof(Uint8Array)
  .refine((b) => b.length <= MAX_RECOVERY_BYTES, `must be at most ${MAX_RECOVERY_BYTES} bytes`)
  .refine((b) => b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08, 'must be gzip data (RFC 1952 header)');

export function errorInfo(error: unknown, file: string): FileErrorInfo {
  if (error instanceof ProjectFileError) {
    return { kind: error.kind, file: error.file, message: error.message, problems: [...error.problems] };
  }
  return { kind: 'unexpected', file, message: error instanceof Error ? error.message : String(error), problems: [] };
}

export function projectHandlers(services: Services, shell: DesktopShell, observer?: SaveObserver): Handlers<
  'project:open' | 'project:save' | 'project:chooseSavePath' | 'project:newFromTemplate' | 'catalog:shipped' | 'recent:list'
> {
  const { projects, settings, templates } = services;
  return {
    'project:open': async (raw) => {
      const [requested] = args('project:open', z.tuple([AbsolutePath.nullable()]), raw);
      const path = requested ?? (await shell.chooseOpenPath());
      if (path === null) return null;
      try {
        const opened = projects.open(path);
        settings.addRecent(opened.path);
        return { ok: true, value: opened } satisfies Result<unknown>;
      } catch (error) {
        // A recent file that is gone should leave the menu rather than fail again next time.
        if (error instanceof ProjectFileError && error.kind === 'not-found') settings.removeRecent(path);
        return { ok: false, error: errorInfo(error, path) } satisfies Result<unknown>;
      }
    },
    'project:save': async (raw) => {
      const [request] = args('project:save', z.tuple([SaveRequest]), raw);
      // The document is validated here too, so a malformed one is refused as a payload error
      // rather than reported as a problem with the user's file.
      const document = validDocument('project:save', request.document, 'args[0].document');
      const save = (overwrite: boolean) => projects.save(request.path, document, { expected: request.expected, overwrite });
      try {
        let fingerprint;
        try {
          fingerprint = save(request.overwrite);
        } catch (error) {
          // The service refused to replace a file; the host asks the user, and only a yes retries.
          if (!(error instanceof ProjectFileError && error.kind === 'changed-on-disk')) throw error;
          if (!(await shell.confirmOverwrite(request.path, request.expected === null ? 'exists' : 'changed'))) throw error;
          fingerprint = save(true);
        }
        settings.addRecent(request.path);
        observer?.saveFinished(true);
        return { ok: true, value: fingerprint } satisfies Result<unknown>;
      } catch (error) {
        observer?.saveFinished(false);
        return { ok: false, error: errorInfo(error, request.path) } satisfies Result<unknown>;
      }
    },
    'project:chooseSavePath': async (raw) => {
      const [suggested] = args('project:chooseSavePath', z.tuple([z.string().max(255)]), raw);
      const path = await shell.chooseSavePath(suggested);
      observer?.savePathChosen(path);
      return path;
    },
    'project:newFromTemplate': async (raw) => {
      // JSON turns a trailing undefined into null, so the optional count accepts both.
      const schema = z.tuple([z.enum(SAMPLE_NAMES), z.number().int().min(1).max(64).nullish()]);
      const [template, scalableUnits] = args('project:newFromTemplate', schema, raw);
      return templates.create(template, scalableUnits ?? undefined);
    },
    'catalog:shipped': async (raw) => {
      args('catalog:shipped', z.tuple([]), raw);
      return templates.catalog();
    },
    'recent:list': async (raw) => {
      args('recent:list', z.tuple([]), raw);
      return settings.recentFiles();
    },
  };
}

export function recoveryHandlers(services: Services): Handlers<'recovery:write' | 'recovery:take' | 'recovery:discard'> {
  const { recovery } = services;
  return {
    'recovery:write': async (raw) => {
      // Only the shape here: parsing and validating a hall on every autosave would stall main, and
      // take() validates the document where it is used (a damaged copy is never offered).
      const [path, document] = args('recovery:write', z.tuple([AbsolutePath.nullable(), GzipBytes]), raw);
      await recovery.write(path, document);
      return undefined;
    },
    'recovery:take': async (raw) => {
      args('recovery:take', z.tuple([]), raw);
      return recovery.take();
    },
    'recovery:discard': async (raw) => {
      args('recovery:discard', z.tuple([]), raw);
      recovery.discard();
      return undefined;
    },
  };
}

export function windowHandlers(shell: DesktopShell): Handlers<'window:setTitle' | 'window:confirmUnsaved'> {
  return {
    'window:setTitle': async (raw) => {
      const [title, dirty] = args('window:setTitle', z.tuple([Label, z.boolean()]), raw);
      shell.setTitle(title, dirty);
      return undefined;
    },
    'window:confirmUnsaved': async (raw) => {
      const [fileName] = args('window:confirmUnsaved', z.tuple([Label]), raw);
      return shell.confirmUnsaved(fileName);
    },
  };
}

export function appHandlers(services: Services): Handlers<'app:version'> {
  return {
    'app:version': async (raw) => {
      args('app:version', z.tuple([]), raw);
      return services.appVersion;
    },
  };
}

/** Every channel of the contract, typed so that a missing one fails to compile. */
export function allHandlers(services: Services, shell: DesktopShell, observer?: SaveObserver): Handlers {
  return {
    ...projectHandlers(services, shell, observer),
    ...recoveryHandlers(services),
    ...windowHandlers(shell),
    ...appHandlers(services),
    ...exportHandlers(shell),
    ...imageHandlers(shell),
  };
}
