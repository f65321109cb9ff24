// Workbooks through exceljs, described first as plain data (a WorkbookSpec) so tests and the
// writers share one description. exceljs stays external to the CLI bundle (large, and only the
// xlsx export needs it).
import ExcelJS from 'exceljs';

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

/** Spec -> exceljs workbook. */
export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
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
        if (c.f !== undefined) cell.value = { formula: c.f, result: c.v === null ? undefined : c.v } as ExcelJS.CellFormulaValue;
        else cell.value = c.v;
        if (c.fmt !== undefined) cell.numFmt = c.fmt;
        if (c.bold === true) cell.font = { bold: true };
      });
      row.commit();
    });
  }
  return wb;
}

export async function writeXlsx(spec: WorkbookSpec, path: string): Promise<void> {
  await buildWorkbook(spec).xlsx.writeFile(path);
}
