/**
 * Internationalised host names for display. `new URL()` gives the ASCII form
 * (`xn--pple-43d.com`); people must also see the letters it stands for (`аpple.com`, with a
 * Cyrillic "а") to notice a lookalike. Browsers have no `domainToUnicode`, so the labels are
 * decoded with the `punycode` package (RFC 3492). The trailing slash names the npm package, not
 * Node's deprecated built-in module of the same name.
 */
import punycode from 'punycode/';

/** Labels are at most 63 characters, so a longer Punycode part is not a host label. */
const MAX_LABEL_LENGTH = 63;
const ACE_PREFIX = 'xn--';
/** A lone surrogate: Punycode can encode one, but it is no letter anyone could be shown. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether any label of an ASCII host is an A-label (`xn--…`). */
export function isInternationalisedHost(asciiHost: string): boolean {
  return asciiHost.split('.').some((label) => label.toLowerCase().startsWith(ACE_PREFIX));
}

/** The Unicode form of one A-label, or null when it is not one that decodes to letters. */
function labelToUnicode(label: string): string | null {
  const encoded = label.slice(ACE_PREFIX.length).toLowerCase();
  if (!label.toLowerCase().startsWith(ACE_PREFIX) || encoded.length > MAX_LABEL_LENGTH) return null;
  try {
    const decoded = punycode.decode(encoded);
    return decoded.length > 0 && !LONE_SURROGATE.test(decoded) ? decoded : null;
  } catch {
    // RangeError: not valid Punycode (bad digit, truncated, overflow, non-ASCII basic part).
    return null;
  }
}

/**
 * The Unicode form of an ASCII host name, label by label. A label that does not decode is kept
 * as it is, so what is shown is never invented.
 */
export function hostToUnicode(asciiHost: string): string {
  return asciiHost
    .split('.')
    .map((label) => labelToUnicode(label) ?? label)
    .join('.');
}
