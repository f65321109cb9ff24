// File > Export behind both transports: validate the request, refuse a target that would be
// replaced without a yes, then run the pipeline the CLI runs (electron/export/pipelines.ts) and
// answer a one-line summary. The pipeline runs on a worker thread (export/thread.ts), so a
// seconds-long export never freezes the window, and exceljs/pdfkit cost nothing at start-up.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat, type ExportSummary, type FileErrorInfo, type Result } from '../contract/api.js';
import { ExportFailed, exportOnWorker } from '../export/thread.js';
import type { DesktopShell, Handlers } from './handlers.js';
import { AbsolutePath, args, validDocument } from './validate.js';

/** The dialog filter and the extension of each format; netbox is a folder. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { label: string; extension: string | null }> = {
  'bom-csv': { label: 'CSV (comma-separated values)', extension: 'csv' },
  'bom-xlsx': { label: 'Excel workbook', extension: 'xlsx' },
  'bom-json': { label: 'JSON', extension: 'json' },
  netbox: { label: 'Folder for the NetBox import files', extension: null },
  glb: { label: 'glTF binary', extension: 'glb' },
  'report-pdf': { label: 'PDF document', extension: 'pdf' },
};

/** The word the summary starts with. */
const SUMMARY_LABEL: Record<ExportFormat, string> = {
  'bom-csv': 'BOM', 'bom-xlsx': 'BOM', 'bom-json': 'BOM', netbox: 'NetBox', glb: 'glTF', 'report-pdf': 'Report',
};

/** Adds the format's extension unless the name already ends with it (the user may type it or not). */
export function withExportExtension(path: string, format: ExportFormat): string {
  const ext = EXPORT_FILE_TYPES[format].extension;
  return ext === null || extname(path).toLowerCase() === `.${ext}` ? path : `${path}.${ext}`;
}

/** A file name from the renderer's suggestion: no folders, no characters Windows refuses. */
export function exportFileName(format: ExportFormat, suggestedName: string): string {
  // Separators become dashes, and '.' or '..' alone would name a folder above: neither survives.
  const name = basename(suggestedName.replace(/[\\/:*?"<>|]/g, '-')).trim().replace(/^\.+$/, '') || 'Untitled';
  return withExportExtension(name, format);
}

const ExportRequest = z.strictObject({
  document: z.unknown(),
  format: z.enum(EXPORT_FORMATS),
  path: AbsolutePath,
  overwrite: z.boolean(),
});

const refusal = (kind: string, file: string, message: string): FileErrorInfo => ({ kind, file, message, problems: [] });

/**
 * Null when the target may be written. An existing file, or a non-empty folder for NetBox, is
 * replaced only if the request says the user agreed or the shell asks and the answer is yes.
 */
async function targetProblem(format: ExportFormat, path: string, overwrite: boolean, shell: DesktopShell): Promise<FileErrorInfo | null> {
  const folder = dirname(path);
  const parent = await stat(folder).catch(() => null);
  if (parent === null || !parent.isDirectory()) return refusal('not-found', path, `Cannot export to ${path}: the folder ${folder} does not exist.`);
  const existing = await stat(path).catch(() => null);
  if (existing === null) return null;
  let reason: 'exists' | 'not-empty' = 'exists';
  if (format === 'netbox') {
    if (!existing.isDirectory()) return refusal('not-a-folder', path, `${path} is a file: the NetBox export writes a folder of files. Choose a folder.`);
    if ((await readdir(path)).length === 0) return null;
    reason = 'not-empty';
  } else if (existing.isDirectory()) {
    return refusal('is-a-folder', path, `${path} is a folder: choose a file name to export to.`);
  }
  if (overwrite || (await shell.confirmOverwrite(path, reason))) return null;
  return refusal('exists', path, reason === 'exists'
    ? `${basename(path)} already exists and was not replaced.`
    : `The folder ${basename(path)} is not empty; no NetBox files were written into it.`);
}

export function exportHandlers(shell: DesktopShell): Handlers<'export:run' | 'export:choosePath'> {
  return {
    'export:run': async (raw) => {
      const [request] = args('export:run', z.tuple([ExportRequest]), raw);
      // Validated like a save: a malformed document is the renderer's fault, refused as a payload error.
      const document = validDocument('export:run', request.document, 'args[0].document');
      const { format, path } = request;
      const problem = await targetProblem(format, path, request.overwrite, shell);
      if (problem !== null) return { ok: false, error: problem } satisfies Result<ExportSummary>;
      try {
        const outcome = await exportOnWorker({ document, format, path });
        const value: ExportSummary = { path, format, summary: `${SUMMARY_LABEL[format]}: ${outcome.detail}`, bytes: outcome.bytes, warnings: outcome.warnings };
        return { ok: true, value } satisfies Result<ExportSummary>;
      } catch (error) {
        const reason = error instanceof ExportFailed ? error.reason : error instanceof Error ? error.message : String(error);
        return { ok: false, error: refusal('write-failed', path, `Could not write ${path}: ${reason}.`) } satisfies Result<ExportSummary>;
      }
    },
    'export:choosePath': async (raw) => {
      const [format, suggested] = args('export:choosePath', z.tuple([z.enum(EXPORT_FORMATS), z.string().max(255)]), raw);
      return shell.chooseExportPath(format, suggested);
    },
  };
}
