/**
 * The account overview (PRODUCT.md F6 in the popup): the group's clicks over time with the unit
 * and range pickers, and its top links by clicks, each opening its statistics. Shown for pages
 * Bitlens cannot look at (browser and store pages) and from the popup's header anywhere.
 */
import type { SortedLinks } from '@/utils/bitly/schemas';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import { DEFAULTS } from '@/utils/settings/defaults';
import type { Settings } from '@/utils/settings/settings-schema';
import { sketchBars } from '@/components/bar-sketch';
import { ClicksOverTime, groupSeries } from '@/components/clicks-total';
import { AgeLine } from '@/components/data-age';
import { dataAge, isBusy, nextRetryAt } from '@/components/facets-model';
import { BackIcon } from '@/components/icons';
import { RefreshButton } from '@/components/link-actions';
import { CHART_HEIGHT, CHART_WIDTH } from '@/components/link-stats';
import { StatusPanel, type PanelKind } from '@/components/status-panel';
import { useFacetsModel } from '@/components/use-facets';
import { WindowPickers } from '@/components/window-pickers';
import { GivenRow } from './link-row';
import type { PopupApi } from './popup-api';
import { accountModel } from './popup-models';

interface Props {
  api: PopupApi;
  /** The account's login, for the heading. */
  login: string;
  locale: string;
  now: number;
  onOpen(link: string): void;
  onOpenOptions(): void;
  onWindowChange(window: Pick<Settings, 'unit' | 'range'>): void;
  onChartDrawn(): void;
  /** When the overview was opened from another view: the way back. */
  onBack?(): void;
}

/** The top links with their clicks, most first, titled from the links' own data. */
export function topRows(data: SortedLinks): Array<{ id: string; title: string; clicks: number }> {
  const titles = new Map(data.links.map((link) => [link.id, link.title ?? '']));
  return [...data.sorted_links].sort((a, b) => b.clicks - a.clicks).map((row) => ({ id: row.id, title: titles.get(row.id) ?? '', clicks: row.clicks }));
}

/** One message for the whole overview when neither part can show anything. */
function panelOf(replies: Array<FacetReply<unknown> | undefined>, retrying: boolean): PanelKind | null {
  const states = replies.map((r) => r?.state);
  if (states.includes('no-token')) return { kind: 'no-token' };
  if (states.includes('token-rejected')) return { kind: 'token-rejected' };
  if (states.some((s) => s === undefined || s === 'data' || s === 'upgrade-required')) return null;
  const limited = replies.find((r) => r?.state === 'rate-limited');
  if (limited?.state === 'rate-limited') return { kind: 'rate-limited', retryAt: limited.retryAt, retrying };
  const failed = replies.find((r) => r?.state === 'error');
  return { kind: 'error', reason: failed?.state === 'error' ? failed.reason : 'network', retrying };
}

export function AccountView({ api, login, locale, now, onOpen, onOpenOptions, onWindowChange, onChartDrawn, onBack }: Props) {
  const { model, snapshot } = useFacetsModel(() => accountModel(api), [api]);
  const { groupClicks, topLinks } = snapshot.slots;
  const settings = snapshot.settings;
  const window = { unit: settings?.unit ?? DEFAULTS.unit, range: settings?.range ?? DEFAULTS.range };
  const busy = isBusy(snapshot);
  const retryAt = nextRetryAt(snapshot);
  const panel = panelOf([groupClicks.reply, topLinks.reply], groupClicks.asking || topLinks.asking);
  const pick = (next: Pick<Settings, 'unit' | 'range'>) => {
    model.setWindow(next);
    onWindowChange(next);
  };
  const top = topLinks.reply;

  return (
    <section class="view account" aria-labelledby="view-heading" data-testid="account">
      <div class="view-head">
        {onBack && (
          <button type="button" class="action icon-only" onClick={onBack} aria-label={t('popupBack')} title={t('popupBack')} data-testid="back">
            <BackIcon />
          </button>
        )}
        <h1 id="view-heading" tabIndex={-1}>
          {t('popupAccountHeading')} <span class="muted">{login}</span>
        </h1>
        <RefreshButton busy={busy} canRefresh={panel?.kind !== 'no-token' && panel?.kind !== 'token-rejected'} onRefresh={() => model.refresh()} describedBy="account-age" />
      </div>
      {panel ? (
        <StatusPanel panel={panel} now={now} onRetry={() => model.retry()} onOpenOptions={onOpenOptions} />
      ) : (
        <>
          <WindowPickers name="account" value={window} onChange={pick} />
          <h2 class="subheading">{t('popupGroupClicks')}</h2>
          <ClicksOverTime
            reply={groupClicks.reply}
            series={(data) => groupSeries(data, window.unit)}
            range={window.range}
            locale={locale}
            chartWidth={CHART_WIDTH}
            chartHeight={CHART_HEIGHT}
            upgradeText={t('popupGroupClicksPlan')}
            onChartDrawn={onChartDrawn}
            sketch={sketchBars}
          />
          <h2 class="subheading">{t('popupTopLinks')}</h2>
          {top?.state === 'data' ? (
            top.data.sorted_links.length > 0 ? (
              <ul class="rows" data-testid="top-links">
                {topRows(top.data).map((row) => (
                  <GivenRow key={row.id} link={row.id} title={row.title} clicks={row.clicks} range={window.range} locale={locale} now={now} onOpen={onOpen} />
                ))}
              </ul>
            ) : (
              <p class="muted">{t('cardNoClicksYet')}</p>
            )
          ) : top ? (
            <p class="note">
              {t('cardFacetFailed')} ·{' '}
              <button type="button" class="link-button" onClick={() => model.retry()}>
                {t('cardRetry')}
              </button>
            </p>
          ) : (
            <div aria-hidden="true" class="rows-loading">
              <span class="skeleton row" />
              <span class="skeleton row" />
              <span class="skeleton row" />
            </div>
          )}
        </>
      )}
      <p class="view-foot">
        <AgeLine id="account-age" age={dataAge(snapshot)} loading={!groupClicks.reply && !top} busy={busy} retryAt={retryAt} now={now} locale={locale} />
      </p>
    </section>
  );
}
