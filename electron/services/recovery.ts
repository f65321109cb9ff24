// The recovery copy: unsaved work autosaved by the renderer every few seconds while the document
// is dirty. It is deleted when the user saves, discards or closes cleanly, so one that is still
// here at start-up means the last session crashed, and the renderer offers it back.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDocument, type ProjectDocument } from '../../engine/model/index.js';
import type { RecoveryInfo } from '../contract/api.js';
import { writeFileAtomic } from './atomic.js';

const Envelope = z.object({
  format: z.literal('factory-twin-recovery'),
  version: z.literal(1),
  path: z.string().nullable(),
  savedAt: z.string(),
  document: z.unknown(),
});

export class RecoveryStore {
  readonly file: string;

  constructor(dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.file = join(dataDir, 'recovery', 'recovery.json');
  }

  /** The document was validated by the caller (IPC border); JSON keeps it plain data. */
  write(path: string | null, document: ProjectDocument): void {
    const envelope = { format: 'factory-twin-recovery', version: 1, path, savedAt: this.now().toISOString(), document };
    writeFileAtomic(this.file, JSON.stringify(envelope));
  }

  /**
   * The copy, if there is a usable one. Reading does not delete it: if the app crashes again
   * before the next autosave, the work is still there. A damaged copy is moved aside (kept for
   * a person to look at) rather than offered or silently deleted.
   */
  take(): RecoveryInfo | null {
    if (!existsSync(this.file)) return null;
    try {
      const envelope = Envelope.parse(JSON.parse(readFileSync(this.file, 'utf8')));
      const parsed = parseDocument(envelope.document);
      if (parsed.ok) return { path: envelope.path, savedAt: envelope.savedAt, document: parsed.value };
    } catch {
      // fall through: not JSON or not our envelope
    }
    renameSync(this.file, `${this.file}.damaged-${this.now().getTime()}`);
    return null;
  }

  discard(): void {
    rmSync(this.file, { force: true });
  }
}
