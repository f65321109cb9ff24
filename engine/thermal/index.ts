// Airflow and heat of the hall: a 3D potential-flow model (VanGilder 2011) on the floor-tile grid
// with steady advection-diffusion of heat (upwind finite volumes) and rack intake -> exhaust
// coupling T_out = T_in + P_air / (rho cp V). See docs/thermal-model.md for why, limits and error.
export { computeThermal, thermalResult, type ThermalField, type ThermalResult } from './compute.js';
export { ThermalModel, type SolveStats } from './model.js';
export { rci, rti, shi } from './metrics.js';
