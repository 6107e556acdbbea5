/**
 * The account overview on the report page (PRODUCT.md F6, `report.html#account`): the group's
 * clicks over time, its countries on the world map, referring networks, top links by clicks (each
 * opening its report), and links created per period in the group and the organization — each
 * with a table, CSV/JSON export, and the same window controls as a link's report.
 */
import { useEffect, useState } from 'preact/hooks';
import { ClicksOverTime, groupSeries, rangeWords } from '@/components/clicks-total';
import { AgeLine } from '@/components/data-age';
import { FacetSection } from '@/components/facet-section';
import { FacetTable } from '@/components/facet-table';
import { dataAge, isBusy, nextRetryAt } from '@/components/facets-model';
import { RefreshButton } from '@/components/link-actions';
import { useFacetsModel } from '@/components/use-facets';
import { useNow } from '@/components/use-now';
import { WorldMap } from '@/components/world-map';
import type { ShortenCounts, TimeUnit } from '@/utils/bitly/schemas';
import { downloadText } from '@/utils/export/download';
import { accountFacetFile, reportFile, type ExportFormat } from '@/utils/export/export-files';
import type { ExportMeta } from '@/utils/export/json';
import { formatBucket, parseBitlyDate } from '@/utils/format/bucket-dates';
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { AccountState } from '@/utils/messaging/protocol';
import { accountHash, reportHash } from '@/utils/report/report-url';
import { windowSpan } from '@/utils/stats/date-range';
import type { AccountFacet, AccountFacetData } from '@/utils/stats/facet-names';
import { rankRows, type Ranked } from '@/utils/stats/ranked-rows';
import type { OrganizationClicks } from '@/utils/stats/organization-clicks';
import { GroupPicker, useGroupList } from './group-picker';
import type { ReportApi } from './report-api';
import { accountReportModel } from './report-model';
import { customWords, ReportWindowControls, useReportWindow } from './report-window';

const CHART_WIDTH = 640;
const CHART_HEIGHT = 200;

/** Links created per period, oldest first, with each period's share of the window. */
function createdRows(data: ShortenCounts, unit: TimeUnit, locale: string): Ranked {
  const rows = data.metrics
    .map((m) => ({ ms: parseBitlyDate(m.key), value: m.value, key: m.key }))
    .filter((m) => Number.isFinite(m.ms))
    .sort((a, b) => a.ms - b.ms);
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  return { total, rows: rows.map((row) => ({ key: row.key, label: formatBucket(row.ms, unit, locale), clicks: row.value, share: total > 0 ? row.value / total : 0 })) };
}

/** Each group's clicks in the window, biggest first, with its share of the organization's. */
function organizationRows(data: OrganizationClicks): Ranked {
  return rankRows(data.groups.map((group) => ({ key: group.guid, label: group.name, clicks: group.clicks })));
}

