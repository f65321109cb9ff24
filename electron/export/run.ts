// One export by its format, as File > Export asks for it. Runs inside the export worker
// (worker.ts), off Electron's main thread: a gigawatt hall's report takes seconds of CPU.
import type { ExportFormat } from '../contract/api.js';
import type { ProjectDocument } from '../../engine/model/index.js';
import { exportBom, exportGlb, exportNetbox, exportReport, localDate, type ExportOutcome } from './pipelines.js';

export interface ExportJob {
  document: ProjectDocument;
  format: ExportFormat;
  path: string;
}

export function runExport({ document, format, path }: ExportJob): Promise<ExportOutcome> {
  switch (format) {
    case 'bom-csv': return exportBom(document, 'csv', path);
    case 'bom-xlsx': return exportBom(document, 'xlsx', path);
    case 'bom-json': return exportBom(document, 'json', path);
    case 'netbox': return exportNetbox(document, path, undefined);
    case 'glb': return exportGlb(document, path);
    case 'report-pdf': return exportReport(document, path, { project: document.hall.name, date: localDate() });
  }
}
