// The desktop application's wiring: which services, which window, which menu, which IPC. Kept
// apart from main.ts (the bundle's entry) so tests can run it against a mocked `electron`.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, type WebContents } from 'electron';
import { MENU_CHANNEL, OPEN_FILE_CHANNEL, type MenuCommand } from '../contract/api.js';
import { createServices, restoreBounds, type Services } from '../services/index.js';
import { filesFromArgv, OpenFileQueue } from './argv.js';
import { CloseGuard } from './close-guard.js';
import { registerAllIpc } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { ElectronShell } from './shell.js';
import { allowPermission, createMainWindow, hardenWebContents, installAppProtocol, registerAppScheme, START_URL } from './window.js';

export interface AppPaths {
  /** The folder with package.json, dist/ and assets/ (app.getAppPath(), possibly app.asar). */
  appRoot: string;
  rendererDir: string;
  preloadPath: string;
  catalogPath: string;
  iconPath: string;
}

export function defaultPaths(appRoot: string): AppPaths {
  return {
    appRoot,
    rendererDir: join(appRoot, 'dist', 'renderer'),
    preloadPath: join(appRoot, 'dist', 'electron', 'preload.cjs'),
    catalogPath: join(appRoot, 'assets', 'catalog', 'default.json'),
    iconPath: join(appRoot, 'assets', 'icons', 'icon.png'),
  };
}

export interface RunningApp {
  services: Services;
  window: () => BrowserWindow | null;
  openQueue: OpenFileQueue;
  guard: CloseGuard;
}

/** Call once, at start-up, before app 'ready'. Resolves when the window exists (tests wait on it). */
export async function startApp(paths: AppPaths = defaultPaths(app.getAppPath())): Promise<RunningApp | null> {
  registerAppScheme();
  // One instance: a second launch (double-click in the file manager) hands its files to us.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const openQueue = new OpenFileQueue();
  for (const file of filesFromArgv(process.argv, process.defaultApp === true, process.cwd())) openQueue.push(file);
  // macOS sends open-file, possibly before 'ready' when the launch itself was a double-click.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openQueue.push(path);
  });
  app.on('web-contents-created', (_event, contents: WebContents) => hardenWebContents(contents));

  let window: BrowserWindow | null = null;
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // Same argv shape as ours: the second instance was started the same way.
    for (const file of filesFromArgv(argv, process.defaultApp === true, workingDirectory)) openQueue.push(file);
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  // Only full screen and clipboard writes, only for our page; no camera, microphone, location.
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl ?? contents?.getURL())));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, `${requestingOrigin}/`));
  installAppProtocol(paths.rendererDir);

  const services = createServices({ dataDir: app.getPath('userData'), appVersion: app.getVersion(), catalogPath: paths.catalogPath });
  const guard = new CloseGuard();
  const shell = new ElectronShell(() => window, guard, app.getPath('documents'));
  const send = (command: MenuCommand) => window?.webContents.send(MENU_CHANNEL, command);

  registerAllIpc(ipcMain, services, shell, {
    savePathChosen: (path) => guard.savePathChosen(path),
    saveFinished: (ok) => {
      if (guard.saveFinished(ok)) setImmediate(() => window?.close());
    },
  });

  const installMenu = (recent: readonly string[]) => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({
    platform: process.platform,
    appName: 'Factory Twin',
    recent,
    developer: !app.isPackaged,
    send,
    nativeEdit: (action) => window?.webContents[action](),
    openRecent: (path) => openQueue.push(path),
    clearRecent: () => services.settings.clearRecent(),
  })));
  installMenu(services.settings.recentFiles());
  services.settings.onRecentChanged(installMenu);

  const displays = screen.getAllDisplays().map((d) => d.workArea);
  window = createMainWindow({
    preloadPath: paths.preloadPath,
    state: restoreBounds(services.settings.windowState(), displays),
    iconPath: paths.iconPath,
  });
  const win = window;

  win.webContents.on('did-finish-load', () => openQueue.attach((path) => win.webContents.send(OPEN_FILE_CHANNEL, path)));
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    openQueue.attach(null);
    // The recovery copy survives a renderer crash; reloading lets the page offer it back.
    const choice = dialog.showMessageBoxSync(win, {
      type: 'error', buttons: ['Reload', 'Quit'], defaultId: 0, cancelId: 1, noLink: true,
      message: 'The Factory Twin window stopped unexpectedly.',
      detail: `Reason: ${details.reason}. Unsaved work autosaved to the recovery copy will be offered when the window reloads.`,
    });
    if (choice === 0) win.reload();
    else app.quit();
  });

  win.on('close', (event) => {
    const decision = guard.onCloseRequested();
    if (decision === 'allow') {
      services.settings.saveWindowState({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
      // A clean close: the work was saved or deliberately discarded, so no recovery to offer.
      services.recovery.discard();
      return;
    }
    event.preventDefault();
    if (decision === 'wait') return;
    void shell.confirmUnsaved(shell.documentName).then((answer) => {
      if (answer === 'discard') {
        guard.discardAndClose();
        win.close();
      } else if (answer === 'save') {
        guard.saveThenClose();
        send('file.save');
      }
    });
  });
  win.on('closed', () => {
    window = null;
    openQueue.attach(null);
  });

  await win.loadURL(START_URL);
  return { services, window: () => window, openQueue, guard };
}
