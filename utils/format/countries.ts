/** Countries as Bitly names them (ISO 3166-1 alpha-2 codes), for people: flag and name. */

const names = new Map<string, Intl.DisplayNames>();
const ISO_CODE = /^[A-Z]{2}$/;

/** `DE` → 🇩🇪 (two regional-indicator letters); empty for anything that is not a two-letter code. */
export function flagEmoji(code: string): string {
  const upper = code.toUpperCase();
  if (!ISO_CODE.test(upper)) return '';
  return String.fromCodePoint(...[...upper].map((c) => 0x1f1e6 + c.charCodeAt(0) - 0x41));
}

/** `DE` → "Germany" / "Deutschland"; the code itself when the platform has no name for it. */
export function countryName(code: string, locale: string): string {
  const upper = code.toUpperCase();
  if (!ISO_CODE.test(upper)) return code;
  let f = names.get(locale);
  if (!f) names.set(locale, (f = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' })));
  try {
    return f.of(upper) ?? code;
  } catch {
    return code;
  }
}
