// The sandboxed preload: the only bridge between the untrusted page and main. It exposes one
// typed object, `window.factoryTwin`, whose methods each invoke one allow-listed channel; the
// page never gets ipcRenderer, a channel name of its choosing, or Electron's event objects.
// Bundled by esbuild into one CommonJS file (a sandboxed preload cannot load modules of its own).
import { contextBridge, ipcRenderer } from 'electron';
import {
  CHANNEL_OF, INVOKE_CHANNELS, MENU_CHANNEL, MENU_COMMANDS, OPEN_FILE_CHANNEL,
  type FactoryTwinApi, type InvokeMethod, type MenuCommand,
} from '../contract/api.js';

type Invoke = <M extends InvokeMethod>(method: M, ...args: Parameters<FactoryTwinApi[M]>) => ReturnType<FactoryTwinApi[M]>;

export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Builds the API over an ipcRenderer-like object (tests pass a fake one). */
export function createApi(ipc: PreloadIpc): FactoryTwinApi {
  const invoke: Invoke = (method, ...args) => {
    const channel = CHANNEL_OF[method];
    // Defence in depth: CHANNEL_OF is typed against the contract, but check at run time too.
    if (!INVOKE_CHANNELS.includes(channel)) return Promise.reject(new Error(`${channel} is not allowed`)) as never;
    return ipc.invoke(channel, ...args) as never;
  };

  const menuListeners = new Set<(command: MenuCommand) => void>();
  ipc.on(MENU_CHANNEL, (_event, command) => {
    if (typeof command !== 'string' || !(MENU_COMMANDS as readonly string[]).includes(command)) return;
    for (const listener of menuListeners) listener(command as MenuCommand);
  });

  // Open requests can arrive before React has mounted and subscribed: keep them until then.
  const openListeners = new Set<(path: string) => void>();
  const pendingOpens: string[] = [];
  ipc.on(OPEN_FILE_CHANNEL, (_event, path) => {
    if (typeof path !== 'string') return;
    if (openListeners.size === 0) pendingOpens.push(path);
    for (const listener of openListeners) listener(path);
  });

  return {
    openProject: (path) => invoke('openProject', path),
    saveProject: (request) => invoke('saveProject', request),
    chooseSavePath: (suggestedName) => invoke('chooseSavePath', suggestedName),
    newFromTemplate: (template, scalableUnits) => invoke('newFromTemplate', template, scalableUnits),
    shippedCatalog: () => invoke('shippedCatalog'),
    recentFiles: () => invoke('recentFiles'),
    writeRecovery: (path, document) => invoke('writeRecovery', path, document),
    takeRecovery: () => invoke('takeRecovery'),
    discardRecovery: () => invoke('discardRecovery'),
    setTitle: (title, dirty) => invoke('setTitle', title, dirty),
    confirmUnsaved: (fileName) => invoke('confirmUnsaved', fileName),
    appVersion: () => invoke('appVersion'),
    exportProject: (request) => invoke('exportProject', request),
    chooseExportPath: (format, suggestedName) => invoke('chooseExportPath', format, suggestedName),
    savePng: (bytes, suggestedName) => invoke('savePng', bytes, suggestedName),
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => void menuListeners.delete(listener);
    },
    onOpenFile(listener) {
      openListeners.add(listener);
      for (const path of pendingOpens.splice(0)) listener(path);
      return () => void openListeners.delete(listener);
    },
  };
}

contextBridge.exposeInMainWorld('factoryTwin', createApi(ipcRenderer));
