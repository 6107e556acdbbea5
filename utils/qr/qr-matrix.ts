/**
 * A short link's QR code as a module matrix, made in the extension (no network) with
 * qrcode-generator. Only the QR component loads this module, on demand, so the generator stays out
 * of every page's start-up bundle.
 */
import qrcode from 'qrcode-generator';

/** Dark modules by row, then column; `size` modules a side (the quiet zone not included). */
export interface QrMatrix {
  size: number;
  dark: boolean[][];
}

/**
 * Level M (15 % of the code may be damaged) keeps a short link at version 2 or 3: 25–29 modules, big
 * modules on a small screen. Byte mode: a short link is ASCII.
 */
export function qrMatrix(text: string): QrMatrix {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const dark = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
  return { size, dark };
}
