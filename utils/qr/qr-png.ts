/**
 * A QR matrix as a PNG file, built without a canvas: 1-bit greyscale (0 = black), the image data
 * in uncompressed ("stored") deflate blocks. A QR code at 8 px a module is a few kilobytes this
 * way, and the same code runs in a page, the background and Node (the stand-in, the tests).
 */
import { DEFAULT_LAYOUT, imageSide, type QrLayout } from './qr-layout';
import type { QrMatrix } from './qr-matrix';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Largest payload of one stored deflate block. */
const STORED_BLOCK = 0xffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = new Uint8Array(4 + data.length);
  typed.set([...type].map((c) => c.charCodeAt(0)));
  typed.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length));
  out.set(typed, 4);
  out.set(u32(crc32(typed)), 8 + data.length);
  return out;
}

/** A zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / STORED_BLOCK));
  const out = new Uint8Array(2 + raw.length + 5 * blocks + 4);
  out.set([0x78, 0x01]);
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const part = raw.subarray(i * STORED_BLOCK, (i + 1) * STORED_BLOCK);
    out.set([i === blocks - 1 ? 1 : 0, part.length & 0xff, part.length >>> 8, ~part.length & 0xff, (~part.length >>> 8) & 0xff], at);
    out.set(part, at + 5);
    at += 5 + part.length;
  }
  out.set(u32(adler32(raw)), at);
  return out;
}

export function qrPng(matrix: QrMatrix, layout: QrLayout = DEFAULT_LAYOUT): Uint8Array {
  const px = imageSide(matrix.size, layout);
  const rowBytes = Math.ceil(px / 8);
  const raw = new Uint8Array((rowBytes + 1) * px);
  for (let y = 0; y < px; y++) {
    const row = matrix.dark[Math.floor(y / layout.scale) - layout.quiet];
    const line = y * (rowBytes + 1);
    // Filter type 0, then the row: light bits set, dark bits clear.
    raw.fill(0xff, line + 1, line + 1 + rowBytes);
    if (!row) continue;
    for (let x = 0; x < px; x++) {
      const at = line + 1 + (x >> 3);
      if (row[Math.floor(x / layout.scale) - layout.quiet]) raw[at] = (raw[at] ?? 0) & ~(0x80 >> (x & 7));
    }
  }
  // width, height, bit depth 1, colour type 0 (greyscale), compression, filter, interlace.
  const header = new Uint8Array([...u32(px), ...u32(px), 1, 0, 0, 0, 0]);
  const parts = [new Uint8Array(SIGNATURE), chunk('IHDR', header), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
