// `npm start` where Electron's binary is absent (this machine, CI): a clear message naming the
// alternative, exit code 1, no stack trace, and no attempt to download anything.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('npm start without Electron\'s binary', () => {
  // An empty dist folder stands for "not installed" even on a machine where Electron is installed.
  const empty = mkdtempSync(join(tmpdir(), 'ft-no-electron-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('stops with a clear message pointing at npm run preview', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Electron's binary is not installed");
    expect(run.stderr).toContain('npm run preview');
    expect(run.stderr).toContain('electron-rebuild');
    expect(run.stderr + run.stdout).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
    expect(run.stderr + run.stdout).not.toMatch(/Error:|Downloading/);
    // It checks before building: nothing slow happens first.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
