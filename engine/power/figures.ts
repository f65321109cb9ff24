// Per-element figures as typed arrays (they travel to the UI as transferables) and their
// explanations on demand. Formulas (DOMAIN.md, "Power"):
//   P_in = P_out / eta, loss = P_in - P_out
//   I = P_out / (sqrt(3) V_LL PF) three-phase, P_out / (V PF) single-phase
//   P_rated = sqrt(3) V_LL I_rated PF; continuous limit = 80 % of it (NEC 210.19/215.2) unless
//   the assembly is listed for 100 % continuous load.
import type { Explained } from '../results/index.js';
import { explained } from '../results/index.js';
import type { FlowState } from './flow.js';
import { kindOf, UTILITY, type PowerGraph, type RackTable } from './graph.js';
import { utilisationOf } from './failures.js';

export const RULE_80 = '80 % rule (NEC 210.19/215.2)';
export const RULE_100 = '100 % rated assembly';

export interface ElementFigures {
  /** Real power delivered at the output (kW). */
  outputKw: Float64Array;
  /** Real power drawn at the input: output / efficiency (kW). */
  inputKw: Float64Array;
  lossKw: Float64Array;
  /** Output current per phase (A). */
  ampsPerPhase: Float64Array;
  ratedKw: Float64Array;
  continuousKw: Float64Array;
  /** Output over the continuous limit, as a fraction (1 = at the limit). */
  utilisation: Float64Array;
  /** 1 when the element has a live path to a utility. */
  live: Uint8Array;
}

export const ampsOf = (g: PowerGraph, e: number, kw: number): number =>
  (kw * 1000) / ((g.phases[e] === 3 ? Math.sqrt(3) : 1) * g.voltageV[e]! * g.powerFactor[e]!) || 0;

export function elementFigures(g: PowerGraph, flow: FlowState): ElementFigures {
  const n = g.n;
  const f: ElementFigures = {
    outputKw: flow.outKw, inputKw: new Float64Array(n), lossKw: new Float64Array(n), ampsPerPhase: new Float64Array(n),
    ratedKw: g.ratedKw, continuousKw: g.continuousKw, utilisation: new Float64Array(n), live: flow.live,
  };
  for (let e = 0; e < n; e++) {
    const out = flow.outKw[e]!;
    const input = out / g.efficiency[e]!;
    f.inputKw[e] = input;
    f.lossKw[e] = input - out;
    f.ampsPerPhase[e] = ampsOf(g, e, out);
    f.utilisation[e] = utilisationOf(out, g.continuousKw[e]!);
  }
  return f;
}

export interface PowerTotals {
  itLoadKw: Explained;
  lossesKw: Explained;
  upstreamKw: Explained;
}

export function totals(g: PowerGraph, racks: RackTable, flow: FlowState, fig: ElementFigures, rackPowered: Uint8Array): PowerTotals {
  let it = 0;
  let unpowered = 0;
  for (let r = 0; r < racks.count; r++) {
    if (rackPowered[r]) it += racks.loadKw[r]!;
    else unpowered += 1;
  }
  let losses = 0;
  let upstream = 0;
  let utilities = 0;
  for (let e = 0; e < g.n; e++) {
    if (!flow.live[e]) continue;
    losses += fig.lossKw[e]!;
    if (g.kind[e] === UTILITY) {
      upstream += fig.inputKw[e]!;
      utilities += 1;
    }
  }
  return {
    itLoadKw: explained(it, 'kW', 'P_IT = sum over powered racks of design power x utilisation, measured at the rack input (IT input)', [
      { name: 'powered racks', value: racks.count - unpowered, unit: 'racks' },
      { name: 'racks without power (not counted)', value: unpowered, unit: 'racks' },
    ], 'model/loads.ts rackLoadKw; IT energy measured at the IT input (The Green Grid WP#49)'),
    lossesKw: explained(losses, 'kW', 'sum over live elements of P_out (1/eta - 1)', [
      { name: 'live elements', value: countLive(flow), unit: '' },
    ], 'catalog efficiencies (DOMAIN.md rule-of-thumb defaults)'),
    upstreamKw: explained(upstream, 'kW', 'P_utility = sum of utility feed loads = P_IT + chain losses', [
      { name: 'utility feeds in service', value: utilities, unit: '' },
      { name: 'P_IT', value: it, unit: 'kW' },
      { name: 'losses', value: losses, unit: 'kW' },
    ], 'energy balance of the power graph'),
  };
}

