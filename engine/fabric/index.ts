// Fabric model: scale-up domains, rail-optimised folded-Clos scale-out fabric, storage network,
// switch placement, cable routing and typing, bisection by max-flow. See docs/fabric-model.md.
export { bundleAt, linkReachViolations, type FabricOptions } from './compute.js';
export { computeFabric, FabricSession } from './session.js';
export type { FabricResult, FabricFigures, FabricBundle, NetworkSummary, TierSummary } from './types.js';
export { autoCableLinks, AUTO_CABLE_MAX_LINKS, type AutoCableOptions, type AutoCableResult } from './autocable.js';
export type { CableLine, TransceiverLine, LinkClassStats } from './cables.js';
export type { FabricDiagram, DiagramNode, DiagramEdge } from './diagram.js';
export type { ScaleUpSummary } from './scaleup.js';
export { buildClos, evenSpread, type Clos, type ClosTier, type ClosBlock } from './clos.js';
export { FlowNetwork } from './maxflow.js';
