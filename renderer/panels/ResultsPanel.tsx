// What the engine computed for the document on screen: the bottleneck first, then power,
// cooling, fabric and agents, then the violations. Every figure explains itself; a violation
// or the bottleneck selects the objects it concerns and frames them in the viewport.
import { AlertTriangle, CircleAlert, Info, Gauge, Thermometer, Network, Bot, Loader2 } from 'lucide-react';
import { memo, type ComponentType } from 'react';
import type { Violation } from '../../engine/results/explain';
import type { BottleneckView, EngineResults, Resource, SectionKey } from '../engine/results';
import { formatNumber } from '../format/number';
import { useDocument } from '../state/document';
import { select, useSession } from '../state/session';
import { frameObjects } from '../scene/view-state';
import { FigureRow } from './Figure';
import { objectsOfResource } from '../presentation/slides.js';

/** Select what a result names and bring it into view. */
function selectAndFrame(ids: string[]): void {
  select(ids);
  frameObjects(ids);
}

const SECTIONS: { key: SectionKey; title: string; icon: ComponentType<{ size?: number }> }[] = [
  { key: 'power', title: 'Power', icon: Gauge },
  { key: 'cooling', title: 'Cooling', icon: Thermometer },
  { key: 'fabric', title: 'Fabric', icon: Network },
  { key: 'agents', title: 'Agents', icon: Bot },
];
const HEADLINES = new Set(['power.itLoadKw', 'power.facilityKw', 'power.pue', 'thermal.maxInletC', 'workload.maxAgentsAtSlo']);
const VIOLATIONS_SHOWN = 50;

const RESOURCE_LABEL: Record<Resource, string> = { compute: 'GPU compute', power: 'Power', cooling: 'Cooling', fabric: 'Fabric', storage: 'Storage' };

function Bottleneck({ b }: { b: BottleneckView }) {
  const limit = b.maxAgents[b.resource] ?? Number.NaN;
  const rows = Object.entries(b.maxAgents).sort((x, y) => x[1] - y[1]);
  return (
    <div className="bottleneck" data-testid="bottleneck">
      <button className="bottleneck-head" title="Select the equipment behind this limit"
        onClick={() => { const doc = useDocument.getState().doc; if (doc !== null) selectAndFrame(objectsOfResource(doc, b.resource)); }}>
        <span className="bottleneck-label">Bottleneck</span>
        <span className="bottleneck-text"><b>{RESOURCE_LABEL[b.resource]}</b> limits the hall to {formatNumber(limit)} agents at SLO</span>
        <span className="bottleneck-next faint">Next: {RESOURCE_LABEL[b.next]}, {formatNumber(b.marginAgents)} agents ({b.marginPct.toFixed(1)} %) behind</span>
      </button>
      <div className="bars">
        {rows.map(([resource, agents]) => (
          <div key={resource} className={resource === b.resource ? 'bar limiting' : 'bar'}>
            <span>{RESOURCE_LABEL[resource as Resource] ?? resource}</span>
            <span className="bar-track"><span className="bar-fill" style={{ width: `${Number.isFinite(agents) ? Math.max(2, Math.min(100, (limit / agents) * 100)) : 0}%` }} /></span>
            <span className="mono">{Number.isFinite(agents) ? formatNumber(agents) : 'not limiting'}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

function ViolationRow({ v }: { v: Violation }) {
  const Icon = v.severity === 'error' ? CircleAlert : v.severity === 'warning' ? AlertTriangle : Info;
  return (
    <button className={`violation ${v.severity}`} title={`${v.code}: select the ${v.objectIds.length} object(s) involved`}
      onClick={() => selectAndFrame(v.objectIds)} data-testid="violation">
      <Icon size={13} /><span>{v.message}</span>
    </button>
  );
}

/**
 * The figures and violations of one set of results. Memoised: an edit flips the engine's status to
 * computing (the header's spinner) while the results stay the same object, and on a gigawatt hall
 * rendering every figure again for that took ~10 ms of the edit's frame.
 */
const ResultsBody = memo(function ResultsBody({ results, failed, error }: { results: EngineResults | null; failed: boolean; error: string | null }) {
  const violations = results?.violations ?? [];
  if (results === null) {
    return (
      <div className="empty" data-testid="results-empty">
        {failed ? <>The engine could not compute this hall: {error}</> : 'Computing the hall…'}
      </div>
    );
  }
  return (
    <>
      {failed && <div className="empty">Showing the last results; the engine failed on the latest edit: {error}</div>}
      {results.bottleneck !== null && <Bottleneck b={results.bottleneck} />}
      {SECTIONS.map(({ key, title, icon: Icon }) => {
        const figures = results.sections[key];
        if (figures.length === 0) return null;
        return (
          <div key={key} className="section" data-testid={`results-${key}`}>
            <div className="section-title"><Icon size={14} />{title}</div>
            {figures.map((f) => <FigureRow key={f.path} path={f.path} label={f.label} figure={f.figure} headline={HEADLINES.has(f.path)} />)}
          </div>
        );
      })}
      {violations.length > 0 && (
        <div className="section" data-testid="results-violations">
          <div className="section-title"><AlertTriangle size={14} />Violations</div>
          {violations.slice(0, VIOLATIONS_SHOWN).map((v, i) => <ViolationRow key={`${v.code}-${i}`} v={v} />)}
          {violations.length > VIOLATIONS_SHOWN && <div className="faint">… and {violations.length - VIOLATIONS_SHOWN} more</div>}
        </div>
      )}
    </>
  );
});

export function ResultsPanel() {
  const status = useSession((s) => s.engine.status);
  const results = useSession((s) => s.engine.results);
  const error = useSession((s) => s.engine.error);
  const violations = results?.violations ?? [];
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="results" data-testid="results">
      <div className="panel-head">
        Results
        <span className="count">
          {status === 'computing' && <Loader2 size={12} className="spin" />}
          {results !== null && (violations.length > 0
            ? <span className={errors > 0 ? 'chip err' : 'chip warn'}>{violations.length} issue{violations.length === 1 ? '' : 's'}</span>
            : <span className="chip ok">No violations</span>)}
        </span>
      </div>
      <div className="scroll grow">
        <ResultsBody results={results} failed={status === 'error'} error={error} />
      </div>
    </section>
  );
}
