// `factory-twin export <file> --format netbox|glb -o <out> [--site NAME] [--force]`: NetBox
// import files into a folder, or the hall as a binary glTF for other 3D tools. The pipelines are
// the ones File > Export runs (electron/export/pipelines.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportGlb, exportNetbox } from '../../export/pipelines.js';
import { readProject } from '../../project/index.js';
import { EXIT, progress, UsageError, type CliIo } from '../io.js';
import { outputPath, parseCommand, pickFormat, writeFailure } from '../args.js';

const FORMATS = ['netbox', 'glb'] as const;

export async function cmdExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(args, {
    format: { type: 'string' }, output: { type: 'string', short: 'o' }, site: { type: 'string' }, force: { type: 'boolean', default: false },
  }, ['file']);
  const format = pickFormat(values.format, String(values.output ?? ''), FORMATS, { '.glb': 'glb' });
  if (values.site !== undefined && format !== 'netbox') throw new UsageError('--site applies to --format netbox only');
  // An existing empty folder is a fine target for the NetBox files; a non-empty one needs --force.
  const target = typeof values.output === 'string' ? resolve(io.cwd, values.output) : '';
  const emptyFolder = format === 'netbox' && target !== '' && existsSync(target) && statSync(target).isDirectory() && readdirSync(target).length === 0;
  const out = outputPath(io, values.output, values.force === true || emptyFolder);
  const path = resolve(io.cwd, positionals[0] as string);
  const done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  const step = (label: string) => progress(io, label);
  try {
    if (format === 'glb') {
      io.out(`Wrote ${out}: ${(await exportGlb(doc, out, step)).detail}\n`);
    } else {
      const site = typeof values.site === 'string' ? values.site : undefined;
      const outcome = await exportNetbox(doc, out, site, step);
      io.out(`Wrote ${out}/: ${outcome.detail}\n`);
      // Links that no device interface could take went to 10-cables-unmapped.csv: say so.
      for (const w of outcome.warnings) io.err(`factory-twin: warning: ${w}\n`);
    }
  } catch (error) {
    io.err(`factory-twin: ${writeFailure(out, error)}\n`);
    return EXIT.file;
  }
  return EXIT.ok;
}
