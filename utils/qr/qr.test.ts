import { describe, expect, it } from 'vitest';
import { decodeQr, readPng, readQrSvg } from '../../tests/qr-reader';
import { parseQrDataUri, qrDataUri, toBase64 } from './data-uri';
import { localQrImages } from './local-qr';
import { qrFileName } from './qr-files';
import { DEFAULT_LAYOUT, imageSide, QUIET_MODULES } from './qr-layout';
import { qrMatrix, type QrMatrix } from './qr-matrix';
import { qrPng } from './qr-png';
import { qrSvg } from './qr-svg';

const LINKS = ['https://bit.ly/AbC123x', 'https://j.mp/q7isRO3', 'https://brnd.example/IaezXvT', `https://go.acme.example/${'x'.repeat(60)}`];

/** The bare module matrix drawn pixel by pixel (no file format in between). */
function renderMatrix(m: QrMatrix, scale: number, quiet: number) {
  const side = (m.size + 2 * quiet) * scale;
  const grey = new Uint8Array(side * side).fill(255);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) if (m.dark[Math.floor(y / scale) - quiet]?.[Math.floor(x / scale) - quiet]) grey[y * side + x] = 0;
  return { width: side, height: side, grey };
}

describe('the QR code made in the extension', () => {
  it.each(LINKS)('decodes back to %s (module matrix at 4 px a module)', (link) => {
    const m = qrMatrix(link);
    expect(m.size).toBeGreaterThanOrEqual(21);
    expect(decodeQr(renderMatrix(m, 4, QUIET_MODULES))).toBe(link);
  });

  it('is not a code for another link (the decode check can fail)', () => {
    expect(decodeQr(renderMatrix(qrMatrix(LINKS[0]!), 4, QUIET_MODULES))).not.toBe(LINKS[1]);
    // Without the quiet zone's light around it, or with half the modules lost, nothing decodes.
    const m = qrMatrix(LINKS[0]!);
    const damaged = { size: m.size, dark: m.dark.map((row, y) => (y < m.size / 2 ? row.map(() => true) : row)) };
    expect(decodeQr(renderMatrix(damaged, 4, QUIET_MODULES))).toBeUndefined();
  });

  it.each(LINKS)('as PNG decodes back to %s', (link) => {
    const read = readPng(qrPng(qrMatrix(link)));
    expect(read.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(read.width).toBe(imageSide(qrMatrix(link).size));
    expect(read.height).toBe(read.width);
    expect(decodeQr(read)).toBe(link);
  });

  it.each(LINKS)('as SVG decodes back to %s', (link) => {
    const svg = qrSvg(qrMatrix(link));
    const side = imageSide(qrMatrix(link).size);
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" viewBox=`)).toBe(true);
    expect(decodeQr(readQrSvg(svg))).toBe(link);
  });

  it('keeps modules at least 4 px with a 4-module quiet zone', () => {
    expect(DEFAULT_LAYOUT.scale).toBeGreaterThanOrEqual(4);
    expect(DEFAULT_LAYOUT.quiet).toBe(4);
    const read = readPng(localQrImages(LINKS[0]!).png.bytes);
    const band = DEFAULT_LAYOUT.scale * DEFAULT_LAYOUT.quiet;
    const edge: number[] = [];
    for (let i = 0; i < read.width; i++) {
      for (let j = 0; j < band; j++) {
        edge.push(read.grey[j * read.width + i]!, read.grey[i * read.width + j]!, read.grey[(read.width - 1 - j) * read.width + i]!, read.grey[i * read.width + read.width - 1 - j]!);
      }
    }
    expect(edge.every((g) => g === 255)).toBe(true);
    // The code starts right after it (the finder pattern's dark corner).
    expect(read.grey[band * read.width + band]).toBe(0);
  });

  it('splits a big image into several stored deflate blocks that still inflate', () => {
    const m = qrMatrix(LINKS[3]!);
    const read = readPng(qrPng(m, { scale: 40, quiet: 4 }));
    expect(read.width).toBe((m.size + 8) * 40);
    expect(decodeQr(read)).toBe(LINKS[3]);
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
    expect(parseQrDataUri(qrDataUri({ type: 'image/png', bytes: png }))?.bytes).toEqual(png);
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
