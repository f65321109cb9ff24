// Project file speed and size on the gigawatt-class hall (issue 2: under 300 ms each way and
// under 10 MB). Save includes validation; open includes every check and per-row validation.
import { statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gigawattHall, demoHall } from '../engine/generators/index.js';
import { ProjectFileService } from '../electron/project/index.js';
import { shippedCatalog } from '../tests/support/catalog.js';
import type { Report } from './run.js';
import { medianMs } from './timing.js';

export default function bench(report: Report): void {
  const dir = mkdtempSync(join(tmpdir(), 'ft-bench-'));
  const service = new ProjectFileService('bench');
  try {
    for (const [name, doc] of [['demo', demoHall(shippedCatalog)], ['gigawatt', gigawattHall(shippedCatalog)]] as const) {
      const path = join(dir, `${name}.aifactory`);
      const objects = doc.racks.length + doc.cooling.length + doc.power.length;
      const save = medianMs(5, () => service.save(path, doc, { expected: null, overwrite: true }));
      const open = medianMs(5, () => service.open(path));
      const size = statSync(path).size / 1e6;
      const big = name === 'gigawatt';
      report({ name: `${name}: objects (racks + cooling + power)`, value: objects, unit: '' });
      report({ name: `${name}: save (validate + write + fsync + rename)`, value: save, unit: 'ms', ...(big ? { target: '< 300 ms', ok: save < 300 } : {}) });
      report({ name: `${name}: open (checks + read + validate)`, value: open, unit: 'ms', ...(big ? { target: '< 300 ms', ok: open < 300 } : {}) });
      report({ name: `${name}: file size`, value: size, unit: 'MB', ...(big ? { target: '< 10 MB', ok: size < 10 } : {}) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
