/**
 * Draws the Campaign Desk icon and writes the packaging icons into build/:
 * icon.png (1024), icons/<size>x<size>.png (Linux), icon.ico (Windows, PNG-in-ICO) and icon.icns
 * (macOS, PNG-in-ICNS). Run: `npx tsx scripts/make-icons.ts`. The outputs are committed because
 * electron-builder reads them; this script is how they are made.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Coverage of a rounded rectangle at a pixel centre, with a one-pixel soft edge. */
function roundedRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): number {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  const d = Math.hypot(x - cx, y - cy) - r;
  return Math.min(1, Math.max(0, 0.5 - d));
}

function draw(size: number): Buffer {
  const s = size / 1024;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const bg = roundedRect(px, py, 64 * s, 64 * s, 960 * s, 960 * s, 200 * s);
      const t = (px + py) / (2 * size);
      // Blue (#1f6feb) to green (#2ea043) diagonal.
      let r = 31 + (46 - 31) * t;
      let g = 111 + (160 - 111) * t;
      let b = 235 + (67 - 235) * t;
      // Three white bars: a task board.
      const bars = Math.max(
        roundedRect(px, py, 240 * s, 300 * s, 784 * s, 380 * s, 40 * s),
        roundedRect(px, py, 240 * s, 472 * s, 640 * s, 552 * s, 40 * s),
        roundedRect(px, py, 240 * s, 644 * s, 520 * s, 724 * s, 40 * s),
      );
      r = r + (255 - r) * bars;
      g = g + (255 - g) * bars;
      b = b + (255 - b) * bars;
      row[1 + x * 4] = Math.round(r);
      row[2 + x * 4] = Math.round(g);
      row[3 + x * 4] = Math.round(b);
      row[4 + x * 4] = Math.round(255 * bg);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function ico(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

function icns(images: readonly { type: string; png: Buffer }[]): Buffer {
  const parts = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main(): Promise<void> {
  const out = path.resolve(import.meta.dirname, '..', 'build');
  await mkdir(path.join(out, 'icons'), { recursive: true });
  const png = new Map<number, Buffer>();
  for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) png.set(size, draw(size));
  const get = (size: number): Buffer => png.get(size) ?? draw(size);
  await writeFile(path.join(out, 'icon.png'), get(1024));
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    await writeFile(path.join(out, 'icons', `${size}x${size}.png`), get(size));
  }
  await writeFile(
    path.join(out, 'icon.ico'),
    ico([16, 32, 48, 64, 128, 256].map((size) => ({ size, png: get(size) }))),
  );
  await writeFile(
    path.join(out, 'icon.icns'),
    icns([
      { type: 'icp4', png: get(16) },
      { type: 'icp5', png: get(32) },
      { type: 'icp6', png: get(64) },
      { type: 'ic07', png: get(128) },
      { type: 'ic08', png: get(256) },
      { type: 'ic09', png: get(512) },
      { type: 'ic10', png: get(1024) },
    ]),
  );
}

await main();
