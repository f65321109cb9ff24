// `factory-twin <verb>`: the headless command line. Errors go to stderr as plain sentences with
// a non-zero exit code; --json output goes to stdout and is documented in docs/cli.md.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeSample, SAMPLE_NAMES, type SampleName } from '../../engine/generators/index.js';
import { ProjectFileError, ProjectFileService, readProject, FILE_EXTENSION } from '../project/index.js';
import { loadShippedCatalog } from './catalog.js';
import { parseCommand as parse } from './args.js';
import { EXIT, findRoot, processIo, progress, UsageError, type CliIo } from './io.js';

export { EXIT } from './io.js';
import { computeProject, formatResults, resultsJson } from './compute.js';
import { formatSummary, summarise } from './summary.js';
import { cmdBom } from './commands/bom.js';
import { cmdExport } from './commands/export.js';
import { cmdReport } from './commands/report.js';

export const VERSION = '0.1.0';

const USAGE = `Usage: factory-twin <command> [options]

Commands:
  new <file> [--sample demo|superpod|gigawatt] [--sus N] [--force]
                           make a project file from a sample hall (default: demo)
  info <file> [--json]     summarise a project: objects by kind, GPUs, nameplate power
  validate <file> [--json] check a project file and print every problem found
  compute <file> [--json]  power, cooling and heat, fabric, agents and the bottleneck
  bom <file> --format csv|xlsx|json -o <out> [--force]
                           write the bill of materials (format defaults from the extension)
  export <file> --format netbox|glb -o <out> [--site NAME] [--force]
                           NetBox import files (a folder) or the hall as binary glTF
  report <file> -o <out.pdf> [--date YYYY-MM-DD] [--title NAME] [--force]
                           the PDF report: key figures, plan and 3D views, charts, BOM
  help                     show this help

Exit codes: 0 success, 1 the file has problems, 2 wrong usage, 3 the file cannot be used.
`;

type Handler = (args: string[], io: CliIo) => number | Promise<number>;

const commands: Record<string, Handler> = {
  new: cmdNew,
  info: cmdInfo,
  validate: cmdValidate,
  compute: cmdCompute,
  bom: cmdBom,
  export: cmdExport,
  report: cmdReport,
  help: (_a, io) => { io.out(USAGE); return EXIT.ok; },
};

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    io.out(USAGE);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  if (verb === '--version' || verb === '-v') {
    io.out(`factory-twin ${VERSION}\n`);
    return EXIT.ok;
  }
  const handler = commands[verb];
  try {
    if (!handler) throw new UsageError(`unknown command "${verb}". Run "factory-twin help" for the list.`);
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`factory-twin: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ProjectFileError) {
      io.err(`factory-twin: ${error.describe()}\n`);
      return error.kind === 'invalid' ? EXIT.problems : EXIT.file;
    }
    // Anything else is our bug: say so plainly, without a stack trace unless asked for.
    io.err(`factory-twin: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.FACTORY_TWIN_DEBUG) io.err(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT.file;
  }
}

function cmdNew(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { sample: { type: 'string', default: 'demo' }, sus: { type: 'string' }, force: { type: 'boolean', default: false } }, ['file']);
  const sample = values.sample as string;
  if (!(SAMPLE_NAMES as readonly string[]).includes(sample)) throw new UsageError(`--sample must be one of ${SAMPLE_NAMES.join(', ')}, not "${sample}"`);
  if (values.sus !== undefined && sample !== 'superpod') throw new UsageError('--sus applies to --sample superpod only');
  const sus = values.sus === undefined ? 4 : Number(values.sus);
  if (!Number.isInteger(sus) || sus < 1 || sus > 64) throw new UsageError(`--sus must be a whole number from 1 to 64, not "${String(values.sus)}"`);
  const path = resolve(io.cwd, positionals[0] as string);
  if (!path.endsWith(FILE_EXTENSION)) throw new UsageError(`the project file name must end in ${FILE_EXTENSION}: ${path}`);
  if (existsSync(path) && values.force !== true) throw new UsageError(`${path} already exists; use --force to replace it`);
  const catalog = loadShippedCatalog(io.root);
  let done = progress(io, `Generating the ${sample} hall`);
  const doc = makeSample(catalog, sample as SampleName, sus);
  done();
  done = progress(io, `Saving ${path}`);
  new ProjectFileService(VERSION).save(path, doc, { expected: null, overwrite: true });
  done();
  io.out(`Created ${path}: ${doc.hall.name}, ${doc.racks.length} racks, ${doc.cooling.length} cooling units, ${doc.power.length} power elements\n`);
  return EXIT.ok;
}

function cmdInfo(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } }, ['file']);
  const path = resolve(io.cwd, positionals[0] as string);
  const done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  const summary = summarise(doc);
  io.out(values.json ? `${JSON.stringify({ file: path, ...summary }, null, 2)}\n` : formatSummary(summary));
  return EXIT.ok;
}

function cmdValidate(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } }, ['file']);
  const path = resolve(io.cwd, positionals[0] as string);
  try {
    const doc = readProject(path);
    if (values.json) io.out(`${JSON.stringify({ file: path, valid: true, problems: [] }, null, 2)}\n`);
    else io.out(`${path}: valid (${doc.racks.length} racks, ${doc.cooling.length} cooling units, ${doc.power.length} power elements, ${doc.links.length} links)\n`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ProjectFileError) || !values.json) throw error;
    io.out(`${JSON.stringify({ file: path, valid: false, kind: error.kind, message: error.message, problems: error.problems }, null, 2)}\n`);
    return error.kind === 'invalid' ? EXIT.problems : EXIT.file;
  }
}

function cmdCompute(args: string[], io: CliIo): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } }, ['file']);
  const path = resolve(io.cwd, positionals[0] as string);
  let done = progress(io, `Reading ${path}`);
  const doc = readProject(path);
  done();
  done = progress(io, 'Computing power, heat, fabric and agents');
  const results = computeProject(doc);
  done();
  io.out(values.json ? resultsJson(results) : formatResults(doc, results));
  return EXIT.ok;
}

/** Entry point of the bundled CLI (bin/factory-twin.cjs). */
export function main(argv: string[], rootHint: string): Promise<number> {
  return run(argv, processIo(findRoot(rootHint)));
}
