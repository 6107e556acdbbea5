/**
 * Clicks over time: bars drawn by Chart.js once it has loaded (or first by a surface's own quick
 * sketch, components/bar-sketch.ts), and a table for screen readers.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimeUnit } from '@/utils/bitly/schemas';
import { formatBucket } from '@/utils/format/bucket-dates';
import { formatCount } from '@/utils/format/numbers';
import { t, type MessageKey } from '@/utils/i18n';
import './stats-views.css';

export interface ClickPoint {
  /** Start of the bucket. */
  ms: number;
  clicks: number;
}

/** The hover card's chart size; other surfaces pass their own. */
export const CHART_WIDTH = 330;
export const CHART_HEIGHT = 58;

const PER_UNIT: Record<TimeUnit, MessageKey> = {
  minute: 'cardChartPerHour',
  hour: 'cardChartPerHour',
  day: 'cardChartPerDay',
  week: 'cardChartPerWeek',
  month: 'cardChartPerMonth',
};

export interface ClicksChartProps {
  points: ClickPoint[];
  unit: TimeUnit;
  locale: string;
  width?: number;
  height?: number;
  /** Called once the bars are drawn (a surface marks its first paint of numbers). */
  onDrawn?(): void;
  /**
   * Draws the bars at once, without Chart.js, in the frame that shows the numbers (bar-sketch.ts),
   * and settles when Chart.js may take the canvas over. Passed by a surface that must paint at once.
   */
  sketch?(canvas: HTMLCanvasElement, values: number[], width: number, height: number): Promise<void>;
  /** The table shows beside the chart (the report), not for screen readers only. */
  tableVisible?: boolean;
}

export function ClicksChart({ points, unit, locale, width = CHART_WIDTH, height = CHART_HEIGHT, onDrawn, tableVisible, sketch }: ClicksChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  /** 'sketch': the quick bars show; true: Chart.js drew them. */
  const [drawn, setDrawn] = useState<boolean | 'sketch'>(false);
  const labels = points.map((p) => formatBucket(p.ms, unit, locale));

  // A layout effect: a sketch is drawn before the frame that shows the numbers, not one frame later.
  useLayoutEffect(() => {
    let chart: { destroy(): void } | undefined;
    let gone = false;
    const values = points.map((p) => p.clicks);
    const sketched = sketch?.(canvas.current!, values, width, height);
    if (sketched) {
      setDrawn('sketch');
      onDrawn?.();
    }
    void Promise.resolve(sketched)
      .then(() => import('./bar-chart'))
      .then(({ drawBarChart }) => {
        if (gone || !canvas.current) return;
        chart = drawBarChart(canvas.current, { labels, values, describe: (value) => t('cardChartTooltip', formatCount(value, locale)) });
        setDrawn(true);
        if (!sketched) onDrawn?.();
      });
    return () => {
      gone = true;
      chart?.destroy();
    };
    // `labels` follows from points, unit and locale.
  }, [points, unit, locale]);

  const table = (
    <table class={tableVisible ? 'facet-table clicks-table' : 'visually-hidden'} data-testid="clicks-table">
      <caption>{t(PER_UNIT[unit])}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cardChartPeriod')}</th>
          <th scope="col" class="num">
            {t('cardClicksWord')}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p, i) => (
          <tr key={p.ms}>
            <th scope="row">{labels[i]}</th>
            <td class="num">{formatCount(p.clicks, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const chart = (
    <div class="chart" style={{ height: `${height}px` }} data-testid="clicks-chart" data-drawn={String(drawn)}>
      <canvas ref={canvas} width={width} height={height} style={{ width: `${width}px`, height: `${height}px` }} aria-hidden="true" />
      {!drawn && <div class="baseline" />}
      {!tableVisible && table}
    </div>
  );
  if (!tableVisible) return chart;
  return (
    <div class="clicks-with-table">
      {chart}
      {/* Scrolls when long: focusable so the keyboard can scroll it. */}
      <div class="facet-table-wrap" tabIndex={0} role="region" aria-label={t(PER_UNIT[unit])}>
        {table}
      </div>
    </div>
  );
}
