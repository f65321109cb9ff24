// better-sqlite3 for Electron's ABI, for `npm start` from a checkout. node_modules keeps Node's
// build (tests, command line); a copy of the package is rebuilt for Electron under .cache/ with
// @electron/rebuild (downloads Electron's headers: needs internet once) and handed to the app
// through FACTORY_TWIN_SQLITE_BINDING (electron/project/sqlite.ts).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function electronVersion(root = '.') {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Path of better_sqlite3.node built for this Electron, building it first if needed. */
export async function electronSqliteBinding(root = '.') {
  const version = electronVersion(root);
  const source = join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const buildPath = resolve(root, '.cache', `electron-${version}-sqlite-${sqliteVersion}`);
  const binding = join(buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.log(`Building SQLite (better-sqlite3 ${sqliteVersion}) for Electron ${version}; once, about a minute...`);
  rmSync(buildPath, { recursive: true, force: true });
  mkdirSync(join(buildPath, 'node_modules'), { recursive: true });
  writeFileSync(join(buildPath, 'package.json'), JSON.stringify({ name: 'electron-sqlite', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  cpSync(source, join(buildPath, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`),
  });
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, electronVersion: version, force: true, onlyModules: ['better-sqlite3'] });
  if (!existsSync(binding)) throw new Error(`the rebuild finished but ${binding} is missing`);
  return binding;
}
