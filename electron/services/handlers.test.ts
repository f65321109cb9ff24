// The API's behaviour behind both transports: payload validation, the open/save/recent flow, and
// never a silent overwrite (the shell is asked, and only a yes replaces the file).
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../contract/api.js';
import { demoHall } from '../../engine/generators/index.js';
import { tempDir } from '../../tests/support/tmp.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { allHandlers, createServices, PayloadError, type DesktopShell } from './index.js';

class FakeShell implements DesktopShell {
  openAnswer: string | null = null;
  overwriteAnswer = false;
  overwriteAsked: [string, string][] = [];
  titles: [string, boolean][] = [];
  async chooseOpenPath() { return this.openAnswer; }
  async chooseSavePath(name: string) { return `/chosen/${name}`; }
  setTitle(title: string, dirty: boolean) { this.titles.push([title, dirty]); }
  async confirmUnsaved() { return 'discard' as const; }
  async chooseExportPath(format: string, name: string) { return `/chosen/${format}/${name}`; }
  async chooseImagePath(name: string) { return `/chosen/${name}`; }
  async confirmOverwrite(path: string, reason: 'exists' | 'changed' | 'not-empty') {
    this.overwriteAsked.push([path, reason]);
    return this.overwriteAnswer;
  }
}

const dir = tempDir('ft-handlers-');
const setup = () => {
  const shell = new FakeShell();
  const services = createServices({ dataDir: join(dir, `data-${Math.random().toString(36).slice(2)}`), appVersion: '9.9.9' });
  return { shell, services, h: allHandlers(services, shell) };
};
const doc = demoHall(shippedCatalog);

describe('API handlers', () => {
  it('answer every channel of the contract and nothing else', () => {
    expect(Object.keys(setup().h).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('refuse malformed payloads with a message naming the channel and the argument', async () => {
    const { h } = setup();
    await expect(h['project:open']([42])).rejects.toThrow(/project:open refused a malformed request: args\[0\]/);
    await expect(h['project:open'](['relative/path.aifactory'])).rejects.toThrow(/absolute path/);
    await expect(h['project:save']([{ path: '/x.aifactory', document: doc, expected: null }])).rejects.toThrow(PayloadError);
    await expect(h['project:save']([{ path: '/x.aifactory', document: doc, expected: null, overwrite: false, extra: 1 }])).rejects.toThrow(/extra/);
    await expect(h['window:setTitle'](['t', 'yes'])).rejects.toThrow(/window:setTitle refused/);
    await expect(h['app:version'](['surplus'])).rejects.toThrow(PayloadError);
    await expect(h['project:newFromTemplate'](['kitchen'])).rejects.toThrow(PayloadError);
    await expect(h['project:newFromTemplate'](['superpod', 0])).rejects.toThrow(PayloadError);
  });

  it('refuse an invalid document with the path of the bad value', async () => {
    const { h } = setup();
    const bad = { ...doc, racks: [{ ...doc.racks[0], typeId: 'no-such-rack' }] };
    await expect(h['project:save']([{ path: join(dir, 'bad.aifactory'), document: bad, expected: null, overwrite: false }]))
      .rejects.toThrow(/args\[0\]\.document\.racks\[0\]/);
  });

  it('store the recovery copy as the bytes sent, refusing anything but gzip bytes, and offer it back validated', async () => {
    const { h } = setup();
    const bytes = new Uint8Array(gzipSync(JSON.stringify(doc)));
    // A document object (what this channel took before), numbers, or bytes that are not gzip.
    await expect(h['recovery:write']([null, doc])).rejects.toThrow(/recovery:write refused a malformed request: args\[1\]/);
    await expect(h['recovery:write']([null, [...bytes]])).rejects.toThrow(PayloadError);
    await expect(h['recovery:write']([null, new TextEncoder().encode(JSON.stringify(doc))])).rejects.toThrow(/must be gzip data/);
    await expect(h['recovery:write'](['relative.aifactory', bytes])).rejects.toThrow(/absolute path/);
    expect(await h['recovery:take']([])).toBeNull();
    await h['recovery:write']([join(dir, 'hall.aifactory'), bytes]);
    expect(await h['recovery:take']([])).toMatchObject({ path: join(dir, 'hall.aifactory'), document: doc });
    // An invalid document gets as far as the copy, and no further: take() refuses it and moves it aside.
    const bad = { ...doc, racks: [{ ...doc.racks[0], typeId: 'no-such-rack' }] };
    await h['recovery:write']([null, new Uint8Array(gzipSync(JSON.stringify(bad)))]);
    expect(await h['recovery:take']([])).toBeNull();
    await h['recovery:discard']([]);
    expect(await h['recovery:take']([])).toBeNull();
  });

  it('save, reopen the same document, and list the file as recent', async () => {
    const { h } = setup();
    const path = join(dir, 'roundtrip.aifactory');
    const saved = await h['project:save']([{ path, document: doc, expected: null, overwrite: false }]) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const opened = await h['project:open']([path]) as { ok: true; value: { document: unknown } };
    expect(opened.value.document).toEqual(doc);
    expect(await h['recent:list']([])).toEqual([path]);
  });

  it('ask before replacing a file changed on disk, and replace only on a yes', async () => {
    const { h, shell } = setup();
    const path = join(dir, 'changed.aifactory');
    const first = await h['project:save']([{ path, document: doc, expected: null, overwrite: false }]) as { ok: true; value: { size: number; mtimeMs: number } };
    // Another program touches the file: its mtime moves.
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const refused = await h['project:save']([{ path, document: doc, expected: first.value, overwrite: false }]) as { ok: false; error: { kind: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.kind).toBe('changed-on-disk');
    expect(shell.overwriteAsked).toEqual([[path, 'changed']]);
    shell.overwriteAnswer = true;
    const replaced = await h['project:save']([{ path, document: doc, expected: first.value, overwrite: false }]) as { ok: boolean };
    expect(replaced.ok).toBe(true);
  });

  it('ask before replacing an existing file when saving to a new path', async () => {
    const { h, shell } = setup();
    const path = join(dir, 'exists.aifactory');
    writeFileSync(path, 'someone else');
    const refused = await h['project:save']([{ path, document: doc, expected: null, overwrite: false }]) as { ok: boolean };
    expect(refused.ok).toBe(false);
    expect(shell.overwriteAsked).toEqual([[path, 'exists']]);
  });

  it('report a file that is not a project as data, and drop a vanished recent file', async () => {
    const { h, services } = setup();
    const junk = join(dir, 'junk.aifactory');
    writeFileSync(junk, 'not sqlite at all');
    const result = await h['project:open']([junk]) as { ok: false; error: { kind: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.message).toContain(junk);
    services.settings.addRecent('/gone/away.aifactory');
    const gone = await h['project:open'](['/gone/away.aifactory']) as { ok: false; error: { kind: string } };
    expect(gone.error.kind).toBe('not-found');
    expect(services.settings.recentFiles()).not.toContain('/gone/away.aifactory');
  });

  it('use the shell for the dialog when open gets null, and for the title', async () => {
    const { h, shell } = setup();
    expect(await h['project:open']([null])).toBeNull();
    await h['window:setTitle'](['Demo hall', true]);
    expect(shell.titles).toEqual([['Demo hall', true]]);
    expect(await h['project:newFromTemplate'](['superpod', null])).toMatchObject({ ok: true });
    expect(await h['app:version']([])).toBe('9.9.9');
  });
});
