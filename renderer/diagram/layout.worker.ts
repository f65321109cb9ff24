// Lays out the fabric diagram with elkjs off the UI thread: the layered algorithm, bottom-up
// (racks at the bottom, the top tier above), orthogonal edges. elk.bundled runs its own layout
// code in this thread when given no worker URL, which is what a worker wants.
/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutRequest, LayoutResponse } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const elk = new ELK();

const OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'UP',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]',
};

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  const graph: ElkNode = {
    id: 'fabric',
    layoutOptions: OPTIONS,
    children: nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  elk.layout(graph).then((out) => {
    const answer: LayoutResponse = {
      id, ok: true, width: out.width ?? 0, height: out.height ?? 0,
      nodes: (out.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 })),
      edges: (out.edges ?? []).map((e) => ({
        id: e.id,
        points: (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => [p.x, p.y] as [number, number])),
      })),
    };
    self.postMessage(answer);
  }, (e: unknown) => {
    const answer: LayoutResponse = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    self.postMessage(answer);
  });
};
