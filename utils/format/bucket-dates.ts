/** Dates of Bitly's time buckets (`2026-10-03T00:00:00+0000`) for chart labels and tables. */
import type { TimeUnit } from '../bitly/schemas';

/** Milliseconds of a Bitly date; its `+0000` offset has no colon, which `Date.parse` may refuse. */
export function parseBitlyDate(text: string): number {
  const iso = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(iso);
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Buckets of a day or longer are whole UTC days at Bitly; hours are shown in local time. */
const OPTIONS: Record<TimeUnit, Intl.DateTimeFormatOptions> = {
  minute: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  hour: { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  day: { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' },
  week: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
};

/** A bucket's start in words for its unit: "Sat, Oct 3", "Oct 3, 2:00 PM", "October 2026". */
export function formatBucket(ms: number, unit: TimeUnit, locale: string): string {
  const key = `${locale}|${unit}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, OPTIONS[unit])));
  return f.format(ms);
}

const dates = new Map<string, Intl.DateTimeFormat>();

/** A moment's calendar date in local time, e.g. when a link was created: "Mar 12, 2025" / "12. März 2025". */
export function formatDate(ms: number, locale: string): string {
  let f = dates.get(locale);
  if (!f) dates.set(locale, (f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' })));
  return f.format(ms);
}
