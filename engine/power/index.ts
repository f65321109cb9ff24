// Power model: the electrical chain utility -> transformer -> UPS -> switchboard -> busway/PDU ->
// rack power shelves as a graph. Loads flow up with conversion losses (P_in = P_out / eta),
// parallel sources share by rating, dual-fed racks 50/50 (all on the survivor after a loss);
// per element I = P / (sqrt(3) V_LL PF) against the continuous limit (80 % rule, NEC 210.19/215.2,
// or 100 % rated assemblies); every single failure is evaluated as a delta on the normal flow
// (DOMAIN.md, "Power"). Facility power and PUE after The Green Grid WP#49.
export { computePower, updatePower, explainElement, powerSummary } from './compute.js';
export type { PowerResult, PowerState, FailureOutcome } from './compute.js';
export { computeFacility, type FacilityFigures } from './facility.js';
export { RULE_80, RULE_100, type ElementFigures, type ElementExplanation } from './figures.js';
export type { LevelRedundancy, Redundancy, WorstFailure } from './levels.js';
export { POWER_KINDS, type PowerKind } from './graph.js';
