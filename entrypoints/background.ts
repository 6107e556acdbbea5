/**
 * The background service worker: the only holder of the token and the only caller of Bitly.
 * It wires the scheduled Bitly client, cache and services together and answers the message
 * protocol.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAccountService } from '@/utils/account/account-service';
import { openSetupOnInstall, showSignInState } from '@/utils/account/sign-in-prompt';
import { accountItem, restrictStorageToExtension, tokenItem } from '@/utils/account/storage';
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
import type { ContentConfig, ContentPush } from '@/utils/messaging/protocol';
import { loadSettings, settingsItem, updateSettings, watchSettings, type Settings } from '@/utils/settings/settings';
import { AskerPorts } from '@/utils/messaging/asker-ports';
import { planGates } from '@/utils/stats/plan-gates';
import { createStatsService, type Session } from '@/utils/stats/stats-service';

async function readSession(): Promise<Session | null> {
  const [token, account] = await Promise.all([tokenItem.getValue(), accountItem.getValue()]);
  if (!token || !account) return null;
  return {
    token,
    login: account.login,
    defaultGroupGuid: account.defaultGroup.guid,
    organizationGuid: account.organization?.guid ?? null,
  };
}

export default defineBackground(() => {
  void restrictStorageToExtension();
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // The one way to Bitly: every call of every service is a job of this one scheduler.
  const bitly = createScheduledBitly({
    scheduler: new RequestScheduler(),
    transportFor: (token) => createTransport({ baseUrl: __BITLY_API_BASE__, token }),
  });
  // Read for every facet asked; kept in memory until their storage keys change (a popup's seven
  // facets cost seven cache reads, not twenty-eight storage reads).
  const session = rememberedUntilChanged(readSession, [tokenItem.key, accountItem.key]);
  const settings = rememberedUntilChanged(loadSettings, [settingsItem.key]);
  const cache = new StatsCache({ area: browser.storage.local });
  const forgetCachedData = async () => {
    await Promise.all([cache.clear(), planGates.clear()]);
  };
  const askers = new AskerPorts(self);
  const cards = new CardRelay(self);
  const linkMenu = createLinkStatsMenu({ brandedHosts: () => stats.getBrandedHosts() });
  const stats = createStatsService({
    cache,
    bitly,
    session,
    settings,
    planGates,
    askers,
    onBrandedHosts: (hosts) => void linkMenu.show(hosts),
  });
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
    onAccountChanged: async () => {
      session.forget();
      await forgetCachedData();
      await Promise.all([stats.getBrandedHosts(), readSession().then((session) => showSignInState(session !== null))]);
    },
  });
  browser.runtime.onInstalled.addListener(openSetupOnInstall);
  void readSession().then((session) => showSignInState(session !== null));

  const router = createMessageRouter(
    {
      getAccount: () => account.getState(),
      saveToken: ({ token }) => account.saveToken(token),
      signOut: () => account.signOut(),
      getLinkFacet: (request) => stats.getLinkFacet(request),
      getLinkFacets: ({ requests }) => Promise.all(requests.map((request) => stats.getLinkFacet(request))),
      getAccountFacet: (request) => stats.getAccountFacet(request),
      getBrandedHosts: () => stats.getBrandedHosts(),
      getContentConfig: () => contentConfig(),
      closeCard: async ({ refocusLink }, sender) => {
        if (sender.tab?.id !== undefined) await pushToTab(sender.tab.id, { bitlensPush: 'closeCard', refocusLink });
        return null;
      },
      showCard: async ({ key, link, text }, sender) => {
        if (sender.tab?.id !== undefined) cards.relay(sender.tab.id, key, { type: 'show', link, text });
        return null;
      },
      hideCard: async ({ key }, sender) => {
        if (sender.tab?.id !== undefined) cards.relay(sender.tab.id, key, { type: 'hide' });
        return null;
      },
      getGroups: () => account.listGroups(),
      findLinksToPage: (request) => linksToPage.find(request),
      shortenPage: (request) => shortener.shorten(request),
      getSettings: () => loadSettings(),
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
  // Only the test build lets e2e tests drive the context menu, which a headless browser cannot click.
  if (__BITLENS_FLAVOUR__ === 'test') Object.assign(globalThis, { bitlensTest: { linkMenu } });

  async function contentConfig(settings?: Settings): Promise<ContentConfig> {
    const { hoverEnabled, hoverDelayMs, disabledSites } = settings ?? (await loadSettings());
    return { hoverEnabled, hoverDelayMs, disabledSites, brandedHosts: await stats.getBrandedHosts() };
  }

  // Every open surface and every page's content script applies a settings change at once.
  watchSettings(async (settings) => {
    askers.broadcast({ type: 'settingsChanged', settings });
    cards.broadcast({ type: 'settings', settings });
    const push: ContentPush = { bitlensPush: 'config', config: await contentConfig(settings) };
    for (const tab of await browser.tabs.query({})) if (tab.id !== undefined) void pushToTab(tab.id, push);
  });
});

/** Sends to a tab's top-frame content script; a tab without one (e.g. a browser page) is skipped. */
async function pushToTab(tabId: number, push: ContentPush) {
  await browser.tabs.sendMessage(tabId, push, { frameId: 0 }).catch(() => {});
}
