/** How old an answer is, in words: "3 minutes ago", "vor 2 Stunden". */

const formats = new Map<string, Intl.RelativeTimeFormat>();

const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
  ['month', 30 * 86_400_000],
  ['year', 365 * 86_400_000],
];

/**
 * The age `ageMs` in words, rounded down to its largest whole unit, or null below a minute (the
 * caller says "just now"). A negative age (clock skew) counts as none.
 */
export function relativeAge(ageMs: number, locale: string): string | null {
  if (!(ageMs >= 60_000)) return null;
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60_000;
  for (const [u, ms] of STEPS) {
    if (ageMs < ms) break;
    unit = u;
    size = ms;
  }
  let f = formats.get(locale);
  if (!f) formats.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'long' })));
  return f.format(-Math.floor(ageMs / size), unit);
}

/** Whole seconds left until `at` (rounded up, never negative): a countdown's number. */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
