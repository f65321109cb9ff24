// The one entry point: compute(document) -> results, and a session for live editing that
// recomputes only what an edit touches. Physics (power, cooling, heat) and network (fabric,
// storage, agents) are separate stages so the UI can show the fast one first on huge halls.
import { computeFabric, FabricSession, type FabricResult } from '../fabric/index.js';
import type { ProjectDocument } from '../model/index.js';
import { computeFacility, computePower, updatePower, type FacilityFigures, type PowerResult } from '../power/index.js';
import type { Violation } from '../results/index.js';
import { ThermalModel, thermalResult, type ThermalResult } from '../thermal/index.js';
import { computeWorkloads, hallCapacityFromDocument, type HallCapacity, type WorkloadResult } from '../workload/index.js';
import { resourceShares, type ResourceShares } from './capacity.js';

export interface PhysicsResults {
  power: PowerResult;
  facility: FacilityFigures;
  thermal: ThermalResult;
  shares: ResourceShares;
}

export interface NetworkResults {
  fabric: FabricResult;
  workload: WorkloadResult;
}

export interface ComputeResults extends PhysicsResults, NetworkResults {
  /** Every violation of every model, errors first. */
  violations: Violation[];
}

export function computePhysics(doc: ProjectDocument, thermal = new ThermalModel(doc), power = computePower(doc)): PhysicsResults {
  const thermalOut = thermalResult(thermal);
  return {
    power,
    facility: computeFacility(power, thermalOut.coolingPowerKw, doc),
    thermal: thermalOut,
    shares: resourceShares(doc, power),
  };
}

export function computeNetwork(doc: ProjectDocument, physics: PhysicsResults): NetworkResults {
  const fabric = computeFabric(doc);
  return { fabric, workload: computeWorkloads(doc, networkCapacity(doc, physics, fabric)) };
}

/** What the workload model is given: the document's GPUs and storage, shares from physics, latency and oversubscription from the fabric. */
export function networkCapacity(doc: ProjectDocument, physics: PhysicsResults, fabric: FabricResult): HallCapacity {
  const latencyNs = fabric.figures.latencyNs?.value;
  const oversubscription = fabric.figures.oversubscription?.value;
  const capacity = hallCapacityFromDocument(doc, {
    powerShare: physics.shares.powerShare.value,
    coolingShare: physics.shares.coolingShare.value,
    ...(latencyNs === undefined ? {} : { fabricLatencyS: latencyNs / 1e9 }),
  });
  // The fabric's own worst-tier oversubscription replaces the design target when it is worse.
  if (oversubscription !== undefined && oversubscription > doc.fabric.oversubscription) {
    capacity.fabricPerGpuGbps *= doc.fabric.oversubscription / oversubscription;
  }
  return capacity;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function allViolations(physics: PhysicsResults, network: NetworkResults): Violation[] {
  return [...physics.power.violations, ...physics.thermal.violations, ...network.fabric.violations, ...network.workload.violations]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Everything, from scratch. Pure and deterministic. */
export function compute(doc: ProjectDocument): ComputeResults {
  const physics = computePhysics(doc);
  const network = computeNetwork(doc, physics);
  return { ...physics, ...network, violations: allViolations(physics, network) };
}

/**
 * Live recompute for an editor. Documents are immutable: an edit replaces the records it
 * changes, so comparing records by identity tells what changed. When only racks changed (moved,
 * edited, added, removed), power and thermal update incrementally; anything else recomputes.
 * The network stage keeps a FabricSession (fabric/session.ts: each stage reused while its inputs
 * are unchanged) and the workload result while the workloads, catalog, fabric design and the
 * capacity figures it was computed from are equal. Results share unchanged parts with earlier
 * ones: treat them as immutable.
 */
export class ComputeSession {
  private doc: ProjectDocument | null = null;
  private thermal: ThermalModel | null = null;
  private power: PowerResult | null = null;
  private physics: PhysicsResults | null = null;
  private fabric = new FabricSession();
  private workload: { doc: ProjectDocument; capacity: HallCapacity; result: WorkloadResult } | null = null;

  /** Stage 1: power, cooling and heat (fast; incremental after rack edits). */
  updatePhysics(doc: ProjectDocument): PhysicsResults {
    const prev = this.doc;
    if (prev === doc && this.physics) return this.physics;
    const changed = prev === null ? null : changedRacks(prev, doc);
    if (changed === null || this.thermal === null || this.power === null) {
      this.thermal = new ThermalModel(doc);
      this.power = computePower(doc);
    } else {
      this.thermal.update(doc);
      this.power = updatePower(this.power, doc, changed);
    }
    this.doc = doc;
    this.physics = computePhysics(doc, this.thermal, this.power);
    return this.physics;
  }

  /** Stage 2: fabric, storage and agents, on the physics of the same document. */
  updateNetwork(doc: ProjectDocument): NetworkResults {
    const physics = this.doc === doc && this.physics ? this.physics : this.updatePhysics(doc);
    const fabric = this.fabric.update(doc);
    const capacity = networkCapacity(doc, physics, fabric);
    const kept = this.workload;
    const workload = kept && kept.doc.workloads === doc.workloads && kept.doc.catalog === doc.catalog && kept.doc.fabric === doc.fabric && sameData(kept.capacity, capacity)
      ? kept.result : computeWorkloads(doc, capacity);
    this.workload = { doc, capacity, result: workload };
    return { fabric, workload };
  }

  update(doc: ProjectDocument): ComputeResults {
    const physics = this.updatePhysics(doc);
    const network = this.updateNetwork(doc);
    return { ...physics, ...network, violations: allViolations(physics, network) };
  }
}

/** Ids of racks that differ between two documents when nothing but racks changed; else null. */
export function changedRacks(before: ProjectDocument, after: ProjectDocument): string[] | null {
  const keys = Object.keys(after) as (keyof ProjectDocument)[];
  for (const key of keys) {
    if (key !== 'racks' && before[key] !== after[key]) return null;
  }
  const a = before.racks, b = after.racks;
  // An edit replaces the records it touches and keeps the order: compare by position first (a
  // gigawatt hall's 9,840 racks without building a map), by id only when the lists differ.
  if (a === b) return [];
  if (a.length === b.length) {
    const out: string[] = [];
    let i = 0;
    for (; i < b.length; i++) {
      if (a[i] === b[i]) continue;
      if (a[i]!.id !== b[i]!.id) break;
      out.push(b[i]!.id);
    }
    if (i === b.length) return out;
  }
  const changed = new Set<string>();
  const old = new Map(before.racks.map((r) => [r.id as string, r]));
  for (const rack of after.racks) {
    if (old.get(rack.id) !== rack) changed.add(rack.id);
    old.delete(rack.id);
  }
  for (const id of old.keys()) changed.add(id);
  return [...changed];
}

/** Deep equality of plain data (records, arrays, numbers by Object.is), identity first. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameData(v, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
