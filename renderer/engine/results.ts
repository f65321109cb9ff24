// The results as the UI shows them, built in the worker from the engine's ComputeResults: the
// figures of each panel section (each an Explained: value, unit, formula, inputs, source), the
// bottleneck, the violations, and the thermal fields as typed arrays that travel transferred.
// The engine's internal state (power graph, scenario tables) stays in the worker.
import { allViolations, type NetworkResults, type PhysicsResults } from '../../engine/compute';
import type { FabricFigures } from '../../engine/fabric/index';
import type { Explained, Violation } from '../../engine/results/explain';
import { overlayView, type OverlayView } from './overlay-view';

export interface NamedFigure {
  /** Dotted path, stable across recomputations: "power.pue", "workload.coding.p99StepMs". */
  path: string;
  label: string;
  figure: Explained;
}

export type SectionKey = 'power' | 'cooling' | 'fabric' | 'agents';
export type Resource = 'compute' | 'power' | 'cooling' | 'fabric' | 'storage';

export interface BottleneckView {
  resource: Resource;
  next: Resource;
  /** Agents each resource alone allows within the SLO; Infinity when not limiting. */
  maxAgents: Record<string, number>;
  marginAgents: number;
  marginPct: number;
  figure: Explained;
}

export interface ThermalField {
  nx: number; ny: number; nz: number;
  dx: number; dy: number; dz: number;
  temperatureC: Float32Array;
}

export interface EngineResults {
  sections: Record<SectionKey, NamedFigure[]>;
  bottleneck: BottleneckView | null;
  violations: Violation[];
  /** Aligned with doc.racks. Copies: the engine session keeps reusing its own buffers. */
  rackInletC: Float32Array;
  rackExhaustC: Float32Array;
  field: ThermalField;
  counts: { racksAboveRecommended: number; racksOutsideAllowable: number };
  /** Power, airflow and fabric data for the viewport's overlays and the fabric diagram. */
  overlay: OverlayView;
  /**
   * 'network' while fabric and agents are still being computed for this document: power and
   * cooling are current, the fabric and agents figures (and the bottleneck) are the previous
   * document's, or absent on the first computation. null when everything is current.
   */
  pending: 'network' | null;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const fig = (path: string, label: string, figure: Explained | undefined): NamedFigure[] =>
  figure === undefined ? [] : [{ path, label, figure }];

const TIER_LABEL: Record<string, string> = { leaf: 'Leaf switches', spine: 'Spine switches', core: 'Core switches', 'storage-leaf': 'Storage leaves', 'storage-spine': 'Storage spines' };

/**
 * The view of physics results and, when given, network results (the same document's, or the
 * previous one's while `pending` says the current ones are on their way).
 */
export function toView(r: PhysicsResults & Partial<NetworkResults>, pending: 'network' | null = null): EngineResults {
  const { power, facility, thermal, fabric, workload, shares } = r;
  const network = fabric !== undefined && workload !== undefined ? { fabric, workload } : null;
  // No fabric yet: the fabric section is empty (every figure is optional to fig()).
  const f: Partial<FabricFigures> = fabric?.figures ?? {};
  const sections: EngineResults['sections'] = {
    power: [
      ...fig('power.itLoadKw', 'IT load', power.itLoadKw),
      ...fig('power.facilityKw', 'Facility power', facility.facilityKw),
      ...fig('power.pue', 'PUE', facility.pue),
      ...fig('power.coolingKw', 'Cooling power', facility.coolingKw),
      ...fig('power.lossesKw', 'Distribution losses', power.lossesKw),
      ...fig('power.miscKw', 'Lighting and misc.', facility.miscKw),
      ...fig('power.supportedItKw', 'IT supported after worst failure', power.supportedItKw),
      ...fig('power.nameplateKw', 'Rack nameplate', shares.nameplateKw),
    ],
    cooling: [
      ...fig('thermal.maxInletC', 'Hottest rack inlet', thermal.maxInletC),
      ...fig('thermal.heatRemovedKw', 'Heat removed', thermal.heatRemovedKw),
      ...fig('thermal.unremovedKw', 'Heat not removed', thermal.unremovedKw),
      ...fig('thermal.rciHi', 'RCI (high)', thermal.rciHi),
      ...fig('thermal.rti', 'Return temperature index', thermal.rti),
      ...fig('thermal.energyBalanceErrorPct', 'Energy balance error', thermal.energyBalanceErrorPct),
    ],
    fabric: [
      ...fig('fabric.bisectionTbps', 'Bisection bandwidth', f.bisectionTbps),
      ...fig('fabric.oversubscription', 'Oversubscription', f.oversubscription),
      ...fig('fabric.latencyNs', 'Worst-case latency', f.latencyNs),
      ...fig('fabric.hops', 'Switch hops', f.hops),
      ...fig('fabric.scaleUpDomainTBps', 'Scale-up domain bandwidth', f.scaleUpDomainTBps),
      ...Object.entries(f.switches ?? {}).flatMap(([tier, e]) => fig(`fabric.switches.${tier}`, TIER_LABEL[tier] ?? tier, e)),
    ],
    agents: [
      ...fig('workload.maxAgentsAtSlo', 'Agents at SLO (hall)', workload?.maxAgentsAtSlo),
      ...(workload?.workloads ?? []).flatMap((w) => [
        ...fig(`workload.${w.workloadId}.maxAgentsAtSlo`, `${w.name}: agents at SLO`, w.maxAgentsAtSlo),
        ...fig(`workload.${w.workloadId}.p99StepMs`, `${w.name}: p99 step`, w.p99StepMs),
        ...fig(`workload.${w.workloadId}.tokensPerSecond`, `${w.name}: tokens/s`, w.tokensPerSecond),
      ]),
    ],
  };
  const b = workload?.bottleneck ?? null;
  return {
    sections,
    bottleneck: b === null || workload === undefined ? null : {
      resource: b.resource, next: b.next, maxAgents: { ...b.maxAgents }, marginAgents: b.marginAgents, marginPct: b.marginPct,
      figure: workload.maxAgentsAtSlo,
    },
    violations: network === null
      ? [...power.violations, ...thermal.violations].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity])
      : allViolations(r, network),
    rackInletC: Float32Array.from(thermal.rackInletC),
    rackExhaustC: Float32Array.from(thermal.rackExhaustC),
    field: {
      nx: thermal.field.nx, ny: thermal.field.ny, nz: thermal.field.nz, dx: thermal.field.dx, dy: thermal.field.dy, dz: thermal.field.dz,
      temperatureC: Float32Array.from(thermal.field.temperatureC),
    },
    counts: { racksAboveRecommended: thermal.racksAboveRecommended, racksOutsideAllowable: thermal.racksOutsideAllowable },
    overlay: overlayView(r),
    pending,
  };
}

export function findFigure(results: EngineResults | null, path: string): Explained | null {
  if (results === null) return null;
  for (const list of Object.values(results.sections)) for (const f of list) if (f.path === path) return f.figure;
  return null;
}
