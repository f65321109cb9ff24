// `npm start`: build the renderer and the Electron bundles, then launch Electron (the window
// opens on the bundled demo hall, or on the project files given after `--`). Electron's binary
// is fetched on first use where the network allows; where it cannot be, say so and point at
// `npm run preview`. SQLite is rebuilt once for Electron's ABI (scripts/electron-sqlite.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildElectron } from './build-electron.mjs';
import { electronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';
import { electronSqliteBinding } from './electron-sqlite.mjs';
import { buildRenderer } from './renderer-build.mjs';

let binary = electronBinary();
if (binary === null && !process.env.ELECTRON_OVERRIDE_DIST_PATH && existsSync('node_modules/electron/install.js')) {
  // Electron's package downloads its binary lazily: try once, quietly; offline this fails fast.
  console.log("Fetching Electron's binary (once)...");
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore', timeout: 300_000 });
  binary = electronBinary();
}
if (binary === null) {
  // Checked before building: nothing is gained by a two-minute build that cannot be launched.
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}
let binding;
try {
  binding = await electronSqliteBinding();
} catch (error) {
  console.error(`Factory Twin cannot start: SQLite could not be built for Electron (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).
This needs internet access once (Electron's headers) and a C++ toolchain (python3, make, g++).
Meanwhile "npm run preview" runs the same app in a browser.`);
  process.exit(1);
}
buildRenderer();
await buildElectron();
const child = spawn(binary, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, FACTORY_TWIN_SQLITE_BINDING: binding },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
