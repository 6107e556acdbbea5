/**
 * The QR code made in the extension: the one module the QR component imports on demand (it pulls
 * in the generator), giving the code as PNG and SVG files.
 */
import { qrMatrix } from './qr-matrix';
import { qrPng } from './qr-png';
import { qrSvg } from './qr-svg';
import type { QrImage } from './data-uri';

export interface QrImages {
  png: QrImage;
  svg: QrImage;
}

/** `link` is what the code holds: the short link's full URL. */
export function localQrImages(link: string): QrImages {
  const matrix = qrMatrix(link);
  return {
    png: { type: 'image/png', bytes: qrPng(matrix) },
    svg: { type: 'image/svg+xml', bytes: new TextEncoder().encode(qrSvg(matrix)) },
  };
}
