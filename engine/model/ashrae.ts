// Inlet temperature limits by ASHRAE TC9.9 class (Thermal Guidelines for Data Processing
// Environments, 5th edition, 2021), as listed in DOMAIN.md. Published limits, not tunables.
import type { AshraeClass } from './hall.js';

export interface InletLimits {
  recommendedMinC: number;
  recommendedMaxC: number;
  allowableMinC: number;
  allowableMaxC: number;
}

export const ASHRAE_INLET_LIMITS: Readonly<Record<AshraeClass, InletLimits>> = {
  A1: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 15, allowableMaxC: 32 },
  A2: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 10, allowableMaxC: 35 },
  A3: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 5, allowableMaxC: 40 },
  A4: { recommendedMinC: 18, recommendedMaxC: 27, allowableMinC: 5, allowableMaxC: 45 },
  // H1 (high-density): recommended 18-22 C, allowable up to 25 C; allowable down to 5 C (ASHRAE 2021, H1).
  H1: { recommendedMinC: 18, recommendedMaxC: 22, allowableMinC: 5, allowableMaxC: 25 },
};
