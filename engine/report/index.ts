// The hall report as data: cover facts, key figures, pictures (plan views, 3D view) and charts
// as drawings, violations and the BOM summary. Pure and deterministic: the date is an input
// (no clock here), and any back end can lay it out (electron/report/ writes the PDF).
import type { Bom } from '../bom/index.js';
import type { ComputeResults } from '../compute/index.js';
import { ASHRAE_INLET_LIMITS, type ProjectDocument } from '../model/index.js';
import { barChart, histogram, stackedBars } from './charts.js';
import type { Drawing } from './draw.js';
import { bomSummary, groupViolations, keyFigures, powerByRow, type BomSummary, type KeyFigure, type ViolationGroup } from './figures.js';
import { planView } from './plan.js';
import { sceneBoxes } from './scene.js';
import { fmt, fmtMs, fmtPower } from './ticks.js';
import { view3d } from './view3d.js';

export { DrawingBuilder, textWidth, toSvg, type Drawing, type Shape, type Style, type TextStyle } from './draw.js';
export { ISOMETRIC, convexHull, lambert, outline, paintersOrder, project, visibleFaces, type Axonometric, type Box3 } from './projection.js';
export { mergeBoxes, sceneBoxes, type SceneBox } from './scene.js';
export { planView, type Picture } from './plan.js';
export { REPORT_VIEW, view3d } from './view3d.js';
export { barChart, binCounts, histogram, stackedBars } from './charts.js';
export * from './figures.js';
export { fmt, fmtMoney, fmtMs, fmtPower, niceStep, niceTicks } from './ticks.js';

export interface ReportOptions {
  /** Name of the project (usually the file name without extension). */
  project: string;
  /** Date printed on the cover, as given (e.g. "2025-06-30"): the engine has no clock. */
  date: string;
  /** Size of the area a picture may fill, points. */
  pictureWidth: number;
  pictureHeight: number;
  /** Size of one chart, points. */
  chartWidth: number;
  chartHeight: number;
}

export interface ReportPicture { title: string; caption: string; drawing: Drawing }

export interface ReportContent {
  cover: { project: string; hall: string; date: string; catalog: string; facts: [string, string][] };
  figures: KeyFigure[];
  /** One row per workload: name, asked, served at the SLO, p50 and p99 step, GPUs needed, its own bottleneck. */
  workloads: string[][];
  pictures: ReportPicture[];
  charts: ReportPicture[];
  violations: ViolationGroup[];
  violationCount: number;
  bom: BomSummary;
}

const LATENCY_PARTS = [
  ['queueing', 'Queueing'], ['batchSharing', 'Batch sharing'], ['prefill', 'Prefill'], ['decode', 'Decode'],
  ['kvFetch', 'KV-cache fetch'], ['fabric', 'Fabric'], ['tools', 'Tool calls'], ['retrieval', 'Retrieval'],
] as const;

