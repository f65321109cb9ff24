// Small files the app owns (settings, the recovery copy) are written whole to a temporary file and
// renamed over the old one, so a crash mid-write leaves either the old or the new file, never half.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** `data` may be several parts written one after the other (no copy into one buffer first). */
export function writeFileAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    // writeFileSync on a descriptor loops until every byte is written (writeSync may write fewer).
    for (const part of typeof data === 'string' || data instanceof Uint8Array ? [data] : data) writeFileSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * writeFileAtomic with the writing and the fsync off the event loop (libuv's threads), for files
 * large enough to stall Electron's main (a gigawatt hall's recovery copy is ~6 MB). Only the
 * rename, a metadata operation, runs on the event loop, and only if `stillWanted()` still says
 * yes then: a caller can cancel a write in flight synchronously (RecoveryStore.discard). Writes
 * to one path must not overlap (they share the temporary file); callers queue them.
 * Resolves true when the file was replaced.
 */
export async function writeFileAtomicAsync(path: string, parts: readonly Uint8Array[], stillWanted: () => boolean = () => true): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const file = await open(temp, 'w', 0o600);
  try {
    // Each writeFile continues at the current position and loops until every byte is written.
    for (const part of parts) await file.writeFile(part);
    await file.sync();
  } finally {
    await file.close();
  }
  // No await between this check and the rename: nothing can cancel in between.
  if (!stillWanted()) {
    rmSync(temp, { force: true });
    return false;
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return true;
}
