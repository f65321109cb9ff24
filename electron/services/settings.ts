// What the app remembers between runs: the window's bounds and the recent files. Kept in one
// small JSON file in the user-data folder; a missing or damaged file means defaults, never a crash
// at start-up (settings are a convenience, not the user's work).
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic.js';

export const RECENT_LIMIT = 10;

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(32_000),
  height: z.number().int().min(150).max(32_000),
});
export type Bounds = z.infer<typeof Bounds>;

const WindowState = z.object({ bounds: Bounds, maximized: z.boolean() });
export type WindowState = z.infer<typeof WindowState>;

const Settings = z.object({
  window: WindowState.nullable().catch(null),
  recent: z.array(z.string()).catch([]),
});
type Settings = z.infer<typeof Settings>;

export const DEFAULT_WINDOW: WindowState = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, maximized: false };

export class SettingsStore {
  readonly file: string;
  private settings: Settings;
  private readonly recentListeners = new Set<(recent: string[]) => void>();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    this.settings = load(this.file);
  }

  windowState(): WindowState | null {
    return this.settings.window;
  }

  saveWindowState(state: WindowState): void {
    const parsed = WindowState.safeParse(state);
    // A minimised or zero-sized window reports nonsense bounds; keep the last good ones.
    if (!parsed.success) return;
    this.settings.window = parsed.data;
    this.flush();
  }

  recentFiles(): string[] {
    return [...this.settings.recent];
  }

  /** Most recent first, no duplicates, at most RECENT_LIMIT. */
  addRecent(path: string): void {
    if (!isAbsolute(path)) return;
    this.settings.recent = [path, ...this.settings.recent.filter((p) => p !== path)].slice(0, RECENT_LIMIT);
    this.flush();
  }

  removeRecent(path: string): void {
    this.settings.recent = this.settings.recent.filter((p) => p !== path);
    this.flush();
  }

  /** Main rebuilds the Open Recent menu when the list changes. */
  onRecentChanged(listener: (recent: string[]) => void): () => void {
    this.recentListeners.add(listener);
    return () => this.recentListeners.delete(listener);
  }

  clearRecent(): void {
    this.settings.recent = [];
    this.flush();
  }

  private flush(): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.settings, null, 2)}\n`);
    for (const listener of this.recentListeners) listener(this.recentFiles());
  }
}

function load(file: string): Settings {
  try {
    const parsed = Settings.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or not JSON: first run or a damaged file; start from defaults.
  }
  return { window: null, recent: [] };
}

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The remembered bounds if most of the window's title strip is still on one of today's displays
 * (a monitor may have been unplugged), else the default size centred on the primary display.
 */
export function restoreBounds(state: WindowState | null, displays: readonly WorkArea[]): WindowState {
  const primary = displays[0] ?? { x: 0, y: 0, width: DEFAULT_WINDOW.bounds.width, height: DEFAULT_WINDOW.bounds.height };
  if (state !== null) {
    const b = state.bounds;
    const visible = displays.some((d) => {
      const overlapX = Math.min(b.x + b.width, d.x + d.width) - Math.max(b.x, d.x);
      const titleOnScreen = b.y >= d.y && b.y < d.y + d.height - 40;
      return overlapX >= Math.min(200, b.width) && titleOnScreen;
    });
    if (visible) return state;
  }
  const width = Math.min(DEFAULT_WINDOW.bounds.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW.bounds.height, primary.height);
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width, height,
    },
    maximized: state?.maximized ?? false,
  };
}
