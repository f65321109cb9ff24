// Argument parsing shared by every command: node:util parseArgs with the CLI's
// one-line usage errors, and the output-path rules (refuse to overwrite without --force).
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFailureReason } from '../export/pipelines.js';
import { UsageError, type CliIo } from './io.js';

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

export function parseCommand(args: string[], options: Options, positionals: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] ?? 'bad arguments' : 'bad arguments');
  }
  if (parsed.positionals.length !== positionals.length) {
    throw new UsageError(`expected ${positionals.map((p) => `<${p}>`).join(' ')}, got ${parsed.positionals.length === 0 ? 'nothing' : parsed.positionals.join(' ')}`);
  }
  return parsed;
}

/** The format from --format, else from the output's extension; one of `allowed`. */
export function pickFormat<T extends string>(given: unknown, output: string, allowed: readonly T[], byExtension: Record<string, T>): T {
  const format = typeof given === 'string' ? given : byExtension[extname(output).toLowerCase()];
  if (format === undefined) throw new UsageError(`--format is required (${allowed.join(', ')}): the extension of ${output} does not say`);
  if (!(allowed as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${format}"`);
  return format as T;
}

/** Resolves -o and applies the overwrite rule; `folder` outputs may be an existing empty folder. */
export function outputPath(io: CliIo, given: unknown, force: boolean): string {
  if (typeof given !== 'string' || given === '') throw new UsageError('-o <output> is required');
  const out = resolve(io.cwd, given);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`cannot write ${out}: the folder ${dirname(out)} does not exist`);
  if (existsSync(out) && !force) throw new UsageError(`${out} already exists; use --force to replace it`);
  return out;
}

/** A write failure as a sentence (ENOENT, EACCES, ENOSPC...), for stderr. */
export function writeFailure(out: string, error: unknown): string {
  return `cannot write ${out}: ${writeFailureReason(error)}`;
}
