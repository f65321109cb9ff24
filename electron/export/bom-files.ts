// Writing a bill of materials to disk in the three formats the CLI and File > Export offer.
// Each file is written under a temporary name next to the target and renamed into place, so a
// failed export never leaves a half-written file where the old one was.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Bom } from '../../engine/bom/index.js';
import { bomWorkbookSpec } from './bom-xlsx.js';
import { bomCsv } from './csv.js';
import { writeXlsx } from './xlsx.js';

export const BOM_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type BomFormat = (typeof BOM_FORMATS)[number];

/** JSON: the Bom object as buildBom returns it, with a format tag for readers. */
export function bomJson(bom: Bom): string {
  return `${JSON.stringify({ format: 'factory-twin-bom', version: 1, ...bom }, null, 2)}\n`;
}

/** Written under a temporary name and renamed into place: a failed export leaves no half file. */
export async function writeBom(bom: Bom, format: BomFormat, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.partial`;
  try {
    if (format === 'csv') writeFileSync(tmp, bomCsv(bom), 'utf8');
    else if (format === 'json') writeFileSync(tmp, bomJson(bom), 'utf8');
    else await writeXlsx(bomWorkbookSpec(bom), tmp);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
