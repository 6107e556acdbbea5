/**
 * What the popup needs from the rest of the extension, as one interface (STYLE.md habit 6): the
 * real implementation asks the background through utils/messaging and the tab's content script
 * through `tabs.sendMessage`; the fixture one (popup-api-fixture.ts) runs the popup's logic in
 * tests without extension APIs.
 */
import { browser } from 'wxt/browser';
import { copyText } from '@/utils/clipboard';
import { holdPort } from '@/utils/messaging/held-port';
import type { AccountFacetReply, AccountState, AskerPush, LinkFacetReply, LinksToPageReply, PageLinks, ShortenReply } from '@/utils/messaging/protocol';
import { ASKER_PORT_PREFIX } from '@/utils/messaging/protocol-constants';
import { createLinkFacetBatcher } from '@/utils/messaging/link-facet-batch';
import { askAccountFacet, sendMessage } from '@/utils/messaging/send';
import type { Priority } from '@/utils/scheduler/request-scheduler';
import type { Settings, SettingsPatch } from '@/utils/settings/settings-schema';
import type { StatsWindow } from '@/utils/settings/time-window';
import type { AccountFacet, LinkFacet } from '@/utils/stats/facet-names';
import { askFirstQuestions, askPageLinks, takeFirstQuestions, type ActiveTab, type FirstQuestions } from './first-questions';

export type { ActiveTab };

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

/** The first call gets the answer already on its way; later calls ask again. */
function firstThen<T>(first: Promise<T>, ask: () => Promise<T>): () => Promise<T> {
  let waiting: Promise<T> | undefined = first;
  return () => {
    const answer = waiting ?? ask();
    waiting = undefined;
    return answer;
  };
}

/**
 * The message-backed popup API. It holds the popup's asker port from creation to `dispose()`:
 * while it is open the background pushes refreshes to it; when the popup closes, the background
 * drops the popup's queued requests.
 */
export function createMessagePopupApi(first: FirstQuestions = takeFirstQuestions() ?? askFirstQuestions()): PopupApi & { dispose(): void } {
  const { askerId, early } = first;
  const listeners = new Set<(push: AskerPush) => void>();
  // Every view needs the settings (their time window): asked at once, with the tab's facts.
  let settings: Promise<Settings> = first.settings;
  const firstPage = firstThen<{ tabId?: number; page: PageLinks | null } | undefined>(
    first.tab.then(async (tab) => ({ tabId: tab.id, page: await first.page })).catch(() => undefined),
    async () => undefined,
  );
  const port = holdPort(
    ASKER_PORT_PREFIX + askerId,
    (message) => {
      const push = message as AskerPush;
      if (push.type === 'settingsChanged') settings = Promise.resolve(push.settings);
      for (const listener of listeners) listener(push);
    },
    { adopt: first.port },
  );
  const askLinkFacet = createLinkFacetBatcher();
  const request = ({ refresh, window, priority }: AskOptions) => ({ askerId, priority, ...(refresh ? { refresh } : {}), ...window });

  return {
    getAccount: firstThen(first.account, () => sendMessage('getAccount', {})),
    // The popup belongs to the tab it was opened on: it closes when another tab becomes active.
    activeTab: () => first.tab,
    async pageLinks(tabId) {
      const asked = await firstPage().catch(() => undefined);
      return asked && asked.tabId === tabId ? asked.page : askPageLinks(tabId);
    },
    brandedHosts: firstThen(first.brandedHosts, () => sendMessage('getBrandedHosts', {})),
    getSettings: () => settings,
    async updateSettings(patch) {
      const stored = await sendMessage('updateSettings', patch);
      settings = Promise.resolve(stored);
      return stored;
    },
    // The first view's questions were asked early (the boot script): their answers, not new requests.
    askLinkFacet(link, facet, options) {
      const asked = { link, facet, ...request(options) };
      return early.take(asked, () => askLinkFacet(asked));
    },
    askAccountFacet(facet, { size, ...options }) {
      const asked = { facet, ...request(options), ...(size ? { size } : {}) };
      return early.take(asked, () => askAccountFacet(asked));
    },
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
