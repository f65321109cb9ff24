// A minimal PNG reader for checking rendered pages: 8-bit RGB/RGBA/grey, non-interlaced (what
// pdftoppm writes). Chunks per the PNG specification; scanlines unfiltered (filters 0-4).
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export interface Image { width: number; height: number; channels: number; data: Uint8Array }

export function readPng(path: string): Image {
  const buf = readFileSync(path);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error(`${path} is not a PNG`);
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      const depth = body[8], colour = body[9], interlace = body[12];
      if (depth !== 8 || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, interlace ${interlace})`);
      channels = colour === 2 ? 3 : colour === 6 ? 4 : colour === 0 ? 1 : colour === 4 ? 2 : 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${colour}`);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const v = raw[src + x]!;
      let out: number;
      switch (filter) {
        case 0: out = v; break;
        case 1: out = v + a; break;
        case 2: out = v + b; break;
        case 3: out = v + ((a + b) >> 1); break;
        case 4: { const p = a + b - c; const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); out = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c); break; }
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      data[y * stride + x] = out & 255;
    }
  }
  return { width, height, channels, data };
}

export interface InkStats {
  /** Share of pixels that are not (near) white. */
  inked: number;
  /** Distinct colours after quantising each channel to 32 levels (anti-aliasing noise merged). */
  colours: number;
  /** Share of pixels that are clearly coloured (not grey): saturation of the pictures. */
  coloured: number;
}

export function inkStats(img: Image): InkStats {
  let inked = 0, coloured = 0;
  const seen = new Set<number>();
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const o = i * img.channels;
    const r = img.data[o]!, g = img.channels >= 3 ? img.data[o + 1]! : r, b = img.channels >= 3 ? img.data[o + 2]! : r;
    if (r < 245 || g < 245 || b < 245) inked += 1;
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured += 1;
    seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
  }
  return { inked: inked / n, colours: seen.size, coloured: coloured / n };
}
