// The project-file service: a plain Node class (no Electron) used by the desktop app's main
// process, the browser preview bridge and the command line alike.
import { statSync } from 'node:fs';
import { parseDocument, type ProjectDocument } from '../../engine/model/index.js';
import { ProjectFileError } from './errors.js';
import { readProject } from './read.js';
import { writeProject } from './write.js';

/** What we remember of a file when we read or wrote it, to notice changes made by others. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
}

export interface OpenedProject {
  path: string;
  document: ProjectDocument;
  fingerprint: FileFingerprint;
}

export interface SaveOptions {
  /**
   * The fingerprint from when the file was opened or last saved: saving is refused if the
   * file changed on disk since (never a silent overwrite). null: the file must not exist yet,
   * unless `overwrite` says the user confirmed replacing it.
   */
  expected: FileFingerprint | null;
  overwrite?: boolean;
}

export class ProjectFileService {
  constructor(private readonly appVersion: string) {}

  open(path: string): OpenedProject {
    const before = this.fingerprint(path);
    const document = readProject(path);
    return { path, document, fingerprint: before ?? { size: 0, mtimeMs: 0 } };
  }

  /** Validate, check the file was not changed by someone else, then write atomically. */
  save(path: string, document: unknown, options: SaveOptions): FileFingerprint {
    const parsed = parseDocument(document);
    if (!parsed.ok) {
      throw new ProjectFileError('invalid', path, `The project was not saved to ${path}: it has ${parsed.problems.length} invalid value(s).`, parsed.problems);
    }
    const current = this.fingerprint(path);
    if (options.expected === null) {
      if (current !== null && options.overwrite !== true) {
        throw new ProjectFileError('changed-on-disk', path, `${path} already exists; confirm to replace it.`);
      }
    } else if (current !== null && !sameFingerprint(current, options.expected) && options.overwrite !== true) {
      throw new ProjectFileError('changed-on-disk', path,
        `${path} was changed on disk by another program since it was opened; save under another name or confirm to overwrite it.`);
    }
    try {
      writeProject(path, parsed.value, this.appVersion);
    } catch (error) {
      throw new ProjectFileError('write-failed', path, `Could not save ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.fingerprint(path) as FileFingerprint;
  }

  fingerprint(path: string): FileFingerprint | null {
    try {
      const s = statSync(path);
      return { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return null;
    }
  }
}

export function sameFingerprint(a: FileFingerprint, b: FileFingerprint): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
