// `npm run preview` runs this (bundled to dist/electron/preview.cjs): the browser preview's local
// bridge on 127.0.0.1, printing the URL with its per-run token.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appRoot } from '../services/index.js';
import { startPreviewServer } from './server.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
  });
  const root = appRoot();
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not ${values.port}`);
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = resolve(values['data-dir'] ?? process.env.FACTORY_TWIN_DATA_DIR ?? join(homedir(), '.factory-twin', 'preview'));
  const rendererDir = resolve(values['renderer-dir'] ?? join(root, 'dist', 'renderer'));

  const server = await startPreviewServer({ rendererDir, port, dataDir, appVersion: version });
  console.log(`Factory Twin ${version}, browser preview`);
  console.log(`  open:     ${server.url}`);
  console.log(`  data:     ${dataDir} (settings, recent files, recovery copy, projects/)`);
  console.log('  The URL carries this run\'s token; the bridge answers only 127.0.0.1. Ctrl+C stops it.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
