/**
 * Time windows for Bitly's metrics endpoints (ENDPOINTS.md §2: `unit`, `units`,
 * `unit_reference`): from the pickers' range and unit, or from a custom from–to range.
 *
 * Time zone: UTC throughout. Bitly's dates end in `+0000`, its day, week and month buckets are
 * whole UTC days, and v4 has no `timezone` parameter (v3's is gone). A custom range's dates are
 * therefore UTC calendar days, and a surface offering one says so. Weeks start on Monday (as in
 * the stand-in; Bitly does not document it), so a week or month range covers the whole buckets
 * holding its first and last day.
 */
import type { MetricsQuery } from '../bitly/client';
import type { TimeUnit } from '../bitly/schemas';
import { unitsFor, type Settings } from '../settings/settings';

export type PresetRange = Settings['range'];
export type PickerUnit = Settings['unit'];
/** Units a custom range can use: v3 documented that `minute` cannot take a reference time. */
export type RangeUnit = Exclude<TimeUnit, 'minute'>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The most hours a window asks for: 90 days, the pickers' longest finite range. */
export const MAX_HOUR_UNITS = 90 * 24;
/** Nothing before Bitly existed (2008) can hold clicks; earlier dates are mistakes. */
export const EARLIEST_DATE = '2008-01-01';

/** The pickers' choice as a metrics query (`units` -1 for "all": all the plan keeps). */
export function presetWindow(range: PresetRange, unit: PickerUnit): MetricsQuery {
  return { unit, units: unitsFor(range, unit) };
}

/** A calendar date as `<input type="date">` gives it: `YYYY-MM-DD`. */
export type IsoDate = string;

/** A custom range: first and last day, both included (UTC days). */
export interface CustomRange {
  from: IsoDate;
  to: IsoDate;
}

export type CustomRangeProblem =
  /** Not a real `YYYY-MM-DD` date, or before 2008. */
  | 'invalid-date'
  | 'from-after-to'
  /** The range starts after today: nothing to show yet. */
  | 'in-future'
  /** Hourly buckets for more than MAX_HOUR_UNITS hours. */
  | 'too-many-hours';

export type CustomWindow =
  | {
      ok: true;
      query: MetricsQuery;
      /** The range as asked, its end clamped to today. */
      from: IsoDate;
      to: IsoDate;
      /** The range runs up to now: no `unit_reference` (Bitly's default, now), so it can be cached. */
      endsToday: boolean;
    }
  | { ok: false; problem: CustomRangeProblem };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a `YYYY-MM-DD` date, or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? ms : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The UTC calendar date of a moment: `2026-10-14`. */
export function isoDateOf(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Today's UTC date: the latest day a custom range can end on (a date picker's `max`). */
export function todayUtc(now: number): IsoDate {
  return isoDateOf(now);
}

/** A moment as `unit_reference` wants it (v4.json's example `2006-01-02T15:04:05-0700`), in UTC. */
export function formatUnitReference(ms: number): string {
  const d = new Date(ms);
  return `${isoDateOf(ms)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+0000`;
}

/** The unit a range reads best in: hours for a few days, then days, weeks, months. */
export function autoUnit(days: number): RangeUnit {
  if (days <= 3) return 'hour';
  if (days <= 92) return 'day';
  if (days <= 731) return 'week';
  return 'month';
}

/** A number for the bucket of `unit` holding `ms`, consecutive buckets consecutive numbers. */
function bucketNumber(ms: number, unit: RangeUnit): number {
  switch (unit) {
    case 'hour':
      return Math.floor(ms / HOUR_MS);
    case 'day':
      return Math.floor(ms / DAY_MS);
    case 'week':
      // 1970-01-01 was a Thursday: three days after it is the first Monday-based boundary.
      return Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
    case 'month': {
      const d = new Date(ms);
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    }
  }
}

/** How many buckets of `unit` hold the moments from `startMs` to `endMs` (both included). */
export function bucketsSpanned(startMs: number, endMs: number, unit: RangeUnit): number {
  return bucketNumber(endMs, unit) - bucketNumber(startMs, unit) + 1;
}

/**
 * A custom from–to range as a metrics query. The range's end is `unit_reference` (its last
 * second, 23:59:59 UTC); a range ending today or later ends now instead, sent without a
 * reference so the answer is the same all day and caches. `unit` defaults to `autoUnit`.
 */
export function customWindow(range: CustomRange, now: number, unit?: RangeUnit): CustomWindow {
  const fromMs = parseIsoDate(range.from);
  const toMs = parseIsoDate(range.to);
  const earliest = parseIsoDate(EARLIEST_DATE)!;
  if (fromMs === null || toMs === null || fromMs < earliest || toMs < earliest) return { ok: false, problem: 'invalid-date' };
  if (fromMs > toMs) return { ok: false, problem: 'from-after-to' };
  const today = parseIsoDate(todayUtc(now))!;
  if (fromMs > today) return { ok: false, problem: 'in-future' };

  const endsToday = toMs >= today;
  const lastDay = Math.min(toMs, today);
  const endMs = endsToday ? now : lastDay + DAY_MS - 1000;
  const chosen = unit ?? autoUnit(Math.round((lastDay - fromMs) / DAY_MS) + 1);
  const units = bucketsSpanned(fromMs, endMs, chosen);
  if (chosen === 'hour' && units > MAX_HOUR_UNITS) return { ok: false, problem: 'too-many-hours' };
  return {
    ok: true,
    query: endsToday ? { unit: chosen, units } : { unit: chosen, units, unitReference: formatUnitReference(endMs) },
    from: range.from,
    to: isoDateOf(lastDay),
    endsToday,
  };
}

/** What a window covers in days, for a file name or a heading; `from` null means "all history". */
export interface WindowSpan {
  from: IsoDate | null;
  to: IsoDate;
}

/**
 * The days a metrics query covers: from the start of its oldest bucket to the day of its
 * reference (now when it has none). `units` -1 has no known start: the plan decides.
 */
export function windowSpan(query: MetricsQuery, now: number): WindowSpan {
  const end = query.unitReference !== undefined ? parseReference(query.unitReference) ?? now : now;
  if (query.units < 1) return { from: null, to: isoDateOf(end) };
  const unit: RangeUnit = query.unit === 'minute' ? 'hour' : query.unit;
  return { from: isoDateOf(oldestBucketStart(end, unit, query.units)), to: isoDateOf(end) };
}

function oldestBucketStart(end: number, unit: RangeUnit, units: number): number {
  switch (unit) {
    case 'hour':
      return (Math.floor(end / HOUR_MS) - units + 1) * HOUR_MS;
    case 'day':
      return (Math.floor(end / DAY_MS) - units + 1) * DAY_MS;
    case 'week':
      return ((bucketNumber(end, 'week') - units + 1) * 7 - 3) * DAY_MS;
    case 'month': {
      const d = new Date(end);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - units + 1, 1);
    }
  }
}

/** Epoch ms of a `unit_reference` this module (or Bitly) wrote: `…+0000`, `…+00:00` or `…Z`. */
function parseReference(text: string): number | null {
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}
