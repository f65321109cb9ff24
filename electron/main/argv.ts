// Project files handed to the app by the operating system: on the command line (Linux, Windows,
// and every double-click there), through a second launch while running (single-instance lock),
// or macOS's open-file event. All become requests the renderer answers (onOpenFile), queued
// until the page can listen.
import { isAbsolute, resolve } from 'node:path';

/**
 * The file arguments in an Electron argv. `electron .` / `electron main.cjs` in development put
 * the app path before the user's arguments (process.defaultApp); a packaged app does not.
 * Chromium switches (`--foo`) are skipped.
 */
export function filesFromArgv(argv: readonly string[], defaultApp: boolean, cwd: string): string[] {
  const args = argv.slice(defaultApp ? 2 : 1);
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '' || arg.startsWith('-')) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!files.includes(path)) files.push(path);
  }
  return files;
}

/** Holds open requests until the window's page has loaded, then delivers them in order. */
export class OpenFileQueue {
  private pending: string[] = [];
  private deliver: ((path: string) => void) | null = null;

  push(path: string): void {
    if (this.deliver) this.deliver(path);
    else if (!this.pending.includes(path)) this.pending.push(path);
  }

  /** Called once the page is ready; null again when the window goes away. */
  attach(deliver: ((path: string) => void) | null): void {
    this.deliver = deliver;
    if (!deliver) return;
    const queued = this.pending;
    this.pending = [];
    for (const path of queued) deliver(path);
  }

  queued(): readonly string[] {
    return this.pending;
  }
}
