// HTML over the canvas: what hall this is and its size, the view controls (fit, frame selection,
// 3D / plan, saved views), the overlay toggles, the legends of the active overlays and the fabric
// diagram panel. Buttons run the same registered actions as the View menu and the keys.
import { Flame, Maximize, Box, Scan, Wind, Zap, Cable, TriangleAlert, Network } from 'lucide-react';
import type { ReactNode } from 'react';
import { useActionContext } from '../app/context';
import { getAction, runAction } from '../actions/registry';
import { useDocument } from '../state/document';
import { requestFit, toggleOverlay, useSession, type Overlays } from '../state/session';
import { FabricPanel } from '../diagram/FabricPanel';
import { Legends } from '../overlays/Legend';
import { ViewsMenu } from '../panels/ViewsMenu';
import { PresentButton } from '../presentation/PresentationLayer';
import { frameObjects, setProjection, toggleDiagram, useView } from './view-state';

function OverlayButton({ id, overlay, icon }: { id: string; overlay: keyof Overlays; icon: ReactNode }) {
  const ctx = useActionContext();
  const on = useSession((s) => s.overlays[overlay]);
  const a = getAction(id);
  const tip = a === undefined ? id : `${a.label}${a.shortcut === undefined ? '' : ` (${a.shortcut})`}`;
  return (
    <button className="btn icon" title={tip} aria-label={tip} aria-pressed={on} data-overlay={overlay} onClick={() => void runAction(id, ctx)}>
      {icon}
    </button>
  );
}

/**
 * Which engine stage the results on screen come from: power and heat are shown as soon as they
 * are computed, and this line says that fabric and agents are still on their way. data-seq is
 * the request the shown results answer (the render benchmark waits on it).
 */
function EngineStage() {
  const status = useSession((s) => s.engine.status);
  const seq = useSession((s) => s.engine.seq);
  const pending = useSession((s) => s.engine.results?.pending ?? null);
  const waiting = status === 'computing' && pending === 'network';
  return (
    <div className="faint" data-testid="engine-stage" data-seq={seq} data-pending={waiting ? 'network' : 'none'}>
      {waiting && 'Power and heat current · fabric and agents computing…'}
    </div>
  );
}

export function ViewportHud() {
  const doc = useDocument((s) => s.doc);
  const selection = useSession((s) => s.selection);
  const containment = useSession((s) => s.overlays.containment);
  const projection = useView((s) => s.projection);
  const diagramOpen = useView((s) => s.diagramOpen);
  if (doc === null) return null;
  return (
    <>
      <div className="hud hud-tl">
        <div className="hud-title">{doc.hall.name}</div>
        <div className="hud-sub mono">
          {doc.hall.lengthM.toFixed(1)} × {doc.hall.widthM.toFixed(1)} m · tile {doc.hall.tileM.toFixed(2)} m · {doc.racks.length} racks
        </div>
        <EngineStage />
      </div>
      <div className="hud hud-tr">
        <div className="seg" role="group" aria-label="Projection">
          <button className="btn" aria-pressed={projection === 'perspective'} data-testid="view-3d" title="3D view (P toggles)" onClick={() => setProjection('perspective')}>3D</button>
          <button className="btn" aria-pressed={projection === 'plan'} data-testid="view-plan" title="Plan view (P toggles)" onClick={() => setProjection('plan')}>Plan</button>
        </div>
        <span className="hud-sep" />
        <button className="btn icon" title="Fit hall" aria-label="Fit hall" data-testid="fit-hall" onClick={() => requestFit()}><Maximize size={15} /></button>
        <button className="btn icon" title="Frame selection (F)" aria-label="Frame selection" data-testid="fit-selection" disabled={selection.length === 0} onClick={() => frameObjects(selection)}><Scan size={15} /></button>
        <ViewsMenu />
        <span className="hud-sep" />
        <OverlayButton id="view.overlay.heat" overlay="heat" icon={<Flame size={15} />} />
        <OverlayButton id="view.overlay.airflow" overlay="airflow" icon={<Wind size={15} />} />
        <OverlayButton id="view.overlay.power" overlay="power" icon={<Zap size={15} />} />
        <OverlayButton id="view.overlay.links" overlay="links" icon={<Cable size={15} />} />
        <OverlayButton id="view.overlay.violations" overlay="violations" icon={<TriangleAlert size={15} />} />
        <button className="btn icon" title="Show containment" aria-label="Show containment" aria-pressed={containment} onClick={() => toggleOverlay('containment')}><Box size={15} /></button>
        <span className="hud-sep" />
        <button className="btn icon" title="Fabric diagram" aria-label="Fabric diagram" aria-pressed={diagramOpen} data-testid="diagram-button" onClick={() => toggleDiagram()}><Network size={15} /></button>
        <PresentButton />
      </div>
      <Legends doc={doc} />
      {diagramOpen && <FabricPanel />}
    </>
  );
}