export function buildReport(doc: ProjectDocument, r: ComputeResults, bom: Bom, o: ReportOptions): ReportContent {
  const h = doc.hall;
  const boxes = sceneBoxes(doc);
  const limits = ASHRAE_INLET_LIMITS[h.ashraeClass];
  const pw = o.pictureWidth, ph = o.pictureHeight;
  const byKind = planView(doc, boxes, { width: pw, height: ph, colourBy: 'kind' });
  const byInlet = planView(doc, boxes, { width: pw, height: ph, colourBy: 'inlet', rackInletC: r.thermal.rackInletC });
  const iso = view3d(doc, boxes, { width: pw, height: ph });
  const caption = (text: string, notes: string[]) => [text, ...notes].join(' ');
  const pictures: ReportPicture[] = [
    { title: '3D view of the hall', drawing: iso.drawing, caption: caption('Axonometric (dimetric) projection from the origin corner, 30° off the hall\'s length and 30° down; heights from the catalog, busway drawn at its hanging height.', iso.notes) },
    { title: 'Plan view: equipment', drawing: byKind.drawing, caption: caption(`Top view, dimensions in metres, ${fmt(h.tileM * 1000, 0)} mm floor tiles. Dark rack edge = front (air intake).`, byKind.notes) },
    { title: 'Plan view: rack inlet temperature', drawing: byInlet.drawing, caption: caption(`Racks coloured by the computed inlet air temperature against ASHRAE class ${h.ashraeClass}; supply air ${fmt(h.supplyAirC, 1)} °C.`, byInlet.notes) },
  ];

  const rows = powerByRow(doc, r);
  const inlets = Array.from(r.thermal.rackInletC).filter(Number.isFinite);
  const lo = Math.floor(Math.min(limits.allowableMinC, ...inlets)), hi = Math.ceil(Math.max(limits.allowableMaxC + 1, ...inlets.map((v) => v + 1)));
  const wl = r.workload.workloads;
  const charts: ReportPicture[] = [
    {
      title: 'Power by row',
      caption: `IT load of the powered racks of each row at their utilisation, kW.${rows.grouped ? ' Rows are grouped in consecutive runs to keep the bars readable.' : ''}`,
      drawing: barChart({ width: o.chartWidth, height: o.chartHeight, title: 'IT load by row', labels: rows.labels, values: rows.kw, axis: 'IT load (kW)', valueLabel: (v) => `${fmt(v, 0)} kW` }),
    },
    {
      title: 'Inlet temperature distribution',
      caption: `${fmt(inlets.length, 0)} of ${fmt(doc.racks.length, 0)} racks with a computed inlet, in 1 °C bins; ASHRAE ${h.ashraeClass} recommended ${limits.recommendedMinC}-${limits.recommendedMaxC} °C, allowable ${limits.allowableMinC}-${limits.allowableMaxC} °C.`,
      drawing: histogram({
        width: o.chartWidth, height: o.chartHeight, title: 'Rack inlet temperature', values: inlets, min: lo, max: hi, bin: 1, axis: 'inlet air temperature (°C)',
        bands: [
          { from: limits.allowableMinC, to: limits.allowableMaxC, colour: '#fdf1d6', label: `allowable ${h.ashraeClass}` },
          { from: limits.recommendedMinC, to: limits.recommendedMaxC, colour: '#dcefdc', label: 'recommended' },
        ],
        markers: [{ at: limits.recommendedMaxC, label: `${limits.recommendedMaxC} °C` }, { at: limits.allowableMaxC, label: `${limits.allowableMaxC} °C` }],
      }),
    },
    {
      title: 'Latency breakdown per workload',
      caption: 'Mean agent step time by part at the requested agent count, ms (engine workload model; tool calls and retrieval are outside the GPUs).',
      drawing: stackedBars({
        width: o.chartWidth * 2 + 20, height: o.chartHeight, title: 'Mean step time by part', categories: wl.map((w) => w.name),
        series: LATENCY_PARTS.map(([k, name]) => ({ name, values: wl.map((w) => w.breakdownMs[k]) })),
        axis: 'mean step time (ms)', totalLabel: (v) => fmtMs(v),
      }),
    },
  ];

  const groups = groupViolations(doc, r);
  return {
    cover: {
      project: o.project, hall: h.name, date: o.date, catalog: `${doc.catalog.name} ${doc.catalog.version} (prices in ${doc.catalog.currency})`,
      facts: [
        ['Hall', `${fmt(h.lengthM, 2)} m x ${fmt(h.widthM, 2)} m, ceiling ${fmt(h.ceilingHeightM, 2)} m, ${h.floor.kind === 'raised' ? 'raised floor' : 'slab floor'}`],
        ['Equipment', `${fmt(doc.racks.length, 0)} racks in ${fmt(doc.rows.length, 0)} rows, ${fmt(doc.cooling.length, 0)} cooling units, ${fmt(doc.power.length, 0)} power elements`],
        ['Design basis', `ASHRAE class ${h.ashraeClass}, supply air ${fmt(h.supplyAirC, 1)} °C, altitude ${fmt(h.altitudeM, 0)} m`],
        ['IT load', fmtPower(r.power.itLoadKw.value)],
        ['Workloads', wl.map((w) => `${w.name} (${fmt(w.requestedAgents, 0)} agents)`).join('; ') || 'none'],
      ],
    },
    figures: keyFigures(doc, r),
    workloads: wl.map((w) => [
      w.name, `${fmt(w.requestedAgents, 0)} agents`, `${fmt(w.maxAgentsAtSlo.value, 0)} agents`, fmtMs(w.p50StepMs.value), fmtMs(w.p99StepMs.value),
      `${fmt(w.gpusNeeded.value, 0)} GPUs`, `${w.bottleneck.resource}, then ${w.bottleneck.next} (${fmt(w.bottleneck.marginPct, 1)} %)`,
    ]),
    pictures,
    charts,
    violations: groups,
    violationCount: r.violations.length,
    bom: bomSummary(bom),
  };
}
