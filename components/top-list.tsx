/** A facet's top rows (countries, referrers…) with a share bar under each; the rest is left out. */
import { formatCompactCount, formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { ClickMetrics } from '@/utils/bitly/schemas';
import type { FacetReply } from '@/utils/messaging/protocol';
import { rankRows, type TopRow } from '@/utils/stats/ranked-rows';
import { FacetNote, FacetSkeleton } from './facet-state';
import './stats-views.css';

export type { TopRow } from '@/utils/stats/ranked-rows';

/** Rows shown unless a surface asks for more. */
export const TOP_ROWS = 3;

interface Props {
  id: string;
  title: string;
  reply: FacetReply<ClickMetrics> | undefined;
  /** How many rows to show (default TOP_ROWS). */
  rows?: number;
  /** Turns the facet's `{value, clicks}` rows into labelled rows. */
  toRow(value: string, clicks: number): TopRow;
  locale: string;
  now: number;
  onRetry(): void;
}

export function TopList({ id, title, reply, rows = TOP_ROWS, toRow, locale, now, onRetry }: Props) {
  const headingId = `${id}-heading`;
  return (
    <section class="top" aria-labelledby={headingId} data-testid={id}>
      <h2 id={headingId}>{title}</h2>
      <TopBody reply={reply} rows={rows} toRow={toRow} locale={locale} now={now} onRetry={onRetry} />
    </section>
  );
}

function TopBody({ reply, rows, toRow, locale, now, onRetry }: Omit<Props, 'id' | 'title' | 'rows'> & { rows: number }) {
  if (!reply) return <FacetSkeleton />;
  if (reply.state !== 'data') return <FacetNote reply={reply} now={now} onRetry={onRetry} />;
  const ranked = rankRows(reply.data.metrics.map((m) => toRow(m.value, m.clicks)));
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
