/**
 * The context-menu item "Bitly stats for this link" (F7): shown only on links to Bitly's hosts
 * and the account's branded domains, and on known link wrappers that carry one (issue 15), it
 * opens the Bitly link's full report in a new tab next to the one it was chosen in.
 *
 * The browser decides where the item shows from `targetUrlPatterns`, so the patterns follow the
 * branded domains: the background passes every list the stats service reads (sign-in, sign-out,
 * the daily refresh), and the item is re-registered only when the patterns change.
 */
import { browser, type Browser } from 'wxt/browser';
import { BITLY_HOSTS } from '../bitly/link';
import { t } from '../i18n';
import { reportUrl } from '../report/report-url';
import { clickedBitlink, type AskPageLinks } from './clicked-bitlink';
import { wrappedLinkPatterns } from './wrapped-link-patterns';

export const LINK_STATS_MENU_ID = 'bitlens-link-stats';

/** A host a match pattern can name exactly: lower-case DNS labels, at least two. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * Bitly's hosts and the branded ones, lower-case and without `www.`, sorted and without repeats.
 * A host that is not a plain DNS name is left out: one bad pattern would make the browser refuse
 * the whole item.
 */
function shortHosts(brandedHosts: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const raw of [...BITLY_HOSTS, ...brandedHosts]) {
    const host = raw.trim().toLowerCase().replace(/^www\./, '');
    if (HOST.test(host)) hosts.add(host);
  }
  return [...hosts].sort();
}

/**
 * Match patterns for links on Bitly's hosts and the branded ones (http and https, with and
 * without `www.`, as `parseBitlink` accepts them), sorted.
 */
export function linkPatterns(brandedHosts: readonly string[]): string[] {
  return shortHosts(brandedHosts)
    .flatMap((host) => [host, `www.${host}`])
    .sort()
    .map((host) => `*://${host}/*`);
}

/** Everything the item is registered for: the short hosts' links, then the wrappers that carry one. */
export function menuPatterns(brandedHosts: readonly string[]): string[] {
  return [...linkPatterns(brandedHosts), ...wrappedLinkPatterns(shortHosts(brandedHosts))];
}

/** What the click handler needs of a menu click and of the tab it happened in. */
export type MenuClick = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'linkUrl' | 'frameId'>;
export type ClickedTab = Pick<Browser.tabs.Tab, 'id' | 'index' | 'windowId' | 'incognito'>;

export interface LinkStatsMenuDeps {
  /** The account's branded hosts now (cached by the stats service). */
  brandedHosts(): Promise<string[]>;
  /** Asks a tab's content script for a link's Bitly link by its text (X's `t.co` links). */
  askPage: AskPageLinks;
}

export function createLinkStatsMenu({ brandedHosts, askPage }: LinkStatsMenuDeps) {
  let registered: string[] | null = null;
  let queue: Promise<void> = Promise.resolve();

  async function register(patterns: string[]): Promise<void> {
    await browser.contextMenus.removeAll();
    await new Promise<void>((resolve, reject) => {
      browser.contextMenus.create(
        { id: LINK_STATS_MENU_ID, title: t('contextMenuLinkStats'), contexts: ['link'], targetUrlPatterns: patterns },
        () => {
          const error = browser.runtime.lastError;
          if (error) reject(new Error(error.message));
          else resolve();
        },
      );
    });
    registered = patterns;
  }

  return {
    /** Shows the item for Bitly's hosts and these branded ones; calls are applied in order. */
    show(hosts: readonly string[]): Promise<void> {
      const patterns = menuPatterns(hosts);
      queue = queue
        .then(() => (registered?.join(' ') === patterns.join(' ') ? undefined : register(patterns)))
        // A failed registration is tried again with the next list.
        .catch(() => {
          registered = null;
        });
      return queue;
    },

    /** The patterns the item is registered with now, or null before it is. */
    registered: (): readonly string[] | null => registered,

    /**
     * Opens the report of the clicked link's Bitly link in a new tab after the current one.
     * Returns the report's URL, or null when the click was not ours or no Bitly link is behind
     * the link after all (a pattern also matches, say, bitly.com's own pages, a wrapper naming a
     * short host in another parameter, or a t.co link whose text is not a Bitly URL).
     */
    async open(click: MenuClick, tab: ClickedTab | undefined): Promise<string | null> {
      if (click.menuItemId !== LINK_STATS_MENU_ID || !click.linkUrl) return null;
      const ref = await clickedBitlink({ linkUrl: click.linkUrl, tabId: tab?.id, frameId: click.frameId }, new Set(await brandedHosts()), askPage);
      const url = ref && reportUrl(ref.id);
      if (!url) return null;
      // An extension page cannot open in an incognito window unless the extension is split
      // there; the browser then picks a normal window, so no position is given.
      const placement =
        tab && !tab.incognito && tab.id !== undefined ? { windowId: tab.windowId, index: tab.index + 1, openerTabId: tab.id } : {};
      await browser.tabs.create({ url, ...placement });
      return url;
    },
  };
}

export type LinkStatsMenu = ReturnType<typeof createLinkStatsMenu>;
