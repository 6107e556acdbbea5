/**
 * What the popup opens on (PRODUCT.md F3, in its order of preference), from what it could learn
 * about the tab: the tab's own address when it is a Bitly link; else the page's Bitly links; else
 * the account's links to this page (with "Shorten this page" when there is none); else — a page
 * the content script cannot run on (browser and store pages), or nothing known about the tab —
 * the account overview.
 */
import { parseBitlink } from '@/utils/bitly/link';
import { isWebPage } from '@/utils/links/page-url';
import type { AccountState, PageLinks } from '@/utils/messaging/protocol';
import type { ActiveTab, PopupApi } from './popup-api';

export type PopupView =
  | { kind: 'no-token' }
  /** Full stats of one link; `text` is its text on the page, when it came from there. */
  | { kind: 'link'; link: string; text?: string }
  | { kind: 'page-links'; page: PageLinks }
  /** `pageListed`: the page's content script answered (it has no Bitly links), so none were missed. */
  | { kind: 'links-to-page'; url: string; pageListed: boolean }
  | { kind: 'account' };

/** Pages where browsers run no extension content scripts although they are web pages: the add-on stores. */
const STORE_PAGES = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/addons\.mozilla\.org\//, /^https:\/\/microsoftedge\.microsoft\.com\/addons/];

/** A page Bitlens can look at: a web page outside the stores. */
const isOrdinaryPage = (url: string) => isWebPage(url) && !STORE_PAGES.some((store) => store.test(url));

export interface TabFacts {
  account: AccountState;
  tab: ActiveTab;
  /** The content script's answer, or null when none came. */
  page: PageLinks | null;
  brandedHosts: readonly string[];
}

export function choosePopupView({ account, tab, page, brandedHosts }: TabFacts): PopupView {
  if (!account.signedIn) return { kind: 'no-token' };
  const url = page?.url ?? tab.url;
  const own = url ? parseBitlink(url, new Set(brandedHosts)) : null;
  if (own) return { kind: 'link', link: own.id };
  if (page && page.links.length > 0) return { kind: 'page-links', page };
  if (url && isOrdinaryPage(url)) return { kind: 'links-to-page', url, pageListed: page !== null };
  return { kind: 'account' };
}

/** Everything the choice needs, asked at once; a question that fails counts as "not known". */
export async function learnAboutTab(api: PopupApi): Promise<TabFacts> {
  const tab = api.activeTab().catch((): ActiveTab => ({}));
  const [account, known, page, brandedHosts] = await Promise.all([
    api.getAccount(),
    tab,
    tab.then((t) => (t.id === undefined ? null : api.pageLinks(t.id))).catch(() => null),
    api.brandedHosts().catch(() => []),
  ]);
  return { account, tab: known, page, brandedHosts };
}
