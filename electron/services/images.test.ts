// Screenshots written by main: only real PNG bytes under the size limit are accepted, the path
// comes from the save dialog (never from the page), a cancelled dialog writes nothing, and a
// name the handler had to extend with .png is not replaced without a yes.
import { deflateSync } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PNG_BYTES } from '../contract/api.js';
import { tempDir } from '../../tests/support/tmp.js';
import { imageHandlers, PayloadError, pngFileName, pngSize, type DesktopShell } from './index.js';

/** A real w×h RGB PNG, one colour: signature, IHDR, IDAT (filter byte 0 per row), IEND. */
function makePng(w: number, h: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc(h * (1 + 3 * w), 0x80);
  for (let y = 0; y < h; y++) raw[y * (1 + 3 * w)] = 0;
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

class DialogShell implements DesktopShell {
  answer: string | null = null;
  replace = false;
  asked: string[] = [];
  overwriteAsked: string[] = [];
  async chooseOpenPath() { return null; }
  async chooseSavePath() { return null; }
  setTitle() {}
  async confirmUnsaved() { return 'cancel' as const; }
  async confirmOverwrite(path: string) { this.overwriteAsked.push(path); return this.replace; }
  async chooseExportPath() { return null; }
  async chooseImagePath(name: string) { this.asked.push(name); return this.answer; }
}

const dir = tempDir('ft-images-');

describe('PNG bytes', () => {
  it('reads the size from IHDR and refuses what is not a PNG', () => {
    expect(pngSize(makePng(37, 11))).toEqual({ width: 37, height: 11 });
    expect(pngSize(new TextEncoder().encode('not a png, just some text of length 40'))).toBeNull();
    const truncated = makePng(4, 4).slice(0, 20);
    expect(pngSize(truncated)).toBeNull();
  });

  it('makes a file name without folders or reserved characters, ending in .png', () => {
    expect(pngFileName('Demo hall — Overview')).toBe('Demo hall — Overview.png');
    expect(pngFileName('../../etc/passwd')).toBe('..-..-etc-passwd.png');
    expect(pngFileName('shot.PNG')).toBe('shot.PNG');
    expect(pngFileName('..')).toBe('Factory Twin.png');
  });
});

describe('image:savePng', () => {
  it('writes the bytes where the dialog says and reports the size', async () => {
    const shell = new DialogShell();
    shell.answer = join(dir, 'overview.png');
    const png = makePng(64, 32);
    const result = await imageHandlers(shell)['image:savePng']([png, 'Demo hall: overview']);
    expect(result).toEqual({ ok: true, value: { path: shell.answer, bytes: png.length } });
    expect(shell.asked).toEqual(['Demo hall- overview.png']);
    expect(new Uint8Array(readFileSync(shell.answer))).toEqual(png);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const shell = new DialogShell();
    expect(await imageHandlers(shell)['image:savePng']([makePng(2, 2), 'x'])).toBeNull();
    expect(shell.asked).toEqual(['x.png']);
  });

  it('adds .png to a typed name and asks before replacing that file', async () => {
    const shell = new DialogShell();
    shell.answer = join(dir, 'typed');
    const existing = `${shell.answer}.png`;
    writeFileSync(existing, 'old');
    const refused = await imageHandlers(shell)['image:savePng']([makePng(2, 2), 'x']);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'exists', file: existing } });
    expect(readFileSync(existing, 'utf8')).toBe('old');
    shell.replace = true;
    expect(await imageHandlers(shell)['image:savePng']([makePng(2, 2), 'x'])).toMatchObject({ ok: true, value: { path: existing } });
    expect(shell.overwriteAsked).toEqual([existing, existing]);
    expect(pngSize(new Uint8Array(readFileSync(existing)))).toEqual({ width: 2, height: 2 });
  });

  it('refuses bytes that are not a PNG, too large, or not bytes at all, before any dialog', async () => {
    const shell = new DialogShell();
    shell.answer = join(dir, 'never.png');
    const h = imageHandlers(shell)['image:savePng'];
    await expect(h([new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/> padding'), 'x'])).rejects.toThrow(PayloadError);
    await expect(h([Array.from(makePng(2, 2)), 'x'])).rejects.toThrow(/image:savePng refused/);
    const huge = new Uint8Array(MAX_PNG_BYTES + 1);
    huge.set(makePng(2, 2));
    await expect(h([huge, 'x'])).rejects.toThrow(/at most/);
    await expect(h([makePng(2, 2), 'x'.repeat(300)])).rejects.toThrow(PayloadError);
    expect(shell.asked).toEqual([]);
    expect(existsSync(shell.answer)).toBe(false);
  });
});
