// The recovery copy: unsaved work autosaved by the renderer every few seconds while the document
// is dirty. It is deleted when the user saves, discards or closes cleanly, so one that is still
// here at start-up means the last session crashed, and the renderer offers it back.
//
// The file (recovery.ftrec) is a header line that main writes (format, version 2, the project's
// path, when), then the document's gzipped UTF-8 JSON exactly as the renderer sent it. Autosave
// never parses the document (on a gigawatt hall that would stall main for most of a second), and
// writes and syncs it off main's event loop; take() unpacks and validates it fully. The header
// sits on a line of its own rather than around the document, so that no bytes from the renderer
// can change the path or the time. Version 1 copies (recovery.json, one JSON envelope holding
// the document, from earlier builds) are still read.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { parseDocument } from '../../engine/model/index.js';
import { MAX_DOCUMENT_BYTES, type RecoveryInfo } from '../contract/api.js';
import { writeFileAtomicAsync } from './atomic.js';

const FORMAT = 'factory-twin-recovery';
const Header = z.discriminatedUnion('version', [
  z.object({ format: z.literal(FORMAT), version: z.literal(1), path: z.string().nullable(), savedAt: z.string(), document: z.unknown() }),
  z.object({ format: z.literal(FORMAT), version: z.literal(2), path: z.string().nullable(), savedAt: z.string() }),
]);
const NEWLINE = 0x0a;
/** Invalid UTF-8 is damage, not text to repair with U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class RecoveryStore {
  readonly file: string;
  /** Where version 1 copies were written. */
  readonly legacyFile: string;
  /** Writes in the order asked, one at a time (they share a temporary file). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped by discard(): a write asked for before it must not land after it. */
  private generation = 0;

  constructor(
    dataDir: string,
    private readonly now: () => Date = () => new Date(),
    /** Largest document JSON take() unpacks (tests lower it). */
    private readonly maxDocumentBytes = MAX_DOCUMENT_BYTES,
  ) {
    this.file = join(dataDir, 'recovery', 'recovery.ftrec');
    this.legacyFile = join(dataDir, 'recovery', 'recovery.json');
  }

  /**
   * `document` is the document's gzipped UTF-8 JSON as the renderer sent it; written, not parsed. Resolves
   * when the copy is on disk, or when a discard() since made it unwanted (then nothing is written).
   */
  write(path: string | null, document: Uint8Array): Promise<void> {
    const generation = this.generation;
    const wanted = () => generation === this.generation;
    const header = JSON.stringify({ format: FORMAT, version: 2, path, savedAt: this.now().toISOString() });
    const done = this.queue.then(async () => {
      if (wanted()) await writeFileAtomicAsync(this.file, [Buffer.from(`${header}\n`), document], wanted);
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * The copy, if there is a usable one. Reading does not delete it: if the app crashes again
   * before the next autosave, the work is still there. A damaged copy is moved aside (kept for
   * a person to look at) rather than offered or silently deleted.
   */
  take(): RecoveryInfo | null {
    const file = [this.file, this.legacyFile].find((f) => existsSync(f));
    if (file === undefined) return null;
    try {
      const bytes = readFileSync(file);
      const end = bytes.indexOf(NEWLINE);
      const header = Header.parse(JSON.parse(utf8.decode(end < 0 ? bytes : bytes.subarray(0, end))));
      let document: unknown;
      if (header.version === 1) {
        document = header.document;
      } else if (end >= 0) {
        // The cap: a few hundred kilobytes must not unpack into gigabytes.
        const json = gunzipSync(bytes.subarray(end + 1), { maxOutputLength: this.maxDocumentBytes });
        document = JSON.parse(utf8.decode(json));
      }
      const parsed = parseDocument(document);
      if (parsed.ok) return { path: header.path, savedAt: header.savedAt, document: parsed.value };
    } catch {
      // fall through: not gzip, not UTF-8, not JSON, too large or not our header
    }
    renameSync(file, `${file}.damaged-${this.now().getTime()}`);
    return null;
  }

  /** Also cancels the writes in flight: a save or a clean close must not be followed by a copy. */
  discard(): void {
    this.generation += 1;
    rmSync(this.file, { force: true });
    rmSync(this.legacyFile, { force: true });
  }
}
