/** Counts for people: grouped digits in the UI language, compact where space is short. */

const full = new Map<string, Intl.NumberFormat>();
const compact = new Map<string, Intl.NumberFormat>();

function formatter(cache: Map<string, Intl.NumberFormat>, locale: string, options: Intl.NumberFormatOptions) {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** `12345` → `12,345` (en) / `12.345` (de). */
export function formatCount(n: number, locale: string): string {
  return formatter(full, locale, { maximumFractionDigits: 0 }).format(n);
}

/** Full below 10,000, then compact: `9,999`, `12K`, `1.2M` (en) / `12.345`, `1,2 Mio.` (de). */
export function formatCompactCount(n: number, locale: string): string {
  if (Math.abs(n) < 10_000) return formatCount(n, locale);
  return formatter(compact, locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

const percents = new Map<string, Intl.NumberFormat>();

/** A share (0–1) as a percentage: `0.1234` → `12.3%` (en) / `12,3 %` (de); below 0.1 % as `<0.1%`. */
export function formatShare(share: number, locale: string): string {
  const f = formatter(percents, locale, { style: 'percent', maximumFractionDigits: 1 });
  return share > 0 && share < 0.001 ? `<${f.format(0.001)}` : f.format(share);
}
