/**
 * QR images as data URIs, both ways. Bitly's `qr_code` is untrusted: only a PNG or an SVG data URI
 * is accepted, and the page shows either only through `<img src>` (an SVG there runs no script and
 * loads nothing).
 */

export type QrImageType = 'image/png' | 'image/svg+xml';

export interface QrImage {
  type: QrImageType;
  bytes: Uint8Array;
}

/** Generous for a QR image (Bitly's are a few to some tens of kilobytes), small enough to hold. */
const MAX_DATA_URI = 2_000_000;
const PNG_PREFIX = 'data:image/png;base64,';
const SVG_PREFIX = 'data:image/svg+xml';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Bitly's data URI as an image, or null for anything but a well-formed PNG or SVG one. */
export function parseQrDataUri(uri: unknown): QrImage | null {
  if (typeof uri !== 'string' || uri.length > MAX_DATA_URI) return null;
  if (uri.startsWith(PNG_PREFIX)) {
    const bytes = fromBase64(uri.slice(PNG_PREFIX.length));
    return bytes && PNG_SIGNATURE.every((b, i) => bytes[i] === b) ? { type: 'image/png', bytes } : null;
  }
  if (uri.startsWith(SVG_PREFIX)) {
    const comma = uri.indexOf(',');
    if (comma < 0) return null;
    const params = uri.slice(SVG_PREFIX.length, comma).toLowerCase();
    if (!/^(;charset=utf-?8)?(;base64)?$/.test(params)) return null;
    const payload = uri.slice(comma + 1);
    let bytes: Uint8Array | null;
    if (params.endsWith(';base64')) bytes = fromBase64(payload);
    else {
      try {
        bytes = new TextEncoder().encode(decodeURIComponent(payload));
      } catch {
        bytes = null;
      }
    }
    return bytes && /<svg[\s>]/.test(new TextDecoder().decode(bytes.subarray(0, 4096))) ? { type: 'image/svg+xml', bytes } : null;
  }
  return null;
}

/** A data URI for `<img src>` (our own bytes, or bytes `parseQrDataUri` accepted). */
export function qrDataUri(image: QrImage): string {
  return `data:${image.type};base64,${toBase64(image.bytes)}`;
}
