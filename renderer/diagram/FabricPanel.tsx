// The fabric diagram: the engine's aggregated topology (rack groups, leaf / spine / core switch
// groups, edges with link counts and Gbit/s), laid out by elkjs in a worker and drawn as SVG.
// Clicking a node selects the racks it stands for and frames them in the viewport.
import { useEffect, useMemo, useState } from 'react';
import { Cable, Network, X } from 'lucide-react';
import type { DiagramView } from '../engine/overlay-view';
import { select, useSession } from '../state/session';
import { utilColor } from '../scene/colors';
import { frameObjects, toggleDiagram } from '../scene/view-state';
import { layoutDiagram, type Layout } from './layout';
import { getAction, runAction } from '../actions/registry';
import { useDocument } from '../state/document';
import { useActionContext } from '../app/context';

type Node = DiagramView['nodes'][number];

/** Drawn at a readable fixed scale; a wide fabric scrolls sideways rather than shrinking to specks. */
const DIAGRAM_SCALE = 0.75;

const KIND_LABEL: Record<Node['kind'], string> = { 'gpu-racks': 'GPU racks', 'cpu-racks': 'CPU racks', 'storage-racks': 'Storage racks', switches: 'switches' };

export function nodeLabel(n: Node): string {
  if (n.kind !== 'switches') return `${n.count} ${KIND_LABEL[n.kind]}`;
  const net = n.network === 'storage' ? 'storage ' : '';
  return `${n.count} ${net}${(n.tier ?? '').replace(/^storage-/, '')} switch${n.count === 1 ? '' : 'es'}`;
}

const gbpsText = (g: number) => (g >= 1000 ? `${(g / 1000).toFixed(g >= 10_000 ? 0 : 1)} Tb/s` : `${g.toFixed(0)} Gb/s`);

function Diagram({ diagram, layout }: { diagram: DiagramView; layout: Layout }) {
  const selection = useSession((s) => s.selection);
  const selected = useMemo(() => new Set(selection), [selection]);
  const nodes = useMemo(() => new Map(diagram.nodes.map((n) => [n.id, n])), [diagram]);
  const edges = useMemo(() => new Map(diagram.edges.map((e) => [e.id, e])), [diagram]);
  const maxGbps = Math.max(1, ...diagram.edges.map((e) => e.gbps));
  return (
    <svg className="diagram-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} data-testid="diagram-svg"
      style={{ width: layout.width * DIAGRAM_SCALE, height: layout.height * DIAGRAM_SCALE }}>
      {layout.edges.map((le) => {
        const e = edges.get(le.id);
        if (e === undefined || le.points.length < 2) return null;
        const w = 1 + 3 * Math.sqrt(e.gbps / maxGbps);
        return (
          <polyline key={le.id} points={le.points.map((p) => p.join(',')).join(' ')} fill="none" strokeWidth={w}
            stroke={`#${utilColor(e.utilisation).getHexString()}`} strokeOpacity={0.85}>
            <title>{`${e.links} links, ${gbpsText(e.gbps)}${Number.isFinite(e.utilisation) ? `, busiest link ${(e.utilisation * 100).toFixed(0)} %` : ''}`}</title>
          </polyline>
        );
      })}
      {layout.nodes.map((ln) => {
        const n = nodes.get(ln.id);
        if (n === undefined) return null;
        const on = n.objectIds.some((id) => selected.has(id));
        return (
          <g key={ln.id} className={`diagram-node ${n.kind}${on ? ' selected' : ''}`} transform={`translate(${ln.x},${ln.y})`} data-testid="diagram-node"
            onClick={() => { select(n.objectIds); frameObjects(n.objectIds); }}>
            <title>{`${nodeLabel(n)}: select its ${n.objectIds.length} rack(s)`}</title>
            <rect width={ln.width} height={ln.height} rx={4} />
            <text x={ln.width / 2} y={ln.height / 2 - 3} textAnchor="middle" className="diagram-label">{nodeLabel(n)}</text>
            <text x={ln.width / 2} y={ln.height / 2 + 12} textAnchor="middle" className="diagram-sub">{n.objectIds.length} rack{n.objectIds.length === 1 ? '' : 's'} on the floor</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Runs the registered action, so the button, the shortcut and the palette behave the same. */
function AutoCableButton() {
  const hasDoc = useDocument((s) => s.doc !== null);
  const ctx = useActionContext();
  const action = getAction('fabric.autoCable');
  if (action === undefined) return null;
  return (
    <button className="btn small" data-testid="auto-cable" disabled={!hasDoc} title={`${action.label} (${action.shortcut ?? ''})`}
      onClick={() => { void runAction(action.id, ctx); }}>
      <Cable size={13} /> Auto-cable
    </button>
  );
}

export function FabricPanel() {
  const diagram = useSession((s) => s.engine.results?.overlay.diagram ?? null);
  const [layout, setLayout] = useState<{ for: DiagramView; layout: Layout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (diagram === null || diagram.nodes.length === 0) return;
    let live = true;
    layoutDiagram(diagram).then((l) => { if (live) { setLayout({ for: diagram, layout: l }); setError(null); } },
      (e: unknown) => { if (live) setError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [diagram]);
  const links = diagram?.edges.reduce((s, e) => s + e.links, 0) ?? 0;
  return (
    <section className="hud hud-br diagram-panel" data-testid="diagram-panel">
      <div className="diagram-head">
        <Network size={14} /><span>Fabric diagram</span>
        {diagram !== null && <span className="faint mono">{diagram.nodes.length} groups · {links.toLocaleString('en')} links</span>}
        <span className="grow" />
        <AutoCableButton />
        <button className="btn icon small" title="Close" aria-label="Close the fabric diagram" onClick={() => toggleDiagram()}><X size={13} /></button>
      </div>
      <div className="diagram-body">
        {error !== null ? <div className="empty">Layout failed: {error}</div>
          : diagram === null ? <div className="empty">Waiting for the engine's results…</div>
            : diagram.nodes.length === 0 ? <div className="empty">This hall has no scale-out fabric.</div>
              : layout === null ? <div className="empty">Laying out…</div>
                : <Diagram diagram={layout.for === diagram ? diagram : layout.for} layout={layout.layout} />}
      </div>
      <div className="diagram-foot faint">Click a group to select and frame its racks · edge width: Gbit/s · colour: busiest-link utilisation</div>
    </section>
  );
}
