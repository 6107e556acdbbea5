/**
 * The full report of one link (PRODUCT.md F5): its destination and details, clicks over time
 * for the pickers' or a custom from–to range with the total and a table, countries on a world map
 * with their table, cities and devices where the plan has them, referrers, referring domains and
 * referrers by domain — each with CSV and JSON export — and the whole report as one JSON file.
 * The facets model paints what the background has cached first.
 */
import { useEffect, useState } from 'preact/hooks';
import { ClicksOverTime, linkSeries } from '@/components/clicks-total';
import { AgeLine } from '@/components/data-age';
import { DestinationSection } from '@/components/destination-view';
import { FacetSection } from '@/components/facet-section';
import { FacetTable } from '@/components/facet-table';
import { dataAge, isBusy, nextRetryAt } from '@/components/facets-model';
import { CopyButton, OpenOnBitly, RefreshButton } from '@/components/link-actions';
import { linkStatus, panelFor } from '@/components/link-status';
import { QrCode } from '@/components/qr-code';
import { ReferrersByDomain } from '@/components/referrers-by-domain';
import { ScanShare } from '@/components/scan-share';
import { ScanSplitView } from '@/components/scan-split';
import { StatusPanel } from '@/components/status-panel';
import { useFacetsModel } from '@/components/use-facets';
import { useNow } from '@/components/use-now';
import { WorldMap } from '@/components/world-map';
import type { ClickMetrics } from '@/utils/bitly/schemas';
import { downloadText } from '@/utils/export/download';
import { linkFacetFile, reportFile, type ExportFormat } from '@/utils/export/export-files';
import type { ExportMeta } from '@/utils/export/json';
import { countryName, flagEmoji } from '@/utils/format/countries';
import { t } from '@/utils/i18n';
import { windowSpan } from '@/utils/stats/date-range';
import type { LinkFacet, LinkFacetData } from '@/utils/stats/facet-names';
import { rankRows } from '@/utils/stats/ranked-rows';
import { LinkDetails } from './link-details';
import type { ReportApi } from './report-api';
import { reportModel, type ReportMap } from './report-model';
import { customWords, ReportWindowControls, useReportWindow } from './report-window';
import './report.css';

interface Props {
  api: ReportApi;
  /** The bitlink id from the page's address, or null when it names none. */
  link: string | null;
  locale: string;
}

export function ReportApp({ api, link, locale }: Props) {
  if (link === null) {
    return (
      <main class="report">
        <h1>{t('reportPageTitle')}</h1>
        <p data-testid="report-no-link">{t('reportNoLink')}</p>
      </main>
    );
  }
  return <LinkReport api={api} link={link} locale={locale} />;
}

const CHART_WIDTH = 640;
const CHART_HEIGHT = 200;

