// View data for the viewport's overlays, built in the worker beside toView: per-element power
// utilisation, per-rack draw, the air velocity field and the fabric diagram with a utilisation per
// edge. Typed arrays are copies (the engine session reuses its buffers), so they travel transferred.
import type { NetworkResults, PhysicsResults } from '../../engine/compute';
import type { FabricDiagram } from '../../engine/fabric/diagram';

export interface DiagramEdgeView {
  id: string;
  source: string;
  target: string;
  links: number;
  gbps: number;
  /** Busiest-link utilisation of this hop's class (fraction), NaN when the engine has none. */
  utilisation: number;
}

export interface DiagramView {
  nodes: { id: string; label: string; kind: FabricDiagram['children'][number]['kind']; network: string; tier: string | null; count: number; objectIds: string[]; width: number; height: number }[];
  edges: DiagramEdgeView[];
}

export interface OverlayView {
  /** Rack ids in the order of rackKw (the power model's own order). */
  rackIds: string[];
  /** Electrical draw at each rack's input, kW. */
  rackKw: Float32Array;
  /** Power element ids in the order of powerUtil. */
  powerIds: string[];
  /** Output over the continuous rating per power element (1 = at the limit). */
  powerUtil: Float32Array;
  /** Air velocity per thermal cell, (vx, vy, vz) interleaved, m/s. */
  velocity: Float32Array;
  diagram: DiagramView;
}

/**
 * Utilisation of a diagram edge's link class: NIC links for racks to their leaf, and the lower
 * tier's uplinks between switch tiers ("leaf-up" for leaf to spine), as the fabric model names them.
 */
function edgeUtilisation(util: Record<string, { value: number }>, from: { kind: string; tier: string | null } | undefined): number {
  if (from === undefined) return Number.NaN;
  const key = from.kind === 'switches' ? `${from.tier ?? ''}-up` : 'nic';
  return util[key]?.value ?? Number.NaN;
}

/** Without fabric results (first physics stage) the diagram is empty until they arrive. */
export function overlayView(r: PhysicsResults & Partial<NetworkResults>): OverlayView {
  const { power, thermal, fabric } = r;
  const rackLoad = power.state.racks.loadKw;
  const diagram = fabric?.diagram ?? { children: [], edges: [] };
  const util = fabric?.figures.utilisation ?? {};
  const nodes = new Map(diagram.children.map((n) => [n.id, n]));
  return {
    rackIds: [...power.state.racks.ids],
    rackKw: Float32Array.from(rackLoad),
    powerIds: [...power.elementIds],
    powerUtil: Float32Array.from(power.elements.utilisation),
    velocity: Float32Array.from(thermal.field.velocity),
    diagram: {
      nodes: diagram.children.map((n) => ({
        id: n.id, label: n.labels[0]?.text ?? n.id, kind: n.kind, network: n.network, tier: n.tier, count: n.count,
        objectIds: [...n.objectIds], width: n.width, height: n.height,
      })),
      edges: diagram.edges.map((e) => {
        // Edges run from the lower tier up; the lower end names the link class.
        const a = nodes.get(e.sources[0]), b = nodes.get(e.targets[0]);
        const lower = a?.kind !== 'switches' ? a : b?.kind !== 'switches' ? b : a;
        return {
          id: e.id, source: e.sources[0], target: e.targets[0], links: e.links, gbps: e.gbps,
          utilisation: edgeUtilisation(util, lower),
        };
      }),
    },
  };
}
