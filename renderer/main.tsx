// Entry point: bundled fonts and styles, the platform API, the engine worker, then React.
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/jetbrains-mono/400.css';
import '@fontsource/jetbrains-mono/500.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/chrome.css';
import './styles/panels.css';
import './styles/viewport.css';
import './styles/scene.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { getApi } from './platform/index';
import { App } from './app/App';
import { loadFirstDocument } from './app/boot';
import { notify, useSession } from './state/session';
import { EngineClient, connectEngine } from './engine/client';
import EngineWorker from './engine/compute.worker?worker';
import './actions/file';
import './actions/export';
// Edit actions first: Escape goes to the active tool before it clears the selection.
import './actions/edit';
import './actions/tools';
import './actions/view';
import './actions/autocable';

// zod compiles validators with new Function when it can; the CSP forbids eval, so don't try.
z.config({ jitless: true });

/** Most time to first paint goes to compiling shaders; on two cores the engine's first run competes
 *  with that, so the hall is drawn first and computed right after (or after a grace period when no
 *  frame comes, e.g. WebGL unavailable, so results never wait on the viewport). */
const FIRST_FRAME_GRACE_MS = 4000;
function startEngineAfterFirstFrame(engine: EngineClient): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    unsubscribe();
    clearTimeout(timer);
    connectEngine(engine);
  };
  const unsubscribe = useSession.subscribe((s) => { if (s.hallRendered) start(); });
  const timer = setTimeout(start, FIRST_FRAME_GRACE_MS);
}

const root = createRoot(document.getElementById('root')!);
try {
  const ctx = { api: getApi() };
  const engine = new EngineClient(() => new EngineWorker({ name: 'engine' }));
  startEngineAfterFirstFrame(engine);
  root.render(<StrictMode><App ctx={ctx} /></StrictMode>);
  loadFirstDocument(ctx).catch((e: unknown) => {
    notify({ tone: 'error', title: 'Could not start', detail: e instanceof Error ? e.message : String(e) });
  });
} catch (e) {
  root.render(<div className="empty">{e instanceof Error ? e.message : String(e)}</div>);
}
