// The report as a PDF (pdfkit): A4 landscape pages laid out from the engine's ReportContent.
// Cover, key figures, the three pictures, the charts, violations, BOM summary; a footer with
// the project and "page i of n" on every page, written once all pages exist (bufferPages).
import PDFDocument from 'pdfkit';
import type { ReportContent, ReportPicture } from '../../engine/report/index.js';
import { drawOnPdf, drawText, FONT, FONT_BOLD, printable } from './pdf-draw.js';

type Pdf = InstanceType<typeof PDFDocument>;

/** A4 landscape in points; pictures and charts are sized from these by the caller (LAYOUT). */
const PAGE = { w: 841.89, h: 595.28 };
const M = 36;
const TOP = 74;
const BOTTOM = PAGE.h - 34;
const INK = '#1f2933', MUTED = '#6b7785', RULE = '#c9d0d8', ACCENT = '#0b5394', BAND = '#eef2f6';

export const LAYOUT = {
  pictureWidth: PAGE.w - 2 * M,
  pictureHeight: BOTTOM - TOP - 40,
  chartWidth: (PAGE.w - 2 * M - 20) / 2,
  chartHeight: 200,
} as const;

/** Wrapped text in a box; returns the y below it. */
function para(pdf: Pdf, text: string, x: number, y: number, width: number, size: number, color = INK, bold = false): number {
  pdf.font(bold ? FONT_BOLD : FONT).fontSize(size).fillColor(color).fillOpacity(1);
  pdf.text(printable(text), x, y, { width, lineGap: 1 });
  return pdf.y;
}

function heading(pdf: Pdf, title: string, subtitle = ''): void {
  pdf.rect(0, 0, PAGE.w, 6).fill(ACCENT);
  drawText(pdf, M, 44, title, { size: 17, bold: true, color: INK });
  if (subtitle) drawText(pdf, PAGE.w - M, 44, subtitle, { size: 8.5, color: MUTED, anchor: 'end' });
  pdf.moveTo(M, 54).lineTo(PAGE.w - M, 54).lineWidth(0.8).strokeColor(RULE).stroke();
}

function newPage(pdf: Pdf, title: string, subtitle = ''): void {
  pdf.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  heading(pdf, title, subtitle);
}

function cover(pdf: Pdf, c: ReportContent): void {
  pdf.rect(0, 0, PAGE.w, 150).fill(ACCENT);
  drawText(pdf, M, 62, 'Factory Twin', { size: 12, color: '#c9dcf0' });
  drawText(pdf, M, 100, c.cover.hall, { size: 30, bold: true, color: '#ffffff' });
  drawText(pdf, M, 128, 'Design report: power, cooling, fabric, agentic workloads and bill of materials', { size: 11, color: '#e3edf7' });
  let y = 182;
  const rows: [string, string][] = [['Project', c.cover.project], ['Date', c.cover.date], ['Catalog', c.cover.catalog], ...c.cover.facts];
  for (const [k, v] of rows) {
    drawText(pdf, M, y, k, { size: 9, color: MUTED });
    const end = para(pdf, v, M + 90, y - 8.5, 300, 10, INK);
    y = Math.max(y + 22, end + 12);
  }
  const iso = c.pictures[0];
  if (iso) {
    const scale = Math.min(380 / iso.drawing.width, 360 / iso.drawing.height);
    pdf.rect(PAGE.w - M - 392, 170, 392, 372).lineWidth(0.5).strokeColor(RULE).stroke();
    drawOnPdf(pdf, iso.drawing, PAGE.w - M - 386, 176, scale);
  }
  para(pdf, 'Figures computed by the Factory Twin engine from the project file; every value carries its unit. The models and their sources are described in the documentation shipped with the application (docs/).', M, BOTTOM - 40, 380, 7.5, MUTED);
}

