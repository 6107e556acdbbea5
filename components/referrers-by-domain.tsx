/**
 * Referrers grouped by domain (the legacy referrers_by_domain metric): one row group per
 * referring domain with its clicks, its referring pages nested under it. Bitly's strings are
 * shown as text, never as links.
 */
import { formatCount, formatShare } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { ReferrersByDomains } from '@/utils/bitly/schemas';
import { referrerGroups } from '@/utils/stats/referrer-groups';
import { ShareCell } from './facet-table';
import './stats-views.css';
import './report-views.css';

interface Props {
  id: string;
  data: ReferrersByDomains;
  locale: string;
  caption: string;
  captionHidden?: boolean;
}

/** Bitly's name for clicks with no referrer, in the UI language. */
const label = (value: string) => (value === 'direct' ? t('cardReferrerDirect') : value);

export function ReferrersByDomain({ id, data, locale, caption, captionHidden }: Props) {
  const { groups, total } = referrerGroups(data);
  if (total === 0) return <p class="empty" data-testid={id}>{t('reportNoClicksInRange')}</p>;
  return (
    <table class="facet-table grouped" data-testid={id}>
      <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reportDomainAndPage')}</th>
          <th scope="col" class="num">
            {t('reportClicks')}
          </th>
          <th scope="col" class="num">
            {t('reportShare')}
          </th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.domain}>
          <tr class="group">
            <th scope="rowgroup">{label(group.domain)}</th>
            <td class="num">{formatCount(group.clicks, locale)}</td>
            <ShareCell share={group.share} locale={locale} />
          </tr>
          {group.referrers.map((referrer) => (
            <tr key={referrer.key} class="nested">
              <th scope="row">{label(referrer.key)}</th>
              <td class="num">{formatCount(referrer.clicks, locale)}</td>
              <ShareCell share={referrer.share} locale={locale} />
            </tr>
          ))}
        </tbody>
      ))}
      <tfoot>
        <tr>
          <th scope="row">{t('reportTotal')}</th>
          <td class="num">{formatCount(total, locale)}</td>
          <td class="num">{formatShare(1, locale)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
