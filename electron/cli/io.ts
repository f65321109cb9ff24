// The command line's connection to the world, injected so tests run it in-process.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Exit codes, documented in docs/cli.md. */
export const EXIT = { ok: 0, problems: 1, usage: 2, file: 3 } as const;

export interface CliIo {
  /** Package root (where assets/ lives). */
  root: string;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress is shown only then. */
  interactive: boolean;
}

export function processIo(root: string): CliIo {
  return {
    root,
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    interactive: process.stderr.isTTY === true,
  };
}

/** Walk up from a folder to the package root (the folder holding assets/catalog). */
export function findRoot(from: string): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'assets', 'catalog', 'default.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find assets/catalog/default.json above ${from}`);
    dir = up;
  }
}

/** A usage or input error: printed as one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Shows what a slow step is doing, on a terminal only; the line is cleared when done. */
export function progress(io: CliIo, label: string): () => void {
  if (!io.interactive) return () => {};
  io.err(`${label}...`);
  return () => io.err('\r\x1b[2K');
}
