// Draws the app icon (assets/icons/icon.png, 512 x 512 RGBA) with no image library: a dark
// rounded tile with two rows of racks over a cold/hot aisle, coloured from cool blue to warm
// amber like the heat overlay. Run once; the PNG is committed (electron-builder derives the
// Windows .ico and macOS .icns from it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const px = new Uint8Array(SIZE * SIZE * 4);

function blend(x, y, [r, g, b], alpha) {
  if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || alpha <= 0) return;
  const i = (y * SIZE + x) * 4;
  const a = Math.min(1, alpha);
  const under = px[i + 3] / 255;
  const out = a + under * (1 - a);
  for (const [k, c] of [[0, r], [1, g], [2, b]]) px[i + k] = Math.round((c * a + px[i + k] * under * (1 - a)) / (out || 1));
  px[i + 3] = Math.round(out * 255);
}

/** Filled rounded rectangle, anti-aliased by distance to the rounded edge. */
function roundRect(x0, y0, w, h, radius, colour) {
  for (let y = Math.floor(y0); y < Math.ceil(y0 + h); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x0 + w); x++) {
      const cx = Math.min(Math.max(x + 0.5, x0 + radius), x0 + w - radius);
      const cy = Math.min(Math.max(y + 0.5, y0 + radius), y0 + h - radius);
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      blend(x, y, typeof colour === 'function' ? colour(x, y) : colour, radius + 0.5 - d);
    }
  }
}

const mix = (a, b, t) => a.map((v, k) => Math.round(v + (b[k] - v) * t));
// Background: deep slate with a soft vertical gradient.
roundRect(16, 16, 480, 480, 96, (_x, y) => mix([30, 38, 52], [14, 18, 26], y / SIZE));
// The floor of the hall, slightly lighter.
roundRect(72, 120, 368, 272, 20, [36, 46, 62]);
// Hot aisle between the rows: a warm glow.
roundRect(96, 240, 320, 32, 10, [120, 60, 30]);
// Two rows of six racks, heat rising from blue (cool) to amber (hot) along the row.
const cool = [56, 189, 248];
const hot = [251, 146, 60];
for (const rowY of [150, 282]) {
  for (let i = 0; i < 6; i++) {
    const x = 100 + i * 53;
    roundRect(x, rowY, 44, 82, 8, mix(cool, hot, i / 5));
    // Rack doors: two darker slots so the blocks read as cabinets at small sizes.
    roundRect(x + 8, rowY + 14, 28, 6, 3, [15, 23, 42]);
    roundRect(x + 8, rowY + 30, 28, 6, 3, [15, 23, 42]);
  }
}
// A network link arcing over the hall: the "twin" of the fabric.
for (let t = 0; t <= 1; t += 0.0005) {
  const x = 110 + t * 292;
  const y = 420 - Math.sin(t * Math.PI) * 24;
  for (let dy = -4; dy <= 4; dy++) for (let dx = -4; dx <= 4; dx++) {
    blend(Math.round(x + dx), Math.round(y + dy), [167, 243, 208], 1 - Math.hypot(dx, dy) / 4.5);
  }
}

// PNG: signature, IHDR, one IDAT (filter byte 0 per row), IEND; CRC-32 per chunk.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) Buffer.from(px.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('assets/icons', { recursive: true });
writeFileSync('assets/icons/icon.png', png);
console.log(`assets/icons/icon.png: ${SIZE} x ${SIZE}, ${png.length} bytes`);
