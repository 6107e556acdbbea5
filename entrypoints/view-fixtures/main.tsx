/**
 * The report's building blocks rendered from fixtures (test builds only; wxt.config.ts leaves
 * this page out of every other build), so end-to-end and accessibility checks can look at them
 * without an account: the world map with its table, referrers by domain, a generic facet table,
 * a facet Bitly's plan withholds, one still loading, and the exports.
 */
import { render } from 'preact';
import '@/components/theme.css';
import { FacetSection } from '@/components/facet-section';
import { FacetTable } from '@/components/facet-table';
import { ReferrersByDomain } from '@/components/referrers-by-domain';
import { WorldMap } from '@/components/world-map';
import { downloadText } from '@/utils/export/download';
import { linkFacetFile, reportFile, type ExportFormat } from '@/utils/export/export-files';
import type { ExportMeta } from '@/utils/export/json';
import { t } from '@/utils/i18n';
import type { LinkFacet, LinkFacetData } from '@/utils/stats/facet-names';
import { presetWindow, windowSpan } from '@/utils/stats/date-range';
import { rankRows } from '@/utils/stats/ranked-rows';
import { FIXTURE_LINK, FIXTURE_NOW, FIXTURE_REPLIES } from './fixtures';

const locale = t('langCode');
const query = presetWindow('30d', 'day');
const meta: ExportMeta = { subject: { type: 'link', id: FIXTURE_LINK }, query, span: windowSpan(query, FIXTURE_NOW), exportedAt: FIXTURE_NOW };

function save<F extends LinkFacet>(facet: F, data: LinkFacetData<F>) {
  return (format: ExportFormat) => {
    const file = linkFacetFile(format, meta, facet, data, { locale });
    downloadText(file.name, file.text, file.mime);
  };
}

const noRetry = () => {};

function Fixtures() {
  const { countries, referrersByDomains, devices, cities } = FIXTURE_REPLIES;
  return (
    <main style={{ maxWidth: '1100px', margin: '0 auto', padding: '16px', display: 'grid', gap: '28px' }}>
      <h1>{t('extName')}</h1>
      <FacetSection id="countries" title={t('reportCountriesTitle')} reply={countries} now={FIXTURE_NOW} onRetry={noRetry} onExport={countries?.state === 'data' ? save('countries', countries.data) : undefined}>
        {(data) => <WorldMap id="world-map" data={data} locale={locale} caption={t('reportCountriesTitle')} captionHidden limit={6} />}
      </FacetSection>
      <FacetSection
        id="referrers-by-domain"
        title={t('reportReferrersByDomain')}
        reply={referrersByDomains}
        now={FIXTURE_NOW}
        onRetry={noRetry}
        onExport={referrersByDomains?.state === 'data' ? save('referrersByDomains', referrersByDomains.data) : undefined}
      >
        {(data) => <ReferrersByDomain id="referrers-by-domain-table" data={data} locale={locale} caption={t('reportReferrersByDomain')} captionHidden />}
      </FacetSection>
      <FacetSection id="devices" title={t('reportDevices')} reply={devices} now={FIXTURE_NOW} onRetry={noRetry} onExport={devices?.state === 'data' ? save('devices', devices.data) : undefined}>
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
      <FacetSection id="cities" title={t('reportCities')} reply={cities} now={FIXTURE_NOW} onRetry={noRetry}>
        {() => null}
      </FacetSection>
      <FacetSection id="loading" title={t('cardLoading')} reply={undefined} now={FIXTURE_NOW} onRetry={noRetry}>
        {() => null}
      </FacetSection>
      <p>
        <button
          type="button"
          onClick={() => {
            const file = reportFile(meta, { link: FIXTURE_REPLIES }, { locale });
            downloadText(file.name, file.text, file.mime);
          }}
        >
          {t('reportExportWhole')}
        </button>
      </p>
    </main>
  );
}

document.documentElement.lang = locale;
render(<Fixtures />, document.getElementById('app')!);
