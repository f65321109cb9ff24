// The end-to-end harness: the built renderer served by the real preview bridge (real SQLite
// files, validation and engine; only Electron's transport is replaced) and driven in Debian's
// Chromium through playwright-core. Shared by the browser tests and the start-up benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Dialog, type Page } from 'playwright-core';
import type { ProjectDocument } from '../../engine/model/index.js';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const RENDERER_DIR = join(ROOT, 'dist/renderer');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const SOURCES = ['renderer', 'engine', 'electron/contract', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Build dist/renderer unless it is newer than every source it is built from. */
export function ensureRendererBuilt(): { built: boolean; ms: number } {
  const index = join(RENDERER_DIR, 'index.html');
  const sourcesMtime = Math.max(...SOURCES.map((p) => join(ROOT, p)).filter(existsSync).map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesMtime) return { built: false, ms: 0 };
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    // vitest sets NODE_ENV=test, which Vite would honour and so bundle React's development build;
    // the tests (and npm start / preview, which reuse dist/) must run the production build.
    cwd: ROOT, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0) throw new Error(`vite build failed:\n${run.stdout}\n${run.stderr}`);
  return { built: true, ms: performance.now() - t0 };
}

export const CHROMIUM_ARGS = [
  '--use-gl=angle', '--use-angle=swiftshader', '--no-sandbox', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; install Debian's chromium or set CHROMIUM_PATH.`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function startServer(dataDir: string): Promise<PreviewServer> {
  return startPreviewServer({ rendererDir: RENDERER_DIR, dataDir, appVersion: 'e2e' });
}

/** Problems the page reported: console errors, uncaught exceptions, CSP violations. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Wait until the viewport has drawn the hall of the current document revision. */
export async function waitForHall(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('canvas[data-hall-rendered="true"]', { timeout });
}

/** Wait until the engine's results belong to the document on screen. */
export async function waitForResults(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid="engine-state"][data-status="ready"]', { timeout });
}

export interface CanvasStats {
  width: number;
  height: number;
  /** Distinct colours among the samples (quantised to 4 bits a channel). */
  distinctColours: number;
  /** Share of samples that differ clearly from the background colour. */
  nonBackground: number;
}

/** Sample the WebGL canvas on a grid (it keeps its drawing buffer for exactly this). */
export async function canvasStats(page: Page): Promise<CanvasStats> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement;
    const w = canvas.width, h = canvas.height;
    const copy = document.createElement('canvas');
    copy.width = w; copy.height = h;
    const c2d = copy.getContext('2d')!;
    c2d.drawImage(canvas, 0, 0);
    const data = c2d.getImageData(0, 0, w, h).data;
    const bg = [0x0d, 0x0f, 0x12];
    const colours = new Set<number>();
    let samples = 0, differing = 0;
    for (let y = 4; y < h; y += 8) {
      for (let x = 4; x < w; x += 8) {
        const i = (y * w + x) * 4;
        const r = data[i]!, g = data[i + 1]!, b = data[i + 2]!;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
        samples++;
        if (Math.abs(r - bg[0]!) + Math.abs(g - bg[1]!) + Math.abs(b - bg[2]!) > 24) differing++;
      }
    }
    return { width: w, height: h, distinctColours: colours.size, nonBackground: differing / samples };
  });
}

/**
 * The viewport canvas quantised to 5 bits a channel, for "did the picture change" checks: every
 * `step`-th pixel (step 2 so thin cable lines still count), or with `around` only the squares of
 * `r` pixels round the given client points ("did it change here, and not there").
 */
