/** Saves what a page built (CSV, JSON, a QR image) as a file, through the browser's own download. */

/** How long the file's blob URL stays valid: long enough for a slow download to start. */
const BLOB_LIFETIME_MS = 60_000;

export function downloadText(fileName: string, text: string, mime: string, doc: Document = document): void {
  // The Blob encodes the text as UTF-8 (a CSV's leading U+FEFF becomes the bytes EF BB BF).
  downloadBlob(fileName, new Blob([text], { type: mime }), doc);
}

/** Saves bytes the page made (a QR code's PNG or SVG). */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
}
