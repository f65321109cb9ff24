// The numbers of the report, taken from compute(document) and the bill of materials and turned
// into labelled, unit-carrying strings: key figures, power by row, violations grouped by kind
// with the names of the objects involved, and the BOM summary.
import type { Bom } from '../bom/index.js';
import type { ComputeResults } from '../compute/index.js';
import { ASHRAE_INLET_LIMITS, rackLoadKw, rackTypeIndex, type ProjectDocument } from '../model/index.js';
import type { Severity } from '../results/index.js';
import { fmt, fmtMoney, fmtPower } from './ticks.js';

export interface KeyFigure {
  label: string;
  /** The value with its unit, e.g. "1,372.8 kW". */
  value: string;
  /** How it was obtained or what it is compared with. */
  note: string;
}

const RESOURCE_LABEL: Record<string, string> = { compute: 'GPU compute', power: 'power', cooling: 'cooling', fabric: 'fabric', storage: 'storage' };
const resource = (r: string) => RESOURCE_LABEL[r] ?? r;

export interface CoolingMargin { kind: 'air' | 'liquid'; capacityKw: number; heatKw: number; spareKw: number; sparePct: number }

/** Spare heat-removal capacity of the running air units and CDUs, each against the heat it carries. */
export function coolingMargins(doc: ProjectDocument, r: ComputeResults): CoolingMargin[] {
  const types = new Map(doc.catalog.coolingTypes.map((t) => [t.id as string, t]));
  const acc = { air: { cap: 0, heat: 0, n: 0 }, liquid: { cap: 0, heat: 0, n: 0 } };
  doc.cooling.forEach((u, i) => {
    if (u.status !== 'running') return;
    const a = types.get(u.typeId)?.kind === 'cdu' ? acc.liquid : acc.air;
    a.cap += r.thermal.unitCapacityKw[i] ?? 0;
    a.heat += r.thermal.unitHeatKw[i] ?? 0;
    a.n += 1;
  });
  return (['air', 'liquid'] as const).filter((k) => acc[k].n > 0).map((kind) => {
    const { cap, heat } = acc[kind];
    return { kind, capacityKw: cap, heatKw: heat, spareKw: cap - heat, sparePct: cap > 0 ? ((cap - heat) / cap) * 100 : 0 };
  });
}

export function keyFigures(doc: ProjectDocument, r: ComputeResults): KeyFigure[] {
  const { power, facility, thermal, fabric, workload } = r;
  const limits = ASHRAE_INLET_LIMITS[doc.hall.ashraeClass];
  const margins = coolingMargins(doc, r);
  const tight = margins.reduce<CoolingMargin | null>((a, m) => (a === null || m.sparePct < a.sparePct ? m : a), null);
  const b = workload.bottleneck;
  const bis = fabric.figures.bisectionTbps?.value;
  return [
    { label: 'IT load', value: fmtPower(power.itLoadKw.value), note: `at the rack inputs; ${fmtPower(power.supportedItKw.value)} supported with redundancy intact` },
    { label: 'Facility power', value: fmtPower(facility.facilityKw.value), note: `IT + chain losses ${fmtPower(power.lossesKw.value)} + cooling ${fmtPower(facility.coolingKw.value)} + other` },
    { label: 'PUE', value: fmt(facility.pue.value, 3), note: 'facility power / IT power (The Green Grid), dimensionless' },
    {
      label: 'Cooling margin', value: tight ? `${fmtPower(tight.spareKw)} (${fmt(tight.sparePct, 1)} %)` : '-',
      note: margins.length === 0 ? 'no running cooling units' : margins.map((m) => `${m.kind}: ${fmtPower(m.heatKw)} of ${fmtPower(m.capacityKw)} running capacity`).join('; '),
    },
    {
      label: 'Hottest rack inlet', value: `${fmt(thermal.maxInletC.value, 1)} °C`,
      note: `ASHRAE ${doc.hall.ashraeClass}: recommended ${limits.recommendedMinC}-${limits.recommendedMaxC} °C, allowable to ${limits.allowableMaxC} °C; ${thermal.racksAboveRecommended} racks above recommended`,
    },
    { label: 'Fabric bisection', value: bis === undefined ? '-' : `${fmt(bis, 1)} Tbit/s`, note: `${fmt(fabric.gpus, 0)} GPUs in ${fmt(fabric.nodes, 0)} nodes; worst-tier oversubscription ${fmt(fabric.figures.oversubscription?.value, 2)}:1` },
    {
      label: 'Agents served at the SLO', value: `${fmt(workload.maxAgentsAtSlo.value, 0)} agents`,
      note: workload.workloads.map((w) => `${w.name}: ${fmt(w.maxAgentsAtSlo.value, 0)}`).join('; ') || 'no workload defined',
    },
    {
      label: 'Bottleneck', value: b ? resource(b.resource) : '-',
      note: b ? `runner-up ${resource(b.next)}, ${fmt(b.marginPct, 1)} % (${fmt(b.marginAgents, 0)} agents) behind` : 'no workload or no GPUs',
    },
  ];
}

