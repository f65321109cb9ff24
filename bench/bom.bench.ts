// Bill of materials and exports on the gigawatt-class hall: how long each step takes and how
// big the files are. The fabric is computed once, outside the timed BOM step.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBom } from '../engine/bom/index.js';
import { computeFabric } from '../engine/fabric/index.js';
import { gigawattHall } from '../engine/generators/index.js';
import { writeBom } from '../electron/export/bom-files.js';
import { buildGlb } from '../electron/export/glb.js';
import { netboxExport, writeNetboxFolder } from '../electron/export/netbox.js';
import { shippedCatalog } from '../tests/support/catalog.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bom-bench-'));
  try {
    const doc = gigawattHall(shippedCatalog);
    let t = performance.now();
    const fabric = computeFabric(doc);
    report({ name: 'gigawatt: fabric (input to the BOM), once', value: performance.now() - t, unit: 'ms' });
    const bom = buildBom(doc, fabric);
    report({ name: 'gigawatt: BOM lines', value: bom.lines.length, unit: '' });
    report({ name: 'gigawatt: BOM total', value: bom.total / 1e9, unit: `G${bom.currency}` });
    report({ name: 'gigawatt: buildBom', value: medianMs(5, () => buildBom(doc, fabric)), unit: 'ms' });
    for (const format of ['csv', 'json', 'xlsx'] as const) {
      const path = join(dir, `bom.${format}`);
      t = performance.now();
      await writeBom(bom, format, path);
      const ms = performance.now() - t;
      report({ name: `gigawatt: write BOM ${format}`, value: ms, unit: 'ms' });
      report({ name: `gigawatt: BOM ${format} size`, value: statSync(path).size / 1e3, unit: 'kB' });
    }
    t = performance.now();
    const nb = netboxExport(doc, fabric);
    writeNetboxFolder(nb, join(dir, 'netbox'));
    report({ name: 'gigawatt: NetBox export (build + write)', value: performance.now() - t, unit: 'ms' });
    report({ name: 'gigawatt: NetBox devices', value: nb.counts.devices, unit: '' });
    const devicesMb = statSync(join(dir, 'netbox', '07-devices.csv')).size / 1e6;
    report({ name: 'gigawatt: NetBox devices.csv size', value: devicesMb, unit: 'MB' });
    let glb: Uint8Array = new Uint8Array();
    const glbMs = medianMs(3, () => { glb = buildGlb(doc); });
    report({ name: 'gigawatt: build glb', value: glbMs, unit: 'ms' });
    report({ name: 'gigawatt: glb size', value: glb.byteLength / 1e6, unit: 'MB' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
