import jsQR from 'jsqr';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseQrDataUri, qrDataUri, toBase64 } from './data-uri';
import { localQrImages } from './local-qr';
import { qrFileName } from './qr-files';
import { DEFAULT_LAYOUT, imageSide, QUIET_MODULES } from './qr-layout';
import { qrMatrix, type QrMatrix } from './qr-matrix';
import { crc32, qrPng } from './qr-png';
import { qrSvg } from './qr-svg';

const LINKS = ['https://bit.ly/AbC123x', 'https://j.mp/q7isRO3', 'https://brnd.example/IaezXvT', `https://go.acme.example/${'x'.repeat(60)}`];

/** Grey pixels (0 dark, 255 light) → RGBA for jsQR. */
function rgba(grey: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grey.length * 4);
  grey.forEach((g, i) => out.set([g, g, g, 255], i * 4));
  return out;
}

function decode(grey: Uint8Array, side: number): string | undefined {
  return jsQR(rgba(grey), side, side)?.data;
}

/** The matrix drawn as the files draw it, module by module. */
function renderMatrix(m: QrMatrix, scale: number, quiet: number): { grey: Uint8Array; side: number } {
  const side = (m.size + 2 * quiet) * scale;
  const grey = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) if (m.dark[Math.floor(y / scale) - quiet]?.[Math.floor(x / scale) - quiet]) grey[y * side + x] = 0;
  return { grey, side };
}

/** A minimal PNG reader for what qrPng writes (1-bit greyscale, filter 0), checking every CRC. */
function readPng(bytes: Uint8Array): { width: number; height: number; grey: Uint8Array; chunks: string[] } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  const chunks: string[] = [];
  while (at < bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    chunks.push(type);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect([...data.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowBytes = Math.ceil(width / 8);
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (rowBytes + 1)]).toBe(0);
    for (let x = 0; x < width; x++) grey[y * width + x] = (raw[y * (rowBytes + 1) + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  }
  return { width, height, grey, chunks };
}

/** Draws the SVG's path (runs of `M x y h n v1 h-n z`) back into pixels, one per module. */
function readSvg(svg: string): { grey: Uint8Array; side: number } {
  const box = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const side = Number(box?.[1]);
  expect(Number(box?.[2])).toBe(side);
  const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  const grey = new Uint8Array(side * side).fill(255);
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  expect(runs.map((r) => r[0]).join('')).toBe(d);
  for (const [, x, y, n] of runs) for (let i = 0; i < Number(n); i++) grey[Number(y) * side + Number(x) + i] = 0;
  return { grey, side };
}

describe('the QR code made in the extension', () => {
  it.each(LINKS)('decodes back to %s (module matrix at 4 px a module)', (link) => {
    const m = qrMatrix(link);
    expect(m.size).toBeGreaterThanOrEqual(21);
    const { grey, side } = renderMatrix(m, 4, QUIET_MODULES);
    expect(decode(grey, side)).toBe(link);
  });

  it.each(LINKS)('as PNG decodes back to %s', (link) => {
    const png = qrPng(qrMatrix(link));
    const read = readPng(png);
    expect(read.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(read.width).toBe(imageSide(qrMatrix(link).size));
    expect(read.width).toBe(read.height);
    expect(decode(read.grey, read.width)).toBe(link);
  });

  it.each(LINKS)('as SVG decodes back to %s', (link) => {
    const svg = qrSvg(qrMatrix(link));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="\1" viewBox=/);
    const { grey, side } = readSvg(svg);
    const scale = 4;
    const big = new Uint8Array(side * scale * side * scale);
    for (let y = 0; y < side * scale; y++) for (let x = 0; x < side * scale; x++) big[y * side * scale + x] = grey[Math.floor(y / scale) * side + Math.floor(x / scale)]!;
    expect(decode(big, side * scale)).toBe(link);
  });

  it('keeps modules at least 4 px with a 4-module quiet zone', () => {
    expect(DEFAULT_LAYOUT.scale).toBeGreaterThanOrEqual(4);
    expect(DEFAULT_LAYOUT.quiet).toBe(4);
    const { png } = localQrImages(LINKS[0]!);
    const read = readPng(png.bytes);
    // The quiet zone: the first 4 modules of every side are light.
    const band = DEFAULT_LAYOUT.scale * DEFAULT_LAYOUT.quiet;
    const edge: number[] = [];
    for (let i = 0; i < read.width; i++) {
      for (let j = 0; j < band; j++) {
        edge.push(read.grey[j * read.width + i]!, read.grey[i * read.width + j]!, read.grey[(read.width - 1 - j) * read.width + i]!, read.grey[i * read.width + read.width - 1 - j]!);
      }
    }
    expect(edge.every((g) => g === 255)).toBe(true);
    // and the code itself starts right after it (the finder pattern's dark corner).
    expect(read.grey[band * read.width + band]).toBe(0);
  });

  it('splits a big image into several stored deflate blocks that still inflate', () => {
    const m = qrMatrix(LINKS[3]!);
    const png = qrPng(m, { scale: 40, quiet: 4 });
    const read = readPng(png);
    expect(read.width).toBe((m.size + 8) * 40);
    expect(decode(read.grey, read.width)).toBe(LINKS[3]);
  });
});

describe("Bitly's data URI", () => {
  const png = qrPng(qrMatrix(LINKS[0]!));
  const svg = qrSvg(qrMatrix(LINKS[0]!));
  const svgBase64 = `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
  it.each([
    ['a PNG', `data:image/png;base64,${toBase64(png)}`, 'image/png'],
    ['an SVG in base64', svgBase64, 'image/svg+xml'],
    ['an SVG percent-encoded', `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, 'image/svg+xml'],
    ['an SVG with an XML declaration', `data:image/svg+xml,${encodeURIComponent(`<?xml version="1.0"?>${svg}`)}`, 'image/svg+xml'],
  ])('accepts %s', (_label, uri, type) => {
    expect(parseQrDataUri(uri)?.type).toBe(type);
  });

  it.each([
    ['HTML', `data:text/html;base64,${btoa('<script>alert(1)</script>')}`],
    ['a remote URL', 'https://evil.example/qr.png'],
    ['javascript:', 'javascript:alert(1)'],
    ['a PNG type with other bytes', `data:image/png;base64,${btoa('<svg onload=alert(1)>')}`],
    ['a PNG that is not base64', 'data:image/png;base64,%3Csvg%3E'],
    ['an SVG type with HTML inside', `data:image/svg+xml;base64,${btoa('<html><script>1</script></html>')}`],
    ['an SVG with other parameters', `data:image/svg+xml;foo=bar,${encodeURIComponent(svg)}`],
    ['a GIF', 'data:image/gif;base64,R0lGODlhAQABAAAAACw='],
    ['not a string', 42],
    ['a huge string', `data:image/png;base64,${'A'.repeat(2_000_001)}`],
  ])('refuses %s', (_label, uri) => {
    expect(parseQrDataUri(uri)).toBeNull();
  });

  it('round-trips our own images', () => {
    const image = { type: 'image/png' as const, bytes: png };
    expect(parseQrDataUri(qrDataUri(image))?.bytes).toEqual(png);
  });
});

describe('QR file names', () => {
  it.each([
    ['bit.ly/AbC123', 'image/png', 'bit.ly-AbC123_qr.png'],
    ['brnd.example/Sale-2026', 'image/svg+xml', 'brnd.example-Sale-2026_qr.svg'],
  ] as const)('%s as %s → %s', (link, type, name) => {
    expect(qrFileName(link, type)).toBe(name);
  });
});
