// Builds the renderer with Vite when its output is missing or older than its sources, so
// `npm start` and `npm run preview` are quick the second time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'engine', 'electron/contract', 'assets', 'vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

export function rendererIsStale(root = '.') {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((p) => newest(join(root, p)) > built);
}

export function buildRenderer({ force = false } = {}) {
  if (!force && !rendererIsStale()) return;
  console.log('Building the renderer (vite build)...');
  // Always React's production build, whatever NODE_ENV the caller has (vitest sets "test").
  const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    console.error('The renderer did not build; see the messages above.');
    process.exit(result.status ?? 1);
  }
}
