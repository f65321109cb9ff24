// Bundles the command line (TypeScript in electron/cli) into one CommonJS file so that
// `npx factory-twin` starts fast on a fresh checkout. Runs on `npm install` (prepare).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

if (!existsSync('electron/cli/main.ts')) {
  console.log('build-cli: no electron/cli/main.ts yet, skipped');
} else {
  await build({
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'dist/cli/main.cjs',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'exceljs', 'pdfkit'],
    sourcemap: true,
    logLevel: 'warning',
  });
}
