// `npm run preview`: build what is missing or stale, then start the browser preview's bridge and
// print its URL. Arguments after `--` go to the bridge (--port, --data-dir).
import { spawn } from 'node:child_process';
import { buildElectron } from './build-electron.mjs';
import { buildRenderer } from './renderer-build.mjs';

buildRenderer();
await buildElectron();
const child = spawn(process.execPath, ['dist/electron/preview.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
