// Power model speed: full compute (load flow + every single-failure scenario + violations) on the
// demo and gigawatt halls, and the incremental path after one rack edit on the gigawatt hall.
// Targets: demo < 20 ms and gigawatt < 1 s together with thermal (issue 3), so power aims lower.
import { shippedCatalog } from '../tests/support/catalog.js';
import { demoHall, gigawattHall } from '../engine/generators/index.js';
import type { ProjectDocument } from '../engine/model/index.js';
import { computePower, updatePower } from '../engine/power/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

export default async function (report: Report) {
  const demo = demoHall(shippedCatalog);
  const demoMs = medianMs(21, () => computePower(demo));
  report({ name: 'power: demo hall, full compute + failures', value: demoMs, unit: 'ms', target: '< 5 ms', ok: demoMs < 5 });

  const giga = gigawattHall(shippedCatalog);
  const gigaMs = medianMs(7, () => computePower(giga));
  report({ name: `power: gigawatt hall (${giga.racks.length} racks, ${giga.power.length} elements), full`, value: gigaMs, unit: 'ms', target: '< 300 ms', ok: gigaMs < 300 });

  // One rack edited per run, alternating its load and its A feed, each on the previous result.
  const base = computePower(giga);
  const k = Math.floor(giga.racks.length / 2);
  const rack = giga.racks[k]!;
  const otherFeed = giga.racks[k + 40]!.feedA;
  const variants: ProjectDocument[] = [0, 1].map((v) => {
    const racks = giga.racks.slice();
    racks[k] = { ...rack, utilisation: (v === 0 ? 0.5 : 1) as never, feedA: v === 0 ? rack.feedA : otherFeed };
    return { ...giga, racks };
  });
  let prev = base;
  let flip = 0;
  const incMs = medianMs(51, () => {
    flip ^= 1;
    prev = updatePower(prev, variants[flip]!, [rack.id]);
  });
  report({ name: 'power: gigawatt hall, incremental after one rack edit', value: incMs, unit: 'ms', target: '< 50 ms', ok: incMs < 50 });
}
