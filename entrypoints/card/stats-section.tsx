/** The card's numbers: total clicks for the range, clicks over time, top countries and referrers. */
import { countryName, flagEmoji } from '@/utils/format/countries';
import { t } from '@/utils/i18n';
import { DEFAULTS } from '@/utils/settings/defaults';
import { CARD_METRIC_FACETS, type CardMetricFacet } from '@/utils/stats/facet-names';
import type { CardSnapshot } from './card-model';
import { ClicksOverTime, linkSeries } from '@/components/clicks-total';
import { ScanShare } from '@/components/scan-share';
import { TopList, type TopRow } from '@/components/top-list';

interface Props {
  snapshot: CardSnapshot;
  locale: string;
  now: number;
  onRetry(): void;
}

const isMetric = (facet: string): facet is CardMetricFacet => (CARD_METRIC_FACETS as readonly string[]).includes(facet);

export function StatsSection({ snapshot, locale, now, onRetry }: Props) {
  const settings = snapshot.settings;
  // Until the settings arrive, reserve the default layout.
  const metrics: readonly CardMetricFacet[] = settings ? snapshot.metrics.filter(isMetric) : CARD_METRIC_FACETS;
  const lists = metrics.filter((f): f is 'countries' | 'referrers' => f !== 'clicks');
  const toCountry = ({ value, clicks }: { value: string; clicks: number }): TopRow => ({ key: value, label: countryName(value, locale), icon: flagEmoji(value), clicks });
  const toReferrer = ({ value, clicks }: { value: string; clicks: number }): TopRow => ({ key: value, label: value === 'direct' ? t('cardReferrerDirect') : value, clicks });
  return (
    <>
      {metrics.includes('clicks') && (
        <ClicksOverTime
          reply={snapshot.slots.clicks.reply}
          series={linkSeries}
          range={settings?.range ?? DEFAULTS.range}
          locale={locale}
          afterTotal={metrics.includes('referrers') ? <ScanShare referrers={snapshot.slots.referrers.reply} locale={locale} /> : undefined}
        />
      )}
      {lists.length > 0 && (
        <div class={lists.length === 1 ? 'lists single' : 'lists'}>
          {lists.map((facet) => (
            <TopList
              key={facet}
              id={facet}
              title={facet === 'countries' ? t('cardCountries') : t('cardReferrers')}
              reply={snapshot.slots[facet].reply}
              toRow={facet === 'countries' ? toCountry : toReferrer}
              locale={locale}
              now={now}
              onRetry={onRetry}
            />
          ))}
        </div>
      )}
    </>
  );
}
