/** Time units, Bitly's timestamp format, and the buckets a metrics query covers. */

export const TIME_UNITS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export function isTimeUnit(value: string): value is TimeUnit {
  return (TIME_UNITS as readonly string[]).includes(value);
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Most minute buckets one query returns (one day); finer history is not kept by the stand-in. */
export const MAX_MINUTE_BUCKETS = 1440;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats an instant the way Bitly does: `2025-10-13T17:11:28+0000` (always UTC). */
export function formatBitlyDate(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+0000`
  );
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO-8601 `unit_reference` (`2006-01-02T15:04:05-0700`, `...Z`, `...+07:00`, or a
 * plain date). Returns epoch milliseconds, or null when the text is not such a timestamp. A `+`
 * that arrived unencoded in a query string reads as a space, and that is rejected, as it should be.
 */
export function parseUnitReference(text: string): number | null {
  const m = ISO_8601.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(frac.slice(0, 3).padEnd(3, '0')));
  if (new Date(ms).getUTCDate() !== day) return null; // e.g. 2025-02-30
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    ms -= sign * offsetMinutes * MINUTE_MS;
  }
  return ms;
}

/** Start of the bucket of `unit` that contains `ms` (UTC; weeks start on Monday). */
export function bucketStart(ms: number, unit: TimeUnit): number {
  switch (unit) {
    case 'minute':
      return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
    case 'hour':
      return Math.floor(ms / HOUR_MS) * HOUR_MS;
    case 'day':
      return Math.floor(ms / DAY_MS) * DAY_MS;
    case 'week': {
      const day = Math.floor(ms / DAY_MS) * DAY_MS;
      const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
      return day - weekday * DAY_MS;
    }
    case 'month': {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    }
  }
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, unit: TimeUnit): number {
  switch (unit) {
    case 'minute':
      return start + MINUTE_MS;
    case 'hour':
      return start + HOUR_MS;
    case 'day':
      return start + DAY_MS;
    case 'week':
      return start + 7 * DAY_MS;
    case 'month': {
      const d = new Date(start);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
}

function previousBucketStart(start: number, unit: TimeUnit): number {
  if (unit === 'month') {
    const d = new Date(start);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  }
  return bucketStart(start - 1, unit);
}

/** How many buckets of `unit` a plan keeping `historyDays` days of data can return. */
export function bucketsForHistory(unit: TimeUnit, historyDays: number): number {
  switch (unit) {
    case 'minute':
      return Math.min(historyDays * 1440, MAX_MINUTE_BUCKETS);
    case 'hour':
      return historyDays * 24;
    case 'day':
      return historyDays;
    case 'week':
      return Math.ceil(historyDays / 7);
    case 'month':
      return Math.max(1, Math.ceil((historyDays * 12) / 365));
  }
}

export interface Bucket {
  start: number;
  end: number; // exclusive
}

/**
 * The buckets a query covers, newest first: the bucket holding `reference` and the `count - 1`
 * before it.
 */
export function bucketsEndingAt(reference: number, unit: TimeUnit, count: number): Bucket[] {
  const out: Bucket[] = [];
  let start = bucketStart(reference, unit);
  for (let i = 0; i < count; i++) {
    out.push({ start, end: nextBucketStart(start, unit) });
    start = previousBucketStart(start, unit);
  }
  return out;
}
