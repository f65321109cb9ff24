// The whole engine as the app and the CLI run it: compute(document), and the live session's
// one-rack edit (issue 3: demo < 20 ms for power + thermal, gigawatt < 1 s, one-rack move
// < 50 ms; issue 4: fabric + workload demo < 50 ms, gigawatt < 2 s).
import { ComputeSession, computeNetwork, computePhysics } from '../engine/compute.js';
import { demoHall, gigawattHall } from '../engine/generators/index.js';
import { pt, type ProjectDocument, type Rack } from '../engine/model/index.js';
import { shippedCatalog } from '../tests/support/catalog.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

function moved(doc: ProjectDocument, index: number, dx: number): ProjectDocument {
  const racks = doc.racks.slice();
  const r = racks[index] as Rack;
  racks[index] = { ...r, position: pt(r.position.x + dx, r.position.y) };
  return { ...doc, racks };
}

export default function bench(report: Report): void {
  const cases = [
    { name: 'demo', doc: demoHall(shippedCatalog), physics: 20, network: 50, runs: 15 },
    { name: 'gigawatt', doc: gigawattHall(shippedCatalog), physics: 1000, network: 2000, runs: 3 },
  ];
  for (const c of cases) {
    let physics = computePhysics(c.doc);
    const p = medianMs(c.runs, () => { physics = computePhysics(c.doc); });
    const n = medianMs(c.runs, () => computeNetwork(c.doc, physics));
    report({ name: `${c.name}: power + cooling + heat (full)`, value: p, unit: 'ms', target: `< ${c.physics} ms`, ok: p < c.physics });
    report({ name: `${c.name}: fabric + storage + agents (full)`, value: n, unit: 'ms', target: `< ${c.network} ms`, ok: n < c.network });
    const session = new ComputeSession();
    session.updatePhysics(c.doc);
    let k = 0;
    const edit = medianMs(c.runs * 3, () => {
      k += 1;
      session.updatePhysics(moved(c.doc, Math.floor(c.doc.racks.length / 2), (k % 2) * 0.6));
    });
    report({ name: `${c.name}: one rack moved, power + heat (incremental)`, value: edit, unit: 'ms', target: '< 50 ms', ok: edit < 50 });
  }
}
