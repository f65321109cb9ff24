import Database from 'better-sqlite3';
import fc from 'fast-check';
import { copyFileSync, readFileSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoHall, superpodHall } from '../../engine/generators/index.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { arbitraryHall } from '../../tests/support/halls.js';
import { tempDir } from '../../tests/support/tmp.js';
import { APPLICATION_ID, MIGRATIONS, ProjectFileError, ProjectFileService, SCHEMA_VERSION, migrate, readProject, writeProject } from './index.js';

const dir = tempDir();
const service = new ProjectFileService('test');
const demoPath = join(dir, 'demo.aifactory');
writeProject(demoPath, demoHall(shippedCatalog), 'test');

function refusal(path: string): ProjectFileError {
  try {
    readProject(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ProjectFileError);
    return error as ProjectFileError;
  }
  throw new Error(`${path} was opened but should have been refused`);
}

function copyWith(name: string, edit: (db: Database.Database) => void): string {
  const path = join(dir, name);
  copyFileSync(demoPath, path);
  const db = new Database(path);
  try {
    edit(db);
  } finally {
    db.close();
  }
  return path;
}

describe('project file round trip', () => {
  it('reads back the demo and superpod halls exactly', () => {
    for (const doc of [demoHall(shippedCatalog), superpodHall(shippedCatalog, 2)]) {
      const path = join(dir, 'rt.aifactory');
      service.save(path, doc, { expected: null, overwrite: true });
      expect(readProject(path)).toEqual(doc);
    }
  });

  it('is lossless for generated halls (property)', () => {
    const path = join(dir, 'prop.aifactory');
    fc.assert(
      fc.property(arbitraryHall(shippedCatalog), (doc) => {
        writeProject(path, doc, 'test');
        expect(readProject(path)).toEqual(doc);
      }),
      { numRuns: 25, seed: 20261127 },
    );
  });

  it('marks the file as ours and records the schema version', () => {
    const db = new Database(demoPath, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect((db.prepare('SELECT count(*) AS n FROM racks').get() as { n: number }).n).toBe(19);
    db.close();
  });
});

describe('opening a bad file', () => {
  it('refuses a missing file, an empty file, a text file and a folder', () => {
    expect(refusal(join(dir, 'nope.aifactory')).kind).toBe('not-found');
    writeFileSync(join(dir, 'empty.aifactory'), '');
    expect(refusal(join(dir, 'empty.aifactory')).message).toMatch(/empty/);
    writeFileSync(join(dir, 'text.aifactory'), 'hall,racks\nA,12\n'.repeat(20));
    expect(refusal(join(dir, 'text.aifactory')).kind).toBe('not-sqlite');
    expect(refusal(dir).kind).toBe('unreadable');
  });

  it('refuses an SQLite database that is not ours', () => {
    const path = join(dir, 'other.sqlite');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const error = refusal(path);
    expect(error.kind).toBe('not-ours');
    expect(error.message).toContain('not a Factory Twin project');
  });

  it('refuses a file from a newer version', () => {
    const error = refusal(copyWith('newer.aifactory', (db) => db.pragma('user_version = 99')));
    expect(error.kind).toBe('too-new');
    expect(error.message).toContain('file format 99');
  });

  it('refuses a truncated file', () => {
    const path = join(dir, 'truncated.aifactory');
    const bytes = readFileSync(demoPath);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(['corrupt', 'invalid']).toContain(refusal(path).kind);
  });

  it('names table, row and column of an invalid value', () => {
    const path = copyWith('badrow.aifactory', (db) => db.prepare("UPDATE racks SET rotation_deg = 45 WHERE id = 'r01-03'").run());
    const error = refusal(path);
    expect(error.kind).toBe('invalid');
    expect(error.problems[0]?.path).toBe('table racks, row 3 (id "r01-03"), column rotation_deg');
  });

  it('names a JSON column that is not JSON, or JSON of the wrong shape', () => {
    const notJson = refusal(copyWith('badjson.aifactory', (db) => db.prepare("UPDATE racks SET tags = '{oops' WHERE seq = 2").run()));
    expect(notJson.problems[0]).toEqual({ path: 'table racks, row 2 (id "r01-02"), column tags', message: 'is not valid JSON' });
    const wrongShape = refusal(copyWith('badshape.aifactory', (db) => db.prepare("UPDATE hall_rows SET tags = '[1, 2]' WHERE seq = 2").run()));
    expect(wrongShape.problems[0]?.path).toBe('table hall_rows, row 2 (id "row-02"), column tags');
    const model = refusal(copyWith('badmodel.aifactory', (db) => db.prepare(`UPDATE workloads SET model = json_set(model, '$.layers', 'eighty') WHERE seq = 1`).run()));
    expect(model.problems[0]?.path).toBe('table workloads, row 1 (id "wl-coding"), column model (layers)');
  });

  it('names a column dropped by hand', () => {
    const error = refusal(copyWith('nocolumn.aifactory', (db) => db.exec('ALTER TABLE racks DROP COLUMN utilisation')));
    expect(error.kind).toBe('invalid');
    expect(error.problems).toEqual([{ path: 'table racks', message: 'column(s) utilisation missing' }]);
  });

  it('names a dangling reference', () => {
    const error = refusal(copyWith('dangling.aifactory', (db) => db.prepare("UPDATE racks SET feed_a = 'ghost' WHERE seq = 1").run()));
    expect(error.problems).toContainEqual({ path: 'racks[0].feedA', message: 'no power element "ghost"' });
  });
});

describe('migrations', () => {
  it('upgrades an older file in memory and leaves the file itself untouched', () => {
    // A future version 2 adds a column; applying the chain to a version-1 file must reach 2.
    const v2 = [...MIGRATIONS, { version: 2, description: 'test: rack notes', up: (db: Database.Database) => db.exec('ALTER TABLE racks ADD COLUMN notes TEXT') }];
    const db = new Database(readFileSync(demoPath));
    migrate(db, 2, v2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect((db.prepare('PRAGMA table_info(racks)').all() as { name: string }[]).map((c) => c.name)).toContain('notes');
    db.close();
  });
});

describe('saving', () => {
  it('refuses to overwrite a file changed on disk since it was opened', () => {
    const path = join(dir, 'shared.aifactory');
    copyFileSync(demoPath, path);
    const opened = service.open(path);
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later); // another program touched it
    expect(() => service.save(path, opened.document, { expected: opened.fingerprint })).toThrow(/changed on disk/);
    const again = service.open(path);
    const fp = service.save(path, again.document, { expected: again.fingerprint });
    expect(fp.size).toBe(statSync(path).size);
  });

  it('refuses to save an invalid document, naming the field', () => {
    const doc = demoHall(shippedCatalog);
    const bad = { ...doc, racks: [{ ...doc.racks[0], rotationDeg: 45 }] };
    try {
      service.save(join(dir, 'never.aifactory'), bad, { expected: null });
      expect.unreachable();
    } catch (error) {
      expect((error as ProjectFileError).problems[0]?.path).toBe('racks[0].rotationDeg');
    }
  });
});