export interface RowPower { labels: string[]; kw: number[]; grouped: boolean }

/** IT load of each row (powered racks, kW); rows are grouped in runs when there are more than `maxBars`. */
export function powerByRow(doc: ProjectDocument, r: ComputeResults, maxBars = 40): RowPower {
  const types = rackTypeIndex(doc.catalog);
  const powered = new Map(r.power.rackIds.map((id, i) => [id, r.power.rackPowered[i] === 1]));
  const byRow = new Map<string, number>();
  let loose = 0;
  for (const rack of doc.racks) {
    const t = types.get(rack.typeId);
    if (!t || powered.get(rack.id) !== true) continue;
    const kw = rackLoadKw(rack, t, doc.catalog);
    if (rack.rowId === null) loose += kw;
    else byRow.set(rack.rowId, (byRow.get(rack.rowId) ?? 0) + kw);
  }
  let labels = doc.rows.filter((row) => byRow.has(row.id)).map((row) => row.name);
  let kw = doc.rows.filter((row) => byRow.has(row.id)).map((row) => byRow.get(row.id)!);
  let grouped = false;
  if (labels.length > maxBars) {
    const per = Math.ceil(labels.length / maxBars);
    const l: string[] = [], v: number[] = [];
    for (let i = 0; i < labels.length; i += per) {
      const end = Math.min(labels.length, i + per);
      l.push(`${labels[i]}-${labels[end - 1]!.replace(/^Row\s*/i, '')}`);
      v.push(kw.slice(i, end).reduce((a, x) => a + x, 0));
    }
    labels = l; kw = v; grouped = true;
  }
  if (loose > 0) { labels.push('not in a row'); kw.push(loose); }
  return { labels, kw, grouped };
}

export interface ViolationGroup {
  code: string;
  severity: Severity;
  count: number;
  /** The first message of the group, as an example. */
  message: string;
  /** Names of the objects involved (deduplicated), in first-seen order. */
  objects: string[];
}

/** Object names by id across every record that can be named in a violation. */
export function objectNames(doc: ProjectDocument): Map<string, string> {
  const m = new Map<string, string>();
  for (const list of [doc.racks, doc.cooling, doc.power, doc.containment, doc.trays, doc.rows, doc.workloads]) {
    for (const o of list as readonly { id: string; name: string }[]) m.set(o.id, o.name);
  }
  return m;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function groupViolations(doc: ProjectDocument, r: ComputeResults): ViolationGroup[] {
  const names = objectNames(doc);
  const groups = new Map<string, ViolationGroup & { seen: Set<string> }>();
  for (const v of r.violations) {
    const key = `${v.severity}|${v.code}`;
    let g = groups.get(key);
    if (!g) { g = { code: v.code, severity: v.severity, count: 0, message: v.message, objects: [], seen: new Set() }; groups.set(key, g); }
    g.count += 1;
    for (const id of v.objectIds) {
      if (g.seen.has(id)) continue;
      g.seen.add(id);
      g.objects.push(names.get(id) ?? id);
    }
  }
  return [...groups.values()]
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || (a.code < b.code ? -1 : 1))
    .map(({ seen: _seen, ...g }) => g);
}

export interface BomSummary {
  currency: string;
  rows: { label: string; lines: number; subtotal: string }[];
  total: string;
  lines: number;
  catalog: string;
}

export function bomSummary(bom: Bom): BomSummary {
  return {
    currency: bom.currency,
    rows: bom.categories.map((c) => ({ label: c.label, lines: c.lines, subtotal: fmtMoney(c.subtotal, bom.currency) })),
    total: fmtMoney(bom.total, bom.currency),
    lines: bom.lines.length,
    catalog: `${bom.catalog.name} ${bom.catalog.version}`,
  };
}
