/**
 * Decoding of internationalised host names for display. `new URL()` gives the ASCII form
 * (`xn--pple-43d.com`); people must also see the letters it stands for (`аpple.com`, with a
 * Cyrillic "а") to notice a lookalike. Browsers have no `domainToUnicode`, hence this decoder of
 * Punycode (RFC 3492, the Bootstring parameters of section 5). Decoding only: encoding is what
 * `URL` already does.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_CODE_POINT = 0x10ffff;
/** Labels are at most 63 characters, so anything longer is not a host label. */
const MAX_LABEL_LENGTH = 63;
const ACE_PREFIX = 'xn--';

/** RFC 3492 §6.1: the bias for the next delta. */
function adapt(delta: number, pointCount: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / pointCount);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) / 2) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** A base-36 digit: a–z are 0–25, 0–9 are 26–35 (case-insensitive); -1 for anything else. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return -1;
}

/**
 * Decodes the Punycode part of a label (without `xn--`), or returns null when it is not valid
 * Punycode (bad digit, overflow, truncated, a surrogate or out-of-range code point).
 */
export function decodePunycode(input: string): string | null {
  if (input.length > MAX_LABEL_LENGTH) return null;
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  let pos = delimiter > 0 ? delimiter + 1 : 0;
  while (pos < input.length) {
    const oldI = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit < 0) return null;
      i += digit * weight;
      if (i > MAX_CODE_POINT * (output.length + 1)) return null;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      weight *= BASE - threshold;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    n += Math.floor(i / length);
    i %= length;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return null;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Whether any label of an ASCII host is an A-label (`xn--…`). */
export function isInternationalisedHost(asciiHost: string): boolean {
  return asciiHost.split('.').some((label) => label.toLowerCase().startsWith(ACE_PREFIX));
}

/**
 * The Unicode form of an ASCII host name, label by label. A label that does not decode is kept
 * as it is, so what is shown is never invented.
 */
export function hostToUnicode(asciiHost: string): string {
  return asciiHost
    .split('.')
    .map((label) => {
      if (!label.toLowerCase().startsWith(ACE_PREFIX)) return label;
      const decoded = decodePunycode(label.slice(ACE_PREFIX.length).toLowerCase());
      return decoded && decoded.length > 0 ? decoded : label;
    })
    .join('.');
}
