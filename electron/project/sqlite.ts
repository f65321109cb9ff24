// Opening SQLite through better-sqlite3. Under Electron the native module must be built for
// Electron's ABI, while the tests and the command line need Node's build of the same package.
// `npm start` builds an Electron copy into .cache/ and names it in FACTORY_TWIN_SQLITE_BINDING
// (scripts/electron-sqlite.mjs); an installed app has node_modules rebuilt by electron-builder
// and sets nothing.
import Database from 'better-sqlite3';

export function openDatabase(source: string | Buffer, options: Database.Options = {}): Database.Database {
  const nativeBinding = process.env.FACTORY_TWIN_SQLITE_BINDING;
  return new Database(source, nativeBinding ? { ...options, nativeBinding } : options);
}
