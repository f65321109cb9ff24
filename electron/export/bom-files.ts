// Writing a bill of materials to disk in the three formats the CLI and File > Export offer.
// Each file is written under a temporary name next to the target and renamed into place, so a
// failed export never leaves a half-written file where the old one was.
import { rename, rm, writeFile } from 'node:fs/promises';
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

let partialSeq = 0;

/** Written under a temporary name and renamed into place: a failed export leaves no half file. */
export async function writeBom(bom: Bom, format: BomFormat, path: string): Promise<void> {
  // pid and a counter: two exports may run at once in one process.
  const tmp = `${path}.${process.pid}-${++partialSeq}.partial`;
  try {
    // Asynchronous writes: in Electron's main a synchronous one would stall the window.
    if (format === 'csv') await writeFile(tmp, bomCsv(bom), 'utf8');
    else if (format === 'json') await writeFile(tmp, bomJson(bom), 'utf8');
    else await writeXlsx(bomWorkbookSpec(bom), tmp);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}
