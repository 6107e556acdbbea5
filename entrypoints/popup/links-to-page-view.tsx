/**
 * The account's links to the page the user is on (PRODUCT.md F3 step 3), each with its total;
 * when there is none, "Shorten this page".
 */
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/settings-schema';
import { StatusPanel, type PanelKind } from '@/components/status-panel';
import { useFacetsModel } from '@/components/use-facets';
import { LinkList } from './link-list';
import type { PopupApi } from './popup-api';
import { linksToPageModel } from './popup-models';
import { ShortenPanel } from './shorten-panel';

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
  let body;
  if (!reply) {
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
        <ShortenPanel api={api} url={url} now={list.now} onOpen={list.onOpen} onOpenOptions={list.onOpenOptions} announce={announce} />
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
    <section class="view" aria-labelledby="view-heading" aria-busy={!reply} data-testid="links-to-page">
      {body}
      {!pageListed && <p class="hint muted">{t('popupTouchPageHint')}</p>}
    </section>
  );
}