function figures(pdf: Pdf, c: ReportContent): void {
  newPage(pdf, 'Key figures', c.cover.hall);
  const cols = 4, gap = 12;
  const w = (PAGE.w - 2 * M - (cols - 1) * gap) / cols, h = 112;
  c.figures.forEach((f, i) => {
    const x = M + (i % cols) * (w + gap), y = TOP + Math.floor(i / cols) * (h + gap);
    pdf.rect(x, y, w, h).fill(BAND);
    pdf.rect(x, y, 3, h).fill(ACCENT);
    drawText(pdf, x + 12, y + 18, f.label.toUpperCase(), { size: 7.5, bold: true, color: MUTED });
    drawText(pdf, x + 12, y + 44, f.value, { size: f.value.length > 18 ? 14 : 19, bold: true, color: INK });
    para(pdf, f.note, x + 12, y + 54, w - 22, 7.2, MUTED);
  });
  if (c.workloads.length === 0) return;
  let y = TOP + 2 * (h + gap) + 16;
  drawText(pdf, M, y, 'Workloads', { size: 11, bold: true, color: INK });
  y += 16;
  const head = ['WORKLOAD', 'REQUESTED', 'SERVED AT THE SLO', 'P50 STEP', 'P99 STEP', 'GPUS NEEDED', 'BOTTLENECK, THEN (MARGIN)'];
  const xs = [M, M + 250, M + 330, M + 420, M + 480, M + 545, M + 620];
  head.forEach((t, i) => drawText(pdf, xs[i]!, y, t, { size: 6.5, bold: true, color: MUTED }));
  y += 5;
  for (const [i, row] of c.workloads.entries()) {
    if (y > BOTTOM - 20) break;
    if (i % 2 === 0) pdf.rect(M - 4, y, PAGE.w - 2 * M + 8, 15).fill(BAND);
    row.forEach((t, k) => drawText(pdf, xs[k]!, y + 10.5, t, { size: 8, color: INK }));
    y += 15;
  }
  para(pdf, 'Step times are at the requested agent count; "served at the SLO" is the most agents each workload can run on its share of the hall within its p99 step-time objective.', M, y + 8, PAGE.w - 2 * M, 7.2, MUTED);
}

function picturePage(pdf: Pdf, p: ReportPicture, hall: string): void {
  newPage(pdf, p.title, hall);
  drawOnPdf(pdf, p.drawing, M, TOP);
  para(pdf, p.caption, M, TOP + p.drawing.height + 8, PAGE.w - 2 * M, 8, MUTED);
}

function chartsPage(pdf: Pdf, c: ReportContent): void {
  newPage(pdf, 'Charts', c.cover.hall);
  const [a, b, lat] = c.charts;
  let y = TOP;
  let below = y;
  [a, b].forEach((ch, i) => {
    if (!ch) return;
    const x = M + i * (LAYOUT.chartWidth + 20);
    drawOnPdf(pdf, ch.drawing, x, y);
    below = Math.max(below, para(pdf, ch.caption, x, y + ch.drawing.height + 6, LAYOUT.chartWidth, 7.2, MUTED));
  });
  y = below + 14;
  if (lat) {
    const scale = Math.min(1, (BOTTOM - 24 - y) / lat.drawing.height);
    drawOnPdf(pdf, lat.drawing, M, y, scale);
    para(pdf, lat.caption, M, y + lat.drawing.height * scale + 6, PAGE.w - 2 * M, 7.2, MUTED);
  }
}

const SEVERITY_COLOUR = { error: '#b03a2e', warning: '#d68910', info: '#2f6fd0' } as const;

function violations(pdf: Pdf, c: ReportContent): void {
  const subtitle = `${c.violationCount} violation${c.violationCount === 1 ? '' : 's'} in ${c.violations.length} group${c.violations.length === 1 ? '' : 's'}`;
  newPage(pdf, 'Violations', subtitle);
  if (c.violations.length === 0) {
    para(pdf, 'No violations: every power element is within its continuous rating with redundancy intact, every rack inlet is within the ASHRAE range of the hall\'s class, the fabric is complete and every workload meets its SLO at the requested load.', M, TOP, PAGE.w - 2 * M, 10);
    return;
  }
  const col = { sev: M, code: M + 58, count: M + 210, text: M + 250 };
  const textW = PAGE.w - M - col.text;
  const header = (y: number) => {
    for (const [x, t] of [[col.sev, 'SEVERITY'], [col.code, 'KIND'], [col.count, 'COUNT'], [col.text, 'EXAMPLE AND OBJECTS INVOLVED']] as const) drawText(pdf, x, y, t, { size: 7, bold: true, color: MUTED });
    return y + 8;
  };
  let y = header(TOP);
  for (const g of c.violations) {
    const shown = g.objects.slice(0, 24);
    const objects = `Objects: ${shown.join(', ')}${g.objects.length > shown.length ? `, and ${g.objects.length - shown.length} more` : ''}`;
    pdf.font(FONT).fontSize(8);
    const need = pdf.heightOfString(printable(g.message), { width: textW }) + pdf.heightOfString(printable(objects), { width: textW }) + 14;
    if (y + need > BOTTOM - 6) {
      newPage(pdf, 'Violations (continued)', subtitle);
      y = header(TOP);
    }
    pdf.moveTo(M, y).lineTo(PAGE.w - M, y).lineWidth(0.4).strokeColor(RULE).stroke();
    pdf.rect(col.sev, y + 5, 48, 11).fill(SEVERITY_COLOUR[g.severity]);
    drawText(pdf, col.sev + 24, y + 13, g.severity, { size: 7, bold: true, color: '#ffffff', anchor: 'middle' });
    drawText(pdf, col.code, y + 13, g.code, { size: 7.5, color: INK });
    drawText(pdf, col.count + 20, y + 13, String(g.count), { size: 8, bold: true, color: INK, anchor: 'end' });
    let ty = para(pdf, g.message, col.text, y + 5, textW, 8, INK);
    ty = para(pdf, objects, col.text, ty + 1, textW, 7, MUTED);
    y = ty + 6;
  }
}

