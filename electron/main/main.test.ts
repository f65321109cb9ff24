// Main-process wiring against a mocked `electron` (its binary cannot run here): the window's
// security options, navigation and popups refused, the menu covering every command, IPC limited
// to the contract and to our page, malformed payloads refused, files from argv opened, and the
// unsaved-changes guard on close.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) { return this.on(name, listener); }
    emit(name: string, ...args: unknown[]) { for (const l of this.listeners.get(name) ?? []) l(...args); }
  }
  class FakeWebContents extends Emitter {
    sent: [string, unknown][] = [];
    windowOpenHandler: ((details: unknown) => unknown) | null = null;
    send(channel: string, value: unknown) { this.sent.push([channel, value]); }
    setWindowOpenHandler(handler: (details: unknown) => unknown) { this.windowOpenHandler = handler; }
    copy = vi.fn(); cut = vi.fn(); paste = vi.fn(); undo = vi.fn(); redo = vi.fn(); delete = vi.fn(); selectAll = vi.fn();
    reload = vi.fn();
  }
  class FakeBrowserWindow extends Emitter {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    title = '';
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.created.push(this);
    }
    loadURL = vi.fn(async () => undefined);
    setTitle(title: string) { this.title = title; }
    getTitle() { return this.title; }
    setDocumentEdited() {}
    maximize() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() { return false; }
    isMaximized() { return false; }
    getNormalBounds() { return { x: 5, y: 6, width: 1300, height: 850 }; }
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => { prevented = true; } });
      if (!prevented) this.destroyed = true;
    }
  }
  const app = new (class extends Emitter {
    dataDir = '';
    getPath = (name: string) => join(this.dataDir, name);
    getVersion = () => '7.7.7';
    getAppPath = () => '/app';
    isPackaged = false;
    requestSingleInstanceLock = () => true;
    whenReady = async () => undefined;
    quit = vi.fn();
    exit = vi.fn();
  })();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    app, FakeBrowserWindow, handlers,
    ipcMain: { handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn) },
    menus: [] as unknown[],
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 2 })),
      showMessageBoxSync: vi.fn(() => 1),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
      showErrorBox: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    permissionHandler: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: fake.ipcMain,
  dialog: fake.dialog,
  protocol: fake.protocol,
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permissionHandler) => { fake.permissionHandler = h; },
      setPermissionCheckHandler: () => undefined,
    },
  },
}));

import { INVOKE_CHANNELS, MENU_CHANNEL, MENU_COMMANDS, OPEN_FILE_CHANNEL } from '../contract/api.js';
import type { MenuItemConstructorOptions } from 'electron';
import { demoHall } from '../../engine/generators/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { startApp, defaultPaths, type RunningApp } from './app.js';
import { buildMenuTemplate, commandsIn } from './menu.js';
import { appProtocolHandler, hardenWebContents, isTrustedSender, START_URL } from './window.js';
import { filesFromArgv } from './argv.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ft-main-'));
const trusted = { senderFrame: { url: START_URL } };
let running: RunningApp;
let win: InstanceType<typeof fake.FakeBrowserWindow>;

beforeAll(async () => {
  fake.app.dataDir = dataDir;
  const argv = process.argv;
  process.argv = ['/usr/bin/electron', '/app', 'halls/a.aifactory', '--enable-logging', '/abs/b.aifactory'];
  Object.assign(process, { defaultApp: true });
  try {
    running = (await startApp(defaultPaths(resolve('.'))))!;
  } finally {
    process.argv = argv;
  }
  win = fake.FakeBrowserWindow.created[0]!;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the window', () => {
  it('is created with secure webPreferences and the bundled preload', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false,
    });
    expect(prefs.preload).toBe(join(resolve('.'), 'dist', 'electron', 'preload.cjs'));
    expect(win.loadURL).toHaveBeenCalledWith('app://factory-twin/index.html');
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
  });

  it('refuses navigation, redirects, webviews and new windows; permissions are denied', () => {
    const contents = new (win.webContents.constructor as new () => typeof win.webContents)();
    hardenWebContents(contents as never);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    const ask = (permission: string, url: string) => fake.permissionHandler?.(null, permission, (ok) => answers.push(ok), { requestingUrl: url });
    ask('media', START_URL);
    ask('geolocation', START_URL);
    ask('fullscreen', START_URL);
    ask('fullscreen', 'https://evil.example/');
    expect(answers).toEqual([false, false, true, false]);
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    const handler = appProtocolHandler(join(resolve('.'), 'assets'));
    const ok = await handler(new Request('app://factory-twin/catalog/default.json'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler(new Request('app://factory-twin/../package.json'))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/catalog/default.json'))).status).toBe(404);
  });
});

