// The export pipelines, one function per output, shared by the command line (`bom`, `export`,
// `report`) and the app's File > Export (electron/services/exports.ts), so both make the same
// files from the same document. Each computes what it needs, writes under a temporary name and
// renames into place (a failed export never leaves half a file), and returns a one-line summary.
// Writes go through fs/promises: in Electron's main a large synchronous write would stall the window.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildBom } from '../../engine/bom/index.js';
import { compute } from '../../engine/compute.js';
import { computeFabric } from '../../engine/fabric/index.js';
import type { ProjectDocument } from '../../engine/model/index.js';
import { buildReport } from '../../engine/report/index.js';
import { LAYOUT, renderReportPdf } from '../report/index.js';
import { writeBom, type BomFormat } from './bom-files.js';
import { buildGlb } from './glb.js';
import { NETBOX_UNMAPPED_FILE, netboxExport, type NetboxExport } from './netbox.js';

/** Called at the start of a slow step; the returned function ends it (the CLI's progress line). */
export type Step = (label: string) => () => void;
const noStep: Step = () => () => undefined;

export interface ExportOutcome {
  /** What was written, without the path: "22 lines in 10 categories, total 48,966,800.00 USD". */
  detail: string;
  bytes: number;
  warnings: string[];
}

/** Temporary names are unique within the process too: two exports may run at once in main. */
let partialSeq = 0;
const partialName = (path: string) => `${path}.${process.pid}-${++partialSeq}.partial`;

/** Writes data under a temporary name, flushes it to disk, then renames it over `path`. */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array): Promise<number> {
  const tmp = partialName(path);
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/** Money as the CLI and the app print it: grouped thousands, two decimals. */
export const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export async function exportBom(doc: ProjectDocument, format: BomFormat, out: string, step: Step = noStep): Promise<ExportOutcome> {
  let done = step('Computing the fabric and the bill of materials');
  const bom = buildBom(doc, computeFabric(doc));
  done();
  done = step(`Writing ${out}`);
  try {
    await writeBom(bom, format, out);
  } finally {
    done();
  }
  const { size } = await stat(out);
  return {
    detail: `${bom.lines.length} lines in ${bom.categories.length} categories, total ${money(bom.total)} ${bom.currency}`,
    bytes: size,
    warnings: [...bom.warnings],
  };
}

/**
 * The NetBox files into a folder (created if missing). Every file is written under a temporary
 * name first and renamed only once all are written, so a failure leaves no mix of old and new.
 */
export async function writeNetboxFolderAtomic(nb: NetboxExport, folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  const staged: [string, string][] = [];
  let bytes = 0;
  try {
    for (const [name, text] of Object.entries(nb.files)) {
      const tmp = partialName(join(folder, name));
      staged.push([tmp, join(folder, name)]);
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
      } finally {
        await handle.close();
      }
      bytes += Buffer.byteLength(text);
    }
    for (const [tmp, final] of staged) await rename(tmp, final);
    // An unmapped-links list left by an earlier export into this folder no longer applies.
    if (nb.files[NETBOX_UNMAPPED_FILE] === undefined) await rm(join(folder, NETBOX_UNMAPPED_FILE), { force: true });
  } finally {
    await Promise.all(staged.map(([tmp]) => rm(tmp, { force: true })));
  }
  return bytes;
}

export async function exportNetbox(doc: ProjectDocument, folder: string, site: string | undefined, step: Step = noStep): Promise<ExportOutcome> {
  const done = step('Computing the fabric and the NetBox files');
  try {
    const nb = netboxExport(doc, computeFabric(doc), site);
    const bytes = await writeNetboxFolderAtomic(nb, folder);
    const c = nb.counts;
    return {
      detail: `${c.racks} racks, ${c.devices} devices of ${c.deviceTypes} types, ${c.powerFeeds} power feeds, ${c.cables} cables`,
      bytes,
      warnings: nb.warnings,
    };
  } finally {
    done();
  }
}

export async function exportGlb(doc: ProjectDocument, out: string, step: Step = noStep): Promise<ExportOutcome> {
  const done = step(`Writing ${out}`);
  try {
    const bytes = await writeFileAtomicAsync(out, buildGlb(doc));
    // One box per rack, cooling unit, power element and containment, plus the floor.
    const boxes = doc.racks.length + doc.cooling.length + doc.power.length + doc.containment.length + 1;
    return { detail: `${boxes} boxes, ${bytes} bytes`, bytes, warnings: [] };
  } finally {
    done();
  }
}

export interface ReportOptions {
  /** The title on the cover (the CLI: the file name or --title; the app: the hall's name). */
  project: string;
  /** YYYY-MM-DD, chosen by the caller: the engine never reads the clock. */
  date: string;
}

export async function exportReport(doc: ProjectDocument, out: string, options: ReportOptions, step: Step = noStep): Promise<ExportOutcome> {
  let done = step('Computing power, heat, fabric and agents');
  const results = compute(doc);
  const bom = buildBom(doc, results.fabric);
  done();
  done = step('Drawing the plan views, the 3D view and the charts');
  const content = buildReport(doc, results, bom, { ...options, ...LAYOUT });
  done();
  done = step(`Writing ${out}`);
  try {
    const bytes = await writeFileAtomicAsync(out, await renderReportPdf(content));
    return {
      detail: `${content.pictures.length} pictures, ${content.charts.length} charts, ${content.violationCount} violations, BOM total ${content.bom.total}`,
      bytes,
      warnings: [...bom.warnings],
    };
  } finally {
    done();
  }
}

/** Today's date as YYYY-MM-DD in local time: the hosts (CLI, main) own the clock. */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Why a write failed, as the end of a sentence (ENOENT, EACCES, ENOSPC...). */
export function writeFailureReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
      : error instanceof Error ? error.message : String(error);
}
