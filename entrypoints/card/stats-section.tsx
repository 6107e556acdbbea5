/** The card's numbers: total clicks for the range, clicks over time, top countries and referrers. */
import { useMemo } from 'preact/hooks';
import type { Settings } from '@/utils/settings/settings-schema';
import { parseBitlyDate } from '@/utils/format/bucket-dates';
import { countryName, flagEmoji } from '@/utils/format/countries';
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import { DEFAULTS } from '@/utils/settings/defaults';
import { CARD_METRIC_FACETS, type CardMetricFacet } from '@/utils/stats/facet-names';
import type { CardReply } from './card-api';
import type { CardSnapshot } from './card-model';
import { ClicksChart, type ClickPoint } from '@/components/clicks-chart';
import { TopList, type TopRow } from '@/components/top-list';

/** The sum of a clicks series: the total for its range (PRODUCT.md §2). */
export function totalClicks(data: { link_clicks: Array<{ clicks: number }> }): number {
  return data.link_clicks.reduce((sum, bucket) => sum + bucket.clicks, 0);
}

/** The series oldest first (Bitly lists newest first), without buckets it cannot date. */
export function clickPoints(data: { link_clicks: Array<{ clicks: number; date: string }> }): ClickPoint[] {
  return data.link_clicks
    .map((bucket) => ({ ms: parseBitlyDate(bucket.date), clicks: bucket.clicks }))
    .filter((p) => Number.isFinite(p.ms))
    .sort((a, b) => a.ms - b.ms);
}

/** "clicks in the last 30 days", for the total's range. */
export function rangeWords(range: Settings['range'], total: number): string {
  const one = total === 1;
  if (range === 'all') return t(one ? 'cardClickAllTime' : 'cardClicksAllTime');
  const days = String(Number.parseInt(range, 10));
  return t(one ? 'cardClickLastDays' : 'cardClicksLastDays', days);
}

interface Props {
  snapshot: CardSnapshot;
  locale: string;
  now: number;
  onRetry(): void;
}

export function StatsSection({ snapshot, locale, now, onRetry }: Props) {
  const settings = snapshot.settings;
  // Until the settings arrive, reserve the default layout.
  const metrics: readonly CardMetricFacet[] = settings ? snapshot.metrics : CARD_METRIC_FACETS;
  const lists = metrics.filter((f): f is 'countries' | 'referrers' => f !== 'clicks');
  const toCountry = (value: string, clicks: number): TopRow => ({ key: value, label: countryName(value, locale), icon: flagEmoji(value), clicks });
  const toReferrer = (value: string, clicks: number): TopRow => ({ key: value, label: value === 'direct' ? t('cardReferrerDirect') : value, clicks });
  return (
    <>
      {metrics.includes('clicks') && <ClicksBlock reply={snapshot.slots.clicks.reply} range={settings?.range ?? DEFAULTS.range} locale={locale} />}
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

function ClicksBlock({ reply, range, locale }: { reply: CardReply<'clicks'> | undefined; range: Settings['range']; locale: string }) {
  const data = reply?.state === 'data' ? reply.data : null;
  // The same answer keeps the same points, so the chart is drawn once per answer, not per render.
  const points = useMemo(() => (data ? clickPoints(data) : []), [data]);
  if (reply?.state === 'data') {
    const total = totalClicks(reply.data);
    return (
      <>
        <p class="total-row">
          <span class="total" data-testid="total-clicks">
            {formatCount(total, locale)}
          </span>
          <span class="total-label">{rangeWords(range, total)}</span>
        </p>
        <ClicksChart points={points} unit={reply.data.unit} locale={locale} />
      </>
    );
  }
  if (reply?.state === 'upgrade-required') {
    return <p class="facet-line">{t('cardClicksUpgradeRequired')}</p>;
  }
  return (
    <div aria-hidden="true">
      <span class="skeleton total" />
      <span class="skeleton chart" />
    </div>
  );
}
