// Bundles Electron's main process, the sandboxed preload and the browser preview's bridge.
// The preload must be ONE CommonJS file: a sandboxed preload can require only `electron`.
// electron and better-sqlite3 (native) stay external; everything else is inlined.
import { build } from 'esbuild';

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // services/index.ts falls back to import.meta.url only when __dirname is absent (ESM tests).
  logOverride: { 'empty-import-meta': 'silent' },
};

export async function buildElectron() {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', platform: 'node', target: 'node22', external: ['electron', 'better-sqlite3'] }),
    // platform browser: no Node built-in may sneak into the sandboxed preload.
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', target: 'chrome140', external: ['electron'] }),
    build({ ...common, entryPoints: ['electron/preview/cli.ts'], outfile: 'dist/electron/preview.cjs', platform: 'node', target: 'node20', external: ['better-sqlite3'] }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildElectron();
  console.log('build-electron: dist/electron/main.cjs, preload.cjs, preview.cjs');
}
