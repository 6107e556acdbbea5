/** The page's Bitly links (PRODUCT.md F3 step 2), in page order, each with its total and a mini chart. */
import { formatCount } from '@/utils/format/numbers';
import { t } from '@/utils/i18n';
import type { PageLinks } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings/settings-schema';
import { LinkList } from './link-list';
import type { PopupApi } from './popup-api';

interface Props {
  api: PopupApi;
  page: PageLinks;
  range: Settings['range'];
  locale: string;
  now: number;
  onOpen(link: string): void;
  onOpenOptions(): void;
  onPainted(): void;
}

/** How a link behind a known wrapper was found (issue 15). */
const foundVia = (via: NonNullable<PageLinks['links'][number]['via']>) => (via.found === 'text' ? t('popupLinkNamedInText', via.wrapper) : t('popupLinkWrapped', via.wrapper));

export function PageLinksView({ page, ...list }: Props) {
  const more = page.total - page.links.length;
  return (
    <section class="view" aria-labelledby="view-heading" data-testid="page-links">
      <h1 id="view-heading" tabIndex={-1}>
        {t('popupPageLinksHeading')} <span class="count">{formatCount(page.total, list.locale)}</span>
      </h1>
      <LinkList {...list} links={page.links.map((l) => ({ id: l.id, title: l.via ? `${l.text} (${foundVia(l.via)})` : l.text }))} />
      {more > 0 && (
        <p class="more" data-testid="more">
          {t('popupAndMore', String(more))}
        </p>
      )}
    </section>
  );
}
