// One registration function per domain, as STYLE.md asks (bruno's registerXIpc): each binds the
// shared handlers (electron/services/handlers.ts) to ipcMain. Only our own page may call, a
// malformed payload is refused with a clear error, and nothing outside the contract is registered.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeChannel } from '../contract/api.js';
import {
  appHandlers, exportHandlers, imageHandlers, projectHandlers, recoveryHandlers, windowHandlers,
  type DesktopShell, type Handler, type SaveObserver, type Services,
} from '../services/index.js';
import { isTrustedSender } from './window.js';

export class UntrustedSenderError extends Error {
  override readonly name = 'UntrustedSenderError';
}

function register(ipcMain: IpcMain, handlers: Partial<Record<InvokeChannel, Handler>>): void {
  for (const [channel, handler] of Object.entries(handlers) as [InvokeChannel, Handler][]) {
    if (!INVOKE_CHANNELS.includes(channel)) throw new Error(`${channel} is not in the contract's INVOKE_CHANNELS`);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        throw new UntrustedSenderError(`${channel} refused: the request did not come from the Factory Twin page.`);
      }
      // Errors thrown here reach the renderer as a rejected promise with this message.
      return handler(args);
    });
  }
}

export function registerProjectIpc(ipcMain: IpcMain, services: Services, shell: DesktopShell, observer?: SaveObserver): void {
  register(ipcMain, projectHandlers(services, shell, observer));
}

export function registerRecoveryIpc(ipcMain: IpcMain, services: Services): void {
  register(ipcMain, recoveryHandlers(services));
}

export function registerWindowIpc(ipcMain: IpcMain, shell: DesktopShell): void {
  register(ipcMain, windowHandlers(shell));
}

export function registerAppIpc(ipcMain: IpcMain, services: Services): void {
  register(ipcMain, appHandlers(services));
}

export function registerExportIpc(ipcMain: IpcMain, shell: DesktopShell): void {
  register(ipcMain, exportHandlers(shell));
}

export function registerImageIpc(ipcMain: IpcMain, shell: DesktopShell): void {
  register(ipcMain, imageHandlers(shell));
}

export function registerAllIpc(ipcMain: IpcMain, services: Services, shell: DesktopShell, observer?: SaveObserver): void {
  registerProjectIpc(ipcMain, services, shell, observer);
  registerRecoveryIpc(ipcMain, services);
  registerWindowIpc(ipcMain, shell);
  registerAppIpc(ipcMain, services);
  registerExportIpc(ipcMain, shell);
  registerImageIpc(ipcMain, shell);
}
