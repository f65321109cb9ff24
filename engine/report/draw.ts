// A drawing as a display list: lines, rectangles, polygons and text in points (1/72 in), y down,
// origin top-left. The report's pictures are built as data so that any back end can paint them:
// pdfkit for the PDF (electron/report/pdf-draw.ts), SVG for the app or a test (toSvg below).
// Pure: no fonts are loaded here, so text widths are estimated (see textWidth).

export interface Style {
  /** '#rrggbb'; absent = not filled / not stroked. */
  fill?: string;
  stroke?: string;
  lineWidth?: number;
  /** 0..1, applied to fill and stroke (containment is drawn see-through). */
  opacity?: number;
  dash?: readonly [number, number];
}

export type Anchor = 'start' | 'middle' | 'end';

export interface TextStyle {
  size: number;
  color?: string;
  anchor?: Anchor;
  bold?: boolean;
  /** Degrees counter-clockwise about the anchor point (vertical axis labels: 90). */
  rotate?: number;
}

export type Shape =
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; style: Style }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; style: Style }
  | { kind: 'polygon'; points: readonly number[]; style: Style }
  /** (x, y) is the text's baseline point, placed by `anchor`. */
  | { kind: 'text'; x: number; y: number; text: string; style: TextStyle };

export interface Drawing {
  width: number;
  height: number;
  shapes: Shape[];
}

/** Collects shapes in paint order (first added is painted first, i.e. underneath). */
export class DrawingBuilder {
  readonly shapes: Shape[] = [];
  constructor(readonly width: number, readonly height: number) {}

  line(x1: number, y1: number, x2: number, y2: number, style: Style): this {
    this.shapes.push({ kind: 'line', x1, y1, x2, y2, style });
    return this;
  }

  rect(x: number, y: number, w: number, h: number, style: Style): this {
    this.shapes.push({ kind: 'rect', x, y, w, h, style });
    return this;
  }

  /** Flat list x0, y0, x1, y1, ...; closed automatically. */
  polygon(points: readonly number[], style: Style): this {
    if (points.length >= 6) this.shapes.push({ kind: 'polygon', points, style });
    return this;
  }

  text(x: number, y: number, text: string, style: TextStyle): this {
    if (text !== '') this.shapes.push({ kind: 'text', x, y, text, style });
    return this;
  }

  build(): Drawing {
    return { width: this.width, height: this.height, shapes: this.shapes };
  }
}

/**
 * Width of a string in Helvetica, estimated: the mean advance of digits and lower case is about
 * 0.55 em, capitals 0.67 em, spaces and narrow punctuation 0.28 em. Good to a few per cent, which
 * is all legend and label placement needs; the PDF itself is set with the real metrics.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '.' || ch === ',' || ch === ':' || ch === 'i' || ch === 'l' || ch === '|' || ch === "'") em += 0.28;
    else if (ch >= 'A' && ch <= 'Z') em += 0.67;
    else if (ch === 'm' || ch === 'w' || ch === 'M' || ch === 'W') em += 0.85;
    else em += 0.55;
  }
  return em * size * (bold ? 1.05 : 1);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (v: number) => (Math.round(v * 100) / 100).toString();

function svgStyle(s: Style): string {
  const parts = [`fill="${s.fill ?? 'none'}"`, `stroke="${s.stroke ?? 'none'}"`];
  if (s.stroke) parts.push(`stroke-width="${num(s.lineWidth ?? 1)}"`);
  if (s.opacity !== undefined) parts.push(`opacity="${num(s.opacity)}"`);
  if (s.dash) parts.push(`stroke-dasharray="${s.dash[0]} ${s.dash[1]}"`);
  return parts.join(' ');
}

/** The same drawing as an SVG document (for the app, and to inspect a picture in a browser). */
export function toSvg(d: Drawing): string {
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${num(d.width)}" height="${num(d.height)}" viewBox="0 0 ${num(d.width)} ${num(d.height)}" font-family="Helvetica, Arial, sans-serif">`];
  for (const s of d.shapes) {
    switch (s.kind) {
      case 'line':
        out.push(`<line x1="${num(s.x1)}" y1="${num(s.y1)}" x2="${num(s.x2)}" y2="${num(s.y2)}" ${svgStyle(s.style)}/>`);
        break;
      case 'rect':
        out.push(`<rect x="${num(s.x)}" y="${num(s.y)}" width="${num(s.w)}" height="${num(s.h)}" ${svgStyle(s.style)}/>`);
        break;
      case 'polygon':
        out.push(`<polygon points="${s.points.map(num).join(' ')}" ${svgStyle(s.style)}/>`);
        break;
      case 'text': {
        const t = s.style;
        const anchor = t.anchor === 'middle' ? 'middle' : t.anchor === 'end' ? 'end' : 'start';
        const rot = t.rotate ? ` transform="rotate(${num(-t.rotate)} ${num(s.x)} ${num(s.y)})"` : '';
        out.push(`<text x="${num(s.x)}" y="${num(s.y)}" font-size="${num(t.size)}" fill="${t.color ?? '#000000'}" text-anchor="${anchor}"${t.bold ? ' font-weight="bold"' : ''}${rot}>${esc(s.text)}</text>`);
        break;
      }
    }
  }
  out.push('</svg>');
  return out.join('\n');
}
