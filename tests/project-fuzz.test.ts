// Fuzzing the project file: every mutated file must either open correctly or be refused with a
// ProjectFileError (a clear message), never crash or hang, and the file on disk is never altered
// by opening it.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoHall } from '../engine/generators/index.js';
import { ProjectFileError, readProject, writeProject } from '../electron/project/index.js';
import { mulberry32 } from './des/sim.js';
import { shippedCatalog } from './support/catalog.js';
import { tempDir } from './support/tmp.js';

const dir = tempDir('factory-twin-fuzz-');
const original = join(dir, 'original.aifactory');
const doc = demoHall(shippedCatalog);
writeProject(original, doc, 'test');
const originalBytes = readFileSync(original);

/** Deterministic pseudo-random numbers so a failure can be replayed. */
const rng = mulberry32;

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Outcome { opened: number; refused: number; kinds: Set<string> }

function openOrRefuse(path: string, outcome: Outcome): void {
  const before = sha(readFileSync(path));
  try {
    const read = readProject(path);
    expect(Array.isArray(read.racks)).toBe(true);
    outcome.opened += 1;
  } catch (error) {
    if (!(error instanceof ProjectFileError)) throw new Error(`${path}: not a clear refusal: ${String(error)}`);
    expect(error.message).toContain(path);
    expect(error.message).not.toMatch(/\n\s+at /); // no stack trace in the message
    outcome.refused += 1;
    outcome.kinds.add(error.kind);
  }
  expect(sha(readFileSync(path))).toBe(before);
}

describe('fuzzed project files', () => {
  it('random bytes and truncation: open or refuse cleanly', () => {
    const random = rng(1);
    const outcome: Outcome = { opened: 0, refused: 0, kinds: new Set() };
    for (let i = 0; i < 120; i++) {
      const bytes = Buffer.from(originalBytes);
      const path = join(dir, `bytes-${i}.aifactory`);
      if (i % 3 === 0) {
        writeFileSync(path, bytes.subarray(0, Math.floor(random() * bytes.length)));
      } else {
        const flips = 1 + Math.floor(random() * 40);
        for (let k = 0; k < flips; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        writeFileSync(path, bytes);
      }
      openOrRefuse(path, outcome);
    }
    expect(outcome.opened + outcome.refused).toBe(120);
    expect(outcome.refused).toBeGreaterThan(30);
    expect(readFileSync(original).equals(originalBytes)).toBe(true);
  });

  it('altered and deleted rows, wrong JSON: open or refuse cleanly', () => {
    const random = rng(2);
    const outcome: Outcome = { opened: 0, refused: 0, kinds: new Set() };
    const junk = ['', 'null', '42', '"text"', '[]', '{', '{"a":1}', '[{"x":1}]', 'NaN', '{"x":"1","y":2}'];
    const tables: [string, string[]][] = [
      ['racks', ['tags', 'name', 'type_id', 'feed_a', 'cdu_id', 'row_id']],
      ['cooling_units', ['tags', 'status', 'type_id', 'attached_rack_id']],
      ['power_equipment', ['tags', 'side', 'status', 'type_id']],
      ['power_feeds', ['upstream_id', 'power_id']],
      ['workloads', ['model', 'profile', 'name']],
      ['catalog_items', ['props', 'section', 'kind', 'name']],
      ['catalog_info', ['site', 'currency']],
      ['hall', ['floor_kind', 'ashrae_class', 'name']],
      ['meta', ['value']],
    ];
    for (let i = 0; i < 150; i++) {
      const path = join(dir, `rows-${i}.aifactory`);
      copyFileSync(original, path);
      const db = new Database(path);
      const [table, columns] = tables[Math.floor(random() * tables.length)] as [string, string[]];
      const column = columns[Math.floor(random() * columns.length)] as string;
      const action = random();
      try {
        if (action < 0.25) db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} ORDER BY random() LIMIT 1)`).run();
        else if (action < 0.35) db.prepare(`DELETE FROM ${table}`).run();
        else if (action < 0.45) db.exec(`DROP TABLE ${table}`);
        else db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = (SELECT min(rowid) FROM ${table})`).run(junk[Math.floor(random() * junk.length)]);
      } catch {
        // a NOT NULL or STRICT constraint refused the edit: the file stays valid, which is fine
      }
      db.close();
      openOrRefuse(path, outcome);
    }
    expect(outcome.refused).toBeGreaterThan(50);
    expect(outcome.kinds.has('invalid')).toBe(true);
  });
});
