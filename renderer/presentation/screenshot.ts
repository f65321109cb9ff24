// The screenshot a presenter sends after the meeting: the 3D view as drawn (rendered and read in
// one task, see PresentationCamera.grabFrame), the scene labels, the overlay's legend, the slide's
// title and the key figures composed over it in a 2D canvas at the canvas's own pixel size, then
// encoded as PNG and handed to the platform (a save dialog in Electron, a download in a browser).
import type { KeyFigure, Tone } from './figures';

export interface ShotText {
  hall: string;
  title: string;
  caption: string;
  counter: string;
  figures: KeyFigure[];
  /** Shown in the footer, e.g. "2025-06-03". */
  date: string;
}

const TONE: Record<Tone, string> = { ok: '#4cc38a', warn: '#f0b429', err: '#ef5350', neutral: '#f3f5f8', accent: '#6aa9ff' };
const FONT = 'Inter, system-ui, sans-serif';
const MONO = '"JetBrains Mono", ui-monospace, monospace';

/** The DOM labels over the canvas, drawn where they are on screen (k: device pixels per CSS px). */
function drawLabels(g: CanvasRenderingContext2D, origin: DOMRect, k: number): void {
  for (const el of document.querySelectorAll<HTMLElement>('.label-layer > *')) {
    if (el.style.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right < origin.left || r.left > origin.right) continue;
    const cs = getComputedStyle(el);
    const x = (r.left - origin.left) * k, y = (r.top - origin.top) * k, w = r.width * k, h = r.height * k;
    g.fillStyle = cs.backgroundColor;
    g.beginPath();
    g.roundRect(x, y, w, h, 4 * k);
    g.fill();
    g.fillStyle = cs.color;
    g.font = `${cs.fontWeight} ${parseFloat(cs.fontSize) * k}px ${FONT}`;
    g.textBaseline = 'middle';
    g.textAlign = 'center';
    g.fillText(el.textContent ?? '', x + w / 2, y + h / 2, w);
  }
}

