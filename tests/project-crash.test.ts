// Atomic save: a process killed (SIGKILL) at an arbitrary moment while saving leaves either the
// old or the new project on disk, never a broken one.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { demoHall, superpodHall } from '../engine/generators/index.js';
import { readProject, writeProject } from '../electron/project/index.js';
import { shippedCatalog } from './support/catalog.js';
import { tempDir } from './support/tmp.js';

const loop = fileURLToPath(new URL('./support/save-loop.ts', import.meta.url));
const dir = tempDir('factory-twin-crash-');

function killDuringSaves(path: string, savesBeforeKill: number, extraMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loop, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let saved = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      saved += chunk.toString().split('\n').filter((l) => l === 'saved').length;
      if (saved >= savesBeforeKill) setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`save loop ended without being killed (${signal})`))));
  });
}

describe('save under SIGKILL', () => {
  it('leaves the old or the new project, never a broken one', async () => {
    const expected = [demoHall(shippedCatalog), superpodHall(shippedCatalog, 3)].map((d) => JSON.stringify(d));
    for (let round = 0; round < 4; round++) {
      const path = join(dir, `crash-${round}.aifactory`);
      await killDuringSaves(path, 1 + round, round * 3);
      expect(expected).toContain(JSON.stringify(readProject(path)));
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.aifactory'))).toHaveLength(4);
    // The next save cleans up the temporary files the killed saves left behind.
    const last = join(dir, 'crash-3.aifactory');
    writeProject(last, demoHall(shippedCatalog), 'test');
    expect(readdirSync(dir).filter((f) => f.startsWith('crash-3.aifactory.tmp-'))).toEqual([]);
  });
});
