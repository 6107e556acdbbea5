import { describe, expect, it } from 'vitest';
import { countryShares } from './country-shares';

describe("the countries facet for the map and its table", () => {
  it('ranks countries with names and flags, sums repeats, and keeps unplaced clicks as one row at the end', () => {
    const { ranked, byCode, unknown } = countryShares(
      [
        { value: 'US', clicks: 10 },
        { value: 'Unknown', clicks: 3 },
        { value: 'de', clicks: 5 },
        { value: 'DE', clicks: 15 },
        { value: '', clicks: 2 },
        { value: 'XK', clicks: 5 },
      ],
      'en',
      'Location unknown',
    );
    expect(unknown).toBe(5);
    expect([...byCode]).toEqual([['US', 10], ['DE', 20], ['XK', 5]]);
    expect(ranked.total).toBe(40);
    expect(ranked.rows).toEqual([
      { key: 'DE', label: 'Germany', icon: '🇩🇪', clicks: 20, share: 0.5 },
      { key: 'US', label: 'United States', icon: '🇺🇸', clicks: 10, share: 0.25 },
      { key: 'XK', label: 'Kosovo', icon: '🇽🇰', clicks: 5, share: 0.125 },
      { key: 'unknown', label: 'Location unknown', clicks: 5, share: 0.125, apart: true },
    ]);
  });

  it.each([
    ['de', 'Deutschland'],
    ['en', 'Germany'],
  ])('names countries in %s', (locale, name) => {
    expect(countryShares([{ value: 'DE', clicks: 1 }], locale, '?').ranked.rows[0]!.label).toBe(name);
  });

  it('has no unknown row when Bitly placed every click, and no rows without clicks', () => {
    expect(countryShares([{ value: 'FR', clicks: 2 }], 'en', '?').ranked.rows.map((r) => r.key)).toEqual(['FR']);
    expect(countryShares([], 'en', '?')).toEqual({ ranked: { rows: [], total: 0 }, byCode: new Map(), unknown: 0 });
  });

  it('puts everything in the unknown row when Bitly placed nothing', () => {
    const { ranked } = countryShares([{ value: 'None', clicks: 4 }], 'en', 'Location unknown');
    expect(ranked).toEqual({ rows: [{ key: 'unknown', label: 'Location unknown', clicks: 4, share: 1, apart: true }], total: 4 });
  });
});
