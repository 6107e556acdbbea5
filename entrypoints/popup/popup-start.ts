/**
 * What the popup opens on (PRODUCT.md F3, in its order of preference), from what it learns about
 * the tab: the tab's own address when it is a Bitly link; else the page's Bitly links; else the
 * account's links to this page (with "Shorten this page" when there is none); else — a page the
 * content script cannot run on (browser and store pages), or nothing known about the tab — the
 * account overview. No token: one call to action instead.
 *
 * The facts arrive one by one (the tab, its content script's answer, the account, the branded
 * domains); the choice is made as soon as the facts it needs are in, so the first paint waits for
 * as few messages as possible: when the tab's address alone decides (a Bitly link, a browser or
 * store page), the content script's answer is not waited for. A signed-out account, whenever it is
 * known, wins.
 */
import { parseBitlink } from '@/utils/bitly/link';
import { isWebPage } from '@/utils/links/page-url';
import type { AccountState, PageLinks } from '@/utils/messaging/protocol';

export interface ActiveTab {
  id?: number;
  /** Only when the browser shares it: `activeTab`, granted when the user opened the popup. */
  url?: string;
}

/** Where the facts come from: the popup's API (popup-api.ts), or the boot script's questions (first-questions.ts). */
export interface TabQuestions {
  activeTab(): Promise<ActiveTab>;
  /** The tab's content script's answer, or null when none answers. */
  pageLinks(tabId: number): Promise<PageLinks | null>;
  getAccount(): Promise<AccountState>;
  brandedHosts(): Promise<string[]>;
}

export type PopupView =
  | { kind: 'no-token' }
  /** Full stats of one link. */
  | { kind: 'link'; link: string }
  | { kind: 'page-links'; page: PageLinks }
  /** `pageListed`: the page's content script answered (it has no Bitly links), so none were missed. */
  | { kind: 'links-to-page'; url: string; pageListed: boolean }
  | { kind: 'account' };

/** What is known so far; `undefined` = not yet known, `page: null` = no content script answered. */
export interface TabFacts {
  account?: AccountState;
  tab?: ActiveTab;
  page?: PageLinks | null;
  brandedHosts?: readonly string[];
}

/** Pages where browsers run no extension content scripts although they are web pages: the add-on stores. */
const STORE_PAGES = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/addons\.mozilla\.org\//, /^https:\/\/microsoftedge\.microsoft\.com\/addons/];

/** A page Bitlens can look at: a web page outside the stores. */
const isOrdinaryPage = (url: string) => isWebPage(url) && !STORE_PAGES.some((store) => store.test(url));

/** A tab no content script can answer from: browser pages (not web pages, not local files) and the stores. */
const isClosedToContentScripts = (url: string) => !/^(https?|file):/i.test(url) || STORE_PAGES.some((store) => store.test(url));

/** The view for the facts known so far, or null while a needed fact is still on its way. */
export function choosePopupView({ account, tab, page, brandedHosts }: TabFacts): PopupView | null {
  if (account && !account.signedIn) return { kind: 'no-token' };
  const url = tab?.url;
  // What the address alone decides needs no answer from the page (the content script would say the same).
  const bitly = url ? parseBitlink(url) : null;
  if (bitly) return { kind: 'link', link: bitly.id };
  if (url && isClosedToContentScripts(url)) return { kind: 'account' };
  if (page === undefined) return null;
  if (page) {
    // The content script knows the account's branded domains, so it names its own link.
    if (page.ownLink) return { kind: 'link', link: page.ownLink };
    if (page.links.length > 0) return { kind: 'page-links', page };
    if (isOrdinaryPage(page.url)) return { kind: 'links-to-page', url: page.url, pageListed: true };
    return { kind: 'account' };
  }
  if (!url || !isOrdinaryPage(url)) return { kind: 'account' };
  if (!brandedHosts) return null;
  const branded = parseBitlink(url, new Set(brandedHosts));
  return branded ? { kind: 'link', link: branded.id } : { kind: 'links-to-page', url, pageListed: false };
}

/**
 * Asks everything the choice needs at once and reports each fact as it arrives (a question that
 * fails counts as answered with "not known").
 */
export function learnAboutTab(api: TabQuestions, onFacts: (facts: TabFacts) => void): void {
  const tab = api.activeTab().catch((): ActiveTab => ({}));
  void tab.then((known) => onFacts({ tab: known }));
  void tab
    .then((t) => (t.id === undefined ? null : api.pageLinks(t.id)))
    .catch(() => null)
    .then((page) => onFacts({ page }));
  void api.getAccount().then(
    (account) => onFacts({ account }),
    () => onFacts({ account: { signedIn: false } }),
  );
  void api.brandedHosts().then(
    (brandedHosts) => onFacts({ brandedHosts }),
    () => onFacts({ brandedHosts: [] }),
  );
}
