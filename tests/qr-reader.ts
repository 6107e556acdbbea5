/**
 * Reads QR images back for tests (unit and end-to-end): a PNG of the kind Bitlens and the stand-in
 * write (greyscale, 1 or 8 bits, filter 0; every chunk's CRC checked), the SVG's path of module runs,
 * and decoding the pixels with jsQR.
 */
import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';
import { crc32 } from '../utils/qr/qr-png';

/** Greyscale pixels, 0 dark … 255 light, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPng(bytes: Uint8Array): GreyImage & { chunks: string[] } {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  const idat: Uint8Array[] = [];
  const chunks: string[] = [];
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (view.getUint32(at + 8 + length) !== crc32(bytes.subarray(at + 4, at + 8 + length))) throw new Error(`${type}: bad CRC`);
    chunks.push(type);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = bytes[at + 16]!;
      const [colour, compression, filter, interlace] = bytes.subarray(at + 17, at + 21);
      if (colour !== 0 || compression !== 0 || filter !== 0 || interlace !== 0 || (depth !== 1 && depth !== 8)) throw new Error('unsupported PNG kind');
    }
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = Math.ceil((width * depth) / 8);
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const line = y * (rowBytes + 1);
    if (raw[line] !== 0) throw new Error(`row ${y}: filter ${raw[line]} not supported`);
    for (let x = 0; x < width; x++) {
      grey[y * width + x] = depth === 8 ? raw[line + 1 + x]! : (raw[line + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    }
  }
  return { width, height, grey, chunks };
}

/** The SVG Bitlens writes, drawn back: its path of `M x y h n v1 h-n z` runs, `scale` pixels a module. */
export function readQrSvg(svg: string, scale = 4): GreyImage {
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const modules = Number(box?.[1]);
  if (!modules || Number(box?.[2]) !== modules) throw new Error('no square viewBox');
  const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  if (runs.map((r) => r[0]).join('') !== d) throw new Error('path has more than module runs');
  const side = modules * scale;
  const grey = new Uint8Array(side * side).fill(255);
  for (const [, x, y, n] of runs) {
    for (let dy = 0; dy < scale; dy++) grey.fill(0, (Number(y) * scale + dy) * side + Number(x) * scale, (Number(y) * scale + dy) * side + (Number(x) + Number(n)) * scale);
  }
  return { width: side, height: side, grey };
}

/** What the code holds, or undefined when jsQR finds none. */
export function decodeQr({ width, height, grey }: GreyImage): string | undefined {
  const rgba = new Uint8ClampedArray(grey.length * 4);
  grey.forEach((g, i) => rgba.set([g, g, g, 255], i * 4));
  return jsQR(rgba, width, height)?.data;
}
