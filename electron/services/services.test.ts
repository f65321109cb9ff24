// Settings, recent files, window bounds, the recovery copy, templates and static-file resolution,
// each on a temporary folder: the plain Node services Electron's main and the preview share.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/tmp.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { demoHall } from '../../engine/generators/index.js';
import { RecoveryStore } from './recovery.js';
import { RECENT_LIMIT, restoreBounds, SettingsStore } from './settings.js';
import { resolveStatic } from './static-files.js';
import { TemplateService } from './templates.js';
import { appRoot } from './index.js';

const root = tempDir('ft-services-');
let n = 0;
const freshDir = () => {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('SettingsStore', () => {
  it('keeps recent files most-recent-first, without duplicates, capped, across restarts', () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    for (let i = 0; i < RECENT_LIMIT + 3; i++) store.addRecent(`/p/hall-${i}.aifactory`);
    store.addRecent('/p/hall-5.aifactory');
    store.addRecent('relative/ignored.aifactory');
    const again = new SettingsStore(dir).recentFiles();
    expect(again).toHaveLength(RECENT_LIMIT);
    expect(again[0]).toBe('/p/hall-5.aifactory');
    expect(again[1]).toBe(`/p/hall-${RECENT_LIMIT + 2}`.concat('.aifactory'));
    expect(new Set(again).size).toBe(again.length);
    expect(again).not.toContain('relative/ignored.aifactory');
  });

  it('notifies listeners so the Open Recent menu is rebuilt', () => {
    const store = new SettingsStore(freshDir());
    const seen: string[][] = [];
    const off = store.onRecentChanged((r) => seen.push(r));
    store.addRecent('/a.aifactory');
    store.removeRecent('/a.aifactory');
    off();
    store.addRecent('/b.aifactory');
    expect(seen).toEqual([['/a.aifactory'], []]);
  });

  it('starts from defaults on a damaged settings file and keeps good fields of a partly wrong one', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(new SettingsStore(dir).recentFiles()).toEqual([]);
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ window: { bounds: 'huge' }, recent: ['/x.aifactory'] }));
    const store = new SettingsStore(dir);
    expect(store.windowState()).toBeNull();
    expect(store.recentFiles()).toEqual(['/x.aifactory']);
  });

  it('remembers the window and ignores the nonsense bounds of a minimised window', () => {
    const dir = freshDir();
    const store = new SettingsStore(dir);
    store.saveWindowState({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    store.saveWindowState({ bounds: { x: -32000, y: -32000, width: 0, height: 0 }, maximized: false });
    expect(new SettingsStore(dir).windowState()).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
  });
});

describe('restoreBounds', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1080 };
  it('keeps bounds that are on a display', () => {
    const state = { bounds: { x: 1950, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(state, [primary, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual(state);
  });
  it('recentres a window left on a monitor that was unplugged', () => {
    const state = { bounds: { x: 1950, y: 100, width: 1000, height: 700 }, maximized: true };
    const restored = restoreBounds(state, [primary]);
    // Default 1440 x 900 centred on 1920 x 1080: x = (1920 - 1440) / 2 = 240, y = (1080 - 900) / 2 = 90.
    expect(restored).toEqual({ bounds: { x: 240, y: 90, width: 1440, height: 900 }, maximized: true });
  });
  it('fits the default size to a small screen', () => {
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1280, height: 720 }]).bounds).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });
});

