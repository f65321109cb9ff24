// The panel's side of the layout worker: one worker for the session, newest request wins (a
// layout for a diagram that has since changed is dropped), and a cache keyed by the diagram's
// shape so a recompute that leaves the fabric as it was costs no layout at all.
import type { DiagramView } from '../engine/overlay-view';
import type { LayoutRequest, LayoutResponse } from './protocol';
import LayoutWorker from './layout.worker?worker';

export type Layout = Extract<LayoutResponse, { ok: true }>;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (r: LayoutResponse) => void>();
let cached: { key: string; layout: Layout } | null = null;

/** What the layout depends on: nodes and their sizes, and which nodes the edges join. */
export function shapeKey(d: DiagramView): string {
  return `${d.nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join(',')}|${d.edges.map((e) => `${e.source}>${e.target}`).join(',')}`;
}

function layoutWorker(): Worker {
  if (worker === null) {
    worker = new LayoutWorker({ name: 'diagram-layout' });
    worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const done = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      done?.(e.data);
    };
  }
  return worker;
}

export function layoutDiagram(d: DiagramView): Promise<Layout> {
  const key = shapeKey(d);
  if (cached?.key === key) return Promise.resolve(cached.layout);
  const request: LayoutRequest = {
    id: nextId++,
    nodes: d.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: d.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
  return new Promise((resolve, reject) => {
    waiting.set(request.id, (r) => {
      if (!r.ok) { reject(new Error(r.message)); return; }
      cached = { key, layout: r };
      resolve(r);
    });
    layoutWorker().postMessage(request);
  });
}
