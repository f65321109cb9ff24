// Thermal and cooling compute speed: demo hall on every edit, the gigawatt hall in full, and the
// incremental path after one rack is moved (ThermalModel.update re-solves a window around it).
import { shippedCatalog } from '../tests/support/catalog.js';
import { demoHall, gigawattHall } from '../engine/generators/index.js';
import type { ProjectDocument } from '../engine/model/index.js';
import { ThermalModel, computeThermal, thermalResult } from '../engine/thermal/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

function moveRack(doc: ProjectDocument, index: number, dx: number): ProjectDocument {
  const racks = doc.racks.slice();
  const r = racks[index]!;
  racks[index] = { ...r, position: { ...r.position, x: (r.position.x + dx) as typeof r.position.x } };
  return { ...doc, racks };
}

export default async function (report: Report): Promise<void> {
  const demo = demoHall(shippedCatalog);
  const demoMs = medianMs(9, () => computeThermal(demo));
  report({ name: 'thermal: demo hall full compute', value: demoMs, unit: 'ms', target: '< 15 ms', ok: demoMs < 15 });

  const giga = gigawattHall(shippedCatalog);
  let result = computeThermal(giga);
  const fullMs = medianMs(3, () => { result = computeThermal(giga); });
  report({ name: `thermal: gigawatt hall full compute (${giga.racks.length} racks)`, value: fullMs, unit: 'ms', target: '< 700 ms', ok: fullMs < 700 });
  report({ name: 'thermal: gigawatt energy balance error', value: Math.abs(result.energyBalanceErrorPct.value), unit: '%', target: '< 1 %', ok: Math.abs(result.energyBalanceErrorPct.value) < 1 });

  // Incremental: move a rack in the middle of the hall by one tile and back, alternately.
  const model = new ThermalModel(giga);
  const moved = moveRack(giga, 4200, 0.6);
  let flip = false;
  let mode = '';
  const incMs = medianMs(5, () => {
    flip = !flip;
    mode = model.update(flip ? moved : giga).mode;
    thermalResult(model);
  });
  report({ name: `thermal: gigawatt incremental after moving one rack (${mode})`, value: incMs, unit: 'ms', target: '< 50 ms', ok: incMs < 50 });
  const full = computeThermal(moved);
  model.update(moved);
  const local = thermalResult(model);
  let maxDiff = 0;
  for (let i = 0; i < giga.racks.length; i++) maxDiff = Math.max(maxDiff, Math.abs(local.rackInletC[i]! - full.rackInletC[i]!));
  report({ name: 'thermal: incremental vs full, max rack inlet difference', value: maxDiff, unit: 'K', target: '< 0.25 K', ok: maxDiff < 0.25 });
}
