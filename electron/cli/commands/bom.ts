// `factory-twin bom <file> --format csv|xlsx|json -o <out> [--force]`: the bill of materials
// of a saved project, computed headless (fabric model included) and written to a file. The
// pipeline is the one File > Export runs (electron/export/pipelines.ts).
import { resolve } from 'node:path';
import { BOM_FORMATS, type BomFormat } from '../../export/bom-files.js';
import { exportBom } from '../../export/pipelines.js';
import { readProject } from '../../project/index.js';
import { EXIT, progress, type CliIo } from '../io.js';
import { outputPath, parseCommand, pickFormat, writeFailure } from '../args.js';

export async function cmdBom(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    format: { type: 'string' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false },
  }, ['file']);
  const format = pickFormat<BomFormat>(values.format, String(values.output ?? ''), BOM_FORMATS, { '.csv': 'csv', '.xlsx': 'xlsx', '.json': 'json' });
  const out = outputPath(io, values.output, values.force === true);
  const path = resolve(io.cwd, positionals[0] as string);
  const done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  let outcome;
  try {
    outcome = await exportBom(doc, format, out, (label) => progress(io, label));
  } catch (error) {
    io.err(`factory-twin: ${writeFailure(out, error)}\n`);
    return EXIT.file;
  }
  for (const w of outcome.warnings) io.err(`factory-twin: warning: ${w}\n`);
  io.out(`Wrote ${out}: ${outcome.detail}\n`);
  return EXIT.ok;
}
