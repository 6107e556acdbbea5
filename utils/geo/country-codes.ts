/**
 * Country codes between the world map and Bitly. The map's shapes (world-atlas, Natural Earth)
 * carry ISO 3166-1 numeric ids; Bitly names countries by ISO 3166-1 alpha-2 (`DE`), and
 * i18n-iso-countries maps one to the other.
 *
 * Bitly documents no value for clicks it cannot place (v4.json: `value` is any string), and the
 * stand-in always places them. Whatever Bitly sends that is not a country code (`Unknown`, `None`,
 * `ZZ`, `XX`, an empty string, MaxMind's `A1`/`A2`/`EU`/`AP`) therefore counts as "unknown".
 */
import { isValid, numericToAlpha2 } from 'i18n-iso-countries';

/**
 * Natural Earth shapes that have no ISO numeric id, by their `name`: Kosovo has the user-assigned
 * code XK (used by Bitly's geolocation source and by CLDR); Northern Cyprus and Somaliland are
 * ISO-wise parts of Cyprus and Somalia, so their clicks arrive as CY and SO and colour them too.
 */
const UNNUMBERED_SHAPES: Readonly<Record<string, string>> = { Kosovo: 'XK', 'N. Cyprus': 'CY', Somaliland: 'SO' };

/** Bitly's codes are two letters; `isValid` alone would also take alpha-3 and numeric codes. */
const TWO_LETTERS = /^[A-Za-z]{2}$/;

/** A map shape as topojson-client's `feature()` gives it. */
export interface CountryShape {
  id?: string | number;
  properties?: { name?: string } | null;
}

/** The alpha-2 code of a map shape (`'276'` → `DE`), or null for a shape of no country. */
export function alpha2OfShape(shape: CountryShape): string | null {
  if (shape.id !== undefined && shape.id !== '') {
    // Numeric ids are zero-padded strings in world-atlas (`'036'`); a number works too.
    return numericToAlpha2(shape.id) ?? null;
  }
  const name = shape.properties?.name;
  return (name !== undefined && UNNUMBERED_SHAPES[name]) || null;
}

/** True when Bitly's `value` names a real country (`DE`, `de`, `XK`); false for "unknown" values. */
export function isCountryCode(value: string): boolean {
  return TWO_LETTERS.test(value) && isValid(value);
}

/** Bitly's country value as a map key (`de` → `DE`), or null when Bitly could not place the clicks. */
export function countryKey(value: string): string | null {
  return isCountryCode(value) ? value.toUpperCase() : null;
}
