import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { bucketsEndingAt, parseUnitReference } from '../../tests/fake-bitly/time-buckets';
import { createBitlyClient, type MetricsQuery } from '../bitly/client';
import { createTransport } from '../bitly/transport';
import en from '../../public/_locales/en/messages.json';
import { requestSchemas } from '../messaging/protocol';
import { unitsFor } from '../settings/settings';
import {
  MAX_HOUR_UNITS,
  autoUnit,
  customWindow,
  formatUnitReference,
  isoDateOf,
  parseIsoDate,
  presetWindow,
  todayUtc,
  windowSpan,
  type RangeUnit,
} from './date-range';
import { CUSTOM_RANGE_PROBLEM_MESSAGES, CUSTOM_RANGE_ZONE_NOTE } from './date-range-messages';

/** Wednesday 14 October 2026, 15:30:20 UTC. */
const NOW = Date.UTC(2026, 9, 14, 15, 30, 20);

describe('preset ranges (the pickers)', () => {
  it.each([
    ['7d', 'day', 7],
    ['30d', 'day', 30],
    ['90d', 'week', 13],
    ['30d', 'month', 1],
    ['7d', 'hour', 168],
    ['all', 'day', -1],
  ] as const)('%s by %s asks for %d units, as the settings do', (range, unit, units) => {
    expect(presetWindow(range, unit)).toEqual({ unit, units });
    expect(units).toBe(unitsFor(range, unit));
  });
});

