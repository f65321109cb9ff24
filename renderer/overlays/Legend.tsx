// Legends of the active overlays, stacked bottom-left over the viewport: what each colour means,
// its scale and its units, as the engine computed it for the document on screen.
import { useMemo } from 'react';
import { ASHRAE_INLET_LIMITS, type ProjectDocument } from '../../engine/model/index';
import type { EngineResults } from '../engine/results';
import { useSession } from '../state/session';
import { OVERLOAD_COLOR, RAMP_CSS, UTIL_CSS } from '../scene/colors';
import { MID_RACK_HEIGHT_M, layerIndex, sampleArrows } from './field';
import { speedScale } from './Airflow';

function UtilScale() {
  return (
    <>
      <div className="legend-ramp" style={{ background: UTIL_CSS }} />
      <div className="legend-scale mono"><span>0 %</span><span>50 %</span><span>80 %</span><span>100 %</span></div>
      <div className="legend-note"><span className="swatch" style={{ background: OVERLOAD_COLOR }} />over 100 %</div>
    </>
  );
}

function Heat({ doc, results }: { doc: ProjectDocument; results: EngineResults }) {
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const f = results.field;
  const z = (layerIndex(f) + 0.5) * f.dz;
  return (
    <div className="legend" data-testid="heat-legend">
      <div className="legend-title">Inlet temperature <span className="unit">°C</span></div>
      <div className="legend-ramp" style={{ background: RAMP_CSS }} />
      <div className="legend-scale mono">
        <span>{doc.hall.supplyAirC.toFixed(0)} supply</span>
        <span>{limits.recommendedMaxC} rec.</span>
        <span>{limits.allowableMaxC} {doc.hall.ashraeClass} allow.</span>
      </div>
      <div className="legend-note">Rack fronts: inlet air · floor: air at {z.toFixed(1)} m</div>
    </div>
  );
}

function Air({ results }: { results: EngineResults }) {
  const vmax = useMemo(() => {
    const { arrows } = sampleArrows(results.field, results.overlay.velocity, layerIndex(results.field, MID_RACK_HEIGHT_M));
    return { scale: speedScale(arrows.reduce((m, a) => Math.max(m, a.speed), 0)), count: arrows.length };
  }, [results]);
  return (
    <div className="legend" data-testid="airflow-legend">
      <div className="legend-title">Air velocity <span className="unit">m/s</span></div>
      <div className="legend-ramp" style={{ background: 'linear-gradient(90deg, #3b6fb6, #e8f4ff)' }} />
      <div className="legend-scale mono"><span>0</span><span>{(vmax.scale / 2).toFixed(2)}</span><span>≥ {vmax.scale.toFixed(2)}</span></div>
      <div className="legend-note">{vmax.count} arrows, horizontal air at rack mid-height; length and colour by speed</div>
    </div>
  );
}

function Power() {
  return (
    <div className="legend" data-testid="power-legend">
      <div className="legend-title">Power utilisation <span className="unit">%</span></div>
      <UtilScale />
      <div className="legend-note">Racks: draw / design power · PDUs, busways: load / continuous rating</div>
    </div>
  );
}

function Links({ results }: { results: EngineResults }) {
  const classes = useMemo(() => {
    const seen = new Map<string, number>();
    const nodes = new Map(results.overlay.diagram.nodes.map((n) => [n.id, n]));
    for (const e of results.overlay.diagram.edges) {
      const from = nodes.get(e.source);
      const name = from === undefined ? '?' : from.kind === 'switches' ? `${from.tier ?? ''} uplinks` : 'NIC to leaf';
      if (Number.isFinite(e.utilisation)) seen.set(name, e.utilisation);
    }
    return [...seen.entries()];
  }, [results]);
  return (
    <div className="legend" data-testid="links-legend">
      <div className="legend-title">Link utilisation <span className="unit">% of line rate</span></div>
      <UtilScale />
      {classes.map(([name, u]) => <div key={name} className="legend-row mono"><span>{name}</span><span>{(u * 100).toFixed(0)} %</span></div>)}
    </div>
  );
}

function Issues({ results }: { results: EngineResults }) {
  const errors = results.violations.filter((v) => v.severity === 'error').length;
  const warnings = results.violations.filter((v) => v.severity === 'warning').length;
  return (
    <div className="legend compact" data-testid="violations-legend">
      <div className="legend-row"><span><span className="swatch diamond err" />Errors</span><span className="mono">{errors}</span></div>
      <div className="legend-row"><span><span className="swatch diamond warn" />Warnings</span><span className="mono">{warnings}</span></div>
    </div>
  );
}

export function Legends({ doc }: { doc: ProjectDocument }) {
  const overlays = useSession((s) => s.overlays);
  const results = useSession((s) => s.engine.results);
  const any = overlays.heat || overlays.airflow || overlays.power || overlays.links || overlays.violations;
  if (!any) return null;
  return (
    <div className="hud hud-bl legends">
      {results === null ? (
        (overlays.heat || overlays.airflow || overlays.power || overlays.links) && <div className="legend faint" data-testid="heat-legend">Waiting for the engine's results…</div>
      ) : (
        <>
          {overlays.heat && <Heat doc={doc} results={results} />}
          {overlays.airflow && <Air results={results} />}
          {overlays.power && <Power />}
          {overlays.links && <Links results={results} />}
          {overlays.violations && results.violations.length > 0 && <Issues results={results} />}
        </>
      )}
    </div>
  );
}