describe('the menu', () => {
  const template = (platform: NodeJS.Platform) => buildMenuTemplate({
    platform, appName: 'Factory Twin', recent: ['/p/one.aifactory'], developer: false,
    send: () => undefined, nativeEdit: () => undefined, openRecent: () => undefined, clearRecent: () => undefined,
  });

  it.each(['linux', 'win32', 'darwin'] as const)('offers every menu command on %s, with unique accelerators', (platform) => {
    const t = template(platform);
    expect([...commandsIn(t)].sort()).toEqual([...MENU_COMMANDS].sort());
    const accelerators: string[] = [];
    const walk = (items: MenuItemConstructorOptions[]) => items.forEach((i) => {
      if (typeof i.accelerator === 'string') accelerators.push(i.accelerator);
      if (Array.isArray(i.submenu)) walk(i.submenu);
    });
    walk(t);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    expect(t.map((m) => m.label?.replace('&', ''))).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
  });

  it('sends commands on MENU_CHANNEL, keeps native editing, and opens recent files', () => {
    const installed = fake.menus.at(-1) as MenuItemConstructorOptions[];
    const find = (items: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined => {
      for (const i of items) {
        if (i.id === id) return i;
        const inner = Array.isArray(i.submenu) ? find(i.submenu, id) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    const click = (id: string) => (find(installed, id)?.click as () => void)();
    win.webContents.sent = [];
    click('file.save');
    click('edit.copy');
    expect(win.webContents.sent).toEqual([[MENU_CHANNEL, 'file.save'], [MENU_CHANNEL, 'edit.copy']]);
    expect(win.webContents.copy).toHaveBeenCalledTimes(1);
  });
});

describe('IPC', () => {
  it('registers exactly the contract\'s channels', () => {
    expect([...fake.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers our page and refuses any other sender', async () => {
    expect(await fake.handlers.get('app:version')!(trusted)).toBe('7.7.7');
    await expect(async () => fake.handlers.get('app:version')!({ senderFrame: { url: 'https://evil.example/' } })).rejects.toThrow(/did not come from the Factory Twin page/);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a malformed payload with a clear error', async () => {
    await expect(async () => fake.handlers.get('project:save')!(trusted, { path: '/x.aifactory', document: { racks: 'no' } }))
      .rejects.toThrow(/^project:save refused a malformed request: args\[0\]/);
    await expect(async () => fake.handlers.get('recovery:write')!(trusted, null, { formatVersion: 'one' }))
      .rejects.toThrow(/recovery:write refused a malformed request: args\[1\]/);
  });

  it('rebuilds Open Recent when a file is saved', async () => {
    const before = fake.menus.length;
    const path = join(dataDir, 'saved.aifactory');
    const result = await fake.handlers.get('project:save')!(trusted, { path, document: demoHall(shippedCatalog), expected: null, overwrite: false });
    expect(result).toMatchObject({ ok: true });
    expect(fake.menus.length).toBe(before + 1);
    expect(JSON.stringify(fake.menus.at(-1))).toContain('saved.aifactory');
  });
});

describe('File > Export', () => {
  it('offers a save dialog filtered to the format, adding the extension the user left out', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dataDir, 'hall bom') } as never);
    const path = await fake.handlers.get('export:choosePath')!(trusted, 'bom-xlsx', 'Demo hall BOM');
    expect(path).toBe(join(dataDir, 'hall bom.xlsx'));
    const options = fake.dialog.showSaveDialog.mock.calls.at(-1)!.at(-1) as unknown as Record<string, unknown>;
    expect(options.filters).toEqual([{ name: 'Excel workbook', extensions: ['xlsx'] }, { name: 'All files', extensions: ['*'] }]);
    expect(options.defaultPath).toBe(join(dataDir, 'documents', 'Demo hall BOM.xlsx'));
    expect(options.properties).toContain('showOverwriteConfirmation');
  });

  it('picks a folder for NetBox, and asks before writing into one that is not empty', async () => {
    const folder = mkdtempSync(join(dataDir, 'netbox-'));
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] } as never);
    expect(await fake.handlers.get('export:choosePath')!(trusted, 'netbox', 'Demo hall')).toBe(folder);
    const options = fake.dialog.showOpenDialog.mock.calls.at(-1)!.at(-1) as unknown as Record<string, unknown>;
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
    writeFileSync(join(folder, 'notes.txt'), 'keep');
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    const refused = await fake.handlers.get('export:run')!(trusted, { document: demoHall(shippedCatalog), format: 'netbox', path: folder, overwrite: false });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'exists' } });
    const question = fake.dialog.showMessageBox.mock.calls.at(-1)!.at(-1) as unknown as { message: string };
    expect(question.message).toMatch(/is not empty/);
  });

  it('writes through IPC without asking again about the file the save dialog already asked about', async () => {
    const target = join(dataDir, 'asked.csv');
    writeFileSync(target, 'old');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target } as never);
    expect(await fake.handlers.get('export:choosePath')!(trusted, 'bom-csv', 'asked')).toBe(target);
    const asks = fake.dialog.showMessageBox.mock.calls.length;
    const result = await fake.handlers.get('export:run')!(trusted, { document: demoHall(shippedCatalog), format: 'bom-csv', path: target, overwrite: false });
    expect(result).toMatchObject({ ok: true, value: { summary: expect.stringMatching(/^BOM: \d+ lines/) } });
    expect(fake.dialog.showMessageBox.mock.calls.length).toBe(asks);
    expect(readFileSync(target, 'utf8')).toMatch(/^\uFEFFCategory,/);
  });
});

