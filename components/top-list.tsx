/** A facet's top rows (countries, referrers, cities…) with a share bar under each; the rest is left out. */
import type { ComponentChildren } from 'preact';
import { formatCompactCount, formatCount } from '@/utils/format/numbers';
import { secondsUntil } from '@/utils/format/relative-age';
import { t } from '@/utils/i18n';
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

function Note({ children }: { children: ComponentChildren }) {
  return <p class="note">{children}</p>;
}

function TopBody<M extends { clicks: number }>({ reply, rows = TOP_ROWS, toRow, locale, now, onRetry, upgradeText }: Omit<Props<M>, 'id' | 'title'>) {
  if (!reply) {
    return (
      <div aria-hidden="true">
        {[70, 55, 40].slice(0, Math.max(1, Math.min(rows, 3))).map((width) => (
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
            const row = toRow(m);
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
      return <Note>{upgradeText ?? t('cardUpgradeRequired')}</Note>;
    case 'rate-limited':
      return <Note>{t('cardFacetRateLimited', String(secondsUntil(reply.retryAt, now)))}</Note>;
    default:
      return (
        <Note>
          {t('cardFacetFailed')} ·{' '}
          <button type="button" class="link-button" onClick={onRetry}>
            {t('cardRetry')}
          </button>
        </Note>
      );
  }
}
