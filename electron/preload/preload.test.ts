// The preload is the renderer's only door to main: it must expose exactly the contract, send only
// allow-listed channels, filter what main sends back, and ship as one CommonJS file that a
// sandboxed preload can load (it may require nothing but `electron`).
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => ({ calls: [] as [string, unknown][] }));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.calls.push([key, api]) },
  ipcRenderer: { invoke: async () => undefined, on: () => undefined },
}));

import { CHANNEL_OF, INVOKE_CHANNELS, MENU_CHANNEL, OPEN_FILE_CHANNEL, type FactoryTwinApi } from '../contract/api.js';
import { createApi } from './preload.js';

function fakeIpc() {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  return {
    invoked, listeners,
    invoke: async (channel: string, ...args: unknown[]) => { invoked.push([channel, args]); return 'answer'; },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.set(channel, listener),
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.({ sender: 'ipc internals' }, ...args),
  };
}

const API_KEYS = [...Object.keys(CHANNEL_OF), 'onMenuCommand', 'onOpenFile'].sort();

describe('preload API', () => {
  it('exposes one object, factoryTwin, with exactly the contract\'s methods', () => {
    expect(exposed.calls.map(([key]) => key)).toEqual(['factoryTwin']);
    expect(Object.keys(exposed.calls[0]![1] as object).sort()).toEqual(API_KEYS);
  });

  it('sends each method on its allow-listed channel with the arguments as given', async () => {
    const ipc = fakeIpc();
    const api = createApi(ipc);
    const argsFor: Record<string, unknown[]> = { openProject: [null], setTitle: ['t', true], newFromTemplate: ['superpod', 3] };
    for (const method of Object.keys(CHANNEL_OF) as (keyof typeof CHANNEL_OF)[]) {
      const fn = api[method] as (...args: unknown[]) => Promise<unknown>;
      expect(await fn(...(argsFor[method] ?? []))).toBe('answer');
    }
    expect(ipc.invoked.map(([c]) => c).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(ipc.invoked).toContainEqual(['project:newFromTemplate', ['superpod', 3]]);
    // Only the two push channels are listened to.
    expect([...ipc.listeners.keys()].sort()).toEqual([MENU_CHANNEL, OPEN_FILE_CHANNEL].sort());
  });

  it('passes on menu commands of the contract only, without Electron\'s event object', () => {
    const ipc = fakeIpc();
    const api: FactoryTwinApi = createApi(ipc);
    const seen: unknown[][] = [];
    const off = api.onMenuCommand((...args) => seen.push(args));
    ipc.emit(MENU_CHANNEL, 'file.save');
    ipc.emit(MENU_CHANNEL, 'shell.exec');
    ipc.emit(MENU_CHANNEL, { command: 'file.save' });
    off();
    ipc.emit(MENU_CHANNEL, 'file.open');
    expect(seen).toEqual([['file.save']]);
  });

  it('keeps open requests that arrive before the page subscribes', () => {
    const ipc = fakeIpc();
    const api = createApi(ipc);
    ipc.emit(OPEN_FILE_CHANNEL, '/early.aifactory');
    ipc.emit(OPEN_FILE_CHANNEL, 42);
    const seen: string[] = [];
    api.onOpenFile((path) => seen.push(path));
    ipc.emit(OPEN_FILE_CHANNEL, '/later.aifactory');
    expect(seen).toEqual(['/early.aifactory', '/later.aifactory']);
  });
});

describe('bundles', () => {
  const out = mkdtempSync(join(tmpdir(), 'ft-bundle-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('build the preload into one CommonJS file that loads in a sandbox with only `electron`', async () => {
    // @ts-expect-error: a plain .mjs build script without type declarations
    const { buildElectron } = (await import('../../scripts/build-electron.mjs')) as { buildElectron(dir: string, names?: string[]): Promise<void> };
    await buildElectron(out, ['preload', 'main', 'export-worker']);
    const code = readFileSync(join(out, 'preload.cjs'), 'utf8');
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    const bridged: string[] = [];
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`module not found: ${name}`);
      return { contextBridge: { exposeInMainWorld: (key: string) => bridged.push(key) }, ipcRenderer: { invoke: async () => undefined, on: () => undefined } };
    };
    const module = { exports: {} };
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    expect(bridged).toEqual(['factoryTwin']);
    // Main keeps electron, the native SQLite module, and exceljs and pdfkit (shipped in node_modules,
    // pdfkit reads its font files from its own folder) external; the rest is inlined.
    const main = readFileSync(join(out, 'main.cjs'), 'utf8');
    const requires = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    for (const name of requires) expect(name, name).toMatch(/^(electron|better-sqlite3|exceljs|pdfkit|node:.*|fs|path|os|crypto|url|util|events|stream|http|net|process|buffer)$/);
    expect(requires.has('better-sqlite3')).toBe(true);
    // exceljs and pdfkit load in the export worker (File > Export off the main thread), not in main.
    expect(requires.has('pdfkit')).toBe(false);
    const worker = readFileSync(join(out, 'export-worker.cjs'), 'utf8');
    const workerRequires = new Set([...worker.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    expect(workerRequires.has('pdfkit') && workerRequires.has('exceljs')).toBe(true);
  });
});
