/** Bodies shared by link and group metrics: ClickMetrics and CityMetrics. */
import { type CityTally, type Tally, sortedRows } from '../click-facets';
import type { MetricsWindow } from './metrics-query';

export interface WindowEcho {
  unit: string;
  units: number;
  unit_reference: string;
}

export const echo = (w: MetricsWindow | WindowEcho): WindowEcho => ({ unit: w.unit, units: w.units, unit_reference: w.unit_reference });

/** `ClickMetrics`: rows {clicks, value}, biggest first, at most `size`. */
export function clickMetricsBody(w: MetricsWindow | WindowEcho, facet: string, tally: Tally, size: number) {
  return {
    ...echo(w),
    facet,
    metrics: sortedRows(tally)
      .slice(0, size)
      .map(([value, clicks]) => ({ clicks, value })),
  };
}

/** `CityMetrics`: the top `size` cities; the rest are counted in other_metrics. */
export function cityMetricsBody(w: MetricsWindow, tally: CityTally, size: number) {
  const rows = [...tally.cities.values()].sort((a, b) => b.clicks - a.clicks || (a.info.city < b.info.city ? -1 : 1));
  const shown = rows.slice(0, size);
  const other = rows.slice(size).reduce((sum, r) => sum + r.clicks, 0);
  return {
    ...echo(w),
    facet: 'cities',
    metrics: shown.map((r) => ({ clicks: r.clicks, city: r.info.city, subregion: r.info.subregion, region: r.info.region, country: r.country })),
    other_metrics: { other_city_clicks: other, no_city_clicks: tally.noCity },
  };
}
