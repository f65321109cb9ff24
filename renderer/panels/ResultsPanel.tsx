// What the engine computed for the document on screen: the bottleneck first, then power,
// cooling, fabric and agents, then the violations. Every figure explains itself; a violation
// or the bottleneck selects the objects it names.
import { AlertTriangle, CircleAlert, Info, Gauge, Thermometer, Network, Bot, Loader2 } from 'lucide-react';
import type { ComponentType } from 'react';
import type { Violation } from '../../engine/results/explain';
import { figuresOf, isExplained, violationsOf, type EngineResults } from '../engine/results';
import { select, useSession } from '../state/session';
import { FigureRow } from './Figure';

const SECTIONS: { key: string; title: string; icon: ComponentType<{ size?: number }> }[] = [
  { key: 'power', title: 'Power', icon: Gauge },
  { key: 'thermal', title: 'Cooling', icon: Thermometer },
  { key: 'fabric', title: 'Fabric', icon: Network },
  { key: 'workload', title: 'Agents', icon: Bot },
];
const HEADLINES = new Set(['itLoadKw', 'facilityKw', 'pue', 'maxInletC']);
const VIOLATIONS_SHOWN = 50;

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v === null || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  for (const key of ['message', 'summary', 'description', 'label', 'reason']) if (typeof o[key] === 'string') return o[key];
  return null;
}

function Bottleneck({ results }: { results: EngineResults }) {
  const b = results.bottleneck;
  if (b === undefined || b === null) return null;
  const text = textOf(b);
  const o = typeof b === 'object' ? (b as Record<string, unknown>) : {};
  const ids = Array.isArray(o.objectIds) ? o.objectIds.filter((x): x is string => typeof x === 'string') : [];
  const figures = figuresOf(b);
  return (
    <div className="bottleneck" data-testid="bottleneck" role={ids.length > 0 ? 'button' : undefined} onClick={ids.length > 0 ? () => select(ids) : undefined}>
      <div className="bottleneck-label">Bottleneck</div>
      {text !== null && <div className="bottleneck-text">{text}</div>}
      {isExplained(b) && <FigureRow path="bottleneck" label={text ?? 'Limit'} figure={b} />}
      {figures.map((f) => <FigureRow key={f.key} path={`bottleneck.${f.key}`} label={f.label} figure={f.figure} />)}
    </div>
  );
}

function ViolationRow({ v }: { v: Violation }) {
  const Icon = v.severity === 'error' ? CircleAlert : v.severity === 'warning' ? AlertTriangle : Info;
  return (
    <button className={`violation ${v.severity}`} title={`${v.code}: select the ${v.objectIds.length} object(s) involved`}
      onClick={() => select(v.objectIds)} data-testid="violation">
      <Icon size={13} /><span>{v.message}</span>
    </button>
  );
}

export function ResultsPanel() {
  const engine = useSession((s) => s.engine);
  const results = engine.results;
  const violations = violationsOf(results);
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <section className="results" data-testid="results">
      <div className="panel-head">
        Results
        <span className="count">
          {engine.status === 'computing' && <Loader2 size={12} className="spin" />}
          {violations.length > 0 && <span className={errors > 0 ? 'chip err' : 'chip warn'}>{violations.length} issue{violations.length === 1 ? '' : 's'}</span>}
        </span>
      </div>
      <div className="scroll grow">
        {results === null ? (
          <div className="empty" data-testid="results-empty">
            {engine.status === 'error' ? <>The engine could not compute this hall: {engine.error}</> : 'Computing the hall…'}
          </div>
        ) : (
          <>
            {engine.status === 'error' && <div className="empty">Showing the last results; the engine failed on the latest edit: {engine.error}</div>}
            <Bottleneck results={results} />
            {SECTIONS.map(({ key, title, icon: Icon }) => {
              const figures = figuresOf(results[key]);
              if (figures.length === 0) return null;
              return (
                <div key={key} className="section" data-testid={`results-${key}`}>
                  <div className="section-title"><Icon size={14} />{title}</div>
                  {figures.map((f) => <FigureRow key={f.key} path={`${key}.${f.key}`} label={f.label} figure={f.figure} headline={HEADLINES.has(f.key)} />)}
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
        )}
      </div>
    </section>
  );
}