function LinkReport({ api, link, locale }: { api: ReportApi; link: string; locale: string }) {
  const { model, snapshot } = useFacetsModel(() => reportModel(api, link), [api, link]);
  const status = linkStatus(snapshot);
  const retryAt = nextRetryAt(snapshot);
  const now = useNow(retryAt !== null ? 1000 : 15_000);
  const panel = panelFor(snapshot, status, now);
  const busy = isBusy(snapshot);
  const retry = () => model.retry();
  const { slots, settings } = snapshot;
  const [announcement, setAnnouncement] = useState('');
  const asked = model.window;
  const range = useReportWindow(model, settings);
  const { window, custom } = range;

  useEffect(() => {
    document.documentElement.dataset.view = status;
  }, [status]);

  const meta = (): ExportMeta | null => {
    if (!asked) return null;
    const at = Date.now();
    return { subject: { type: 'link', id: link }, query: asked, span: windowSpan(asked, at), exportedAt: at };
  };
  const save =
    <F extends LinkFacet>(facet: F, data: LinkFacetData<F>) =>
    (format: ExportFormat) => {
      const m = meta();
      if (!m) return;
      const file = linkFacetFile(format, m, facet, data, { locale });
      downloadText(file.name, file.text, file.mime);
    };
  const saveWhole = () => {
    const m = meta();
    if (!m) return;
    const replies = Object.fromEntries(Object.entries(slots).flatMap(([facet, slot]) => (slot.reply ? [[facet, slot.reply]] : []))) as Partial<{ [F in keyof ReportMap]: NonNullable<(typeof slots)[F]['reply']> }>;
    const file = reportFile(m, { link: replies }, { locale });
    downloadText(file.name, file.text, file.mime);
  };

  const countries = slots.countries.reply;
  const ranked = (data: ClickMetrics, label: (value: string) => string) => rankRows(data.metrics.map((m) => ({ key: m.value, label: label(m.value), clicks: m.clicks })));
  const referrer = (value: string) => (value === 'direct' ? t('cardReferrerDirect') : value);
  const section = { now, onRetry: retry };

  return (
    <main class="report" aria-labelledby="report-heading" data-status={status}>
      <header class="report-head">
        <h1 id="report-heading" title={link}>
          <span class="visually-hidden">{t('cardHeadingPrefix')} </span>
          <bdi>{link}</bdi>
        </h1>
        <div class="report-actions">
          <CopyButton onCopy={() => api.copyText(`https://${link}`)} announce={setAnnouncement} />
          <OpenOnBitly link={link} />
          <RefreshButton
            busy={busy && status !== 'loading'}
            canRefresh={status !== 'no-token' && status !== 'token-rejected' && status !== 'deleted' && status !== 'loading'}
            onRefresh={() => model.refresh()}
            describedBy="report-age"
          />
        </div>
        <AgeLine id="report-age" age={status === 'data' ? dataAge(snapshot) : null} loading={status === 'loading'} busy={busy} retryAt={retryAt} now={now} locale={locale} />
      </header>
      <div class="report-about">
        <DestinationSection
          id="report-destination"
          reply={slots.destination.reply}
          noToken={status === 'no-token'}
          canRetry={status === 'data'}
          linkText=""
          shortHost={link.split('/')[0] ?? ''}
          locale={locale}
          onRetry={retry}
        />
        <LinkDetails reply={slots.info.reply} locale={locale} />
      </div>
      {panel ? (
        <div class="report-panel">
          <StatusPanel panel={panel} now={now} onRetry={retry} onOpenOptions={() => void api.openOptions()} />
        </div>
      ) : (
        <>
          <ReportWindowControls state={range} name="report" now={now} />
          <FacetSection id="clicks" title={t('reportClicksOverTime')} reply={slots.clicks.reply} onExport={slots.clicks.reply?.state === 'data' ? save('clicks', slots.clicks.reply.data) : undefined} {...section}>
            {() => (
              <ClicksOverTime
                reply={slots.clicks.reply}
                series={linkSeries}
                range={window.range}
                rangeText={customWords(custom, locale)}
                locale={locale}
                chartWidth={CHART_WIDTH}
                chartHeight={CHART_HEIGHT}
                tableVisible
                afterTotal={<ScanShare referrers={slots.referrers.reply} locale={locale} />}
              />
            )}
          </FacetSection>
          <FacetSection id="qr-scans-split" title={t('qrScansAndClicks')} reply={slots.referrers.reply} {...section}>
            {(data) => <ScanSplitView data={data} locale={locale} />}
          </FacetSection>
          <FacetSection id="countries" title={t('reportCountriesTitle')} reply={countries} onExport={countries?.state === 'data' ? save('countries', countries.data) : undefined} {...section}>
            {(data) => <WorldMap id="world-map" data={data} locale={locale} caption={t('reportCountriesTitle')} captionHidden />}
          </FacetSection>
          <div class="report-pair">
            <FacetSection id="cities" title={t('reportCities')} reply={slots.cities.reply} upgradeText={t('popupPlanNeeded')} onExport={slots.cities.reply?.state === 'data' ? save('cities', slots.cities.reply.data) : undefined} {...section}>
              {(data) => (
                <FacetTable
                  id="cities-table"
                  caption={t('reportCities')}
                  captionHidden
                  labelHeader={t('reportCity')}
                  ranked={rankRows(data.metrics.map((m) => ({ key: `${m.city}|${m.region ?? ''}|${m.country}`, label: `${m.city}, ${countryName(m.country, locale)}`, icon: flagEmoji(m.country), clicks: m.clicks })))}
                  locale={locale}
                  limit={10}
                />
              )}
            </FacetSection>
            <FacetSection id="devices" title={t('reportDevices')} reply={slots.devices.reply} upgradeText={t('popupPlanNeeded')} onExport={slots.devices.reply?.state === 'data' ? save('devices', slots.devices.reply.data) : undefined} {...section}>
              {(data) => (
                <FacetTable
                  id="devices-table"
                  caption={t('reportDevices')}
                  captionHidden
                  labelHeader={t('reportDevice')}
                  ranked={rankRows(data.metrics.map((m) => ({ key: m.device_type, label: m.device_type, clicks: m.clicks })))}
                  locale={locale}
                />
              )}
            </FacetSection>
          </div>
          <div class="report-pair">
            <FacetSection id="referrers" title={t('reportReferrers')} reply={slots.referrers.reply} onExport={slots.referrers.reply?.state === 'data' ? save('referrers', slots.referrers.reply.data) : undefined} {...section}>
              {(data) => <FacetTable id="referrers-table" caption={t('reportReferrers')} captionHidden labelHeader={t('reportReferrer')} ranked={ranked(data, referrer)} locale={locale} limit={10} />}
            </FacetSection>
            <FacetSection
              id="referring-domains"
              title={t('popupReferringDomains')}
              reply={slots.referringDomains.reply}
              onExport={slots.referringDomains.reply?.state === 'data' ? save('referringDomains', slots.referringDomains.reply.data) : undefined}
              {...section}
            >
              {(data) => <FacetTable id="referring-domains-table" caption={t('popupReferringDomains')} captionHidden labelHeader={t('reportDomain')} ranked={ranked(data, referrer)} locale={locale} limit={10} />}
            </FacetSection>
          </div>
          <FacetSection
            id="referrers-by-domain"
            title={t('reportReferrersByDomain')}
            reply={slots.referrersByDomains.reply}
            onExport={slots.referrersByDomains.reply?.state === 'data' ? save('referrersByDomains', slots.referrersByDomains.reply.data) : undefined}
            {...section}
          >
            {(data) => <ReferrersByDomain id="referrers-by-domain-table" data={data} locale={locale} caption={t('reportReferrersByDomain')} captionHidden />}
          </FacetSection>
          <section class="facet-section" aria-labelledby="report-qr-heading" data-testid="report-qr">
            <header>
              <h2 id="report-qr-heading">{t('qrHeading')}</h2>
            </header>
            <QrCode link={link} />
          </section>
          <p class="report-export">
            <button type="button" onClick={saveWhole} disabled={slots.clicks.reply === undefined} data-testid="export-report">
              {t('reportExportWhole')}
            </button>
          </p>
        </>
      )}
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </main>
  );
}
