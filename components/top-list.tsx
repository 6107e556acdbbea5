/** A facet's top rows (countries, referrers, cities…) with a share bar under each; the rest is left out. */
import { formatCompactCount, formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import { rankRows, type TopRow } from '@/utils/stats/ranked-rows';
import { FacetNote, FacetSkeleton } from './facet-state';
import './stats-views.css';

export type { TopRow } from '@/utils/stats/ranked-rows';

/** Rows shown unless a surface asks for more. */
export const TOP_ROWS = 3;

/** The rows of a facet's answer: `{value, clicks}` (ClickMetrics), `{city, …, clicks}`, `{device_type, clicks}`. */
type Metrics<M> = { metrics: M[] };

interface Props<M extends { clicks: number }> {
  id: string;
  title: string;
  reply: FacetReply<Metrics<M>> | undefined;
  /** How many rows to show (default TOP_ROWS). */
  rows?: number;
  /** Turns one of the facet's rows into a labelled row. */
  toRow(metric: M): TopRow;
  locale: string;
  now: number;
  onRetry(): void;
  /** Said instead of the rows when the plan does not include this facet (402). */
  upgradeText?: string;
}

export function TopList<M extends { clicks: number }>({ id, title, ...body }: Props<M>) {
  const headingId = `${id}-heading`;
  return (
    <section class="top" aria-labelledby={headingId} data-testid={id}>
      <h2 id={headingId}>{title}</h2>
      <TopBody {...body} />
    </section>
  );
}

function TopBody<M extends { clicks: number }>({ reply, rows = TOP_ROWS, toRow, locale, now, onRetry, upgradeText }: Omit<Props<M>, 'id' | 'title'>) {
  if (!reply) return <FacetSkeleton rows={rows} />;
  if (reply.state !== 'data') return <FacetNote reply={reply} now={now} onRetry={onRetry} upgradeText={upgradeText} />;
  const ranked = rankRows(reply.data.metrics.map(toRow));
  if (ranked.total === 0) return <p class="empty">{t('cardNoClicksYet')}</p>;
  return (
    <ol>
      {ranked.rows.slice(0, rows).map((row) => (
        <li key={row.key}>
          <span class="share" style={{ width: `${Math.max(2, row.share * 100)}%` }} aria-hidden="true" />
          {row.icon !== undefined && (
            <span class="flag" aria-hidden="true">
              {row.icon}
            </span>
          )}
          <span class="name" title={row.label}>
            {row.label}
          </span>
          <span class="count" title={formatCount(row.clicks, locale)}>
            {formatCompactCount(row.clicks, locale)}
            <span class="visually-hidden"> {t('cardClicksWord')}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