describe('RecoveryStore', () => {
  // What the renderer sends: the document as gzipped UTF-8 JSON (the engine worker makes it).
  const gz = (bytes: Uint8Array | string) => new Uint8Array(gzipSync(bytes));
  const bytesOf = (doc: unknown) => gz(JSON.stringify(doc));

  it('writes the bytes it is given, offers them back validated (without deleting) and discards the copy', async () => {
    const dir = freshDir();
    const store = new RecoveryStore(dir, () => new Date('2025-01-02T03:04:05Z'));
    expect(store.take()).toBeNull();
    const doc = { ...demoHall(shippedCatalog), hall: { ...demoHall(shippedCatalog).hall, name: 'Halle Süd — 北' } };
    await store.write('/work/hall.aifactory', bytesOf(doc));
    const after = new RecoveryStore(dir);
    const taken = after.take();
    expect(taken?.path).toBe('/work/hall.aifactory');
    expect(taken?.savedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(taken?.document).toEqual(doc);
    expect(after.take()).not.toBeNull();
    after.discard();
    expect(after.take()).toBeNull();
  });

  it('writes in the order asked, and a discard cancels the writes still in flight', async () => {
    const dir = freshDir();
    const store = new RecoveryStore(dir);
    const doc = demoHall(shippedCatalog);
    const named = (name: string) => bytesOf({ ...doc, hall: { ...doc.hall, name } });
    // Not awaited one by one, as the IPC handlers may be called: the last one asked for wins.
    await Promise.all(['first', 'second', 'third'].map((name) => store.write(null, named(name))));
    expect(store.take()?.document.hall.name).toBe('third');
    // A save (or a clean close) discards while an autosave is still being written: no copy after.
    const late = store.write(null, named('late'));
    store.discard();
    await late;
    expect(existsSync(store.file)).toBe(false);
    expect(readdirSync(join(dir, 'recovery'))).toEqual([]);
    // Writes asked for after the discard are wanted again.
    await store.write(null, named('after'));
    expect(store.take()?.document.hall.name).toBe('after');
  });

  it('still offers a copy written by earlier builds (recovery.json, one JSON envelope, version 1)', () => {
    const dir = freshDir();
    const store = new RecoveryStore(dir);
    const doc = demoHall(shippedCatalog);
    mkdirSync(join(dir, 'recovery'), { recursive: true });
    writeFileSync(store.legacyFile, JSON.stringify({ format: 'factory-twin-recovery', version: 1, path: null, savedAt: '2025-01-01T00:00:00.000Z', document: doc }));
    expect(store.take()).toEqual({ path: null, savedAt: '2025-01-01T00:00:00.000Z', document: doc });
    store.discard();
    expect(existsSync(store.legacyFile)).toBe(false);
  });

  it('keeps the path and time it wrote, whatever the bytes say', async () => {
    const dir = freshDir();
    const store = new RecoveryStore(dir, () => new Date('2025-01-02T03:04:05Z'));
    // Inside one JSON envelope, these bytes would have overridden the path (JSON.parse keeps the last key).
    await store.write('/work/hall.aifactory', gz(`${JSON.stringify(demoHall(shippedCatalog)).slice(0, -1)}},"path":"/elsewhere.aifactory","x":{}`));
    expect(store.take()).toBeNull();
  });

  it('moves a damaged copy aside instead of offering it: an invalid document, garbage, bad UTF-8, a cut-off file, a gzip bomb', async () => {
    const doc = demoHall(shippedCatalog);
    // A valid document followed by 3 MB of spaces (still valid JSON) in a few kB of gzip members:
    // only the store's limit, 2 MB here, refuses it.
    const bomb = new Uint8Array(Buffer.concat([bytesOf(doc), ...Array<Buffer>(3).fill(gzipSync(Buffer.alloc(1024 * 1024, 0x20)))]));
    const roomy = new RecoveryStore(freshDir());
    await roomy.write(null, bomb);
    expect(roomy.take()?.document).toEqual(doc);
    const damaged = [
      bytesOf({ ...doc, racks: 'lost' }),
      gz('{ not json at all }'),
      new TextEncoder().encode(JSON.stringify(doc)),
      // The hall's name as Latin-1, not UTF-8: never repaired into a document with U+FFFD in it.
      gz(Buffer.from(JSON.stringify({ ...doc, hall: { ...doc.hall, name: 'Halle Süd' } }), 'latin1')),
      bytesOf(doc).subarray(0, 5000),
      bomb,
    ];
    for (const bytes of damaged) {
      const dir = freshDir();
      const store = new RecoveryStore(dir, undefined, 2 * 1024 * 1024);
      await store.write(null, bytes);
      expect(store.take()).toBeNull();
      expect(existsSync(store.file)).toBe(false);
      expect(readdirSync(join(dir, 'recovery')).some((f) => f.startsWith('recovery.ftrec.damaged-'))).toBe(true);
    }
  });

  it('writes its own header line, then the bytes as sent; a header of another format is damage', async () => {
    const dir = freshDir();
    const store = new RecoveryStore(dir, () => new Date('2025-01-02T03:04:05Z'));
    const doc = demoHall(shippedCatalog);
    await store.write('/work/hall.aifactory', bytesOf(doc));
    const file = readFileSync(store.file);
    const end = file.indexOf(0x0a);
    expect(file.subarray(0, end).toString()).toBe('{"format":"factory-twin-recovery","version":2,"path":"/work/hall.aifactory","savedAt":"2025-01-02T03:04:05.000Z"}');
    expect(gunzipSync(file.subarray(end + 1)).toString()).toBe(JSON.stringify(doc));
    writeFileSync(store.file, Buffer.concat([Buffer.from(file.subarray(0, end).toString().replace('factory-twin-recovery', 'something-else')), file.subarray(end)]));
    expect(store.take()).toBeNull();
    expect(existsSync(store.file)).toBe(false);
  });
});

describe('TemplateService', () => {
  const templates = new TemplateService(join(appRoot(), 'assets', 'catalog', 'default.json'));
  it('makes valid sample projects from the shipped catalog', () => {
    const demo = templates.create('demo');
    // The same document the engine's generator makes, after the border's validation.
    expect(demo.ok && demo.value).toEqual(demoHall(shippedCatalog));
    const pod = templates.create('superpod', 2);
    expect(pod.ok && pod.value.hall.name).toBe('SuperPOD hall, 2 SU');
  });
  it('reports a bad scalable-unit count as a result, not a crash', () => {
    const bad = templates.create('superpod', 65);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/1 to 64/);
  });
  it('names the file when the shipped catalog is broken', () => {
    const path = join(freshDir(), 'catalog.json');
    writeFileSync(path, JSON.stringify({ name: 'x' }));
    expect(() => new TemplateService(path).catalog()).toThrow(/catalog\.json is invalid/);
  });
});

describe('resolveStatic', () => {
  const dir = freshDir();
  const site = join(dir, 'site');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html>');
  writeFileSync(join(site, 'assets', 'app.js'), '');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(site, 'link.txt'));

  it('serves files inside the folder, / as index.html', () => {
    expect(resolveStatic(site, '/')).toBe(join(site, 'index.html'));
    expect(resolveStatic(site, '/assets/app.js')).toBe(join(site, 'assets', 'app.js'));
  });
  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/assets', '/%E0%A4%A', '/a%00b', '/..\\secret.txt'])(
    'refuses %s', (path) => expect(resolveStatic(site, path)).toBeNull(),
  );
});
