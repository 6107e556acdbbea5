/**
 * The background service worker: the only holder of the token and the only caller of Bitly.
 * It wires the scheduled Bitly client, cache and services together and answers the message
 * protocol.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAccountService } from '@/utils/account/account-service';
import { openSetupOnInstall, showSignInState } from '@/utils/account/sign-in-prompt';
import { CREDENTIALS_KEY, credentialStoreForThisBrowser, restrictStorageToExtension } from '@/utils/account/storage';
import { createTransport } from '@/utils/bitly/transport';
import { createLinkStatsMenu } from '@/utils/context-menu/link-stats-menu';
import { CardRelay } from '@/utils/messaging/card-relay';
import { StatsCache } from '@/utils/cache/stats-cache';
import { rememberedUntilChanged } from '@/utils/cache/remembered';
import { createMessageRouter } from '@/utils/messaging/router';
import { createLinksToPageService } from '@/utils/links/links-to-page';
import { createShortenPageService } from '@/utils/links/shorten-page';
import { RequestScheduler } from '@/utils/scheduler/request-scheduler';
import { createScheduledBitly } from '@/utils/scheduler/scheduled-bitly';
import type { ContentPush, PageRequest } from '@/utils/messaging/protocol';
import { loadSettings, settingsItem, updateSettings, watchSettings } from '@/utils/settings/settings';
import { pageConfigFor } from '@/utils/settings/page-config';
import { memoryArea } from '@/utils/cache/memory-area';
import { AskerPorts } from '@/utils/messaging/asker-ports';
import { t } from '@/utils/i18n';
import { rememberedPlanGates } from '@/utils/stats/plan-gates';
import { createStatsService, type Session } from '@/utils/stats/stats-service';
import { LookupBudget } from '@/utils/stats/lookup-budget';
import { CARD_PAGE } from '@/utils/card-frame-contract';
import type { Browser } from 'wxt/browser';

export default defineBackground(() => {
  const credentialStore = credentialStoreForThisBrowser(browser.storage.local);
  // Read for every facet and by every popup that asks for the account: kept in memory until its
  // storage key changes (a popup's seven facets cost no storage read for the session). Firefox
  // keeps the credentials in IndexedDB, which has no change events: each write through
  // `credentials` forgets them too.
  const storedCredentials = rememberedUntilChanged(() => credentialStore.read(), [`local:${CREDENTIALS_KEY}`]);
  const credentials: typeof credentialStore = {
    kind: credentialStore.kind,
    read: storedCredentials,
    write: (next) => credentialStore.write(next).finally(() => storedCredentials.forget()),
  };
  /** The session of the remembered credentials. */
  async function session(): Promise<Session | null> {
    const stored = await credentials.read();
    if (!stored) return null;
    const { token, account } = stored;
    return {
      token,
      login: account.login,
      defaultGroupGuid: account.defaultGroup.guid,
      organizationGuid: account.organization?.guid ?? null,
    };
  }

  // Firefox has no access levels: its token is in the background's IndexedDB (utils/account/storage.ts).
  if (!import.meta.env.FIREFOX) void restrictStorageToExtension().catch(() => {});
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // The one way to Bitly: every call of every service is a job of this one scheduler.
  const bitly = createScheduledBitly({
    scheduler: new RequestScheduler(),
    transportFor: (token) => createTransport({ baseUrl: __BITLY_API_BASE__, token }),
  });
  // Read for every facet asked and by every popup first (getSettings below); kept in memory until
  // its storage key changes.
  const settings = rememberedUntilChanged(loadSettings, [settingsItem.key]);
  // Asked before every facet is answered; kept in memory like the settings.
  const planGates = rememberedPlanGates();
  const cache = new StatsCache({ area: browser.storage.local });
  // Lookups from incognito tabs are kept in the worker's memory only (they read what is cached on disk).
  const privateCache = new StatsCache({ area: memoryArea(), readThrough: cache });
  const forgetCachedData = async () => {
    await Promise.all([cache.clear(), privateCache.clear(), planGates.clear()]);
  };
  const askers = new AskerPorts(self);
  const cards = new CardRelay(self);
  const linkMenu = createLinkStatsMenu({ brandedHosts: () => stats.getBrandedHosts(), askPage: askPageLinks });
  const stats = createStatsService({
    cache,
    bitly,
    session,
    settings,
    planGates,
    askers,
    onBrandedHosts: (hosts) => void linkMenu.show(hosts),
  });
  const privateStats = createStatsService({ cache: privateCache, bitly, session, settings, planGates, askers });
  /** The stats service for a sender: incognito tabs' lookups never reach the disk. */
  const statsFor = (sender: Browser.runtime.MessageSender) => (sender.tab?.incognito ? privateStats : stats);
  const linksToPage = createLinksToPageService({ cache, bitly, session, settings, askers });
  const shortener = createShortenPageService({
    cache,
    bitly,
    session,
    settings,
    onShortened: (url, link) => linksToPage.remember(url, link),
  });
  // A new or removed token must never show the previous account's numbers. The new account's
  // branded domains are fetched now, so detecting them costs no Bitly call at hover time.
  const account = createAccountService({
    bitly,
    credentials,
    onAccountChanged: async () => {
      await forgetCachedData();
      await Promise.all([stats.getBrandedHosts(), session().then((known) => showSignInState(known !== null))]);
      // Open tabs drop the previous account's branded domains and learn the new one's.
      await pushContentConfig();
    },
  });
  // A page cannot make its tab's cards look up links faster than a person hovers them.
  const lookups = new LookupBudget();
  browser.tabs.onRemoved.addListener((tabId) => lookups.forgetTab(tabId));
  const budgetOf = (sender: Browser.runtime.MessageSender, clicked: boolean | undefined) => {
    const tabId = sender.tab?.id;
    const fromCard = tabId !== undefined && sender.url !== undefined && new URL(sender.url).pathname === CARD_PAGE;
    return fromCard ? (target: string) => lookups.admit(tabId, target, clicked === true) : undefined;
  };
  browser.runtime.onInstalled.addListener(openSetupOnInstall);
  void session().then((known) => showSignInState(known !== null));

  const router = createMessageRouter(
    {
      getAccount: () => account.getState(),
      saveToken: ({ token }) => account.saveToken(token),
      signOut: () => account.signOut(),
      getLinkFacet: (request, sender) => statsFor(sender).getLinkFacet(request, budgetOf(sender, request.clicked)),
      getLinkFacets: ({ requests }, sender) =>
        Promise.all(requests.map((request) => statsFor(sender).getLinkFacet(request, budgetOf(sender, request.clicked)))),
      getAccountFacet: (request, sender) => statsFor(sender).getAccountFacet(request),
      getBrandedHosts: () => stats.getBrandedHosts(),
      // Only the sender's own page's on/off, decided from the address the browser reports for it.
      getContentConfig: async (_request, sender) =>
        pageConfigFor(await settings(), sender.url, { brandedHosts: await stats.getBrandedHosts(), cardFrameTitle: t('cardFrameTitle') }),
      closeCard: async ({ refocusLink }, sender) => {
        if (sender.tab?.id !== undefined) await pushToTab(sender.tab.id, { bitlensPush: 'closeCard', refocusLink });
        return null;
      },
      showCard: async ({ key, link, text, via }, sender) => {
        if (sender.tab?.id !== undefined) cards.relay(sender.tab.id, key, { type: 'show', link, text, ...(via ? { via } : {}) });
        return null;
      },
      prepareCard: async ({ key, link, text, via }, sender) => {
        if (sender.tab?.id !== undefined) cards.relay(sender.tab.id, key, { type: 'prepare', link, text, ...(via ? { via } : {}) });
        return null;
      },
      hideCard: async ({ key }, sender) => {
        if (sender.tab?.id !== undefined) cards.relay(sender.tab.id, key, { type: 'hide' });
        return null;
      },
      getGroups: (request, sender) => statsFor(sender).getGroups(request),
      findLinksToPage: (request) => linksToPage.find(request),
      shortenPage: (request) => shortener.shorten(request),
      getSettings: () => settings(),
      updateSettings: async (patch) => {
        const next = await updateSettings(patch);
        settings.forget();
        return next;
      },
      clearCache: async () => {
        await forgetCachedData();
        return null;
      },
    },
    self,
  );
  browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  browser.runtime.onConnect.addListener(askers.attach);
  browser.runtime.onConnect.addListener(cards.attach);
  browser.contextMenus.onClicked.addListener((click, tab) => void linkMenu.open(click, tab));
  // Registers the context-menu item for the account's branded hosts (read from the cache; Bitly is asked at most daily).
  void stats.getBrandedHosts();
  // Only the test build lets e2e tests reach inside: drive the context menu (a headless browser cannot
  // click it), lower the lookup cap, count card-port connections, make cache writes fail.
  if (__BITLENS_FLAVOUR__ === 'test') Object.assign(globalThis, { bitlensTest: { linkMenu, lookups, cards, cache } });

  // Every open surface and every page's content script applies a settings change at once.
  watchSettings(async (settings) => {
    askers.broadcast({ type: 'settingsChanged', settings });
    cards.broadcast({ type: 'settings', settings });
    await pushContentConfig();
  });

  /** Each open tab's content script asks its page's config again (its own on/off, the account's branded domains). */
  async function pushContentConfig() {
    const push: ContentPush = { bitlensPush: 'configChanged' };
    await Promise.all((await browser.tabs.query({})).map((tab) => (tab.id === undefined ? undefined : pushToTab(tab.id, push))));
  }
});

/** Asks a frame's content script for the Bitly links of its links with address `href` (a frame without one rejects). */
function askPageLinks(tabId: number, frameId: number, href: string): Promise<unknown> {
  const request: PageRequest = { bitlensPage: 'links', href };
  return browser.tabs.sendMessage(tabId, request, { frameId });
}

/** Sends to a tab's top-frame content script; a tab without one (e.g. a browser page) is skipped. */
async function pushToTab(tabId: number, push: ContentPush) {
  await browser.tabs.sendMessage(tabId, push, { frameId: 0 }).catch(() => {});
}
