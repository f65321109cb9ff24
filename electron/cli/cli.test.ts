import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/support/tmp.js';
import { EXIT } from './main.js';
import { runCli } from '../../tests/support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = tempDir('factory-twin-cli-');

const cli = (...argv: string[]) => runCli(dir, ...argv);

describe('factory-twin command line', () => {
  it('makes a demo project, summarises and validates it', async () => {
    expect((await cli('new', 'demo.aifactory')).code).toBe(EXIT.ok);
    const info = await cli('info', 'demo.aifactory', '--json');
    expect(info.code).toBe(EXIT.ok);
    const summary = JSON.parse(info.out) as { racks: { total: number; byKind: Record<string, number> }; gpus: number; nameplateItKw: number };
    // 12 NVL72-class racks x 72 GPUs = 864; nameplate 12 x 132 + 4 x 21 (NDR) + 15 (Ethernet) + 18 (storage) + 15 (CPU) = 1716 kW.
    expect(summary.gpus).toBe(864);
    expect(summary.nameplateItKw).toBe(1716);
    expect(summary.racks.byKind).toEqual({ network: 5, gpu: 12, storage: 1, cpu: 1 });
    expect((await cli('validate', 'demo.aifactory')).out).toContain('valid');
  });

  it('computes the documented results as JSON', async () => {
    await cli('new', 'c.aifactory', '--force');
    const r = await cli('compute', 'c.aifactory', '--json');
    expect(r.code, r.err).toBe(EXIT.ok);
    const json = JSON.parse(r.out) as Record<string, Record<string, unknown>>;
    for (const [part, key] of [['power', 'itLoadKw'], ['power', 'facilityKw'], ['power', 'pue'], ['thermal', 'maxInletC'], ['thermal', 'rciHi'],
      ['thermal', 'energyBalanceErrorPct'], ['fabric', 'bisectionTbps'], ['fabric', 'oversubscription'], ['workload', 'maxAgentsAtSlo'], ['workload', 'p99StepMs']] as const) {
      expect(typeof json[part]?.[key], `${part}.${key}`).toBe('number');
    }
    expect(json.fabric?.switches).toMatchObject({ leaf: 32, spine: 16 });
    expect(json.bottleneck?.resource).toBe('compute');
    const text = await cli('compute', 'c.aifactory');
    expect(text.out).toMatch(/PUE 1\.\d{3}/);
    expect(text.out).toContain('bottleneck               compute');
  });

  it('makes a superpod of N scalable units', async () => {
    expect((await cli('new', 'pod.aifactory', '--sample', 'superpod', '--sus', '2')).code).toBe(EXIT.ok);
    const summary = JSON.parse((await cli('info', 'pod.aifactory', '--json')).out) as { gpus: number };
    expect(summary.gpus).toBe(2 * 32 * 8); // 2 SUs x 32 nodes x 8 GPUs
  });

  it('refuses bad usage with exit code 2 and one clear line', async () => {
    for (const argv of [['frob'], ['new'], ['new', 'x.txt'], ['new', 'a.aifactory', '--sample', 'moon'], ['new', 'b.aifactory', '--sus', '3'], ['info', 'a', 'b'], ['info', 'x.aifactory', '--colour']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(EXIT.usage);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^factory-twin: /);
    }
    await cli('new', 'exists.aifactory');
    expect((await cli('new', 'exists.aifactory')).err).toContain('already exists; use --force');
  });

  it('refuses bad files with a sentence, never a stack trace', async () => {
    writeFileSync(join(dir, 'notes.aifactory'), 'not a database at all, just text'.repeat(10));
    const db = new Database(join(dir, 'foreign.aifactory'));
    db.exec('CREATE TABLE x (a)');
    db.close();
    const cases: [string, number, RegExp][] = [
      ['missing.aifactory', EXIT.file, /does not exist/],
      ['notes.aifactory', EXIT.file, /not an SQLite database/],
      ['foreign.aifactory', EXIT.file, /not a Factory Twin project/],
    ];
    for (const [file, code, message] of cases) {
      const r = await cli('info', file);
      expect(r.code).toBe(code);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('validate lists every problem with table, row and column', async () => {
    await cli('new', 'broken.aifactory');
    const db = new Database(join(dir, 'broken.aifactory'));
    db.prepare("UPDATE racks SET rotation_deg = 45 WHERE seq = 1").run();
    db.prepare("UPDATE cooling_units SET status = 'melted' WHERE seq = 1").run();
    db.close();
    const r = await cli('validate', 'broken.aifactory');
    expect(r.code).toBe(EXIT.problems);
    expect(r.err).toContain('table racks, row 1 (id "r01-01"), column rotation_deg');
    expect(r.err).toContain('table cooling_units, row 1 (id "cdu-01-1"), column status');
    const json = JSON.parse((await cli('validate', 'broken.aifactory', '--json')).out) as { valid: boolean; problems: unknown[] };
    expect(json.valid).toBe(false);
    expect(json.problems).toHaveLength(2);
  });

  it('runs as the installed bin (npx factory-twin)', async () => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    const bin = join(root, 'bin', 'factory-twin.cjs');
    const made = spawnSync(process.execPath, [bin, 'new', join(dir, 'bin.aifactory'), '--force'], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const info = spawnSync(process.execPath, [bin, 'info', join(dir, 'bin.aifactory')], { encoding: 'utf8' });
    expect(info.stdout).toContain('GPUs          864');
  });
});
