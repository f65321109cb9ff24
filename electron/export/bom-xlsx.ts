// The BOM as a workbook a procurement team can work in: a Summary sheet whose subtotals are
// formulas pointing at each category sheet's subtotal, one sheet per category whose extended
// prices are ROUND(quantity x unit price, 2) and whose subtotal is a SUM, so editing a quantity
// or a price in Excel updates every total. Cached results equal buildBom's figures.
import type { Bom, BomLine } from '../../engine/bom/index.js';
import type { CellSpec, SheetSpec, WorkbookSpec } from './xlsx.js';

const MONEY = '#,##0.00';
const COUNT = '#,##0';
const METRES = '#,##0.00';

/** Column letters of a category sheet (A..I). */
export const CATEGORY_COLUMNS = ['Item', 'Part number', 'Manufacturer', 'Catalog id', 'Quantity', 'Unit', 'Unit price', 'Extended price', 'Note'] as const;
const WIDTHS = [52, 18, 18, 20, 12, 7, 16, 18, 60];

const text = (v: string | null, bold = false): CellSpec => (bold ? { v, bold } : { v });

/** Sheet names: at most 31 characters, none of : \ / ? * [ ] (Excel's rules). */
export function sheetName(label: string): string {
  return label.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

/** A sheet reference usable in a formula: quoted, inner quotes doubled. */
const ref = (name: string) => `'${name.replace(/'/g, "''")}'`;

function lineRow(l: BomLine, r: number): CellSpec[] {
  const priced = l.unitPrice !== null;
  return [
    text(l.item), text(l.partNumber), text(l.manufacturer), text(l.catalogId),
    { v: l.quantity, fmt: l.unit === 'm' ? METRES : COUNT }, text(l.unit),
    priced ? { v: l.unitPrice, fmt: MONEY } : text(null),
    priced ? { v: l.extendedPrice, f: `ROUND(E${r}*G${r},2)`, fmt: MONEY } : text(null),
    text(l.note),
  ];
}

export function categorySheets(bom: Bom): { sheet: SheetSpec; subtotalCell: string }[] {
  return bom.categories.map((c) => {
    const lines = bom.lines.filter((l) => l.category === c.category);
    const header = CATEGORY_COLUMNS.map((h) => text(h === 'Unit price' || h === 'Extended price' ? `${h} (${bom.currency})` : h, true));
    const rows: CellSpec[][] = [header, ...lines.map((l, i) => lineRow(l, i + 2))];
    const last = lines.length + 1;
    const total = last + 1;
    rows.push([text('Subtotal', true), text(null), text(null), text(null), text(null), text(null), text(null),
      { v: c.subtotal, f: `SUM(H2:H${last})`, fmt: MONEY, bold: true }, text(`${c.lines} lines`)]);
    const name = sheetName(c.label);
    return { sheet: { name, widths: WIDTHS, rows, frozenRows: 1 }, subtotalCell: `${ref(name)}!H${total}` };
  });
}

export function bomWorkbookSpec(bom: Bom): WorkbookSpec {
  const cats = categorySheets(bom);
  const head = 6;
  const rows: CellSpec[][] = [
    [text('Bill of materials', true)],
    [text('Project'), text(bom.project)],
    [text('Catalog'), text(`${bom.catalog.name} ${bom.catalog.version}`)],
    [text('Currency'), text(bom.currency)],
    [],
    [text('Category', true), text('Lines', true), text(`Subtotal (${bom.currency})`, true)],
  ];
  bom.categories.forEach((c, i) => {
    rows.push([text(c.label), { v: c.lines, fmt: COUNT }, { v: c.subtotal, f: (cats[i] as { subtotalCell: string }).subtotalCell, fmt: MONEY }]);
  });
  const first = head + 1;
  const last = head + bom.categories.length;
  rows.push([
    text('Total', true),
    { v: bom.lines.length, f: `SUM(B${first}:B${last})`, fmt: COUNT, bold: true },
    { v: bom.total, f: `SUM(C${first}:C${last})`, fmt: MONEY, bold: true },
  ]);
  for (const w of bom.warnings) rows.push([text('Warning'), text(w)]);
  return {
    creator: 'Factory Twin',
    title: `Bill of materials: ${bom.project}`,
    sheets: [{ name: 'Summary', widths: [28, 40, 20], rows, frozenRows: head }, ...cats.map((c) => c.sheet)],
  };
}
