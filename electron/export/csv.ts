// CSV as RFC 4180 describes it: CRLF between records, a field quoted when it holds a comma, a
// quote, CR or LF, quotes inside doubled. Numbers are written with a '.' decimal point and no
// thousands separator, whatever the locale, so every tool reads them back the same.
import type { Bom } from '../../engine/bom/index.js';

export type CsvValue = string | number | boolean | null | undefined;

/** UTF-8 byte order mark: Excel reads a CSV as UTF-8 only when the file starts with it. */
export const UTF8_BOM = '\uFEFF';

export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? numberText(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Shortest round-trip text of a number, never exponent notation for the sizes we write. */
function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`cannot write ${v} to a CSV`);
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : s;
}

export function csvRecord(fields: readonly CsvValue[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  let out = csvRecord(header);
  for (const r of rows) {
    if (r.length !== header.length) throw new Error(`CSV row has ${r.length} fields, header has ${header.length}`);
    out += csvRecord(r);
  }
  return out;
}

/**
 * Text a spreadsheet would run as a formula (= + - @, tab, CR at the start) gets a leading
 * apostrophe (OWASP "CSV injection"): catalog names are user-editable and the BOM is opened in
 * Excel. Numbers are written as numbers and never touched.
 */
export function spreadsheetSafe(s: string | null): string | null {
  return s !== null && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export const BOM_CSV_HEADER = [
  'Category', 'Item', 'Part number', 'Manufacturer', 'Catalog id', 'Quantity', 'Unit', 'Unit price', 'Extended price', 'Currency', 'Note',
] as const;

/**
 * The BOM as one CSV: every line, then a Subtotal record per category and a Total record, all
 * with the same fields (RFC 4180 wants one field count). Informational lines leave the price
 * fields empty. Written with a UTF-8 BOM for Excel (see docs/interchange.md).
 */
export function bomCsv(bom: Bom, withByteOrderMark = true): string {
  const label = new Map(bom.categories.map((c) => [c.category, c.label]));
  const rows: CsvValue[][] = bom.lines.map((l) => [
    label.get(l.category) ?? l.category, spreadsheetSafe(l.item), spreadsheetSafe(l.partNumber), spreadsheetSafe(l.manufacturer), l.catalogId,
    l.quantity, l.unit, l.unitPrice === null ? null : l.unitPrice.toFixed(2), l.extendedPrice === null ? null : l.extendedPrice.toFixed(2),
    bom.currency, spreadsheetSafe(l.note),
  ]);
  for (const c of bom.categories) rows.push([c.label, 'Subtotal', null, null, null, null, null, null, c.subtotal.toFixed(2), bom.currency, `${c.lines} lines`]);
  rows.push(['All', 'Total', null, null, null, null, null, null, bom.total.toFixed(2), bom.currency,
    spreadsheetSafe(`project ${bom.project}; catalog ${bom.catalog.name} ${bom.catalog.version}`)]);
  return (withByteOrderMark ? UTF8_BOM : '') + toCsv(BOM_CSV_HEADER, rows);
}
