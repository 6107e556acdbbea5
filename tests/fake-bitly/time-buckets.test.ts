import { describe, expect, it } from 'vitest';
import { allocate } from './prng';
import { bucketsEndingAt, bucketsForHistory, formatBitlyDate, parseUnitReference } from './time-buckets';

describe('parseUnitReference', () => {
  it.each([
    ['2026-10-15T12:00:00+0000', '2026-10-15T12:00:00+0000'],
    ['2026-10-15T12:00:00-0700', '2026-10-15T19:00:00+0000'],
    ['2026-10-15T12:00:00+02:00', '2026-10-15T10:00:00+0000'],
    ['2026-10-15T12:00:00Z', '2026-10-15T12:00:00+0000'],
    ['2026-10-15T12:00:00.250Z', '2026-10-15T12:00:00+0000'],
    ['2026-10-15', '2026-10-15T00:00:00+0000'],
  ])('%s → %s', (text, expected) => {
    expect(formatBitlyDate(parseUnitReference(text) ?? Number.NaN)).toBe(expected);
  });

  it.each(['2026-10-15T12:00:00 0000', 'yesterday', '2026-02-30T00:00:00Z', '2026-13-01', ''])('rejects %j', (text) => {
    expect(parseUnitReference(text)).toBeNull();
  });
});

describe('buckets', () => {
  const ref = Date.UTC(2026, 9, 15, 12, 34, 56); // a Thursday

  it.each([
    ['minute', '2026-10-15T12:34:00+0000', '2026-10-15T12:33:00+0000'],
    ['hour', '2026-10-15T12:00:00+0000', '2026-10-15T11:00:00+0000'],
    ['day', '2026-10-15T00:00:00+0000', '2026-10-14T00:00:00+0000'],
    ['week', '2026-10-12T00:00:00+0000', '2026-10-05T00:00:00+0000'],
    ['month', '2026-10-01T00:00:00+0000', '2026-09-01T00:00:00+0000'],
  ] as const)('%s buckets are aligned and newest first', (unit, first, second) => {
    const buckets = bucketsEndingAt(ref, unit, 2);
    expect(buckets.map((b) => formatBitlyDate(b.start))).toEqual([first, second]);
    expect(buckets[1]!.end).toBe(buckets[0]!.start);
  });

  it('sizes units=-1 by the plan history', () => {
    expect([bucketsForHistory('day', 30), bucketsForHistory('week', 30), bucketsForHistory('month', 30), bucketsForHistory('hour', 30)]).toEqual([30, 5, 1, 720]);
    expect([bucketsForHistory('day', 365), bucketsForHistory('month', 365), bucketsForHistory('minute', 365)]).toEqual([365, 12, 1440]);
  });
});

describe('allocate', () => {
  it.each([
    [10, [1, 1, 1]],
    [1, [0.2, 0.5, 0.3]],
    [997, [5, 0.01, 3, 0, 2]],
    [0, [1, 2]],
  ])('splits %i exactly', (total, weights) => {
    const parts = allocate(total, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    parts.forEach((p, i) => {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(Math.abs(p - (total * weights[i]!) / weights.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(1);
    });
  });
});
