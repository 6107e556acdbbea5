/**
 * What the popup needs from the rest of the extension, as one interface (STYLE.md habit 6): the
 * real implementation asks the background through utils/messaging and the tab's content script
 * through `tabs.sendMessage`; the fixture one (popup-api-fixture.ts) runs the popup's logic in
 * tests without extension APIs.
 */
import { browser } from 'wxt/browser';
import { copyText } from '@/utils/clipboard';
import { holdPort } from '@/utils/messaging/held-port';
import {
  ASKER_PORT_PREFIX,
  type AccountFacetReply,
  type AccountState,
  type AskerPush,
  type LinkFacetReply,
  type LinksToPageReply,
  type PageLinks,
  type PageRequest,
  type ShortenReply,
} from '@/utils/messaging/protocol';
import { createLinkFacetBatcher } from '@/utils/messaging/link-facet-batch';
import { askAccountFacet, sendMessage } from '@/utils/messaging/send';
import type { Priority } from '@/utils/scheduler/request-scheduler';
import type { Settings, SettingsPatch } from '@/utils/settings/settings-schema';
import type { StatsWindow } from '@/utils/settings/time-window';
import type { AccountFacet, LinkFacet } from '@/utils/stats/facet-names';

/** How long the popup waits for the tab's content script before doing without it. */
export const PAGE_ANSWER_TIMEOUT_MS = 1_000;

export interface ActiveTab {
  id?: number;
  /** Only when the browser shares it: `activeTab`, granted when the user opened the popup. */
  url?: string;
}

export interface AskOptions {
  refresh?: boolean;
  window?: StatsWindow;
  priority: Priority;
}

export interface PopupApi {
  getAccount(): Promise<AccountState>;
  activeTab(): Promise<ActiveTab>;
  /** The tab's own answer (its address and Bitly links), or null when no content script answers. */
  pageLinks(tabId: number): Promise<PageLinks | null>;
  brandedHosts(): Promise<string[]>;
  getSettings(): Promise<Settings>;
  /** Stores a change (the pickers' unit and range) for every surface. */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  askLinkFacet<F extends LinkFacet>(link: string, facet: F, options: AskOptions): Promise<LinkFacetReply<F>>;
  /** A facet of the account's group (the settings' group, else the default one). */
  askAccountFacet<F extends AccountFacet>(facet: F, options: AskOptions & { size?: number }): Promise<AccountFacetReply<F>>;
  findLinksToPage(url: string, options: { refresh?: boolean }): Promise<LinksToPageReply>;
  shortenPage(url: string): Promise<ShortenReply>;
  /** Pushes for the popup (a facet was refreshed, settings changed); returns the unsubscribe. */
  subscribe(listener: (push: AskerPush) => void): () => void;
  openOptions(): Promise<void>;
  copyText(text: string): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** A content script's answer, checked: it comes from a page's world, through our own script. */
function asPageLinks(value: unknown): PageLinks | null {
  const page = value as PageLinks | null | undefined;
  if (!page || typeof page.url !== 'string' || !Array.isArray(page.links) || typeof page.total !== 'number') return null;
  const links = page.links.filter((l) => typeof l?.id === 'string' && typeof l.text === 'string');
  const ownLink = typeof page.ownLink === 'string' ? page.ownLink : undefined;
  return { url: page.url, ...(ownLink ? { ownLink } : {}), links, total: Math.max(page.total, links.length) };
}

/**
 * The message-backed popup API. It holds the popup's asker port from creation to `dispose()`:
 * while it is open the background pushes refreshes to it; when the popup closes, the background
 * drops the popup's queued requests.
 */
export function createMessagePopupApi(): PopupApi & { dispose(): void } {
  const askerId = crypto.randomUUID();
  const listeners = new Set<(push: AskerPush) => void>();
  // Every view needs the settings (their time window): asked at once, with the tab's facts.
  let settings: Promise<Settings> = sendMessage('getSettings', {});
  const port = holdPort(ASKER_PORT_PREFIX + askerId, (message) => {
    const push = message as AskerPush;
    if (push.type === 'settingsChanged') settings = Promise.resolve(push.settings);
    for (const listener of listeners) listener(push);
  });
  const askLinkFacet = createLinkFacetBatcher();
  const request = ({ refresh, window, priority }: AskOptions) => ({ askerId, priority, ...(refresh ? { refresh } : {}), ...window });

  return {
    getAccount: () => sendMessage('getAccount', {}),
    async activeTab() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return { id: tab?.id, url: tab?.url };
    },
    async pageLinks(tabId) {
      const message: PageRequest = { bitlensPage: 'links' };
      const answer = browser.tabs.sendMessage(tabId, message, { frameId: 0 }).then(asPageLinks, () => null);
      return withTimeout(answer, PAGE_ANSWER_TIMEOUT_MS, null);
    },
    brandedHosts: () => sendMessage('getBrandedHosts', {}),
    getSettings: () => settings,
    async updateSettings(patch) {
      const stored = await sendMessage('updateSettings', patch);
      settings = Promise.resolve(stored);
      return stored;
    },
    askLinkFacet: (link, facet, options) => askLinkFacet({ link, facet, ...request(options) }),
    askAccountFacet: (facet, { size, ...options }) => askAccountFacet({ facet, ...request(options), ...(size ? { size } : {}) }),
    findLinksToPage: (url, { refresh }) => sendMessage('findLinksToPage', { url, askerId, ...(refresh ? { refresh } : {}) }),
    shortenPage: (url) => sendMessage('shortenPage', { url }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    copyText,
    dispose() {
      port.close();
      listeners.clear();
    },
  };
}
