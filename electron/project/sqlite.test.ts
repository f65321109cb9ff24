import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './sqlite.js';

const require = createRequire(import.meta.url);
// Node's build of the module stands in for the Electron build npm start makes: same loading path.
const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('openDatabase', () => {
  afterEach(() => { delete process.env.FACTORY_TWIN_SQLITE_BINDING; });

  it('loads the native module named by FACTORY_TWIN_SQLITE_BINDING (how Electron gets its ABI build)', () => {
    process.env.FACTORY_TWIN_SQLITE_BINDING = nodeBuild;
    const db = openDatabase(':memory:');
    expect(db.prepare('SELECT 40 + 2 AS n').get()).toEqual({ n: 42 });
    db.close();
  });

  it('fails clearly when the named module is missing, instead of using the wrong ABI', () => {
    process.env.FACTORY_TWIN_SQLITE_BINDING = '/nowhere/better_sqlite3.node';
    expect(() => openDatabase(':memory:')).toThrow(/nowhere/);
  });
});
