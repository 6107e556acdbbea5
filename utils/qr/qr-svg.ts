/**
 * A QR matrix as an SVG file: a light square and one path of dark modules (one `h1v1h-1z` per
 * module, merged per row run), crisp at any zoom. Only numbers go into the text, never strings
 * from elsewhere.
 */
import { DEFAULT_LAYOUT, imageSide, type QrLayout } from './qr-layout';
import type { QrMatrix } from './qr-matrix';

export function qrSvg(matrix: QrMatrix, layout: QrLayout = DEFAULT_LAYOUT): string {
  const side = matrix.size + 2 * layout.quiet;
  const px = imageSide(matrix.size, layout);
  const runs: string[] = [];
  matrix.dark.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      runs.push(`M${start + layout.quiet} ${y + layout.quiet}h${x - start}v1h-${x - start}z`);
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${runs.join('')}"/>` +
    `</svg>`
  );
}
