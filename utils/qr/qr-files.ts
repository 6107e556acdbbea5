/** QR images as files: named after the link, as blobs for a download or the clipboard. */
import { safeFilePart } from '../export/file-names';
import type { QrImage, QrImageType } from './data-uri';

const EXTENSIONS: Record<QrImageType, string> = { 'image/png': 'png', 'image/svg+xml': 'svg' };

/** `bit.ly/AbC123` → `bit.ly-AbC123_qr.png`. */
export function qrFileName(linkId: string, type: QrImageType): string {
  return `${safeFilePart(linkId) || 'bitlens'}_qr.${EXTENSIONS[type]}`;
}

export function qrBlob(image: QrImage): Blob {
  return new Blob([image.bytes.slice()], { type: image.type });
}
