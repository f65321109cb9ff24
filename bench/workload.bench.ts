// Workload analysis (queueing, context memory, SLO search, bottleneck) on the demo hall and the
// gigawatt-class hall. The target for the gigawatt hall is 2 s together with the fabric;
// this part aims at 500 ms, and 20 ms for the demo hall.
import { demoHall, gigawattHall } from '../engine/generators/index.js';
import { computeWorkloads, hallCapacityFromDocument } from '../engine/workload/index.js';
import { shippedCatalog } from '../tests/support/catalog.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

export default async function (report: Report): Promise<void> {
  const demo = demoHall(shippedCatalog);
  const giga = gigawattHall(shippedCatalog);
  const run = (doc: typeof demo) => computeWorkloads(doc, hallCapacityFromDocument(doc));
  const demoMs = medianMs(9, () => run(demo));
  report({ name: 'workload analysis, demo hall (12 GPU racks, 2 workloads)', value: demoMs, unit: 'ms', target: '< 20 ms', ok: demoMs < 20 });
  const gigaMs = medianMs(5, () => run(giga));
  report({ name: 'workload analysis, gigawatt hall (8,000 GPU racks)', value: gigaMs, unit: 'ms', target: '< 500 ms', ok: gigaMs < 500 });
  const r = run(giga);
  for (const w of r.workloads) report({ name: `  ${w.name}: max agents at SLO`, value: w.maxAgentsAtSlo.value, unit: 'agents' });
}
