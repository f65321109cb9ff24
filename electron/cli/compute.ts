// `compute <file> [--json]`: the engine's results for a project, as a readable summary or as the
// JSON documented in docs/results.md.
import { compute, resultsToJson, type ComputeResults } from '../../engine/compute.js';
import type { ProjectDocument } from '../../engine/model/index.js';

const n = (v: number | null | undefined, digits = 1): string =>
  v === null || v === undefined ? '-' : !Number.isFinite(v) ? 'not limiting'
    // + 0 turns a rounded -0 into 0: "-0 %" reads as a sign error
    : (Math.round(v * 10 ** digits) / 10 ** digits + 0).toLocaleString('en-US', { maximumFractionDigits: digits });

/** An unbounded step time means a saturated queue at the requested load. */
const stepMs = (v: number) => (Number.isFinite(v) ? `${n(v, 0)} ms` : 'unbounded (saturated)');

export function computeProject(doc: ProjectDocument): ComputeResults {
  return compute(doc);
}

export function formatResults(doc: ProjectDocument, r: ComputeResults): string {
  const { power, facility, thermal, fabric, workload } = r;
  const switches = Object.entries(fabric.figures.switches).map(([k, e]) => `${n(e.value, 0)} ${k}`).join(', ') || 'none';
  const cables = Object.entries(fabric.figures.cables).map(([k, e]) => `${n(e.value, 0)} ${k}`).join(', ') || 'none';
  const lines = [
    `${doc.hall.name}`,
    'Power',
    `  IT load (at IT input)    ${n(power.itLoadKw.value)} kW   (supported with redundancy intact: ${n(power.supportedItKw.value)} kW)`,
    `  chain losses             ${n(power.lossesKw.value)} kW`,
    `  cooling (electrical)     ${n(facility.coolingKw.value)} kW`,
    `  facility                 ${n(facility.facilityKw.value)} kW   PUE ${n(facility.pue.value, 3)}`,
    `  redundancy               ${power.redundancy.map((l) => `${l.kind} ${l.label}`).join(', ')}`,
    'Cooling and heat',
    `  hottest inlet            ${n(thermal.maxInletC.value)} C   (ASHRAE ${doc.hall.ashraeClass}: ${thermal.racksAboveRecommended} racks above recommended, ${thermal.racksOutsideAllowable} outside allowable)`,
    `  RCI_HI / RCI_LO          ${n(thermal.rciHi.value)} % / ${n(thermal.rciLo.value)} %   RTI ${n(thermal.rti.value)} %   SHI ${n(thermal.shi.value, 3)}`,
    `  energy balance error     ${n(thermal.energyBalanceErrorPct.value, 2)} %`,
    'Fabric',
    `  switches                 ${switches}`,
    `  bisection                ${n(fabric.figures.bisectionTbps?.value)} Tbit/s   oversubscription ${n(fabric.figures.oversubscription?.value, 2)}:1`,
    `  cables                   ${cables}`,
    'Agents',
    ...workload.workloads.map((w) => `  ${w.name}: ${n(w.maxAgentsAtSlo.value, 0)} agents at the SLO (asked ${n(w.requestedAgents, 0)}), p99 step ${stepMs(w.p99StepMs.value)}`),
    workload.bottleneck
      ? `  bottleneck               ${workload.bottleneck.resource}, then ${workload.bottleneck.next} ${n(workload.bottleneck.marginPct)} % (${n(workload.bottleneck.marginAgents, 0)} agents) behind`
      : '  bottleneck               - (no workload or no GPUs)',
    `Violations: ${r.violations.length === 0 ? 'none' : ''}`,
    ...r.violations.slice(0, 30).map((v) => `  ${v.severity.padEnd(7)} ${v.message}`),
    ...(r.violations.length > 30 ? [`  ... and ${r.violations.length - 30} more (see --json)`] : []),
    '',
  ];
  return lines.join('\n');
}

export function resultsJson(r: ComputeResults): string {
  return `${JSON.stringify(resultsToJson(r), null, 2)}\n`;
}
