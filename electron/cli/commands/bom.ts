// `factory-twin bom <file> --format csv|xlsx|json -o <out> [--force]`: the bill of materials
// of a saved project, computed headless (fabric model included) and written to a file.
import { resolve } from 'node:path';
import { buildBom } from '../../../engine/bom/index.js';
import { computeFabric } from '../../../engine/fabric/index.js';
import { BOM_FORMATS, writeBom, type BomFormat } from '../../export/bom-files.js';
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
  let done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  done = progress(io, 'Computing the fabric and the bill of materials');
  const bom = buildBom(doc, computeFabric(doc));
  done();
  done = progress(io, `Writing ${out}`);
  try {
    await writeBom(bom, format, out);
  } catch (error) {
    done();
    io.err(`factory-twin: ${writeFailure(out, error)}\n`);
    return EXIT.file;
  }
  done();
  for (const w of bom.warnings) io.err(`factory-twin: warning: ${w}\n`);
  const money = bom.total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  io.out(`Wrote ${out}: ${bom.lines.length} lines in ${bom.categories.length} categories, total ${money} ${bom.currency}\n`);
  return EXIT.ok;
}
