/**
 * The account's links to the page the user is on (PRODUCT.md F3 step 3), each with its total;
 * when there is none, "Shorten this page".
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings-schema';
import { StatusPanel, type PanelKind } from '@/components/status-panel';
import { useFacetsModel } from '@/components/use-facets';
import { LinkList } from './link-list';
import type { PopupApi } from './popup-api';
import { linksToPageModel } from './popup-models';

/**
 * "Shorten this page" is needed on few pages: it loads with this view, not with the popup
 * (PRODUCT.md §6, B7), while the account's links to the page are asked.
 */
const loadShortenPanel = () => import('./shorten-panel');
type ShortenPanelModule = Awaited<ReturnType<typeof loadShortenPanel>>;

interface Props {
  api: PopupApi;
  url: string;
  /** The page's content script answered, so the page has no Bitly links; otherwise say how to list them. */
  pageListed: boolean;
  range: Settings['range'];
  locale: string;
  now: number;
  onOpen(link: string): void;
  onOpenOptions(): void;
  onPainted(): void;
  announce(text: string): void;
}

export function LinksToPageView({ api, url, pageListed, announce, ...list }: Props) {
  const { model, snapshot } = useFacetsModel(() => linksToPageModel(api, url), [api, url]);
  const reply = snapshot.slots.linksToPage.reply;
  const asking = snapshot.slots.linksToPage.asking;
  const [shorten, setShorten] = useState<ShortenPanelModule | null>(null);
  useEffect(() => {
    let gone = false;
    void loadShortenPanel().then((module) => !gone && setShorten(module));
    return () => {
      gone = true;
    };
  }, []);
  const noLinks = reply?.state === 'data' && reply.data.links.length === 0;
  let body;
  if (!reply || (noLinks && !shorten)) {
    body = (
      <div aria-hidden="true" class="rows-loading">
        <span class="skeleton row" />
        <span class="skeleton row" />
      </div>
    );
  } else if (reply.state === 'data') {
    body =
      reply.data.links.length > 0 ? (
        <>
          <h1 id="view-heading" tabIndex={-1}>
            {t('popupOwnLinksHeading')}
          </h1>
          <LinkList api={api} {...list} links={reply.data.links.map((l) => ({ id: l.id, title: l.title ?? '' }))} />
        </>
      ) : (
        shorten && <shorten.ShortenPanel api={api} url={url} now={list.now} onOpen={list.onOpen} onOpenOptions={list.onOpenOptions} announce={announce} />
      );
  } else {
    const panel: PanelKind =
      reply.state === 'no-token' || reply.state === 'token-rejected'
        ? { kind: reply.state }
        : reply.state === 'rate-limited'
          ? { kind: 'rate-limited', retryAt: reply.retryAt, retrying: asking }
          : { kind: 'error', reason: reply.state === 'error' ? reply.reason : 'network', retrying: asking };
    body = <StatusPanel panel={panel} now={list.now} onRetry={() => model.retry()} onOpenOptions={list.onOpenOptions} />;
  }
  return (
    <section class="view" aria-labelledby="view-heading" aria-busy={!reply || (noLinks && !shorten)} data-testid="links-to-page">
      {body}
      {!pageListed && <p class="hint muted">{t('popupTouchPageHint')}</p>}
    </section>
  );
}
