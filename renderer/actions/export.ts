// File > Export (menu, Ctrl+E, the toolbar): opens the export dialog, then asks main for a path
// in the format's own save dialog and writes the file there through the same pipelines as the
// CLI. Which dialog is open, and whether an export is running, is session state (never saved).
import { create } from 'zustand';
import type { ExportFormat, FactoryTwinApi } from '../../electron/contract/api';
import { fileNameOf, useDocument } from '../state/document';
import { notify } from '../state/session';
import { fileErrorNotice } from './file';
import { mod, register } from './registry';

export interface ExportChoice {
  format: ExportFormat;
  label: string;
  /** One line in the dialog: what the file is and who reads it. */
  description: string;
  /** Appended to the project's name to suggest a file name. */
  suffix: string;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { format: 'bom-csv', label: 'Bill of materials (CSV)', description: 'Every line with part number, quantity and price; UTF-8, opens in any spreadsheet.', suffix: ' BOM' },
  { format: 'bom-xlsx', label: 'Bill of materials (Excel)', description: 'A workbook: summary sheet, one sheet per category, totals as formulas.', suffix: ' BOM' },
  { format: 'bom-json', label: 'Bill of materials (JSON)', description: 'The same lines and totals as data, for scripts and other tools.', suffix: ' BOM' },
  { format: 'netbox', label: 'NetBox import files', description: 'A folder of CSV and YAML files: racks, devices, device types, power feeds, cables.', suffix: ' NetBox' },
  { format: 'glb', label: '3D model (glTF .glb)', description: 'The hall as boxes, for Blender and other 3D tools.', suffix: '' },
  { format: 'report-pdf', label: 'Report (PDF)', description: 'Views, key figures, charts, violations and the BOM summary, ready to hand over.', suffix: ' report' },
];

export interface ExportState {
  open: boolean;
  format: ExportFormat;
  /** The format being written, or null when idle. */
  running: ExportFormat | null;
}

export const useExport = create<ExportState>(() => ({ open: false, format: 'bom-csv', running: null }));

export function openExportDialog(): void {
  useExport.setState({ open: true });
}

export function closeExportDialog(): void {
  // A running export finishes and reports in a notice; the dialog cannot abandon it half-way.
  if (useExport.getState().running === null) useExport.setState({ open: false });
}

/** The project's file name without its extension, else the hall's name. */
function projectName(): string {
  const { path, doc } = useDocument.getState();
  if (path !== null) return fileNameOf(path).replace(/\.aifactory$/i, '');
  return doc?.hall.name.trim() || 'Untitled';
}

/** Ask for the path, write, report. False when cancelled or failed (the dialog stays open then). */
export async function runExport(api: FactoryTwinApi, format: ExportFormat): Promise<boolean> {
  const doc = useDocument.getState().doc;
  const choice = EXPORT_CHOICES.find((c) => c.format === format);
  if (doc === null || choice === undefined || useExport.getState().running !== null) return false;
  const path = await api.chooseExportPath(format, `${projectName()}${choice.suffix}`);
  if (path === null) return false;
  useExport.setState({ running: format });
  try {
    // The document as it is now, saved or not: what the user sees is what gets exported.
    const result = await api.exportProject({ document: doc, format, path, overwrite: false });
    if (!result.ok) {
      fileErrorNotice(`Could not export ${choice.label}`, result.error);
      return false;
    }
    useExport.setState({ open: false });
    notify({
      tone: result.value.warnings.length > 0 ? 'info' : 'success',
      title: `Exported ${fileNameOf(result.value.path)}`,
      detail: result.value.summary,
      items: result.value.warnings,
    });
    return true;
  } catch (e) {
    notify({ tone: 'error', title: `Could not export ${choice.label}`, detail: e instanceof Error ? e.message : String(e) });
    return false;
  } finally {
    useExport.setState({ running: null });
  }
}

register({
  id: 'file.export', label: 'Export…', shortcut: 'Ctrl+E',
  enabled: () => useDocument.getState().doc !== null,
  keyTest: (e) => mod(e) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e',
  perform: () => openExportDialog(),
});
