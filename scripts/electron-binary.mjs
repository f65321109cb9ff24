// Finds Electron's executable WITHOUT require('electron'): that module tries to download the
// binary when it is missing, which on an offline machine ends in a stack trace (or a long hang).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(root = '.') {
  const pkg = join(root, 'node_modules', 'electron');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

export const MISSING_ELECTRON_MESSAGE = `
Factory Twin cannot start as a desktop app here: Electron's binary is not installed
(node_modules/electron/dist is missing: npm could not fetch it, e.g. on an offline machine).

What to do instead:
  npm run preview     the same app in your browser, with the real file services behind a
                      local bridge on 127.0.0.1; it prints the URL to open.

To run the desktop app, on a machine with internet access, run npm start there: it fetches
Electron's binary and rebuilds SQLite for Electron's ABI once (into .cache/, leaving the Node
build in node_modules for the tests and the command line; see also npx electron-rebuild).
`;
