/**
 * A countries facet (link or group) as the world map and its table need it: clicks by alpha-2
 * code, ranked rows with names and flags, and the clicks Bitly could not place, kept as one row
 * set apart at the end. Shares are of all clicks, the unplaced ones included.
 */
import type { ClickMetrics } from '../bitly/schemas';
import { countryName, flagEmoji } from '../format/countries';
import { rankRows, type Ranked } from '../stats/ranked-rows';
import { countryKey } from './country-codes';

export const UNKNOWN_COUNTRY_KEY = 'unknown';

export interface CountryShares {
  ranked: Ranked;
  /** Clicks per country (`DE` → 12), the map's values. */
  byCode: ReadonlyMap<string, number>;
  /** Clicks Bitly could not place. */
  unknown: number;
}

export function countryShares(metrics: ClickMetrics['metrics'], locale: string, unknownLabel: string): CountryShares {
  const byCode = new Map<string, number>();
  let unknown = 0;
  for (const { value, clicks } of metrics) {
    const code = countryKey(value);
    if (code === null) unknown += clicks;
    else byCode.set(code, (byCode.get(code) ?? 0) + clicks);
  }
  const total = unknown + [...byCode.values()].reduce((sum, clicks) => sum + clicks, 0);
  const placed = [...byCode].map(([code, clicks]) => ({ key: code, label: countryName(code, locale), icon: flagEmoji(code), clicks }));
  const ranked = rankRows(placed, total);
  if (unknown > 0) ranked.rows.push({ key: UNKNOWN_COUNTRY_KEY, label: unknownLabel, clicks: unknown, share: total > 0 ? unknown / total : 0, apart: true });
  return { ranked, byCode, unknown };
}
