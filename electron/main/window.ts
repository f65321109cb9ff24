// The one application window, locked down: the renderer is untrusted web content that reaches
// main only through the preload's allow-listed API (STYLE.md, Electron). The page comes from the
// app:// protocol serving dist/renderer, never file:// (which would grant it the whole disk) and
// never the network.
import { readFile } from 'node:fs/promises';
import { BrowserWindow, protocol, type WebContents } from 'electron';
import { contentType, resolveStatic, SECURITY_HEADERS } from '../services/index.js';
import type { WindowState } from '../services/index.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'factory-twin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const START_URL = `${APP_ORIGIN}/index.html`;

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, workers). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer with the security headers; anything else is a 404. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? resolveStatic(rendererDir, url.pathname) : null;
    if (file === null) return new Response('Not found', { status: 404, headers: { ...SECURITY_HEADERS } });
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
  };
}

export function installAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
}

export interface WindowOptions {
  preloadPath: string;
  state: WindowState;
  iconPath?: string;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const { bounds, maximized } = options.state;
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Factory Twin',
    backgroundColor: '#0f1216',
    ...(options.iconPath !== undefined ? { icon: options.iconPath } : {}),
    // Spelled out here, not spread from a constant, so the security scanner (electronegativity)
    // can read them; tests check the same values.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway below).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (maximized) window.maximize();
  // Show once painted, so the user never sees a white flash before the dark UI.
  window.once('ready-to-show', () => window.show());
  return window;
}

/** Applied to every web contents the app ever creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents): void {
  // The app is one page: a link, a dropped file or a script must not replace it.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Permissions our page may use: full screen (presentation mode) and writing to the clipboard
 * (copying figures). Camera, microphone, geolocation, notifications, ... are refused.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['fullscreen', 'clipboard-sanitized-write'];

export function allowPermission(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isTrustedSender(requestingUrl);
}

/** IPC is only answered for our own page, not for anything that might end up in a frame. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (frameUrl === undefined) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