describe('files from the command line and the OS', () => {
  it('parses argv in development and packaged layouts', () => {
    expect(filesFromArgv(['electron', '.', 'x.aifactory', '--inspect'], true, '/home/u')).toEqual(['/home/u/x.aifactory']);
    expect(filesFromArgv(['/opt/Factory Twin/factory-twin', '/d/y.aifactory'], false, '/')).toEqual(['/d/y.aifactory']);
  });

  it('delivers them to the page once it has loaded, then later requests at once', () => {
    expect(win.webContents.sent.filter(([c]) => c === OPEN_FILE_CHANNEL)).toEqual([]);
    win.webContents.emit('did-finish-load');
    const opened = () => win.webContents.sent.filter(([c]) => c === OPEN_FILE_CHANNEL).map(([, p]) => p);
    expect(opened()).toEqual([resolve(process.cwd(), 'halls/a.aifactory'), '/abs/b.aifactory']);
    fake.app.emit('open-file', { preventDefault: () => undefined }, '/mac/c.aifactory');
    fake.app.emit('second-instance', {}, ['/usr/bin/electron', '/app', 'd.aifactory'], '/work');
    expect(opened().slice(2)).toEqual(['/mac/c.aifactory', '/work/d.aifactory']);
  });
});

describe('closing with unsaved changes', () => {
  it('asks, and Cancel keeps the window open', async () => {
    await fake.handlers.get('window:setTitle')!(trusted, 'Demo hall', true);
    expect(win.getTitle()).toBe('• Demo hall — Factory Twin');
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 2 });
    win.close();
    await vi.waitFor(() => expect(fake.dialog.showMessageBox).toHaveBeenCalled());
    expect(win.destroyed).toBe(false);
  });

  it('Save asks the renderer to save and closes once the save succeeds', async () => {
    fake.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win.webContents.sent = [];
    win.close();
    await vi.waitFor(() => expect(win.webContents.sent).toContainEqual([MENU_CHANNEL, 'file.save']));
    expect(win.destroyed).toBe(false);
    // The renderer saves through IPC; the guard sees the success and closes.
    await running.services.recovery.write(null, new Uint8Array(gzipSync(JSON.stringify(demoHall(shippedCatalog)))));
    const path = join(dataDir, 'closing.aifactory');
    await fake.handlers.get('project:save')!(trusted, { path, document: demoHall(shippedCatalog), expected: null, overwrite: false });
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    // A clean close drops the recovery copy and remembers the window.
    expect(running.services.recovery.take()).toBeNull();
    expect(running.services.settings.windowState()?.bounds).toEqual({ x: 5, y: 6, width: 1300, height: 850 });
  });
});
