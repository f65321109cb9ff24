// Thermal and cooling compute speed: demo hall on every edit, the gigawatt hall in full, and the
// incremental path after one rack is moved or changed (ThermalModel.update re-solves a window).
// Targets (issue 3, with the power model's ~3 ms / ~0.3 s alongside): demo < 12 ms, gigawatt
// < 600 ms, incremental < 30 ms and within 0.25 K of a full compute.
import { shippedCatalog } from '../tests/support/catalog.js';
import { demoHall, gigawattHall } from '../engine/generators/index.js';
import type { ProjectDocument } from '../engine/model/index.js';
import { ThermalModel, computeThermal, thermalResult, type ThermalResult } from '../engine/thermal/index.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

function editRack(doc: ProjectDocument, index: number, edit: (r: ProjectDocument['racks'][number]) => ProjectDocument['racks'][number]): ProjectDocument {
  const racks = doc.racks.slice();
  racks[index] = edit(racks[index]!);
  return { ...doc, racks };
}

/** Largest |a - b| over racks; a rack NaN in one result and not the other counts as infinite. */
function maxInletDiff(a: ThermalResult, b: ThermalResult): number {
  let worst = 0;
  for (let i = 0; i < a.rackInletC.length; i++) {
    const x = a.rackInletC[i]!, y = b.rackInletC[i]!;
    worst = Math.max(worst, Number.isNaN(x) !== Number.isNaN(y) ? Infinity : Number.isNaN(x) ? 0 : Math.abs(x - y));
  }
  return worst;
}

/**
 * The gigawatt hall as it was before rear doors hung on every rack: the first XDR switch rack of
 * each row without its door puts 16 MW into the room, carried by N+1 perimeter CRAHs whose air is
 * a tenth of what the racks move (most air is re-breathed). The slowest case for the heat sweeps.
 */
function gigawattFewCrahs(giga: ProjectDocument): ProjectDocument {
  const bare = new Set<string>();
  const rows = new Set<string | null>();
  for (const r of giga.racks) if (r.typeId === 'net-ib-xdr' && !rows.has(r.rowId)) { rows.add(r.rowId); bare.add(r.id); }
  const crah = shippedCatalog.coolingTypes.find((t) => t.id === 'crah-150')!;
  const count = Math.ceil((bare.size * 40) / crah.capacityKw) + 1;
  const { lengthM, widthM } = giga.hall;
  const units = Array.from({ length: count }, (_, i) => {
    const wall = i % 2, perWall = wall === 0 ? Math.ceil(count / 2) : Math.floor(count / 2);
    const x = 4 + ((Math.floor(i / 2) + 0.5) * (lengthM - 8)) / perWall;
    const y = wall === 0 ? crah.depthM / 2 + 0.3 : widthM - crah.depthM / 2 - 0.3;
    const u = giga.cooling[0]!;
    return { ...u, id: `crah-b${i}` as typeof u.id, typeId: crah.id, name: `CRAH ${i}`, position: { x, y } as typeof u.position, rotationDeg: (wall === 0 ? 180 : 0) as typeof u.rotationDeg, attachedRackId: null, rowId: null };
  });
  return { ...giga, cooling: [...giga.cooling.filter((u) => !(u.attachedRackId !== null && bare.has(u.attachedRackId))), ...units] };
}

export default async function (report: Report): Promise<void> {
  const demo = demoHall(shippedCatalog);
  const demoMs = medianMs(31, () => computeThermal(demo));
  report({ name: 'thermal: demo hall full compute', value: demoMs, unit: 'ms', target: '< 12 ms', ok: demoMs < 12 });

  const giga = gigawattHall(shippedCatalog);
  let result = computeThermal(giga);
  const fullMs = medianMs(5, () => { result = computeThermal(giga); });
  report({ name: `thermal: gigawatt hall full compute (${giga.racks.length} racks)`, value: fullMs, unit: 'ms', target: '< 600 ms', ok: fullMs < 600 });
  report({ name: 'thermal: gigawatt energy balance error', value: Math.abs(result.energyBalanceErrorPct.value), unit: '%', target: '< 1 %', ok: Math.abs(result.energyBalanceErrorPct.value) < 1 });

  // Incremental: one rack in the middle of the hall moved by one tile, or its utilisation changed,
  // alternately with the original (each update is a real edit).
  const edits: [string, ProjectDocument][] = [
    ['moving one rack', editRack(giga, 4200, (r) => ({ ...r, position: { ...r.position, x: (r.position.x + 0.6) as typeof r.position.x } }))],
    ['changing one rack', editRack(giga, 4200, (r) => ({ ...r, utilisation: 0.5 as typeof r.utilisation }))],
  ];
  for (const [what, edited] of edits) {
    const model = new ThermalModel(giga);
    let flip = false;
    let mode = '';
    const incMs = medianMs(21, () => {
      flip = !flip;
      mode = model.update(flip ? edited : giga).mode;
      thermalResult(model);
    });
    report({ name: `thermal: gigawatt incremental after ${what} (${mode})`, value: incMs, unit: 'ms', target: '< 30 ms', ok: incMs < 30 });
    model.update(edited);
    const diff = maxInletDiff(thermalResult(model), computeThermal(edited));
    report({ name: `thermal: ${what}, incremental vs full max inlet diff`, value: diff, unit: 'K', target: '< 0.25 K', ok: diff < 0.25 });
  }

  // Stress case without a target: few CRAHs, most rack air re-breathed.
  const few = gigawattFewCrahs(giga);
  let fewResult = computeThermal(few);
  const fewMs = medianMs(3, () => { fewResult = computeThermal(few); });
  report({ name: 'thermal: gigawatt, 400 racks without doors, few CRAHs', value: fewMs, unit: 'ms' });
  report({ name: 'thermal: that hall\'s energy balance error', value: Math.abs(fewResult.energyBalanceErrorPct.value), unit: '%', target: '< 1 %', ok: Math.abs(fewResult.energyBalanceErrorPct.value) < 1 });
}
