// `factory-twin report <file> -o report.pdf [--date YYYY-MM-DD] [--force]`: the PDF report of a
// saved project, made headless: the pictures are vector drawings, no window and no GPU needed.
import { writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { buildBom } from '../../../engine/bom/index.js';
import { compute } from '../../../engine/compute.js';
import { buildReport } from '../../../engine/report/index.js';
import { readProject } from '../../project/index.js';
import { LAYOUT, renderReportPdf } from '../../report/index.js';
import { outputPath, parseCommand, writeFailure } from '../args.js';
import { EXIT, progress, UsageError, type CliIo } from '../io.js';

/** Today's date in ISO form, local time: the CLI owns the clock, the engine never reads it. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function cmdReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    output: { type: 'string', short: 'o' }, date: { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean', default: false },
  }, ['file']);
  const out = outputPath(io, values.output, values.force === true);
  if (extname(out).toLowerCase() !== '.pdf') throw new UsageError(`the report is a PDF: the output name must end in .pdf, not "${basename(out)}"`);
  const date = typeof values.date === 'string' ? values.date : today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${date}"`);
  const path = resolve(io.cwd, positionals[0] as string);
  let done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  done = progress(io, 'Computing power, heat, fabric and agents');
  const results = compute(doc);
  const bom = buildBom(doc, results.fabric);
  done();
  done = progress(io, 'Drawing the plan views, the 3D view and the charts');
  const project = typeof values.title === 'string' ? values.title : basename(path, extname(path));
  const content = buildReport(doc, results, bom, { project, date, ...LAYOUT });
  done();
  done = progress(io, `Writing ${out}`);
  try {
    const pdf = await renderReportPdf(content);
    writeFileSync(out, pdf);
  } catch (error) {
    done();
    io.err(`factory-twin: ${writeFailure(out, error)}\n`);
    return EXIT.file;
  }
  done();
  io.out(`Wrote ${out}: ${content.pictures.length} pictures, ${content.charts.length} charts, ${content.violationCount} violations, BOM total ${content.bom.total}\n`);
  return EXIT.ok;
}
