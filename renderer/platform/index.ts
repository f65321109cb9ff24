// How the renderer reaches main: the preload's `window.factoryTwin` under Electron, else the
// browser preview's bridge with the token from the page URL. Everything else in renderer/ calls
// getApi() and never knows which one it got.
import type { FactoryTwinApi } from '../../electron/contract/api.js';
import { createPreviewClient, tokenFromLocation } from './preview-client.js';

export { BridgeError, createPreviewClient, tokenFromLocation } from './preview-client.js';

declare global {
  interface Window {
    /** Set by electron/preload/preload.ts through contextBridge. */
    factoryTwin?: FactoryTwinApi;
  }
}

let cached: FactoryTwinApi | null = null;

export type Host = 'electron' | 'preview';

export function currentHost(): Host {
  return window.factoryTwin !== undefined ? 'electron' : 'preview';
}

export function getApi(): FactoryTwinApi {
  if (cached !== null) return cached;
  if (window.factoryTwin !== undefined) {
    cached = window.factoryTwin;
    return cached;
  }
  const token = tokenFromLocation(window.location.search);
  if (token === null) {
    throw new Error('Factory Twin could not reach its backend: open the app with `npm start`, or the full URL (with ?token=...) printed by `npm run preview`.');
  }
  cached = createPreviewClient({ token });
  return cached;
}

/** For tests that swap the backend. */
export function setApiForTests(api: FactoryTwinApi | null): void {
  cached = api;
}
