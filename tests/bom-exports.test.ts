// The BOM files read back: the CSV with an independent RFC 4180 reader, the workbook with
// exceljs (formulas, cached totals, frozen header, widths, number formats).
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBom, type Bom } from '../engine/bom/index.js';
import { computeFabric } from '../engine/fabric/index.js';
import { demoHall } from '../engine/generators/index.js';
import { writeBom } from '../electron/export/bom-files.js';
import { shippedCatalog } from './support/catalog.js';
import { tempDir } from './support/tmp.js';

const dir = tempDir('factory-twin-bom-x-');

/** RFC 4180 reader written apart from the writer: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i += 1; continue; }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') { quoted = true; i += 1; continue; }
    if (ch === ',') { record.push(field); field = ''; i += 1; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 2; continue; }
    if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}: records must end in CRLF`);
    field += ch;
    i += 1;
  }
  if (field !== '' || record.length > 0) throw new Error('last record does not end in CRLF');
  return records;
}

/** The demo hall with a catalog name that needs quoting and one a spreadsheet would run. */
function demoBom(): Bom {
  const doc = demoHall(shippedCatalog);
  const cat = structuredClone(doc.catalog);
  const rack = cat.rackTypes.find((t) => t.id === 'gpu-nvl72-gb200');
  if (!rack) throw new Error('no NVL72 rack type');
  rack.name = 'NVL72 rack "GB200", 48U';
  rack.partNumber = '=HYPERLINK("x")';
  rack.manufacturer = 'Société Générale Électrique';
  doc.catalog = cat;
  return buildBom(doc, computeFabric(doc));
}

const csvBom = demoBom();
const csvPath = join(dir, 'bom.csv');
await writeBom(csvBom, 'csv', csvPath);

describe('BOM CSV', () => {
  const bom = csvBom;
  const path = csvPath;
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');

  it('is UTF-8 with a byte order mark, CRLF records of equal width', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(text.slice(1));
    expect(rows[0]?.slice(0, 3)).toEqual(['Category', 'Item', 'Part number']);
    for (const r of rows) expect(r.length).toBe(11);
    // Lines + one Subtotal per category + Total + header.
    expect(rows.length).toBe(1 + bom.lines.length + bom.categories.length + 1);
    expect(text).toContain('"NVL72 rack ""GB200"", 48U"');
  });

  it('round-trips names, neutralises formulas and adds up', () => {
    const rows = readCsv(text.slice(1));
    const [header, ...body] = rows as [string[], ...string[][]];
    const col = (name: string) => header.indexOf(name);
    const rack = body.find((r) => r[col('Catalog id')] === 'gpu-nvl72-gb200' && r[col('Unit price')] !== '');
    expect(rack?.[col('Item')]).toBe('NVL72 rack "GB200", 48U');
    expect(rack?.[col('Manufacturer')]).toBe('Société Générale Électrique');
    expect(rack?.[col('Part number')]).toBe(`'=HYPERLINK("x")`);
    const lines = body.filter((r) => r[col('Item')] !== 'Subtotal' && r[col('Item')] !== 'Total');
    const subtotals = body.filter((r) => r[col('Item')] === 'Subtotal');
    for (const s of subtotals) {
      const sum = lines.filter((r) => r[col('Category')] === s[col('Category')]).reduce((a, r) => a + Number(r[col('Extended price')] || 0), 0);
      expect(Number(s[col('Extended price')])).toBeCloseTo(sum, 2);
    }
    const total = body.find((r) => r[col('Item')] === 'Total');
    expect(Number(total?.[col('Extended price')])).toBeCloseTo(subtotals.reduce((a, r) => a + Number(r[col('Extended price')]), 0), 2);
    expect(Number(total?.[col('Extended price')])).toBe(bom.total);
    for (const r of lines) {
      if (r[col('Unit price')] === '') continue;
      expect(Number(r[col('Extended price')])).toBeCloseTo(Number(r[col('Quantity')]) * Number(r[col('Unit price')]), 2);
    }
  });
});

describe('BOM workbook', () => {
  const bom = demoBom();

  async function open(path: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return wb;
  }

  it('has a summary and one sheet per category with formulas, frozen headers and formats', async () => {
    const path = join(dir, 'bom.xlsx');
    await writeBom(bom, 'xlsx', path);
    const wb = await open(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', ...bom.categories.map((c) => c.label)]);
    for (const c of bom.categories) {
      const ws = wb.getWorksheet(c.label) as ExcelJS.Worksheet;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width).toBeGreaterThan(20);
      const n = bom.lines.filter((l) => l.category === c.category).length;
      let sum = 0;
      for (let r = 2; r <= n + 1; r++) {
        const ext = ws.getCell(`H${r}`);
        if (ext.value === null) continue; // informational line
        expect(ext.formula).toBe(`ROUND(E${r}*G${r},2)`);
        const q = ws.getCell(`E${r}`).value as number;
        const p = ws.getCell(`G${r}`).value as number;
        expect(ext.result).toBeCloseTo(Math.round(q * p * 100) / 100, 2);
        expect(ext.numFmt).toBe('#,##0.00');
        sum += ext.result as number;
      }
      const sub = ws.getCell(`H${n + 2}`);
      expect(sub.formula).toBe(`SUM(H2:H${n + 1})`);
      expect(sub.result).toBeCloseTo(sum, 2);
      expect(sub.result).toBeCloseTo(c.subtotal, 2);
    }
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(summary.getCell('B2').value).toBe('Demo hall');
    const first = 7;
    const last = 6 + bom.categories.length;
    bom.categories.forEach((c, i) => {
      const cell = summary.getCell(`C${first + i}`);
      expect(cell.formula).toMatch(new RegExp(`^'${c.label}'!H\\d+$`));
      expect(cell.result).toBeCloseTo(c.subtotal, 2);
    });
    const total = summary.getCell(`C${last + 1}`);
    expect(total.formula).toBe(`SUM(C${first}:C${last})`);
    expect(total.result).toBeCloseTo(bom.total, 2);
  });

  it('reports a write failure as an exception and leaves no partial file', async () => {
    await expect(writeBom(bom, 'xlsx', join(dir, 'no-such-folder', 'x.xlsx'))).rejects.toThrow(/ENOENT|no such file/);
  });
});
