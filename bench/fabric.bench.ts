// Fabric model speed: generation, switch placement, cable routing and typing, bisection by
// max-flow, diagram. Issue 4 target: gigawatt hall < 2 s together with the workload analysis
// (so the fabric aims at < 1.2 s), demo hall < 50 ms together (fabric aims at < 20 ms).
import { shippedCatalog } from '../tests/support/catalog.js';
import { demoHall, gigawattHall, superpodHall } from '../engine/generators/index.js';
import { computeFabric } from '../engine/fabric/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

export default async function (report: Report): Promise<void> {
  const demo = demoHall(shippedCatalog);
  const demoMs = medianMs(21, () => computeFabric(demo, { trafficGbpsPerGpu: 100 }));
  report({ name: 'fabric: demo hall (12 NVL72 racks)', value: demoMs, unit: 'ms', target: '< 20 ms', ok: demoMs < 20 });
  const pod = superpodHall(shippedCatalog, 64);
  report({ name: 'fabric: SuperPOD sample, 64 SU (2048 nodes)', value: medianMs(5, () => computeFabric(pod)), unit: 'ms' });
  const giga = gigawattHall(shippedCatalog);
  const gigaMs = medianMs(3, () => computeFabric(giga, { trafficGbpsPerGpu: 100 }));
  report({ name: 'fabric: gigawatt hall (8,000 NVL72 racks, 576k NIC links)', value: gigaMs, unit: 'ms', target: '< 1200 ms', ok: gigaMs < 1200 });
  const r = computeFabric(giga);
  report({ name: 'fabric: gigawatt hall, cables routed and typed', value: r.cables.reduce((s, c) => s + c.count, 0), unit: 'cables' });
  report({ name: 'fabric: gigawatt hall, bisection', value: r.bisectionGbps / 1000, unit: 'Tbit/s' });
}
