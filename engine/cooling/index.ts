// Cooling capacity and liquid loops: how each rack's heat splits between liquid and air, whether
// the CDUs hold the liquid share (heat and flow), and the electrical power cooling draws.
// The spatial air model lives in engine/thermal/, which uses these.
export { AIR_CP, AIR_DENSITY_SEA_LEVEL, OCP_LPM_PER_KW, TECH_LOOP_DELTA_T_K, airDensity, airHeatCapacityKw, airflowForHeat, waterFlowLpm } from './air.js';
export { coolingTypeIndex, coolingTypesOf, splitRackHeat, updateRackHeat, type RackHeat } from './split.js';
export { computeLiquid, type LiquidResult } from './liquid.js';
export { MIN_PUMP_SPEED, coolingPower, type CoolingPower } from './power.js';
