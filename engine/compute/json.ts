// The documented JSON shape of the results (docs/results.md), as printed by
// `factory-twin compute --json`. Plain numbers for the headline figures; every one of them is
// also explained under "explain" by its dotted name. Infinity (saturated, not limiting) is null.
import type { Explained, Violation } from '../results/index.js';
import type { ComputeResults } from './compute.js';

type Num = number | null;
const num = (v: number): Num => (Number.isFinite(v) ? round(v) : null);
const round = (v: number) => Math.round(v * 1000) / 1000;

export interface ExplainedJson { value: Num; unit: string; formula: string; inputs: { name: string; value: Num | string; unit: string }[]; source?: string }

export interface ResultsJson {
  power: Record<string, unknown>;
  thermal: Record<string, unknown>;
  fabric: Record<string, unknown>;
  workload: Record<string, unknown>;
  bottleneck: Record<string, unknown> | null;
  violations: Violation[];
  explain: Record<string, ExplainedJson>;
}

export function resultsToJson(r: ComputeResults): ResultsJson {
  const explain: Record<string, ExplainedJson> = {};
  const fig = (name: string, e: Explained | undefined): Num => {
    if (!e) return null;
    explain[name] = {
      value: num(e.value), unit: e.unit, formula: e.formula,
      inputs: e.inputs.map((i) => ({ name: i.name, unit: i.unit, value: typeof i.value === 'number' ? num(i.value) : i.value })),
      ...(e.source === undefined ? {} : { source: e.source }),
    };
    return num(e.value);
  };
  const figs = (prefix: string, map: Record<string, Explained>) =>
    Object.fromEntries(Object.entries(map).map(([k, e]) => [k, fig(`${prefix}.${k}`, e)]));

  const { power, facility, thermal, fabric, workload, shares } = r;
  const worstP99 = workload.workloads.reduce<number>((m, w) => Math.max(m, w.p99StepMs.value), 0);
  return {
    power: {
      itLoadKw: fig('power.itLoadKw', power.itLoadKw),
      itMeasuredAt: 'IT input (rack power shelves)',
      lossesKw: fig('power.lossesKw', power.lossesKw),
      upstreamKw: fig('power.upstreamKw', power.upstreamKw),
      coolingKw: fig('power.coolingKw', facility.coolingKw),
      miscKw: fig('power.miscKw', facility.miscKw),
      facilityKw: fig('power.facilityKw', facility.facilityKw),
      pue: fig('power.pue', facility.pue),
      supportedItKw: fig('power.supportedItKw', power.supportedItKw),
      nameplateKw: fig('power.nameplateKw', shares.nameplateKw),
      redundancy: power.redundancy.map((l) => ({ kind: l.kind, elements: l.elements, redundancy: l.redundancy, label: l.label, spareUnits: l.spareUnits })),
      worstFailures: power.worstFailures.map((w) => ({
        kind: w.kind, failedId: w.failedId, droppedRacks: w.droppedRacks, worstElementId: w.worstElementId,
        utilisation: fig(`power.worstFailure.${w.kind}`, w.utilisation),
      })),
    },
    thermal: {
      maxInletC: fig('thermal.maxInletC', thermal.maxInletC),
      rciHi: fig('thermal.rciHi', thermal.rciHi),
      rciLo: fig('thermal.rciLo', thermal.rciLo),
      rti: fig('thermal.rti', thermal.rti),
      shi: fig('thermal.shi', thermal.shi),
      rhi: fig('thermal.rhi', thermal.rhi),
      itHeatKw: fig('thermal.itHeatKw', thermal.itHeatKw),
      heatRemovedKw: fig('thermal.heatRemovedKw', thermal.heatRemovedKw),
      energyBalanceErrorPct: fig('thermal.energyBalanceErrorPct', thermal.energyBalanceErrorPct),
      coolingPowerKw: fig('thermal.coolingPowerKw', thermal.coolingPowerKw),
      racksAboveRecommended: thermal.racksAboveRecommended,
      racksOutsideAllowable: thermal.racksOutsideAllowable,
      grid: { nx: thermal.field.nx, ny: thermal.field.ny, nz: thermal.field.nz, dx: thermal.field.dx, dy: thermal.field.dy, dz: thermal.field.dz },
    },
    fabric: {
      switches: figs('fabric.switches', fabric.figures.switches),
      bisectionTbps: fig('fabric.bisectionTbps', fabric.figures.bisectionTbps),
      oversubscription: fig('fabric.oversubscription', fabric.figures.oversubscription),
      oversubscriptionPerTier: figs('fabric.oversubscriptionPerTier', fabric.figures.oversubscriptionPerTier),
      cables: figs('fabric.cables', fabric.figures.cables),
      transceivers: figs('fabric.transceivers', fabric.figures.transceivers),
      hops: fig('fabric.hops', fabric.figures.hops),
      latencyNs: fig('fabric.latencyNs', fabric.figures.latencyNs),
      scaleUpDomainTBps: fig('fabric.scaleUpDomainTBps', fabric.figures.scaleUpDomainTBps),
      gpus: fabric.gpus,
      nodes: fabric.nodes,
      rails: fabric.rails,
      scalableUnits: fabric.scalableUnits,
    },
    workload: {
      maxAgentsAtSlo: fig('workload.maxAgentsAtSlo', workload.maxAgentsAtSlo),
      p99StepMs: num(worstP99),
      workloads: workload.workloads.map((w) => {
        const p = `workload.${w.workloadId}`;
        return {
          id: w.workloadId, name: w.name, requestedAgents: w.requestedAgents,
          maxAgentsAtSlo: fig(`${p}.maxAgentsAtSlo`, w.maxAgentsAtSlo),
          p50StepMs: fig(`${p}.p50StepMs`, w.p50StepMs),
          p99StepMs: fig(`${p}.p99StepMs`, w.p99StepMs),
          p50TaskMs: fig(`${p}.p50TaskMs`, w.p50TaskMs),
          p99TaskMs: fig(`${p}.p99TaskMs`, w.p99TaskMs),
          tokensPerSecond: fig(`${p}.tokensPerSecond`, w.tokensPerSecond),
          gpusNeeded: fig(`${p}.gpusNeeded`, w.gpusNeeded),
          kvBytesPerToken: fig(`${p}.kvBytesPerToken`, w.kvBytesPerToken),
          breakdownMs: Object.fromEntries(Object.entries(w.breakdownMs).map(([k, v]) => [k, num(v as number)])),
          bottleneck: bottleneckJson(w.bottleneck),
        };
      }),
    },
    bottleneck: bottleneckJson(workload.bottleneck),
    violations: r.violations,
    explain,
  };
}

function bottleneckJson(b: ComputeResults['workload']['bottleneck']): Record<string, unknown> | null {
  if (!b) return null;
  return {
    resource: b.resource,
    maxAgents: Object.fromEntries(Object.entries(b.maxAgents).map(([k, v]) => [k, num(v)])),
    next: b.next, marginAgents: num(b.marginAgents), marginPct: num(b.marginPct),
  };
}
