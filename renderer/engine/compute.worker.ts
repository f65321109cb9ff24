// The engine's thread: everything it does is in worker-host.ts (testable without a worker); this
// file only connects it to the worker global.
/// <reference lib="webworker" />
import type { ToEngine } from './protocol';
import { engineHost } from './worker-host';

declare const self: DedicatedWorkerGlobalScope;

const handle = engineHost((message, transfer) => self.postMessage(message, transfer));
self.onmessage = (event: MessageEvent<ToEngine>) => handle(event.data);
