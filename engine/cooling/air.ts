// Properties of the two coolants and the sensible-heat formula both obey: Q = rho * cp * V * dT
// (DOMAIN.md, "Air and water"). Air density falls with altitude (ISA barometric formula), so the
// same heat needs more airflow up a mountain.

/** Air at sea level and about 20 C (DOMAIN.md): rho = 1.2 kg/m3. */
export const AIR_DENSITY_SEA_LEVEL = 1.2;
/** Specific heat of air, J/(kg K) (DOMAIN.md). */
export const AIR_CP = 1006;
/** Water: 997 kg/m3 and 4180 J/(kg K) give DOMAIN.md's 1.44 L/min per kW at dT = 10 K. */
export const WATER_DENSITY = 997;
export const WATER_CP = 4180;
/**
 * Design temperature rise of the technology (CDU secondary) loop. OCP guidance sizes flow at
 * 1.5 L/min per kW for dT <= 10 K (DOMAIN.md), so 10 K is the design point we check against.
 */
export const TECH_LOOP_DELTA_T_K = 10;
/** OCP guidance for the secondary loop: 1.5 L/min per kW at dT <= 10 K (DOMAIN.md). */
export const OCP_LPM_PER_KW = 1.5;

// International Standard Atmosphere troposphere: p/p0 = (1 - 2.25577e-5 h)^5.25588 (h in m).
const ISA_LAPSE = 2.25577e-5;
const ISA_EXPONENT = 5.25588;

/** Air density at a site altitude (kg/m3), at the same temperature as the sea-level figure. */
export function airDensity(altitudeM: number): number {
  const h = Math.max(0, Math.min(altitudeM, 11000)); // ISA troposphere formula holds to 11 km
  return AIR_DENSITY_SEA_LEVEL * Math.pow(1 - ISA_LAPSE * h, ISA_EXPONENT);
}

/** rho * cp of air at altitude, kW per (m3/s K): 1.207 at sea level. */
export function airHeatCapacityKw(altitudeM: number): number {
  return (airDensity(altitudeM) * AIR_CP) / 1000;
}

/** Airflow that carries heat P across dT: V = P / (rho cp dT), m3/s. */
export function airflowForHeat(heatKw: number, deltaTK: number, altitudeM: number): number {
  return deltaTK > 0 ? heatKw / (airHeatCapacityKw(altitudeM) * deltaTK) : 0;
}

/** Water flow that carries heat P across dT: Q = P / (rho_w cp_w dT), L/min. */
export function waterFlowLpm(heatKw: number, deltaTK: number = TECH_LOOP_DELTA_T_K): number {
  const m3s = (heatKw * 1000) / (WATER_DENSITY * WATER_CP * deltaTK);
  return m3s * 60000;
}
