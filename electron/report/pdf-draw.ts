// Paints an engine drawing (engine/report/draw.ts) onto a pdfkit page: the PDF back end of the
// report's display lists. Fonts are pdfkit's built-in Helvetica (the standard 14 PDF fonts need
// no file; the bundled Inter is WOFF only, which pdfkit cannot embed), so only WinAnsi
// characters print: text is mapped to that set before it is written.
import type PDFDocument from 'pdfkit';
import type { Drawing, Style, TextStyle } from '../../engine/report/index.js';

type Pdf = InstanceType<typeof PDFDocument>;

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';

// Characters outside WinAnsi that the report might contain, with printable stand-ins.
const REPLACE: Record<string, string> = { '\u2009': ' ', '\u202f': ' ', '\u2212': '-', '\u2192': '->', '\u2248': '~', '\u2264': '<=', '\u2265': '>=', '\u221e': 'inf.' };

/** Text restricted to what Helvetica's WinAnsi encoding can show. */
export function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (REPLACE[ch] !== undefined) out += REPLACE[ch];
    else if (code < 0x100 || '–—‘’“”•…€×'.includes(ch)) out += ch;
    else out += '?';
  }
  return out;
}

function applyStyle(pdf: Pdf, s: Style): 'fill' | 'stroke' | 'both' | null {
  if (s.fill) pdf.fillColor(s.fill);
  if (s.stroke) pdf.strokeColor(s.stroke).lineWidth(s.lineWidth ?? 1);
  pdf.fillOpacity(s.opacity ?? 1).strokeOpacity(s.opacity ?? 1);
  if (s.dash) pdf.dash(s.dash[0], { space: s.dash[1] });
  else pdf.undash();
  return s.fill && s.stroke ? 'both' : s.fill ? 'fill' : s.stroke ? 'stroke' : null;
}

function paint(pdf: Pdf, how: 'fill' | 'stroke' | 'both' | null): void {
  if (how === 'both') pdf.fillAndStroke();
  else if (how === 'fill') pdf.fill();
  else if (how === 'stroke') pdf.stroke();
}

/** Writes one line of text with its baseline at (x, y), placed by the anchor, optionally rotated. */
export function drawText(pdf: Pdf, x: number, y: number, text: string, t: TextStyle): void {
  const str = printable(text);
  pdf.font(t.bold ? FONT_BOLD : FONT).fontSize(t.size).fillColor(t.color ?? '#000000').fillOpacity(1);
  const w = pdf.widthOfString(str);
  const dx = t.anchor === 'middle' ? -w / 2 : t.anchor === 'end' ? -w : 0;
  if (t.rotate) {
    pdf.save();
    pdf.rotate(-t.rotate, { origin: [x, y] });
  }
  pdf.text(str, x + dx, y, { lineBreak: false, baseline: 'alphabetic' });
  if (t.rotate) pdf.restore();
}

/** Paints `d` with its top-left corner at (x, y), scaled by `scale`. */
export function drawOnPdf(pdf: Pdf, d: Drawing, x: number, y: number, scale = 1): void {
  pdf.save();
  pdf.translate(x, y);
  if (scale !== 1) pdf.scale(scale);
  for (const s of d.shapes) {
    switch (s.kind) {
      case 'line':
        if (!s.style.stroke) break;
        applyStyle(pdf, { ...s.style, fill: undefined });
        pdf.moveTo(s.x1, s.y1).lineTo(s.x2, s.y2).stroke();
        break;
      case 'rect': {
        const how = applyStyle(pdf, s.style);
        pdf.rect(s.x, s.y, s.w, s.h);
        paint(pdf, how);
        break;
      }
      case 'polygon': {
        const how = applyStyle(pdf, s.style);
        const pts: [number, number][] = [];
        for (let i = 0; i + 1 < s.points.length; i += 2) pts.push([s.points[i]!, s.points[i + 1]!]);
        pdf.polygon(...pts);
        paint(pdf, how);
        break;
      }
      case 'text':
        drawText(pdf, s.x, s.y, s.text, s.style);
        break;
    }
  }
  pdf.undash().fillOpacity(1).strokeOpacity(1);
  pdf.restore();
}
