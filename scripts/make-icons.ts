// Renders the toolbar icon (a lens over a highlighted line, the design in assets/icon.svg) to the
// PNG sizes the manifests need. Run once when the design changes: `npx tsx scripts/make-icons.ts`.
// Hand-drawn with signed distances so no image library or network fetch is needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Uint8Array) => {
  let c = 0xffffffff;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function render(size: number): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const s = size / 128;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) / s;
      const py = (y + 0.5) / s;
      // rounded square background
      const bg = Math.max(Math.abs(px - 64) - 52, Math.abs(py - 64) - 52);
      const inBg = Math.min(1, Math.max(0, 0.5 - (bg - 10) * s));
      // highlighted line (amber bar) under the lens
      const bar = Math.max(Math.abs(px - 58) - 34, Math.abs(py - 86) - 7);
      const inBar = Math.min(1, Math.max(0, 0.5 - bar * s));
      // lens ring
      const d = Math.hypot(px - 54, py - 54);
      const ring = Math.abs(d - 26) - 7;
      const inRing = Math.min(1, Math.max(0, 0.5 - ring * s));
      // handle
      const t = Math.max(0, Math.min(1, (px - 74 + (py - 74)) / (2 * 22)));
      const hx = 74 + t * 22;
      const hy = 74 + t * 22;
      const handle = Math.hypot(px - hx, py - hy) - 8;
      const inHandle = Math.min(1, Math.max(0, 0.5 - handle * s));
      let [r, g, b] = [30, 64, 175];
      const mix = (c: number[], a: number) => {
        r = r + ((c[0] as number) - r) * a;
        g = g + ((c[1] as number) - g) * a;
        b = b + ((c[2] as number) - b) * a;
      };
      mix([251, 191, 36], inBar);
      mix([255, 255, 255], Math.max(inRing, inHandle));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(r);
      raw[o + 1] = Math.round(g);
      raw[o + 2] = Math.round(b);
      raw[o + 3] = Math.round(255 * inBg);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, render(size));
