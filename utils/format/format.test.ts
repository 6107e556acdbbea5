import { describe, expect, it } from 'vitest';
import { formatBucket, formatDate, parseBitlyDate } from './bucket-dates';
import { countryName, flagEmoji } from './countries';
import { formatCompactCount, formatCount } from './numbers';
import { relativeAge, secondsUntil } from './relative-age';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('numbers', () => {
  it.each([
    [0, 'en', '0'],
    [12345, 'en', '12,345'],
    [12345, 'de', '12.345'],
    [1234567, 'en', '1,234,567'],
  ])('formatCount(%d, %s) = %s', (n, locale, text) => {
    expect(formatCount(n, locale)).toBe(text);
  });

  it.each([
    [999, 'en', '999'],
    [9999, 'en', '9,999'],
    [12345, 'en', '12.3K'],
    [1_250_000, 'en', '1.3M'],
    [9999, 'de', '9.999'],
    [1_250_000, 'de', '1,3\u00a0Mio.'],
  ])('formatCompactCount(%d, %s) = %s', (n, locale, text) => {
    expect(formatCompactCount(n, locale)).toBe(text);
  });
});

describe('relative age', () => {
  it.each([
    [0, 'en', null],
    [59_999, 'en', null],
    [-5 * MIN, 'en', null],
    [Number.NaN, 'en', null],
    [MIN, 'en', '1 minute ago'],
    [3 * MIN + 59_000, 'en', '3 minutes ago'],
    [59 * MIN, 'en', '59 minutes ago'],
    [2 * HOUR + 5 * MIN, 'en', '2 hours ago'],
    [26 * HOUR, 'en', '1 day ago'],
    [45 * DAY, 'en', '1 month ago'],
    [800 * DAY, 'en', '2 years ago'],
    [3 * MIN, 'de', 'vor 3 Minuten'],
    [2 * HOUR, 'de', 'vor 2 Stunden'],
  ])('relativeAge(%d, %s) = %s', (age, locale, text) => {
    expect(relativeAge(age, locale)).toBe(text);
  });

  it.each([
    [10_000, 0, 10],
    [10_000, 9_001, 1],
    [10_000, 9_999, 1],
    [10_000, 10_000, 0],
    [10_000, 20_000, 0],
  ])('secondsUntil(%d, now %d) = %d', (at, now, s) => {
    expect(secondsUntil(at, now)).toBe(s);
  });
});

describe('countries', () => {
  it.each([
    ['DE', '🇩🇪'],
    ['us', '🇺🇸'],
    ['GB', '🇬🇧'],
    ['', ''],
    ['Unknown', ''],
    ['D1', ''],
    ['DEU', ''],
  ])('flagEmoji(%j) = %s', (code, flag) => {
    expect(flagEmoji(code)).toBe(flag);
  });

  it.each([
    ['DE', 'en', 'Germany'],
    ['DE', 'de', 'Deutschland'],
    ['US', 'en', 'United States'],
    ['gb', 'en', 'United Kingdom'],
    ['Unknown', 'en', 'Unknown'],
    ['', 'en', ''],
  ])('countryName(%j, %s) = %s', (code, locale, name) => {
    expect(countryName(code, locale)).toBe(name);
  });
});

describe('bucket dates', () => {
  it('reads Bitly dates with and without a colon in the offset', () => {
    expect(parseBitlyDate('2026-10-03T00:00:00+0000')).toBe(Date.UTC(2026, 9, 3));
    expect(parseBitlyDate('2026-10-03T02:00:00+0200')).toBe(Date.UTC(2026, 9, 3));
    expect(parseBitlyDate('2026-10-03T00:00:00Z')).toBe(Date.UTC(2026, 9, 3));
    expect(parseBitlyDate('2026-10-03T00:00:00-05:30')).toBe(Date.UTC(2026, 9, 3, 5, 30));
    expect(parseBitlyDate('yesterday')).toBeNaN();
  });

  it.each([
    ['day', 'en', 'Sat, Oct 3'],
    ['day', 'de', 'Sa., 3. Okt.'],
    ['week', 'en', 'Oct 3, 2026'],
    ['month', 'en', 'October 2026'],
    ['month', 'de', 'Oktober 2026'],
  ] as const)('formatBucket(%s, %s)', (unit, locale, text) => {
    expect(formatBucket(Date.UTC(2026, 9, 3), unit, locale)).toBe(text);
  });

  it('names hours with the time of day, and dates of moments', () => {
    expect(formatBucket(Date.UTC(2026, 9, 3, 14), 'hour', 'en')).toMatch(/Oct \d+, \d+:00\s?(AM|PM)/);
    expect(formatDate(Date.UTC(2025, 2, 12, 12), 'en')).toBe('Mar 12, 2025');
    expect(formatDate(Date.UTC(2025, 2, 12, 12), 'de')).toBe('12. März 2025');
  });
});
