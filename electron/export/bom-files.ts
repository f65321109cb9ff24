// Writing a bill of materials to disk in the three formats the CLI and File > Export offer.
// Each file is written under a temporary name next to the target and renamed into place, so a
// failed export never leaves a half-written file where the old one was.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Bom } from '../../engine/bom/index.js';
import { bomWorkbookSpec } from './bom-xlsx.js';
import { bomCsv } from './csv.js';
import { writeXlsx, writeXlsxSync } from './xlsx.js';

export const BOM_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type BomFormat = (typeof BOM_FORMATS)[number];

/** JSON: the Bom object as buildBom returns it, with a format tag for readers. */
export function bomJson(bom: Bom): string {
  return `${JSON.stringify({ format: 'factory-twin-bom', version: 1, ...bom }, null, 2)}\n`;
}

function viaTemp(path: string, write: (tmp: string) => void): void {
  const tmp = `${path}.${process.pid}.partial`;
  try {
    write(tmp);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Synchronous (the CLI). `root` is the package root exceljs is loaded from. */
export function writeBomSync(bom: Bom, format: BomFormat, path: string, root: string): void {
  viaTemp(path, (tmp) => {
    if (format === 'csv') writeFileSync(tmp, bomCsv(bom), 'utf8');
    else if (format === 'json') writeFileSync(tmp, bomJson(bom), 'utf8');
    else writeXlsxSync(bomWorkbookSpec(bom), tmp, root);
  });
}

/** Asynchronous (the app's main process, where blocking would freeze the window). */
export async function writeBom(bom: Bom, format: BomFormat, path: string, root: string): Promise<void> {
  if (format !== 'xlsx') {
    writeBomSync(bom, format, path, root);
    return;
  }
  const tmp = `${path}.${process.pid}.partial`;
  try {
    await writeXlsx(bomWorkbookSpec(bom), tmp, root);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
