// Every figure a user sees carries how it was obtained, so the UI can explain it and an
// engineer can check it by hand: the formula, and the named inputs with their units.
export interface Input {
  name: string;
  value: number | string;
  unit: string;
}

export interface Explained {
  value: number;
  unit: string;
  /** The formula in words and symbols, e.g. "P = sqrt(3) * V_LL * I * PF". */
  formula: string;
  inputs: Input[];
  /** Where the formula or figure comes from (standard, paper, catalog entry). */
  source?: string;
}

export function explained(value: number, unit: string, formula: string, inputs: Input[], source?: string): Explained {
  return source === undefined ? { value, unit, formula, inputs } : { value, unit, formula, inputs, source };
}

export type Severity = 'error' | 'warning' | 'info';

/** Something wrong with the design, naming the objects involved so the UI can select them. */
export interface Violation {
  /** Stable machine-readable kind, e.g. "power.overload", "thermal.inlet-allowable". */
  code: string;
  severity: Severity;
  message: string;
  objectIds: string[];
}
