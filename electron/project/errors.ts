// Errors a user can act on: what is wrong with which file, never a stack trace.
import type { Problem } from '../../engine/model/index.js';

export type ProjectErrorKind =
  | 'not-found' | 'unreadable' | 'not-sqlite' | 'not-ours' | 'too-new' | 'corrupt' | 'invalid' | 'changed-on-disk' | 'write-failed';

export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';
  constructor(
    readonly kind: ProjectErrorKind,
    readonly file: string,
    message: string,
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
  }

  /** The message and every problem, one per line, as printed by the CLI and shown by the app. */
  describe(limit = 50): string {
    const lines = [this.message];
    for (const p of this.problems.slice(0, limit)) lines.push(`  ${p.path}: ${p.message}`);
    if (this.problems.length > limit) lines.push(`  ... and ${this.problems.length - limit} more`);
    return lines.join('\n');
  }
}
