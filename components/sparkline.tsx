/**
 * A mini chart of clicks over time for a list row: plain SVG bars (no Chart.js, so a list of
 * rows paints at once), with its text equivalent as the image's label.
 */
import type { TimeUnit } from '@/utils/bitly/schemas';
import { formatBucket } from '@/utils/format/bucket-dates';
import { formatCount } from '@/utils/format/numbers';
import { t, type MessageKey } from '@/utils/i18n';
import type { ClickPoint } from './clicks-chart';

const PER_UNIT: Record<TimeUnit, MessageKey> = {
  minute: 'cardChartPerHour',
  hour: 'cardChartPerHour',
  day: 'cardChartPerDay',
  week: 'cardChartPerWeek',
  month: 'cardChartPerMonth',
};

/** "Clicks per day: at most 42 (Sat, Oct 3), latest 5" — what the bars show, in words. */
export function sparklineText(points: readonly ClickPoint[], unit: TimeUnit, locale: string): string {
  const latest = points.at(-1);
  if (!latest) return t('cardNoClicksYet');
  const peak = points.reduce((best, p) => (p.clicks > best.clicks ? p : best), latest);
  return t('sparklineSummary', [t(PER_UNIT[unit]), formatCount(peak.clicks, locale), formatBucket(peak.ms, unit, locale), formatCount(latest.clicks, locale)]);
}

interface Props {
  points: readonly ClickPoint[];
  unit: TimeUnit;
  locale: string;
  width?: number;
  height?: number;
}

export function Sparkline({ points, unit, locale, width = 72, height = 22 }: Props) {
  const max = Math.max(1, ...points.map((p) => p.clicks));
  const step = points.length > 0 ? width / points.length : width;
  const bar = Math.max(0.5, step * 0.8);
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={sparklineText(points, unit, locale)} data-testid="sparkline">
      <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} class="sparkline-base" />
      {points.map((p, i) => {
        const h = p.clicks === 0 ? 0 : Math.max(1, (p.clicks / max) * (height - 1));
        return <rect key={p.ms} x={i * step} y={height - h} width={bar} height={h} rx={Math.min(1, bar / 2)} />;
      })}
    </svg>
  );
}
