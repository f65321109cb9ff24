// The headless report: compute the document, build its bill of materials, lay the engine's
// report content out as a PDF. Used by `factory-twin report` and, later, by File > Export.
import { buildBom } from '../../engine/bom/index.js';
import { compute, type ComputeResults } from '../../engine/compute.js';
import type { ProjectDocument } from '../../engine/model/index.js';
import { buildReport, type ReportContent } from '../../engine/report/index.js';
import { LAYOUT, renderReportPdf } from './pdf.js';

export { renderReportPdf, LAYOUT } from './pdf.js';

export interface ReportRequest {
  project: string;
  /** Printed on the cover; the caller decides (today's date, or a fixed one for a reproducible file). */
  date: string;
  /** Results already computed for this document (the app has them); computed here otherwise. */
  results?: ComputeResults;
}

export function reportContent(doc: ProjectDocument, req: ReportRequest): ReportContent {
  const results = req.results ?? compute(doc);
  const bom = buildBom(doc, results.fabric);
  return buildReport(doc, results, bom, { project: req.project, date: req.date, ...LAYOUT });
}

export async function reportPdf(doc: ProjectDocument, req: ReportRequest): Promise<Buffer> {
  return renderReportPdf(reportContent(doc, req));
}
