/**
 * Clicks over time. A link's clicks on a UTC day are a pure function of (link, day); hours split
 * a day's clicks and minutes split an hour's, so every unit adds up to the same totals.
 */
import type { LinkRecord } from './data';
import { allocate, intHash } from './prng';
import { type Bucket, type TimeUnit, DAY_MS, HOUR_MS, MINUTE_MS } from './time-buckets';

/** Relative traffic by UTC hour of day. */
const DIURNAL = [
  0.3, 0.2, 0.15, 0.12, 0.12, 0.2, 0.4, 0.7, 1.0, 1.2, 1.3, 1.3, 1.35, 1.3, 1.25, 1.2, 1.15, 1.1, 1.1, 1.05, 0.95, 0.8, 0.6, 0.45,
];

/** Clicks a link got on day number `day` (days since 1970-01-01 UTC). */
export function dayClicks(link: LinkRecord, day: number): number {
  const createdDay = Math.floor(link.createdMs / DAY_MS);
  if (day < createdDay || link.dailyRate <= 0) return 0;
  const age = day - createdDay;
  const weekday = (day + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const weekly = weekday >= 5 ? 0.8 : 1 + 0.04 * weekday;
  const launchBoost = 1 + 3 * Math.exp(-age / 6);
  const noise = 0.7 + 0.6 * intHash(link.seed, day, 1);
  const expected = link.dailyRate * weekly * launchBoost * noise;
  // Every day since creation has at least one click, so owned links never total zero.
  return Math.max(1, Math.floor(expected + intHash(link.seed, day, 2)));
}

/** The 24 hourly counts of one day, summing to `dayClicks`. */
function hoursOfDay(link: LinkRecord, day: number): number[] {
  const total = dayClicks(link, day);
  if (total === 0) return new Array<number>(24).fill(0);
  const weights = DIURNAL.map((w, h) => w * (0.6 + 0.8 * intHash(link.seed, day * 24 + h, 3)));
  return allocate(total, weights);
}

/** The 60 per-minute counts of hour number `hour` (hours since the epoch). */
function minutesOfHour(link: LinkRecord, hour: number, hourTotal: number): number[] {
  if (hourTotal === 0) return new Array<number>(60).fill(0);
  const weights = Array.from({ length: 60 }, (_, m) => 0.3 + intHash(link.seed, hour * 60 + m, 4));
  return allocate(hourTotal, weights);
}

/**
 * Clicks of one link per bucket (buckets newest first, as `bucketsEndingAt` returns them).
 */
export function linkSeries(link: LinkRecord, buckets: readonly Bucket[], unit: TimeUnit): number[] {
  const out = buckets.map(() => 0);
  const newest = buckets[0];
  const oldest = buckets[buckets.length - 1];
  if (!newest || !oldest || link.dailyRate <= 0) return out;
  const firstDay = Math.max(Math.floor(oldest.start / DAY_MS), Math.floor(link.createdMs / DAY_MS));
  const lastDay = Math.floor((newest.end - 1) / DAY_MS);

  if (unit === 'day' || unit === 'week' || unit === 'month') {
    let bi = buckets.length - 1;
    for (let day = firstDay; day <= lastDay; day++) {
      const t = day * DAY_MS;
      while (bi >= 0 && t >= (buckets[bi] as Bucket).end) bi--;
      if (bi < 0) break;
      out[bi] = (out[bi] ?? 0) + dayClicks(link, day);
    }
    return out;
  }

  const step = unit === 'hour' ? HOUR_MS : MINUTE_MS;
  const add = (t: number, clicks: number) => {
    if (clicks === 0 || t < oldest.start || t >= newest.end) return;
    const index = (newest.start - t) / step;
    out[index] = (out[index] ?? 0) + clicks;
  };
  for (let day = firstDay; day <= lastDay; day++) {
    const hours = hoursOfDay(link, day);
    hours.forEach((clicks, h) => {
      const hourStart = day * DAY_MS + h * HOUR_MS;
      if (unit === 'hour') return add(hourStart, clicks);
      if (hourStart + HOUR_MS <= oldest.start || hourStart >= newest.end) return;
      minutesOfHour(link, hourStart / HOUR_MS, clicks).forEach((c, m) => add(hourStart + m * MINUTE_MS, c));
    });
  }
  return out;
}

/** Total clicks of a link over the buckets. */
export function linkTotal(link: LinkRecord, buckets: readonly Bucket[], unit: TimeUnit): number {
  return linkSeries(link, buckets, unit).reduce((a, b) => a + b, 0);
}

/** Clicks of several links added per bucket. */
export function combinedSeries(links: readonly LinkRecord[], buckets: readonly Bucket[], unit: TimeUnit): number[] {
  const out = buckets.map(() => 0);
  for (const link of links) {
    linkSeries(link, buckets, unit).forEach((c, i) => (out[i] = (out[i] ?? 0) + c));
  }
  return out;
}