function countLive(flow: FlowState): number {
  let n = 0;
  for (let e = 0; e < flow.live.length; e++) n += flow.live[e]!;
  return n;
}

export interface ElementExplanation {
  id: string;
  name: string;
  kind: string;
  typeId: string;
  live: boolean;
  rule: string;
  outputKw: Explained;
  inputKw: Explained;
  lossKw: Explained;
  ampsPerPhase: Explained;
  ratedKw: Explained;
  continuousKw: Explained;
  utilisation: Explained;
}

export function explainAt(g: PowerGraph, racks: RackTable, fig: ElementFigures, e: number): ElementExplanation {
  const id = g.ids[e]!;
  const out = fig.outputKw[e]!;
  const eta = g.efficiency[e]!;
  const threePhase = g.phases[e] === 3;
  const rule = g.rated100[e] ? RULE_100 : RULE_80;
  const factor = g.rated100[e] ? 1 : 0.8;
  const v = { name: threePhase ? 'V_LL' : 'V', value: g.voltageV[e]!, unit: 'V' };
  const pf = { name: 'PF', value: g.powerFactor[e]!, unit: '' };
  const children = g.downStart[e + 1]! - g.downStart[e]!;
  const rackCount = racks.rackStart[e + 1]! - racks.rackStart[e]!;
  const ratedA = g.ratedKw[e]! > 0 ? (g.ratedKw[e]! * 1000) / ((threePhase ? Math.sqrt(3) : 1) * g.voltageV[e]! * g.powerFactor[e]!) : 0;
  const source = `catalog power type ${g.typeIds[e]!}`;
  return {
    id, name: g.names[e]!, kind: kindOf(g, e), typeId: g.typeIds[e]!, live: fig.live[e] === 1, rule,
    outputKw: explained(out, 'kW', 'P_out = sum of rack shares (1/2 each side of a dual-fed rack, all on the survivor) + sum of children\u2019s P_in x rated share', [
      { name: 'racks fed', value: rackCount, unit: 'racks' },
      { name: 'elements fed', value: children, unit: '' },
      { name: 'live', value: fig.live[e] ? 'yes' : 'no', unit: '' },
    ], 'load flow of the power graph'),
    inputKw: explained(fig.inputKw[e]!, 'kW', 'P_in = P_out / eta', [
      { name: 'P_out', value: out, unit: 'kW' }, { name: 'eta', value: eta, unit: '' },
    ], source),
    lossKw: explained(fig.lossKw[e]!, 'kW', 'loss = P_in - P_out = P_out (1/eta - 1)', [
      { name: 'P_out', value: out, unit: 'kW' }, { name: 'eta', value: eta, unit: '' },
    ], source),
    ampsPerPhase: explained(fig.ampsPerPhase[e]!, 'A', threePhase ? 'I = P_out / (sqrt(3) V_LL PF)' : 'I = P_out / (V PF)', [
      { name: 'P_out', value: out, unit: 'kW' }, v, pf,
    ], 'DOMAIN.md, Power'),
    ratedKw: explained(g.ratedKw[e]!, 'kW', threePhase ? 'P_rated = sqrt(3) V_LL I_rated PF' : 'P_rated = V I_rated PF', [
      v, { name: 'I_rated', value: ratedA, unit: 'A' }, pf,
    ], source),
    continuousKw: explained(g.continuousKw[e]!, 'kW', `P_cont = P_rated x ${factor} (${rule})`, [
      { name: 'P_rated', value: g.ratedKw[e]!, unit: 'kW' }, { name: 'rule', value: rule, unit: '' },
    ], 'NEC 210.19/210.20/215.2-3; catalog ratedFor100PctContinuous'),
    utilisation: explained(fig.utilisation[e]! * 100, '%', 'u = P_out / P_cont', [
      { name: 'P_out', value: out, unit: 'kW' }, { name: 'P_cont', value: g.continuousKw[e]!, unit: 'kW' }, { name: 'rule', value: rule, unit: '' },
    ], rule),
  };
}
