// `factory-twin report <file> -o report.pdf [--date YYYY-MM-DD] [--force]`: the PDF report of a
// saved project, made headless: the pictures are vector drawings, no window and no GPU needed.
// The pipeline is the one File > Export runs (electron/export/pipelines.ts).
import { basename, extname, resolve } from 'node:path';
import { exportReport, localDate } from '../../export/pipelines.js';
import { readProject } from '../../project/index.js';
import { outputPath, parseCommand, writeFailure } from '../args.js';
import { EXIT, progress, UsageError, type CliIo } from '../io.js';

export async function cmdReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    output: { type: 'string', short: 'o' }, date: { type: 'string' }, title: { type: 'string' }, force: { type: 'boolean', default: false },
  }, ['file']);
  const out = outputPath(io, values.output, values.force === true);
  if (extname(out).toLowerCase() !== '.pdf') throw new UsageError(`the report is a PDF: the output name must end in .pdf, not "${basename(out)}"`);
  // The CLI owns the clock, the engine never reads it.
  const date = typeof values.date === 'string' ? values.date : localDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${date}"`);
  const path = resolve(io.cwd, positionals[0] as string);
  const done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  const project = typeof values.title === 'string' ? values.title : basename(path, extname(path));
  let outcome;
  try {
    outcome = await exportReport(doc, out, { project, date }, (label) => progress(io, label));
  } catch (error) {
    io.err(`factory-twin: ${writeFailure(out, error)}\n`);
    return EXIT.file;
  }
  io.out(`Wrote ${out}: ${outcome.detail}\n`);
  return EXIT.ok;
}
