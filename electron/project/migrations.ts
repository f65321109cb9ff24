// Numbered schema migrations. Migration n turns a version n-1 file into version n; version 1
// creates the schema. Old files are migrated in memory on open (the user's file is untouched
// until they save), so opening never damages a file an older build could still read.
import type Database from 'better-sqlite3';
import { SCHEMA_V1 } from './schema.js';

export interface Migration {
  version: number;
  description: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'initial schema', up: (db) => db.exec(SCHEMA_V1) },
];

/** Bring db from its user_version up to `target`, each step in its own transaction. */
export function migrate(db: Database.Database, target: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const from = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
