// Bundles Electron's main process, the sandboxed preload and the browser preview's bridge.
// The preload must be ONE CommonJS file: a sandboxed preload can require only `electron`.
// electron and better-sqlite3 (native) stay external, and so do exceljs and pdfkit (File > Export;
// pdfkit reads its font metrics from its own folder, electron-builder.yml ships both); the rest is inlined.
import { build } from 'esbuild';
import { join } from 'node:path';

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // services/index.ts falls back to import.meta.url only when __dirname is absent (ESM tests).
  logOverride: { 'empty-import-meta': 'silent' },
};

export const BUNDLES = {
  main: { entryPoints: ['electron/main/main.ts'], platform: 'node', target: 'node22', external: ['electron', 'better-sqlite3', 'exceljs', 'pdfkit'] },
  // File > Export runs here, on a worker thread (electron/export/thread.ts looks for it next to main.cjs).
  'export-worker': { entryPoints: ['electron/export/worker.ts'], platform: 'node', target: 'node22', external: ['electron', 'better-sqlite3', 'exceljs', 'pdfkit'] },
  // platform browser: no Node built-in may sneak into the sandboxed preload.
  preload: { entryPoints: ['electron/preload/preload.ts'], platform: 'browser', target: 'chrome140', external: ['electron'] },
  preview: { entryPoints: ['electron/preview/cli.ts'], platform: 'node', target: 'node20', external: ['better-sqlite3', 'exceljs', 'pdfkit'] },
};

/** Writes main.cjs, export-worker.cjs, preload.cjs and preview.cjs (tests build into a temporary folder). */
export async function buildElectron(outDir = 'dist/electron', names = Object.keys(BUNDLES)) {
  await Promise.all(names.map((name) => build({ ...common, ...BUNDLES[name], outfile: join(outDir, `${name}.cjs`) })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildElectron();
  console.log('build-electron: dist/electron/main.cjs, export-worker.cjs, preload.cjs, preview.cjs');
}