function bom(pdf: Pdf, c: ReportContent): void {
  const b = c.bom;
  newPage(pdf, 'Bill of materials: summary', `catalog ${b.catalog}, prices in ${b.currency}`);
  const x0 = M, x1 = M + 300, x2 = M + 470;
  let y = TOP;
  drawText(pdf, x0, y, 'CATEGORY', { size: 7, bold: true, color: MUTED });
  drawText(pdf, x1, y, 'LINES', { size: 7, bold: true, color: MUTED, anchor: 'end' });
  drawText(pdf, x2, y, `SUBTOTAL (${b.currency})`, { size: 7, bold: true, color: MUTED, anchor: 'end' });
  y += 6;
  b.rows.forEach((r, i) => {
    if (i % 2 === 0) pdf.rect(x0 - 4, y, x2 - x0 + 8, 16).fill(BAND);
    drawText(pdf, x0, y + 11, r.label, { size: 9, color: INK });
    drawText(pdf, x1, y + 11, String(r.lines), { size: 9, color: INK, anchor: 'end' });
    drawText(pdf, x2, y + 11, r.subtotal, { size: 9, color: INK, anchor: 'end' });
    y += 16;
  });
  pdf.moveTo(x0 - 4, y + 2).lineTo(x2 + 4, y + 2).lineWidth(1).strokeColor(INK).stroke();
  drawText(pdf, x0, y + 16, 'Total', { size: 10, bold: true, color: INK });
  drawText(pdf, x1, y + 16, String(b.lines), { size: 10, bold: true, color: INK, anchor: 'end' });
  drawText(pdf, x2, y + 16, b.total, { size: 10, bold: true, color: INK, anchor: 'end' });
  para(pdf, `Prices are the catalog's list prices in ${b.currency}, excluding tax, freight and installation. Cables are counted at orderable lengths. The full bill of materials, line by line with part numbers, is written by "factory-twin bom <file> -o bom.xlsx".`, x2 + 40, TOP - 6, PAGE.w - M - x2 - 40, 8, MUTED);
}

function footers(pdf: Pdf, c: ReportContent): void {
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const y = PAGE.h - 18;
    pdf.moveTo(M, y - 10).lineTo(PAGE.w - M, y - 10).lineWidth(0.4).strokeColor(RULE).stroke();
    drawText(pdf, M, y, `Factory Twin report - ${c.cover.project} - ${c.cover.hall}`, { size: 7, color: MUTED });
    drawText(pdf, PAGE.w / 2, y, c.cover.date, { size: 7, color: MUTED, anchor: 'middle' });
    drawText(pdf, PAGE.w - M, y, `Page ${i + 1} of ${range.count}`, { size: 7, color: MUTED, anchor: 'end' });
  }
}

/** The whole report as PDF bytes. `info` goes into the PDF's document information. */
export function renderReportPdf(c: ReportContent): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4', layout: 'landscape', margin: 0, bufferPages: true, autoFirstPage: true,
    // A fixed creation date keeps the bytes reproducible: the report's own date is on the cover.
    info: { Title: `${c.cover.hall} - design report`, Author: 'Factory Twin', Subject: c.cover.project, CreationDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (b: Buffer) => chunks.push(b));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  cover(pdf, c);
  figures(pdf, c);
  for (const p of c.pictures) picturePage(pdf, p, c.cover.hall);
  chartsPage(pdf, c);
  violations(pdf, c);
  bom(pdf, c);
  footers(pdf, c);
  pdf.end();
  return done;
}
