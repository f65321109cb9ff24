// `factory-twin export <file> --format netbox|glb -o <out> [--site NAME] [--force]`: NetBox
// import files into a folder, or the hall as a binary glTF for other 3D tools.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { computeFabric } from '../../../engine/fabric/index.js';
import { buildGlb } from '../../export/glb.js';
import { netboxExport, writeNetboxFolder } from '../../export/netbox.js';
import { readProject } from '../../project/index.js';
import { EXIT, progress, UsageError, type CliIo } from '../io.js';
import { outputPath, parseCommand, pickFormat, writeFailure } from '../args.js';

const FORMATS = ['netbox', 'glb'] as const;

export function cmdExport(args: string[], io: CliIo): number {
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
  let done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  try {
    if (format === 'glb') {
      done = progress(io, `Writing ${out}`);
      const bytes = buildGlb(doc);
      writeFileSync(out, bytes);
      done();
      io.out(`Wrote ${out}: ${doc.racks.length + doc.cooling.length + doc.power.length + doc.containment.length + 1} boxes, ${bytes.byteLength} bytes\n`);
    } else {
      done = progress(io, 'Computing the fabric and the NetBox files');
      const nb = netboxExport(doc, computeFabric(doc), typeof values.site === 'string' ? values.site : undefined);
      writeNetboxFolder(nb, out);
      done();
      const c = nb.counts;
      io.out(`Wrote ${out}/: ${c.racks} racks, ${c.devices} devices of ${c.deviceTypes} types, ${c.powerFeeds} power feeds, ${c.cables} cables\n`);
    }
  } catch (error) {
    done();
    io.err(`factory-twin: ${writeFailure(out, error)}\n`);
    return EXIT.file;
  }
  return EXIT.ok;
}
