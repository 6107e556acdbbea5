/**
 * Full statistics of one link (PRODUCT.md F3 "Full stats", the popup; the report page can show
 * the same): its actions, destination, unit and range pickers, clicks over time with their total
 * and table, then countries, referrers, referring domains, cities and devices (those two only
 * where the plan has them: a 402 becomes a one-line reason, which the background remembers), and
 * how old the numbers are. Everything comes from a facets model the surface makes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CityMetrics, ClickMetrics, DeviceMetrics } from '@/utils/bitly/schemas';
import { countryName, flagEmoji } from '@/utils/format/countries';
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import { DEFAULTS } from '@/utils/settings/defaults';
import type { Settings } from '@/utils/settings/settings-schema';
import type { LinkFacetData } from '@/utils/stats/facet-names';
import { LINK_STATS_FACETS, LINK_STATS_FIXED, LINK_STATS_METRICS } from '@/utils/stats/link-stats-facets';
import { ClicksOverTime, linkSeries, rangeWords, totalClicks } from './clicks-total';
import { sketchBars } from './bar-sketch';
import { AgeLine } from './data-age';
import { DestinationSection } from './destination-view';
import { dataAge, isBusy, nextRetryAt, type FacetsModel } from './facets-model';
import { BackIcon } from './icons';
import { CopyButton, OpenOnBitly, OpenReport, RefreshButton } from './link-actions';
import { linkStatus, panelFor } from './link-status';
import { QrCode } from './qr-code';
import { ScanShare } from './scan-share';
import { StatusPanel } from './status-panel';
import { TopList, type TopRow } from './top-list';
import { useSnapshot } from './use-facets';
import { useNow } from './use-now';
import { WindowPickers } from './window-pickers';
import './link-stats.css';

export { LINK_STATS_FACETS, LINK_STATS_FIXED, LINK_STATS_METRICS };
export type LinkStatsFacet = (typeof LINK_STATS_FACETS)[number];
export type LinkStatsMap = { [F in LinkStatsFacet]: LinkFacetData<F> };
export type LinkStatsModel = FacetsModel<LinkStatsMap>;

/** Rows shown per list. */
const LIST_ROWS = 5;
export const CHART_WIDTH = 372;
export const CHART_HEIGHT = 88;

interface Props {
  model: LinkStatsModel;
  /** The bitlink id. */
  link: string;
  /** The link's text on the page ('' when it was not found on one). */
  text: string;
  locale: string;
  onCopy(): Promise<void>;
  onOpenOptions(): void;
  /** The pickers changed: the surface stores the choice (settings' unit and range). */
  onWindowChange(window: Pick<Settings, 'unit' | 'range'>): void;
  /** Tells screen readers what happened ("Copied"). */
  announce(text: string): void;
  /** A way back to where the link was chosen, if any. */
  onBack?(): void;
  onChartDrawn?(): void;
}

const byValue = (label: (value: string) => string, icon?: (value: string) => string) => (m: ClickMetrics['metrics'][number]): TopRow => ({
  key: m.value,
  label: label(m.value),
  icon: icon?.(m.value),
  clicks: m.clicks,
});