describe('dates', () => {
  it.each([
    ['2026-10-14', Date.UTC(2026, 9, 14)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['2025-02-29', null],
    ['2026-13-01', null],
    ['2026-1-01', null],
    ['14.10.2026', null],
    ['', null],
    ['2026-10-14T00:00:00Z', null],
  ])('parseIsoDate(%j)', (text, ms) => {
    expect(parseIsoDate(text)).toBe(ms);
  });

  it('reads today and moments in UTC, whatever the local zone', () => {
    expect(todayUtc(Date.UTC(2026, 9, 14, 23, 59, 59))).toBe('2026-10-14');
    expect(todayUtc(Date.UTC(2026, 9, 15, 0, 0, 0))).toBe('2026-10-15');
    expect(isoDateOf(Date.UTC(999, 0, 2))).toBe('0999-01-02');
    expect(formatUnitReference(NOW)).toBe('2026-10-14T15:30:20+0000');
  });

  it.each([
    [1, 'hour'],
    [3, 'hour'],
    [4, 'day'],
    [92, 'day'],
    [93, 'week'],
    [731, 'week'],
    [732, 'month'],
  ] as const)('a %d-day range reads best by %s', (days, unit) => {
    expect(autoUnit(days)).toBe(unit);
  });
});

describe('custom ranges', () => {
  it.each([
    // from, to, unit, expected units, unit_reference (undefined: ends now)
    ['2026-10-01', '2026-10-10', 'day', 10, '2026-10-10T23:59:59+0000'],
    ['2026-10-10', '2026-10-10', 'day', 1, '2026-10-10T23:59:59+0000'],
    ['2026-10-10', '2026-10-10', 'hour', 24, '2026-10-10T23:59:59+0000'],
    ['2026-10-09', '2026-10-10', 'hour', 48, '2026-10-10T23:59:59+0000'],
    // Monday 5 Oct to Sunday 11 Oct is one week; Sunday 4 Oct to Monday 12 Oct touches three.
    ['2026-10-05', '2026-10-11', 'week', 1, '2026-10-11T23:59:59+0000'],
    ['2026-10-04', '2026-10-12', 'week', 3, '2026-10-12T23:59:59+0000'],
    ['2026-01-31', '2026-03-01', 'month', 3, '2026-03-01T23:59:59+0000'],
    ['2025-12-15', '2026-01-15', 'month', 2, '2026-01-15T23:59:59+0000'],
    // Ending today: up to now, no reference; today's hours so far (15:xx is the 16th).
    ['2026-10-01', '2026-10-14', 'day', 14, undefined],
    ['2026-10-14', '2026-10-14', 'hour', 16, undefined],
    ['2026-10-13', '2026-10-14', 'hour', 40, undefined],
  ] as const)('%s to %s by %s: %d units ending %s', (from, to, unit, units, unitReference) => {
    const window = customWindow({ from, to }, NOW, unit);
    expect(window).toEqual({
      ok: true,
      query: unitReference === undefined ? { unit, units } : { unit, units, unitReference },
      from,
      to,
      endsToday: unitReference === undefined,
    });
  });

  it('picks a unit for the span when none is given', () => {
    expect(customWindow({ from: '2026-10-12', to: '2026-10-13' }, NOW)).toMatchObject({ query: { unit: 'hour', units: 48 } });
    expect(customWindow({ from: '2026-09-01', to: '2026-09-30' }, NOW)).toMatchObject({ query: { unit: 'day', units: 30 } });
    expect(customWindow({ from: '2025-10-14', to: '2026-10-14' }, NOW)).toMatchObject({ query: { unit: 'week' } });
    expect(customWindow({ from: '2020-01-01', to: '2026-10-14' }, NOW)).toMatchObject({ query: { unit: 'month', units: 82 } });
  });

  it('clamps an end in the future to now', () => {
    expect(customWindow({ from: '2026-10-10', to: '2027-01-01' }, NOW, 'day')).toEqual({
      ok: true,
      query: { unit: 'day', units: 5 },
      from: '2026-10-10',
      to: '2026-10-14',
      endsToday: true,
    });
  });

  it.each([
    [{ from: '2026-10-10', to: '2026-10-01' }, undefined, 'from-after-to'],
    [{ from: '2026-10-15', to: '2026-10-20' }, undefined, 'in-future'],
    [{ from: '2026-02-30', to: '2026-03-01' }, undefined, 'invalid-date'],
    [{ from: '', to: '2026-03-01' }, undefined, 'invalid-date'],
    [{ from: '2007-12-31', to: '2026-03-01' }, undefined, 'invalid-date'],
    [{ from: '2026-07-01', to: '2026-10-01' }, 'hour', 'too-many-hours'],
  ] as const)('refuses %j by %s: %s', (range, unit, problem) => {
    expect(customWindow(range, NOW, unit)).toEqual({ ok: false, problem });
  });

  it('a picker has words for every refused range and for the time zone', () => {
    for (const key of [...Object.values(CUSTOM_RANGE_PROBLEM_MESSAGES), CUSTOM_RANGE_ZONE_NOTE]) {
      expect((en as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
    }
  });

  it(`allows hours up to ${MAX_HOUR_UNITS} (90 days)`, () => {
    expect(customWindow({ from: '2026-07-14', to: '2026-10-11' }, NOW, 'hour')).toMatchObject({ ok: true, query: { units: MAX_HOUR_UNITS } });
    expect(customWindow({ from: '2026-07-13', to: '2026-10-11' }, NOW, 'hour')).toEqual({ ok: false, problem: 'too-many-hours' });
  });

  it.each([
    ['2026-10-01', '2026-10-10', 'day'],
    ['2026-10-09', '2026-10-10', 'hour'],
    ['2026-10-05', '2026-10-11', 'week'],
    ['2026-08-01', '2026-09-30', 'month'],
  ] as const)('%s to %s by %s asks the stand-in for exactly those days', (from, to, unit: RangeUnit) => {
    const window = customWindow({ from, to }, NOW, unit);
    if (!window.ok || window.query.unitReference === undefined) throw new Error('expected a window with a reference');
    const reference = parseUnitReference(window.query.unitReference);
    expect(reference).not.toBeNull();
    const buckets = bucketsEndingAt(reference!, unit, window.query.units);
    expect(isoDateOf(buckets.at(-1)!.start)).toBe(from);
    expect(isoDateOf(buckets[0]!.end - 1)).toBe(to);
  });
});

describe('unit_reference is what the client and the protocol accept', () => {
  const window = customWindow({ from: '2026-10-01', to: '2026-10-10' }, NOW, 'day');
  const query = (window.ok ? window.query : undefined) as MetricsQuery;

  it('the client sends it URL-encoded, as the spec asks', async () => {
    const urls: string[] = [];
    const client = createBitlyClient(
      createTransport({
        baseUrl: 'https://api.example',
        token: 'tok_0123456789abcdef',
        fetch: async (input) => {
          urls.push(String(input));
          return new Response(JSON.stringify({ link_clicks: [], unit: 'day', units: 10 }), { status: 200 });
        },
      }),
    );
    await client.getClicks('bit.ly/AbC', query);
    expect(urls).toEqual(['https://api.example/v4/bitlinks/bit.ly/AbC/clicks?unit=day&units=10&unit_reference=2026-10-10T23%3A59%3A59%2B0000']);
  });

  it('the message protocol lets a page ask for it', () => {
    const request = { link: 'bit.ly/AbC', facet: 'clicks', unit: query.unit, units: query.units, unitReference: query.unitReference };
    expect(v.safeParse(requestSchemas.getLinkFacet, request).success).toBe(true);
  });
});

describe('what a window covers', () => {
  it.each([
    [{ unit: 'day', units: 30 }, '2026-09-15', '2026-10-14'],
    [{ unit: 'day', units: 1 }, '2026-10-14', '2026-10-14'],
    [{ unit: 'hour', units: 48 }, '2026-10-12', '2026-10-14'],
    [{ unit: 'week', units: 2 }, '2026-10-05', '2026-10-14'],
    [{ unit: 'month', units: 3 }, '2026-08-01', '2026-10-14'],
    [{ unit: 'day', units: 10, unitReference: '2026-10-10T23:59:59+0000' }, '2026-10-01', '2026-10-10'],
    [{ unit: 'day', units: -1 }, null, '2026-10-14'],
  ] as const)('%j covers %s to %s', (query, from, to) => {
    expect(windowSpan(query, NOW)).toEqual({ from, to });
  });

  it('a custom window covers the days it was made of', () => {
    const window = customWindow({ from: '2026-10-01', to: '2026-10-10' }, NOW, 'day');
    expect(window.ok && windowSpan(window.query, NOW)).toEqual({ from: '2026-10-01', to: '2026-10-10' });
  });
});
