// Runs the command line in-process, capturing its output, as a user would see it.
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../electron/cli/io.js';
import { run } from '../../electron/cli/main.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun { code: number; out: string; err: string }

export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { root, cwd, out: (t) => { out += t; }, err: (t) => { err += t; }, interactive: false };
  const code = await run(argv, io);
  return { code, out, err };
}
