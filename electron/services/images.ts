// Screenshots from presentation mode: the renderer composes the PNG (it has the WebGL canvas and
// the figures), main only checks that the bytes are a PNG of a sane size, asks where to put it
// with the native save dialog and writes it. The page never chooses a path itself.
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { MAX_PNG_BYTES, type Result, type SavedFile } from '../contract/api.js';
import { writeFileAtomic } from './atomic.js';
import type { DesktopShell, Handlers } from './handlers.js';
import { args } from './validate.js';

/** Every PNG starts with these eight bytes (PNG spec, 5.2), then the IHDR chunk. */
export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Width and height from the IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The first chunk must be IHDR, 13 bytes long: width and height are its first two uint32s.
  if (view.getUint32(8) !== 13 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const width = view.getUint32(16), height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** A file name from the renderer's suggestion: no folders, no characters Windows refuses, .png. */
export function pngFileName(suggestedName: string): string {
  const name = basename(suggestedName.replace(/[\\/:*?"<>|]/g, '-')).trim().replace(/^\.+$/, '') || 'Factory Twin';
  return extname(name).toLowerCase() === '.png' ? name : `${name}.png`;
}

// Electron's structured clone delivers a Uint8Array; anything else (a plain array, a JSON object
// from the preview bridge) is a malformed request.
const PngBytes = z.instanceof(Uint8Array)
  .refine((b) => b.length <= MAX_PNG_BYTES, `must be at most ${MAX_PNG_BYTES} bytes`)
  .refine((b) => pngSize(b) !== null, 'must be a PNG image (signature and IHDR chunk)');

export function imageHandlers(shell: DesktopShell): Handlers<'image:savePng'> {
  return {
    'image:savePng': async (raw) => {
      const [bytes, suggested] = args('image:savePng', z.tuple([PngBytes, z.string().max(255)]), raw);
      const path = await shell.chooseImagePath(pngFileName(suggested));
      if (path === null) return null;
      const target = extname(path).toLowerCase() === '.png' ? path : `${path}.png`;
      // The dialog asked about replacing the name it returned; a name we extended is asked here.
      if (target !== path && existsSync(target) && !(await shell.confirmOverwrite(target, 'exists'))) {
        return { ok: false, error: { kind: 'exists', file: target, message: `${basename(target)} already exists and was not replaced.`, problems: [] } } satisfies Result<SavedFile>;
      }
      try {
        writeFileAtomic(target, bytes);
        return { ok: true, value: { path: target, bytes: bytes.length } } satisfies Result<SavedFile>;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { kind: 'write-failed', file: target, message: `Could not write ${target}: ${reason}`, problems: [] } } satisfies Result<SavedFile>;
      }
    },
  };
}