/** `group`: the group the address names (`#account&group=…`), else null for the settings' group. */
export function AccountReport({ api, locale, group }: { api: ReportApi; locale: string; group: string | null }) {
  const { model, snapshot } = useFacetsModel(() => accountReportModel(api, group), [api, group]);
  const [account, setAccount] = useState<AccountState | null>(null);
  const { groups, refreshGroups } = useGroupList(api);
  useEffect(() => {
    void api.getAccount().then(setAccount, () => setAccount({ signedIn: false }));
  }, [api]);
  const retryAt = nextRetryAt(snapshot);
  const now = useNow(retryAt !== null ? 1000 : 15_000);
  const busy = isBusy(snapshot);
  const { slots, settings } = snapshot;
  const range = useReportWindow(model, settings);
  const retry = () => model.retry();
  const section = { now, onRetry: retry };
  const asked = model.window;
  const clicks = slots.groupClicks.reply;
  const loaded = clicks !== undefined;

  useEffect(() => {
    document.documentElement.dataset.view = !loaded ? 'loading' : clicks.state === 'data' ? 'data' : clicks.state;
  }, [loaded, clicks?.state]);

  const defaultGroup = account?.signedIn ? account.account.defaultGroup : null;
  /** The group on show: the address's, else the settings', else the account's default. */
  const shownGroup = group ?? settings?.defaultGroupGuid ?? defaultGroup?.guid ?? null;
  const groupName = (guid: string) => groups?.find((g) => g.guid === guid)?.name ?? (guid === defaultGroup?.guid ? defaultGroup.name : null);
  const meta = (): ExportMeta | null => {
    if (!asked) return null;
    const at = Date.now();
    const guid = shownGroup ?? 'group';
    return { subject: { type: 'account', groupGuid: guid, groupName: groupName(guid) }, query: asked, span: windowSpan(asked, at), exportedAt: at };
  };
  const save =
    <F extends AccountFacet>(facet: F, data: AccountFacetData<F>) =>
    (format: ExportFormat) => {
      const m = meta();
      if (!m) return;
      const file = accountFacetFile(format, m, facet, data, { locale });
      downloadText(file.name, file.text, file.mime);
    };
  const exportOf = <F extends AccountFacet & keyof typeof slots>(facet: F) => {
    const reply = slots[facet].reply;
    return reply?.state === 'data' ? save(facet, reply.data as AccountFacetData<F>) : undefined;
  };
  const saveWhole = () => {
    const m = meta();
    if (!m) return;
    const replies = Object.fromEntries(Object.entries(slots).flatMap(([facet, slot]) => (slot.reply ? [[facet, slot.reply]] : [])));
    const file = reportFile(m, { account: replies }, { locale });
    downloadText(file.name, file.text, file.mime);
  };
  const unit = asked?.unit ?? 'day';
  const top = slots.topLinks.reply;

  return (
    <main class="report" aria-labelledby="report-heading" data-testid="account-report">
      <header class="report-head">
        <h1 id="report-heading">
          {t('popupAccountHeading')} {account?.signedIn && <span class="muted">{account.account.login}</span>}
        </h1>
        <GroupPicker groups={groups} value={shownGroup} onPick={(guid) => (location.hash = accountHash(guid))} />
        <div class="report-actions">
          <RefreshButton busy={busy && loaded} canRefresh={loaded} onRefresh={() => {
              model.refresh();
              refreshGroups();
            }} describedBy="report-age" />
        </div>
        <AgeLine id="report-age" age={dataAge(snapshot)} loading={!loaded} busy={busy} retryAt={retryAt} now={now} locale={locale} />
      </header>
      <ReportWindowControls state={range} name="account" now={now} />
      <FacetSection id="group-clicks" title={t('reportClicksOverTime')} reply={clicks} onExport={exportOf('groupClicks')} {...section}>
        {() => (
          <ClicksOverTime
            reply={clicks}
            series={(data) => groupSeries(data, unit)}
            range={range.window.range}
            rangeText={customWords(range.custom, locale)}
            locale={locale}
            chartWidth={CHART_WIDTH}
            chartHeight={CHART_HEIGHT}
            tableVisible
          />
        )}
      </FacetSection>
      <FacetSection id="countries" title={t('reportCountriesTitle')} reply={slots.groupCountries.reply} onExport={exportOf('groupCountries')} {...section}>
        {(data) => <WorldMap id="world-map" data={data} locale={locale} caption={t('reportCountriesTitle')} captionHidden />}
      </FacetSection>
      <div class="report-pair">
        <FacetSection id="top-links" title={t('popupTopLinks')} reply={top} onExport={exportOf('topLinks')} {...section}>
          {(data) => {
            const titles = new Map(data.links.map((link) => [link.id, link.title ?? '']));
            const rows = [...data.sorted_links].sort((a, b) => b.clicks - a.clicks);
            if (rows.length === 0) return <p class="empty">{t('reportNoClicksInRange')}</p>;
            return (
              <ol class="top-links" data-testid="top-links-list">
                {rows.map((row) => (
                  <li key={row.id}>
                    <a href={reportHash(row.id) ?? undefined}>
                      <bdi>{row.id}</bdi>
                    </a>
                    {titles.get(row.id) && <span class="muted"> · {titles.get(row.id)}</span>}
                    <span class="num">{formatCount(row.clicks, locale)}</span>
                  </li>
                ))}
              </ol>
            );
          }}
        </FacetSection>
        <FacetSection id="referring-networks" title={t('reportReferringNetworks')} reply={slots.groupReferringNetworks.reply} onExport={exportOf('groupReferringNetworks')} {...section}>
          {(data) => (
            <FacetTable
              id="referring-networks-table"
              caption={t('reportReferringNetworks')}
              captionHidden
              labelHeader={t('reportNetwork')}
              ranked={rankRows(data.metrics.map((m) => ({ key: m.value, label: m.value === 'direct' ? t('cardReferrerDirect') : m.value, clicks: m.clicks })))}
              locale={locale}
              limit={10}
            />
          )}
        </FacetSection>
      </div>
      <div class="report-pair">
        <FacetSection id="group-created" title={t('reportCreatedGroup')} reply={slots.groupShortenCounts.reply} onExport={exportOf('groupShortenCounts')} {...section}>
          {(data) => <FacetTable id="group-created-table" caption={t('reportCreatedGroup')} captionHidden labelHeader={t('reportPeriod')} countHeader={t('reportLinksCreated')} ranked={createdRows(data, unit, locale)} locale={locale} limit={12} />}
        </FacetSection>
        <FacetSection id="organization-created" title={t('reportCreatedOrganization')} reply={slots.organizationShortenCounts.reply} onExport={exportOf('organizationShortenCounts')} {...section}>
          {(data) => <FacetTable id="organization-created-table" caption={t('reportCreatedOrganization')} captionHidden labelHeader={t('reportPeriod')} countHeader={t('reportLinksCreated')} ranked={createdRows(data, unit, locale)} locale={locale} limit={12} />}
        </FacetSection>
      </div>
      <FacetSection
        id="organization-clicks"
        title={t('reportOrganizationClicks')}
        reply={slots.organizationClicks.reply}
        onExport={exportOf('organizationClicks')}
        upgradeText={t('reportOrganizationClicksPlan')}
        {...section}
      >
        {(data) => {
          const ranked = organizationRows(data);
          return (
            <>
              <p class="total-row">
                <span class="total" data-testid="organization-total">
                  {formatCount(ranked.total, locale)}
                </span>
                <span class="total-label">{customWords(range.custom, locale) ?? rangeWords(range.window.range, ranked.total)}</span>
              </p>
              <p class="organization-note">{t('reportOrganizationClicksNote')}</p>
              <FacetTable id="organization-clicks-table" caption={t('reportOrganizationClicks')} captionHidden labelHeader={t('reportGroup')} ranked={ranked} locale={locale} />
            </>
          );
        }}
      </FacetSection>
      <p class="report-export">
        <button type="button" onClick={saveWhole} disabled={!loaded} data-testid="export-report">
          {t('reportExportWhole')}
        </button>
      </p>
    </main>
  );
}
