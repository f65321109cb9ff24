// Public face of the whole engine: compute(document) -> results, a live session, the JSON shape.
export { compute, computePhysics, computeNetwork, allViolations, changedRacks, ComputeSession, type ComputeResults, type PhysicsResults, type NetworkResults } from './compute.js';
export { resultsToJson, type ResultsJson, type ExplainedJson } from './json.js';
export { resourceShares, type ResourceShares } from './capacity.js';