export function LinkStats({ model, link, text, locale, onCopy, onOpenOptions, onWindowChange, announce, onBack, onChartDrawn }: Props) {
  const snapshot = useSnapshot(model);
  const status = linkStatus(snapshot);
  const retryAt = nextRetryAt(snapshot);
  const now = useNow(retryAt !== null ? 1000 : 15_000);
  const panel = panelFor(snapshot, status, now);
  const busy = isBusy(snapshot);
  const retry = () => model.retry();
  const settings = snapshot.settings;
  const window = { unit: settings?.unit ?? DEFAULTS.unit, range: settings?.range ?? DEFAULTS.range };
  const { slots } = snapshot;
  const [heading, setHeading] = useState<HTMLHeadingElement | null>(null);
  // Arriving here (from a list) puts the reader on the link's name.
  useEffect(() => {
    if (onBack) heading?.focus();
  }, [heading]);

  // The headline (total and chart) paints first; the lists under it fill in after that frame, so
  // the numbers that matter most do not wait for every row. After the frame, not in it: an effect
  // can run before the first frame (a popup is drawn only once it is shown), and rows rendered in
  // an animation frame callback are laid out and painted in that same frame.
  const headlineShown = slots.clicks.reply !== undefined;
  const [listsShown, setListsShown] = useState(false);
  useEffect(() => {
    if (!headlineShown || listsShown) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setListsShown(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [headlineShown, listsShown]);
  const listReply = <R,>(reply: R | undefined) => (listsShown ? reply : undefined);

  const pick = (next: Pick<Settings, 'unit' | 'range'>) => {
    model.setWindow(next);
    onWindowChange(next);
  };
  const country = byValue((v) => countryName(v, locale), flagEmoji);
  const referrer = byValue((v) => (v === 'direct' ? t('cardReferrerDirect') : v));
  const city = (m: CityMetrics['metrics'][number]): TopRow => ({ key: `${m.city}|${m.region ?? ''}|${m.country}`, label: `${m.city}, ${countryName(m.country, locale)}`, icon: flagEmoji(m.country), clicks: m.clicks });
  const device = (m: DeviceMetrics['metrics'][number]): TopRow => ({ key: m.device_type, label: m.device_type, clicks: m.clicks });
  const list = { locale, now, onRetry: retry, rows: LIST_ROWS };
  const clicks = slots.clicks.reply;

  return (
    <article class="link-stats" aria-labelledby="link-stats-heading" data-status={status}>
      <header class="link-head">
        {onBack && (
          <button type="button" class="action icon-only" onClick={onBack} aria-label={t('popupBack')} title={t('popupBack')} data-testid="back">
            <BackIcon />
          </button>
        )}
        <h1 id="link-stats-heading" tabIndex={-1} ref={setHeading} title={link}>
          <span class="visually-hidden">{t('cardHeadingPrefix')} </span>
          <bdi>{link}</bdi>
        </h1>
        <CopyButton onCopy={onCopy} announce={announce} />
        <OpenReport link={link} />
        <OpenOnBitly link={link} />
        <RefreshButton
          busy={busy && status !== 'loading'}
          canRefresh={status !== 'no-token' && status !== 'token-rejected' && status !== 'deleted' && status !== 'loading'}
          onRefresh={() => model.refresh()}
          describedBy="link-stats-age"
        />
      </header>
      <DestinationSection
        id="link-stats-destination"
        reply={slots.destination.reply}
        noToken={status === 'no-token'}
        canRetry={status === 'data'}
        linkText={text}
        shortHost={link.split('/')[0] ?? ''}
        locale={locale}
        onRetry={retry}
      />
      {panel ? (
        <div class="link-panel">
          <StatusPanel panel={panel} now={now} onRetry={retry} onOpenOptions={onOpenOptions} />
        </div>
      ) : (
        <section class="link-numbers" aria-label={t('cardFrameTitle')} aria-busy={status === 'loading'}>
          <WindowPickers name="link" value={window} onChange={pick} />
          <div class="clicks-block">
            <ClicksOverTime
              reply={clicks}
              series={linkSeries}
              range={window.range}
              locale={locale}
              chartWidth={CHART_WIDTH}
              chartHeight={CHART_HEIGHT}
              onChartDrawn={onChartDrawn}
              afterTotal={<ScanShare referrers={slots.referrers.reply} locale={locale} />}
              sketch={sketchBars}
            />
          </div>
          <div class="lists">
            <TopList id="countries" title={t('cardCountries')} reply={listReply(slots.countries.reply)} toRow={country} {...list} />
            <TopList id="referrers" title={t('cardReferrers')} reply={listReply(slots.referrers.reply)} toRow={referrer} {...list} />
            <TopList id="referringDomains" title={t('popupReferringDomains')} reply={listReply(slots.referringDomains.reply)} toRow={referrer} {...list} />
            <TopList id="cities" title={t('popupCities')} reply={listReply(slots.cities.reply)} toRow={city} upgradeText={t('popupPlanNeeded')} {...list} />
            <TopList id="devices" title={t('popupDevices')} reply={listReply(slots.devices.reply)} toRow={device} upgradeText={t('popupPlanNeeded')} {...list} />
          </div>
          <QrCode link={link} />
        </section>
      )}
      <footer class="link-foot">
        <AgeLine id="link-stats-age" age={status === 'data' ? dataAge(snapshot) : null} loading={status === 'loading'} busy={busy} retryAt={retryAt} now={now} locale={locale} />
      </footer>
      <div class="visually-hidden" role="status" aria-live="polite">
        {status === 'loading' ? t('cardLoading') : clicks?.state === 'data' ? `${formatCount(totalClicks(clicks.data), locale)} ${rangeWords(window.range, totalClicks(clicks.data))}` : ''}
      </div>
    </article>
  );
}
