// HTML over the canvas: what hall this is, its size, the view buttons and, with the heat overlay,
// the temperature legend with its units and limits.
import { Flame, Maximize, Box } from 'lucide-react';
import { ASHRAE_INLET_LIMITS } from '../../engine/model/index';
import { useActionContext } from '../app/context';
import { runAction } from '../actions/registry';
import { useDocument } from '../state/document';
import { toggleOverlay, useSession } from '../state/session';

import { RAMP_CSS } from './colors';

export function ViewportHud() {
  const doc = useDocument((s) => s.doc);
  const overlays = useSession((s) => s.overlays);
  const results = useSession((s) => s.engine.results);
  const ctx = useActionContext();
  if (doc === null) return null;
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const hasInlets = results !== null && results.rackInletC.length === doc.racks.length;
  return (
    <>
      <div className="hud hud-tl">
        <div className="hud-title">{doc.hall.name}</div>
        <div className="hud-sub mono">
          {doc.hall.lengthM.toFixed(1)} × {doc.hall.widthM.toFixed(1)} m · tile {doc.hall.tileM.toFixed(2)} m · {doc.racks.length} racks
        </div>
      </div>
      <div className="hud hud-tr">
        <button className="btn icon" title="Fit hall (F)" onClick={() => void runAction('view.fit', ctx)}><Maximize size={15} /></button>
        <button className="btn icon" title="Inlet temperature overlay (H)" aria-pressed={overlays.heat} onClick={() => void runAction('view.overlay.heat', ctx)}><Flame size={15} /></button>
        <button className="btn icon" title="Show containment" aria-pressed={overlays.containment} onClick={() => toggleOverlay('containment')}><Box size={15} /></button>
      </div>
      {overlays.heat && (
        <div className="hud hud-bl legend" data-testid="heat-legend">
          <div className="legend-title">Rack inlet temperature</div>
          {hasInlets ? (
            <>
              <div className="legend-ramp" style={{ background: RAMP_CSS }} />
              <div className="legend-scale mono">
                <span>{doc.hall.supplyAirC.toFixed(0)} °C supply</span>
                <span>{limits.allowableMaxC} °C {doc.hall.ashraeClass} allowable</span>
              </div>
            </>
          ) : (
            <div className="faint">No per-rack inlet temperatures from the engine yet.</div>
          )}
        </div>
      )}
    </>
  );
}
