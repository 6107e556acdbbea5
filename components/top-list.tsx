/** A facet's top rows (countries, referrers…) with a share bar under each; the rest is left out. */
import { formatCompactCount, formatCount } from '@/utils/format/numbers';
import { secondsUntil } from '@/utils/format/relative-age';
import { t } from '@/utils/i18n';
import type { ClickMetrics } from '@/utils/bitly/schemas';
import type { FacetReply } from '@/utils/messaging/protocol';
import './stats-views.css';

export interface TopRow {
  key: string;
  label: string;
  /** Decorative prefix, e.g. a flag. */
  icon?: string;
  clicks: number;
}

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
  if (!reply) {
    return (
      <div aria-hidden="true">
        {[70, 55, 40].map((width) => (
          <span key={width} class="skeleton row" style={{ width: `${width}%` }} />
        ))}
      </div>
    );
  }
  switch (reply.state) {
    case 'data': {
      const metrics = [...reply.data.metrics].sort((a, b) => b.clicks - a.clicks);
      const total = metrics.reduce((sum, m) => sum + m.clicks, 0);
      if (total === 0) return <p class="empty">{t('cardNoClicksYet')}</p>;
      return (
        <ol>
          {metrics.slice(0, rows).map((m) => {
            const row = toRow(m.value, m.clicks);
            return (
              <li key={row.key}>
                <span class="share" style={{ width: `${Math.max(2, (m.clicks / total) * 100)}%` }} aria-hidden="true" />
                {row.icon !== undefined && (
                  <span class="flag" aria-hidden="true">
                    {row.icon}
                  </span>
                )}
                <span class="name" title={row.label}>
                  {row.label}
                </span>
                <span class="count" title={formatCount(m.clicks, locale)}>
                  {formatCompactCount(m.clicks, locale)}
                  <span class="visually-hidden"> {t('cardClicksWord')}</span>
                </span>
              </li>
            );
          })}
        </ol>
      );
    }
    case 'upgrade-required':
      return <p class="note">{t('cardUpgradeRequired')}</p>;
    case 'rate-limited':
      return <p class="note">{t('cardFacetRateLimited', String(secondsUntil(reply.retryAt, now)))}</p>;
    default:
      return (
        <p class="note">
          {t('cardFacetFailed')} ·{' '}
          <button type="button" class="link-button" onClick={onRetry}>
            {t('cardRetry')}
          </button>
        </p>
      );
  }
}
