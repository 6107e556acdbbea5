/**
 * A facet as an accessible table (value, clicks, share) for a full-width report: the text
 * equivalent beside every chart. Rows come ranked (utils/stats/ranked-rows.ts, as the top lists'
 * do); rows set apart (clicks Bitly could not place…) come last and look muted.
 */
import { useState } from 'preact/hooks';
import { formatCount, formatShare } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { Ranked } from '@/utils/stats/ranked-rows';
import './stats-views.css';
import './report-views.css';

interface Props {
  id: string;
  /** The table's name (its caption); hidden when a heading beside it already says it. */
  caption: string;
  captionHidden?: boolean;
  /** Header of the first column ("Country", "Referrer"…). */
  labelHeader: string;
  ranked: Ranked;
  locale: string;
  /** Rows shown before "Show all"; all when absent. */
  limit?: number;
  /** Header of the count column when it counts something else than clicks ("Links created"). */
  countHeader?: string;
}

export function FacetTable({ id, caption, captionHidden, labelHeader, ranked, locale, limit, countHeader }: Props) {
  const [expanded, setExpanded] = useState(false);
  if (ranked.total === 0) return <p class="empty" data-testid={id}>{t('reportNoClicksInRange')}</p>;
  const main = ranked.rows.filter((row) => !row.apart);
  const apart = ranked.rows.filter((row) => row.apart);
  const cut = limit !== undefined && !expanded && main.length > limit;
  const shown = [...(cut ? main.slice(0, limit) : main), ...apart];
  const bodyId = `${id}-rows`;
  return (
    <div class="facet-table-wrap">
      <table class="facet-table" data-testid={id}>
        <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" class="num">
              {countHeader ?? t('reportClicks')}
            </th>
            <th scope="col" class="num">
              {t('reportShare')}
            </th>
          </tr>
        </thead>
        <tbody id={bodyId}>
          {shown.map((row) => (
            <tr key={row.key} class={row.apart ? 'apart' : undefined}>
              <th scope="row">
                {row.icon && (
                  <span class="flag" aria-hidden="true">
                    {row.icon}
                  </span>
                )}
                {row.label}
              </th>
              <td class="num">{formatCount(row.clicks, locale)}</td>
              <ShareCell share={row.share} locale={locale} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('reportTotal')}</th>
            <td class="num">{formatCount(ranked.total, locale)}</td>
            <td class="num">{formatShare(1, locale)}</td>
          </tr>
        </tfoot>
      </table>
      {limit !== undefined && main.length > limit && (
        <button type="button" class="link-button table-more" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('reportShowFewer') : t('reportShowAll', formatCount(main.length, locale))}
        </button>
      )}
    </div>
  );
}

/** A share in words with a bar behind it (the bar is decoration; the number is the content). */
export function ShareCell({ share, locale }: { share: number; locale: string }) {
  return (
    <td class="num share-cell">
      <span class="share-bar" style={{ width: `${Math.min(100, share * 100)}%` }} aria-hidden="true" />
      {formatShare(share, locale)}
    </td>
  );
}
