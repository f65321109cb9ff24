// Workbooks through exceljs, described first as plain data (a WorkbookSpec) so the same
// description can be written in-process (async, the app) or from a worker thread the CLI waits
// on (sync: the CLI's command handlers return their exit code synchronously, and exceljs only
// writes asynchronously). exceljs is loaded from the package root at run time rather than
// bundled into the CLI: it is large and only the xlsx export needs it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type ExcelJSModule from 'exceljs';

export interface CellSpec {
  v: string | number | null;
  /** A formula without '='; v is its cached result, shown until the sheet is recalculated. */
  f?: string;
  fmt?: string;
  bold?: boolean;
}

export interface SheetSpec {
  name: string;
  widths: number[];
  rows: CellSpec[][];
  /** Rows kept in view when scrolling (the header). */
  frozenRows: number;
}

export interface WorkbookSpec {
  creator: string;
  title: string;
  sheets: SheetSpec[];
}

type ExcelJS = typeof ExcelJSModule;

/**
 * Spec -> exceljs workbook. Self-contained on purpose (no outer names): its source text is
 * also run inside the worker thread of writeXlsxSync.
 */
export function buildWorkbook(excel: ExcelJS, spec: WorkbookSpec): ExcelJSModule.Workbook {
  const wb = new excel.Workbook();
  wb.creator = spec.creator;
  wb.title = spec.title;
  // Excel recomputes every formula when the file opens; the cached results serve other readers.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { views: s.frozenRows > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: s.frozenRows }] : [] });
    s.widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    s.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.f !== undefined) cell.value = { formula: c.f, result: c.v === null ? undefined : c.v } as ExcelJSModule.CellFormulaValue;
        else cell.value = c.v;
        if (c.fmt !== undefined) cell.numFmt = c.fmt;
        if (c.bold === true) cell.font = { bold: true };
      });
      row.commit();
    });
  }
  return wb;
}

/** exceljs as installed next to the app or the checkout. */
export function loadExcel(root: string): ExcelJS {
  return createRequire(join(root, 'package.json'))('exceljs') as ExcelJS;
}

export async function writeXlsx(spec: WorkbookSpec, path: string, root: string): Promise<void> {
  await buildWorkbook(loadExcel(root), spec).xlsx.writeFile(path);
}

/**
 * Writes the workbook from a worker thread and blocks until it is done (Atomics.wait on a
 * shared flag, the result read with receiveMessageOnPort), so a synchronous caller gets the
 * error, if any, as an exception.
 */
export function writeXlsxSync(spec: WorkbookSpec, path: string, root: string, timeoutMs = 120_000): void {
  const excelPath = createRequire(join(root, 'package.json')).resolve('exceljs');
  const source = `
const { workerData } = require('node:worker_threads');
const flag = new Int32Array(workerData.flag);
const reply = (r) => { workerData.port.postMessage(r); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); };
const failed = (e) => ({ ok: false, message: e && e.message ? e.message : String(e) });
try {
  const excel = require(workerData.excelPath);
  const buildWorkbook = ${buildWorkbook.toString()};
  buildWorkbook(excel, workerData.spec).xlsx.writeFile(workerData.path).then(() => ({ ok: true }), failed).then(reply);
} catch (e) {
  reply(failed(e));
}
`;  const flag = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(source, { eval: true, workerData: { excelPath, spec, path, flag, port: port2 }, transferList: [port2] });
  try {
    if (Atomics.wait(new Int32Array(flag), 0, 0, timeoutMs) === 'timed-out') throw new Error(`writing ${path} took longer than ${timeoutMs / 1000} s`);
    const reply = receiveMessageOnPort(port1)?.message as { ok: boolean; message?: string } | undefined;
    if (!reply?.ok) throw new Error(reply?.message ?? 'the workbook writer stopped without a result');
  } finally {
    port1.close();
    void worker.terminate();
  }
}