/** The colour stops of a CSS linear-gradient, evenly spaced (how the legends write them). */
export function gradientStops(css: string): string[] {
  return css.match(/#[0-9a-f]{3,8}\b|rgba?\([^)]*\)/gi) ?? [];
}

/** Each visible legend: its title, its ramp and its scale, stacked up from the bottom-left. */
function drawLegends(g: CanvasRenderingContext2D, origin: DOMRect, k: number): void {
  for (const el of document.querySelectorAll<HTMLElement>('.legends .legend')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    const x = (r.left - origin.left) * k, y = (r.top - origin.top) * k, w = r.width * k, h = r.height * k;
    g.fillStyle = 'rgba(13, 15, 18, 0.82)';
    g.beginPath();
    g.roundRect(x, y, w, h, 8 * k);
    g.fill();
    const pad = 14 * k;
    g.textAlign = 'left';
    g.textBaseline = 'top';
    g.fillStyle = '#f3f5f8';
    g.font = `600 ${15 * k}px ${FONT}`;
    g.fillText(el.querySelector('.legend-title')?.textContent ?? '', x + pad, y + pad, w - 2 * pad);
    const ramp = el.querySelector<HTMLElement>('.legend-ramp');
    if (ramp !== null) {
      const rr = ramp.getBoundingClientRect();
      const stops = gradientStops(ramp.style.background);
      const rx = (rr.left - origin.left) * k, ry = (rr.top - origin.top) * k;
      const grad = g.createLinearGradient(rx, 0, rx + rr.width * k, 0);
      stops.forEach((c, i) => grad.addColorStop(stops.length === 1 ? 0 : i / (stops.length - 1), c));
      g.fillStyle = grad;
      g.fillRect(rx, ry, rr.width * k, rr.height * k);
    }
    g.font = `${12.5 * k}px ${FONT}`;
    g.fillStyle = '#8a94a1';
    for (const line of el.querySelectorAll<HTMLElement>('.legend-note, .legend-row')) {
      const lr = line.getBoundingClientRect();
      g.fillText(line.textContent ?? '', (lr.left - origin.left) * k, (lr.top - origin.top) * k, lr.width * k);
    }
    const scale = el.querySelector<HTMLElement>('.legend-scale');
    if (scale !== null) {
      g.font = `${12 * k}px ${MONO}`;
      g.fillStyle = '#aab3c0';
      for (const span of scale.querySelectorAll<HTMLElement>('span')) {
        const sr = span.getBoundingClientRect();
        g.fillText(span.textContent ?? '', (sr.left - origin.left) * k, (sr.top - origin.top) * k);
      }
    }
  }
}

function drawTitle(g: CanvasRenderingContext2D, t: ShotText, W: number, k: number): void {
  const scrim = g.createLinearGradient(0, 0, 0, 170 * k);
  scrim.addColorStop(0, 'rgba(8, 10, 13, 0.85)');
  scrim.addColorStop(1, 'rgba(8, 10, 13, 0)');
  g.fillStyle = scrim;
  g.fillRect(0, 0, W, 170 * k);
  const x = 40 * k;
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  g.fillStyle = '#6aa9ff';
  g.font = `600 ${14 * k}px ${FONT}`;
  g.fillText(t.hall.toUpperCase(), x, 46 * k);
  g.fillStyle = '#f3f5f8';
  g.font = `600 ${36 * k}px ${FONT}`;
  g.fillText(t.title, x, 88 * k);
  g.fillStyle = '#aab3c0';
  g.font = `${17 * k}px ${FONT}`;
  g.fillText(t.caption, x, 116 * k);
  g.textAlign = 'right';
  g.font = `500 ${18 * k}px ${MONO}`;
  g.fillText(t.counter, W - 40 * k, 46 * k);
}

function drawFigures(g: CanvasRenderingContext2D, t: ShotText, W: number, H: number, k: number): void {
  const band = 150 * k;
  const top = H - band;
  const scrim = g.createLinearGradient(0, top - 40 * k, 0, H);
  scrim.addColorStop(0, 'rgba(8, 10, 13, 0)');
  scrim.addColorStop(0.3, 'rgba(8, 10, 13, 0.88)');
  scrim.addColorStop(1, 'rgba(8, 10, 13, 0.96)');
  g.fillStyle = scrim;
  g.fillRect(0, top - 40 * k, W, band + 40 * k);
  const margin = 40 * k, gap = 16 * k;
  const cell = (W - 2 * margin - gap * (t.figures.length - 1)) / t.figures.length;
  t.figures.forEach((f, i) => {
    const x = margin + i * (cell + gap);
    g.fillStyle = TONE[f.tone];
    g.fillRect(x, top + 8 * k, 3 * k, 92 * k);
    const tx = x + 16 * k;
    g.textAlign = 'left';
    g.fillStyle = '#aab3c0';
    g.font = `600 ${13 * k}px ${FONT}`;
    g.fillText(f.label.toUpperCase(), tx, top + 26 * k, cell - 20 * k);
    g.fillStyle = f.tone === 'neutral' ? '#f3f5f8' : TONE[f.tone];
    g.font = `600 ${40 * k}px ${FONT}`;
    g.fillText(f.value, tx, top + 72 * k, cell - 20 * k);
    const vw = Math.min(cell - 20 * k, g.measureText(f.value).width);
    g.fillStyle = '#7d8794';
    g.font = `500 ${18 * k}px ${FONT}`;
    if (f.unit !== '') g.fillText(f.unit, tx + vw + 6 * k, top + 72 * k);
    g.font = `${13 * k}px ${FONT}`;
    g.fillText(f.note, tx, top + 98 * k, cell - 20 * k);
  });
  g.textAlign = 'right';
  g.fillStyle = '#5d6673';
  g.font = `${12 * k}px ${FONT}`;
  g.fillText(`Factory Twin · ${t.date}`, W - margin, H - 16 * k);
}

/** Compose the PNG of the current view; `frame` must be the WebGL canvas just rendered. */
export async function composePng(frame: HTMLCanvasElement, text: ShotText): Promise<Uint8Array> {
  const W = frame.width, H = frame.height;
  const origin = frame.getBoundingClientRect();
  const k = W / Math.max(1, origin.width);
  const out = document.createElement('canvas');
  out.width = W;
  out.height = H;
  const g = out.getContext('2d');
  if (g === null) throw new Error('This browser cannot draw the screenshot (no 2D canvas).');
  g.drawImage(frame, 0, 0);
  drawLabels(g, origin, k);
  drawTitle(g, text, W, k);
  drawFigures(g, text, W, H, k);
  drawLegends(g, origin, k);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The screenshot could not be encoded as PNG.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** A file name that says what it shows: "Demo hall — Hottest aisle.png". */
export function screenshotName(hall: string, title: string): string {
  return `${hall} — ${title}`.replace(/[\\/:*?"<>|]/g, '-').slice(0, 120);
}
