/**
 * The background service worker: the only holder of the token and the only caller of Bitly.
 * It wires the client, cache, scheduler and services together and answers the message protocol.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createAccountService, tokenProblemOf } from '@/utils/account/account-service';
import { accountItem, restrictStorageToExtension, tokenItem } from '@/utils/account/storage';
import { createBitlyClient } from '@/utils/bitly/client';
import { CardRelay } from '@/utils/messaging/card-relay';
import { StatsCache } from '@/utils/cache/stats-cache';
import { createMessageRouter } from '@/utils/messaging/router';
import { createLinksToPageService } from '@/utils/links/links-to-page';
import { createShortenPageService } from '@/utils/links/shorten-page';
import { RequestScheduler } from '@/utils/scheduler/request-scheduler';
import type { ContentConfig, ContentPush } from '@/utils/messaging/protocol';
import { loadSettings, updateSettings, watchSettings, type Settings } from '@/utils/settings/settings';
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

  const clientFor = (token: string) => createBitlyClient({ baseUrl: __BITLY_API_BASE__, token });
  const cache = new StatsCache({ area: browser.storage.local });
  const forgetCachedData = async () => {
    await Promise.all([cache.clear(), planGates.clear()]);
  };
  const askers = new AskerPorts(self);
  const cards = new CardRelay(self);
  const scheduler = new RequestScheduler();
  const stats = createStatsService({
    cache,
    scheduler,
    session: readSession,
    clientFor,
    settings: loadSettings,
    planGates,
    askers,
  });
  const linksToPage = createLinksToPageService({ cache, scheduler, session: readSession, clientFor, settings: loadSettings, askers });
  const shortener = createShortenPageService({
    cache,
    scheduler,
    session: readSession,
    clientFor,
    settings: loadSettings,
    onShortened: (url, link) => linksToPage.remember(url, link),
  });
  // A new or removed token must never show the previous account's numbers. The new account's
  // branded domains are fetched now, so detecting them costs no Bitly call at hover time.
  const account = createAccountService({
    clientFor,
    onAccountChanged: async () => {
      await forgetCachedData();
      await stats.getBrandedHosts();
    },
  });

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
      getGroups: async () => {
        const session = await readSession();
        if (!session) return { ok: false, problem: 'no-token' };
        try {
          const { groups } = await clientFor(session.token).getGroups();
          return { ok: true, groups: groups.map(({ guid, name }) => ({ guid, name })) };
        } catch (error) {
          return { ok: false, problem: tokenProblemOf(error) };
        }
      },
      findLinksToPage: (request) => linksToPage.find(request),
      shortenPage: (request) => shortener.shorten(request),
      getSettings: () => loadSettings(),
      updateSettings: (patch) => updateSettings(patch),
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
