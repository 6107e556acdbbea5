/**
 * The hover card (PRODUCT.md F2): the short link and its actions, the destination as a safety
 * preview, the numbers, and how old they are. Everything it knows comes through `CardApi`.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { CardApi } from './card-api';
import { CardFooter } from './card-footer';
import { CardHeader } from './card-header';
import { CardModel, type CardSnapshot } from './card-model';
import { headlineFacet, linkStatus, panelFor, type LinkStatus } from '@/components/link-status';
import { dataAge, isBusy, nextRetryAt } from '@/components/facets-model';
import { StatsSection } from './stats-section';
import { DestinationSection } from '@/components/destination-view';
import { rangeWords, totalClicks } from '@/components/clicks-total';
import { StatusPanel } from '@/components/status-panel';
import { useNow } from '@/components/use-now';
import { useSnapshot } from '@/components/use-facets';
import { ClickToLoad } from './click-to-load';
import { WrappedNote } from './wrapped-note';
import type { WrappedVia } from '@/utils/messaging/protocol';
import { withLookupConsent } from './lookup-consent';

export interface CardAppProps {
  api: CardApi;
  /** The bitlink id the content script showed the card for. */
  link: string;
  /** The link's text on the page. */
  text: string;
  /** For a link behind a known link wrapper: which, and how its Bitly link was found. */
  via?: WrappedVia;
  /** For numbers and dates (`Intl`). */
  locale: string;
}

/** What screen readers hear when the card's state changes. */
function statusAnnouncement(snapshot: CardSnapshot, status: LinkStatus, locale: string): string {
  switch (status) {
    case 'loading':
      return t('cardLoading');
    case 'data': {
      const clicks = snapshot.slots.clicks.reply;
      if (clicks?.state !== 'data' || !snapshot.settings) return '';
      const total = totalClicks(clicks.data);
      return `${formatCount(total, locale)} ${rangeWords(snapshot.settings.range, total)}`;
    }
    case 'not-in-account':
      return t('cardNotInAccount');
    case 'deleted':
      return t('cardDeleted');
    case 'no-token':
      return t('cardNoToken');
    case 'token-rejected':
      return t('cardTokenRejected');
    case 'rate-limited':
      return t('cardRateLimitedDetail');
    case 'error':
      return t('cardError');
  }
}

/** Marks the page for tests and the benchmark: its state, and when the headline first painted. */
function useDocumentMarks(status: LinkStatus | 'click-to-load', headlineShown: boolean) {
  useLayoutEffect(() => {
    document.documentElement.dataset.state = status;
  }, [status]);
  useEffect(() => {
    if (!headlineShown || document.documentElement.dataset.paintedAt) return;
    const frame = requestAnimationFrame(() => {
      document.documentElement.dataset.paintedAt = String(Date.now());
    });
    return () => cancelAnimationFrame(frame);
  }, [headlineShown]);
}

/** Escape closes the card; focus arriving in the frame lands on its first control. */
function useKeyboard(api: CardApi) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      void api.close().catch(() => {});
    };
    const focusFirst = () => {
      if (document.activeElement && document.activeElement !== document.body) return;
      document.querySelector<HTMLElement>('.card-head .action')?.focus();
    };
    document.addEventListener('keydown', onKey);
    window.addEventListener('focus', focusFirst);
    if (document.hasFocus()) focusFirst();
    return () => {
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('focus', focusFirst);
    };
  }, [api]);
}

export function CardApp({ api, link, text, via, locale }: CardAppProps) {
  const consent = useMemo(() => withLookupConsent(api), [api]);
  const model = useMemo(() => new CardModel(consent.api, link), [consent, link]);
  const [waitingForClick, setWaitingForClick] = useState(false);
  useEffect(() => consent.subscribe(() => setWaitingForClick(consent.waiting())), [consent]);
  useEffect(() => {
    model.start();
    return () => model.dispose();
  }, [model]);
  const snapshot = useSnapshot(model);
  const status = linkStatus(snapshot);
  const retryAt = nextRetryAt(snapshot);
  const now = useNow(retryAt !== null ? 1000 : 15_000);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 3000);
    return () => clearTimeout(timer);
  }, [notice]);

  const { slots } = snapshot;
  const headlineShown =
    (status === 'data' && slots[headlineFacet(snapshot)].reply?.state === 'data') || (status === 'not-in-account' && slots.destination.reply?.state === 'data');
  useDocumentMarks(waitingForClick ? 'click-to-load' : status, headlineShown);
  useKeyboard(api);

  const busy = isBusy(snapshot);
  const panel = panelFor(snapshot, status, now);
  const retry = () => model.retry();
  const openOptions = () => void api.openOptions().catch(() => {});
  const shortHost = snapshot.target.split('/')[0] ?? '';

  return (
    <div class="card" role="dialog" aria-labelledby="card-heading" aria-describedby="card-destination" data-status={status}>
      <CardHeader
        link={snapshot.target}
        busy={busy && status !== 'loading'}
        canRefresh={status !== 'no-token' && status !== 'token-rejected' && status !== 'deleted' && status !== 'loading'}
        onCopy={() => api.copyText(`https://${snapshot.target}`)}
        onRefresh={() => model.refresh()}
        announce={setNotice}
      />
      {via && <WrappedNote via={via} />}
      <DestinationSection
        id="card-destination"
        reply={slots.destination.reply}
        noToken={status === 'no-token'}
        canRetry={status === 'data'}
        linkText={text}
        shortHost={shortHost}
        locale={locale}
        onRetry={retry}
      />
      <section class="stats" aria-label={t('cardFrameTitle')} aria-busy={status === 'loading'}>
        {waitingForClick ? (
          <ClickToLoad onLoad={() => consent.allow()} />
        ) : panel ? (
          <StatusPanel panel={panel} now={now} onRetry={retry} onOpenOptions={openOptions} />
        ) : (
          <StatsSection snapshot={snapshot} locale={locale} now={now} onRetry={retry} />
        )}
      </section>
      <CardFooter age={status === 'data' ? dataAge(snapshot) : null} loading={status === 'loading'} busy={busy} retryAt={retryAt} now={now} locale={locale} />
      <div class="visually-hidden" role="status" aria-live="polite">
        {notice || (waitingForClick ? t('cardClickToLoad') : statusAnnouncement(snapshot, status, locale))}
      </div>
    </div>
  );
}
