// Electron's entry point, bundled to dist/electron/main.cjs (package.json "main"). Everything
// else is in app.ts so that tests can drive it with a mocked electron module.
import { app, dialog } from 'electron';
import { startApp } from './app.js';

startApp().catch((error: unknown) => {
  // A start-up failure (e.g. better-sqlite3 built for Node's ABI, not Electron's) must reach the
  // user as a message, not a silent exit.
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Factory Twin could not start', message);
  app.exit(1);
});