export async function canvasPixels(page: Page, step: number, around?: { points: readonly Screen[]; r: number }): Promise<number[]> {
  return page.evaluate(([s, around]) => {
    const c = document.querySelector('[data-testid="viewport"] canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = c.width; copy.height = c.height;
    const g = copy.getContext('2d')!;
    g.drawImage(c, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    const read = (x: number, y: number) => {
      const i = (Math.min(c.height - 1, Math.max(0, y)) * c.width + Math.min(c.width - 1, Math.max(0, x))) * 4;
      out.push(((d[i]! >> 3) << 10) | ((d[i + 1]! >> 3) << 5) | (d[i + 2]! >> 3));
    };
    if (around === null) {
      const first = Math.floor(s / 2);
      for (let y = first; y < c.height; y += s) for (let x = first; x < c.width; x += s) read(x, y);
      return out;
    }
    const rect = c.getBoundingClientRect();
    for (const p of around.points) {
      const cx = Math.round(((p.clientX - rect.left) * c.width) / rect.width), cy = Math.round(((p.clientY - rect.top) * c.height) / rect.height);
      for (let y = cy - around.r; y <= cy + around.r; y += s) for (let x = cx - around.r; x <= cx + around.r; x += s) read(x, y);
    }
    return out;
  }, [step, around ?? null] as const);
}

/** Share of samples that differ between two canvasPixels readings. */
export const changedShare = (a: number[], b: number[]): number => a.filter((v, i) => v !== b[i]).length / a.length;

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** The app open in Chromium on the sample hall, as every browser test file starts. */
export interface App {
  page: Page;
  browser: Browser;
  server: PreviewServer;
  /** The preview bridge's data folder (saved and exported files land here); removed by close(). */
  dataDir: string;
  /** Console errors, uncaught exceptions and CSP violations so far. */
  errors: string[];
  /**
   * Answers for window.prompt / window.confirm (the preview's stand-ins for native file dialogs),
   * taken in order: a string is typed, true accepts, false or nothing left dismisses.
   */
  dialogAnswers: (string | boolean)[];
  /** The message of every dialog shown. */
  dialogsSeen: string[];
  close(): Promise<void>;
}

/**
 * Build the renderer if needed, serve it on a fresh data folder, open it in Chromium and wait
 * until the sample hall is drawn, the editor's hook is there and the results are the hall's.
 * `name` tells the temp folders apart.
 */
export async function openApp(name: string, options: { acceptDownloads?: boolean; plan?: boolean } = {}): Promise<App> {
  ensureRendererBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `factory-twin-${name}-`));
  const server = await startServer(dataDir);
  const browser = await launchBrowser();
  const close = async () => {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: options.acceptDownloads ?? false });
    const errors = watchPageErrors(page);
    const dialogAnswers: (string | boolean)[] = [];
    const dialogsSeen: string[] = [];
    page.on('dialog', (d: Dialog) => {
      dialogsSeen.push(d.message());
      const a = dialogAnswers.shift();
      void (a === undefined || a === false ? d.dismiss() : d.accept(typeof a === 'string' ? a : undefined));
    });
    await page.goto(server.url);
    await waitForHall(page);
    await page.waitForFunction(() => (globalThis as { __factoryTwinEditor?: unknown }).__factoryTwinEditor !== undefined);
    await waitForResults(page);
    if (options.plan === true) {
      // The tools' tests aim at the floor: a top-down view, once the camera has settled there.
      await afterFrame(page, () => page.locator('[data-testid="view-plan"]').click());
      await cameraAtRest(page);
    }
    return { page, browser, server, dataDir, errors, dialogAnswers, dialogsSeen, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Client pixels of the viewport. */
export interface Screen { clientX: number; clientY: number }

interface EditorHook {
  project(x: number, y: number, z: number): Screen | null;
  selection(): string[];
  doc(): ProjectDocument | null;
}

/** Where a hall point (metres, z up) is on screen, through the editor's projection hook. */
export async function hallToScreen(page: Page, x: number, y: number, z = 0): Promise<Screen> {
  const p = await page.evaluate(([x, y, z]) => (globalThis as unknown as { __factoryTwinEditor: EditorHook }).__factoryTwinEditor.project(x, y, z), [x, y, z] as const);
  if (p === null) throw new Error(`hall point ${x}, ${y}, ${z} is behind the camera`);
  return p;
}

/**
 * Resolves once the camera has stood still for five animation frames: switching between plan and
 * 3D, and framing, ease over several frames, and a screen point read meanwhile goes stale.
 */
export async function cameraAtRest(page: Page, timeout = 30_000): Promise<void> {
  // No named closures inside: the bundler would wrap them in a helper the page lacks.
  await page.waitForFunction(() => {
    const w = globalThis as unknown as { __factoryTwinEditor: EditorHook; __ftCameraAt?: string; __ftCameraStill?: number };
    const p = JSON.stringify(w.__factoryTwinEditor.project(0, 0, 0));
    if (w.__ftCameraAt !== p) {
      w.__ftCameraAt = p;
      w.__ftCameraStill = 0;
      return false;
    }
    w.__ftCameraStill = (w.__ftCameraStill ?? 0) + 1;
    return w.__ftCameraStill >= 5;
  }, undefined, { polling: 'raf', timeout });
}

/** Ids of the selected objects. */
export const selectionOf = (page: Page): Promise<string[]> =>
  page.evaluate(() => (globalThis as unknown as { __factoryTwinEditor: EditorHook }).__factoryTwinEditor.selection());

/** The open document, as the renderer holds it. */
export async function documentOf(page: Page): Promise<ProjectDocument> {
  const doc = await page.evaluate(() => (globalThis as unknown as { __factoryTwinEditor: EditorHook }).__factoryTwinEditor.doc());
  if (doc === null) throw new Error('no document open');
  return doc;
}

/** A count from the status bar: `racks`, `cooling`, `power`, `links` or `selected`. */
export async function statusCount(page: Page, what: 'racks' | 'cooling' | 'power' | 'links' | 'selected'): Promise<number> {
  const text = (await page.locator('[data-testid="statusbar"]').textContent()) ?? '';
  return Number(text.match(new RegExp(`(\\d+) ${what}`))?.[1]);
}

/** Run `act`, then wait until the viewport has drawn at least one frame after it. */
export async function afterFrame(page: Page, act: () => Promise<void>, timeout = 30_000): Promise<void> {
  const frame = () => page.locator('[data-testid="viewport"] canvas').getAttribute('data-frame');
  const before = Number(await frame());
  await act();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="viewport"] canvas')?.getAttribute('data-frame')) > n, before, { timeout });
}

/** Links two racks with the connect tool (K), clicking their tops, and waits for the link to be drawn. */
export async function connectRacks(page: Page, a: { position: { x: number; y: number } }, b: { position: { x: number; y: number } }): Promise<void> {
  const before = await statusCount(page, 'links');
  await page.keyboard.press('k');
  await page.waitForSelector('[data-testid="tool-strip"][data-tool="connect"]');
  for (const r of [a, b]) {
    const s = await hallToScreen(page, r.position.x, r.position.y, 2.3);
    await page.mouse.click(s.clientX, s.clientY);
  }
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="statusbar"]')?.textContent?.match(/(\d+) links/)?.[1]) === n, before + 1);
}

