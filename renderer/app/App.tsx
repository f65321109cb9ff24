// The window: toolbar, catalog palette, 3D viewport, inspector and results, status bar.
import { useEffect } from 'react';
import type { ActionContext } from '../actions/registry';
import { Inspector } from '../panels/Inspector';
import { EditorLayer } from '../panels/EditorLayer';
import { ExportDialog } from '../panels/ExportDialog';
import { Notices } from '../panels/Notices';
import { Palette } from '../panels/Palette';
import { PresentationLayer } from '../presentation/PresentationLayer';
import { ResultsPanel } from '../panels/ResultsPanel';
import { StatusBar } from '../panels/StatusBar';
import { Toolbar } from '../panels/Toolbar';
import { Viewport } from '../scene/Viewport';
import { wireSession } from './boot';
import { ActionContextReact } from './context';

export function App({ ctx }: { ctx: ActionContext }) {
  useEffect(() => {
    // Wiring only: StrictMode runs effects twice, and the first document must be taken once
    // (takeRecovery hands the copy over), so main.tsx loads it.
    return wireSession(ctx);
  }, [ctx]);
  return (
    <ActionContextReact.Provider value={ctx}>
      <div className="app">
        <Toolbar />
        <Palette />
        <Viewport />
        <aside className="app-right">
          <Inspector />
          <ResultsPanel />
        </aside>
        <StatusBar />
      </div>
      <EditorLayer />
      <ExportDialog />
      <PresentationLayer />
      <Notices />
    </ActionContextReact.Provider>
  );
}
