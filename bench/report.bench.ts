// Report generation on the demo hall and the gigawatt-class hall: compute (once, untimed for the
// report), then the report's own steps: drawings and figures (engine), PDF layout (pdfkit). The
// gigawatt plan and 3D views are simplified into row blocks (engine/report/scene.ts mergeBoxes).
import { buildBom } from '../engine/bom/index.js';
import { compute } from '../engine/compute.js';
import { demoHall, gigawattHall } from '../engine/generators/index.js';
import type { ProjectDocument } from '../engine/model/index.js';
import { buildReport } from '../engine/report/index.js';
import { LAYOUT, renderReportPdf } from '../electron/report/index.js';
import { shippedCatalog } from '../tests/support/catalog.js';
import type { Report } from './run.js';

async function one(report: Report, name: string, doc: ProjectDocument, targetMs: number): Promise<void> {
  let t = performance.now();
  const results = compute(doc);
  report({ name: `${name}: compute (input to the report), once`, value: performance.now() - t, unit: 'ms' });
  const bom = buildBom(doc, results.fabric);
  t = performance.now();
  const content = buildReport(doc, results, bom, { project: name, date: '2025-06-30', ...LAYOUT });
  const drawMs = performance.now() - t;
  report({ name: `${name}: drawings and figures (engine)`, value: drawMs, unit: 'ms' });
  const shapes = [...content.pictures, ...content.charts].reduce((a, p) => a + p.drawing.shapes.length, 0);
  report({ name: `${name}: shapes in pictures and charts`, value: shapes, unit: '' });
  t = performance.now();
  const pdf = await renderReportPdf(content);
  const pdfMs = performance.now() - t;
  report({ name: `${name}: PDF layout and write to memory (pdfkit)`, value: pdfMs, unit: 'ms' });
  report({ name: `${name}: PDF size`, value: pdf.byteLength / 1e3, unit: 'kB' });
  const total = drawMs + pdfMs;
  report({ name: `${name}: report after compute`, value: total, unit: 'ms', target: `< ${targetMs} ms`, ok: total < targetMs });
}

export default async function bench(report: Report): Promise<void> {
  await one(report, 'demo', demoHall(shippedCatalog), 1000);
  await one(report, 'gigawatt', gigawattHall(shippedCatalog), 10000);
}
