/**
 * Clicks over time with their total for the range (PRODUCT.md §2: the sum of the series is the
 * total): the big number, the range in words, and the chart with its table.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Clicks, GroupClicks, TimeUnit } from '@/utils/bitly/schemas';
import { parseBitlyDate } from '@/utils/format/bucket-dates';
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings/settings-schema';
import { ClicksChart, type ClickPoint, type ClicksChartProps } from './clicks-chart';
import './stats-views.css';

/** A series as the views use it: points oldest first, and the total of every bucket. */
export interface ClickSeries {
  points: ClickPoint[];
  total: number;
  unit: TimeUnit;
}

/** The sum of a clicks series: the total for its range (PRODUCT.md §2). */
export function totalClicks(data: { link_clicks: Array<{ clicks: number }> }): number {
  return data.link_clicks.reduce((sum, bucket) => sum + bucket.clicks, 0);
}

/** Buckets oldest first (Bitly lists newest first), without buckets that cannot be dated. */
function ordered(buckets: Array<{ date: string; clicks: number }>): ClickPoint[] {
  return buckets
    .map((bucket) => ({ ms: parseBitlyDate(bucket.date), clicks: bucket.clicks }))
    .filter((p) => Number.isFinite(p.ms))
    .sort((a, b) => a.ms - b.ms);
}

/** A link's series (`GET /v4/bitlinks/{bitlink}/clicks`), oldest first. */
export function clickPoints(data: { link_clicks: Array<{ clicks: number; date: string }> }): ClickPoint[] {
  return ordered(data.link_clicks);
}

export function linkSeries(data: Clicks): ClickSeries {
  return { points: clickPoints(data), total: totalClicks(data), unit: data.unit };
}

/** A group's series (`GET /v4/groups/{guid}/clicks`: `{ts, count}` rows), in the unit asked for. */
export function groupSeries(data: GroupClicks, unit: TimeUnit): ClickSeries {
  return {
    points: ordered(data.data.map((row) => ({ date: row.ts, clicks: row.count }))),
    total: data.data.reduce((sum, row) => sum + row.count, 0),
    unit,
  };
}

/** "clicks in the last 30 days", for the total's range. */
export function rangeWords(range: Settings['range'], total: number): string {
  const one = total === 1;
  if (range === 'all') return t(one ? 'cardClickAllTime' : 'cardClicksAllTime');
  const days = String(Number.parseInt(range, 10));
  return t(one ? 'cardClickLastDays' : 'cardClicksLastDays', days);
}

interface Props<T> {
  reply: FacetReply<T> | undefined;
  /** The series in an answer. */
  series(data: T): ClickSeries;
  range: Settings['range'];
  locale: string;
  chartWidth?: number;
  chartHeight?: number;
  /** Said when the plan does not include these clicks (402). */
  upgradeText?: string;
  onChartDrawn?(): void;
  /** The chart's quick first drawing (see ClicksChart). */
  sketch?: ClicksChartProps['sketch'];
  /** Words after the total when the window is not a preset range (the report's custom dates). */
  rangeText?: string;
  /** The table beside the chart is visible (the report). */
  tableVisible?: boolean;
  /** Said after the total on its line (how many were QR scans). */
  afterTotal?: ComponentChildren;
}

export function ClicksOverTime<T>({ reply, series, range, locale, chartWidth, chartHeight, upgradeText, onChartDrawn, sketch, rangeText, tableVisible, afterTotal }: Props<T>) {
  const data = reply?.state === 'data' ? reply.data : null;
  // The same answer keeps the same points, so the chart is drawn once per answer, not per render.
  const shown = useMemo(() => (data === null ? null : series(data)), [data]);
  if (shown) {
    return (
      <>
        <p class="total-row">
          <span class="total" data-testid="total-clicks">
            {formatCount(shown.total, locale)}
          </span>
          <span class="total-label">{rangeText ?? rangeWords(range, shown.total)}</span>
          {afterTotal}
        </p>
        <ClicksChart points={shown.points} unit={shown.unit} locale={locale} width={chartWidth} height={chartHeight} onDrawn={onChartDrawn} tableVisible={tableVisible} sketch={sketch} />
      </>
    );
  }
  if (reply?.state === 'upgrade-required') {
    return <p class="facet-line">{upgradeText ?? t('cardClicksUpgradeRequired')}</p>;
  }
  return (
    <div aria-hidden="true">
      <span class="skeleton total" />
      <span class="skeleton chart" style={chartHeight ? { height: `${chartHeight}px` } : undefined} />
    </div>
  );
}
