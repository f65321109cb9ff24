// `npm start`: build the renderer and the Electron bundles, then launch Electron (the window
// opens on the bundled demo hall, or on the project files given after `--`). Where Electron's
// binary is absent and cannot be fetched, say so and point at `npm run preview`.
import { spawn } from 'node:child_process';
import { buildElectron } from './build-electron.mjs';
import { electronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';
import { buildRenderer } from './renderer-build.mjs';

const binary = electronBinary();
if (binary === null) {
  // Checked before building: nothing is gained by a two-minute build that cannot be launched.
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}
buildRenderer();
await buildElectron();
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
