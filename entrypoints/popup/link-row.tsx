/**
 * One link in a popup list: its text (or title) and id, its total for the range and a mini
 * chart; choosing it opens the link's statistics. A row either asks its own clicks (page links,
 * the account's links to the page: normal priority, cached) or is given its total (top links).
 */
import { useLayoutEffect, useMemo } from 'preact/hooks';
import type { TimeUnit } from '@/utils/bitly/schemas';
import { formatCompactCount, formatCount } from '@/utils/format/numbers';
import { secondsUntil } from '@/utils/format/relative-age';
import { t } from '@/utils/i18n';
import type { FacetReply } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings/settings-schema';
import type { LinkFacetData } from '@/utils/stats/facet-names';
import { linkSeries, rangeWords } from '@/components/clicks-total';
import type { ClickPoint } from '@/components/clicks-chart';
import { Sparkline } from '@/components/sparkline';
import { useFacetsModel } from '@/components/use-facets';
import type { PopupApi } from './popup-api';
import { rowClicksModel } from './popup-models';

/** What a row tells its list: the list shows one panel when the token is the problem. */
export type RowState = FacetReply<unknown>['state'];

interface RowProps {
  link: string;
  /** The link's text on the page, or its title; '' when it has none. */
  title: string;
  range: Settings['range'];
  locale: string;
  now: number;
  onOpen(link: string): void;
}

interface FigureProps {
  reply: FacetReply<LinkFacetData<'clicks'>> | { state: 'data'; total: number } | undefined;
  range: Settings['range'];
  locale: string;
  now: number;
  series?: { points: ClickPoint[]; unit: TimeUnit };
}

function Figure({ reply, range, locale, now, series }: FigureProps) {
  if (!reply) return <span class="skeleton figure" aria-hidden="true" />;
  switch (reply.state) {
    case 'data': {
      const total = 'total' in reply ? reply.total : linkSeries(reply.data).total;
      return (
        <>
          <span class="row-total">
            <span title={formatCount(total, locale)}>{formatCompactCount(total, locale)}</span>
            <span class="visually-hidden"> {rangeWords(range, total)}</span>
          </span>
          {series && <Sparkline points={series.points} unit={series.unit} locale={locale} />}
        </>
      );
    }
    case 'not-in-account':
      return <span class="row-note">{t('popupRowNotYours')}</span>;
    case 'deleted':
      return <span class="row-note">{t('popupRowDeleted')}</span>;
    case 'upgrade-required':
      return <span class="row-note">{t('cardUpgradeRequired')}</span>;
    case 'rate-limited':
      return <span class="row-note">{t('cardFacetRateLimited', String(secondsUntil(reply.retryAt, now)))}</span>;
    case 'no-token':
    case 'token-rejected':
      return <span class="row-note">—</span>;
    default:
      return <span class="row-note">{t('cardFacetFailed')}</span>;
  }
}

function Row({ link, title, onOpen, children }: Pick<RowProps, 'link' | 'title' | 'onOpen'> & { children: preact.ComponentChildren }) {
  return (
    <li class="link-row">
      <button type="button" class="row-button" onClick={() => onOpen(link)} data-link={link} data-testid="link-row">
        <span class="row-text">
          <span class="row-title">{title || link}</span>
          {title && <span class="row-id">{link}</span>}
        </span>
        <span class="row-figure">{children}</span>
      </button>
    </li>
  );
}

/** A row that asks its link's clicks, and reports what it got. */
export function AskingRow(props: RowProps & { api: PopupApi; onState(link: string, state: RowState): void; onPainted(): void }) {
  const { api, link, onState, onPainted } = props;
  const { snapshot } = useFacetsModel(() => rowClicksModel(api, link), [api, link]);
  const reply = snapshot.slots.clicks.reply;
  const series = useMemo(() => (reply?.state === 'data' ? linkSeries(reply.data) : undefined), [reply]);
  // Before the frame that shows the numbers (the popup stamps its first paint at that frame), not after it.
  useLayoutEffect(() => {
    if (!reply) return;
    onState(link, reply.state);
    if (reply.state === 'data') onPainted();
  }, [reply?.state]);
  return (
    <Row {...props}>
      <Figure reply={reply} range={props.range} locale={props.locale} now={props.now} series={series} />
    </Row>
  );
}

/** A row whose total is known already (the account's top links). */
export function GivenRow(props: RowProps & { clicks: number }) {
  return (
    <Row {...props}>
      <Figure reply={{ state: 'data', total: props.clicks }} range={props.range} locale={props.locale} now={props.now} />
    </Row>
  );
}
