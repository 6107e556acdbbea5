/**
 * The account's links that point to the page the user is on (PRODUCT.md F3 step 3): the default
 * group's bitlinks searched by the page's address, kept when their destination is the same page
 * (scheme, trailing slash and fragment aside; page-url.ts). Cached like the stats (fresh for the
 * configured lifetime, then answered stale while one refresh runs, announced on the asker's port);
 * a link the user just made for the page is added to the cached answer at once.
 */
import type { Bitlink } from '../bitly/schemas';
import type { StatsCache } from '../cache/stats-cache';
import type { AskerPush, LinksToPage, LinksToPageReply, LinksToPageRequest } from '../messaging/protocol';
import type { ScheduledBitly } from '../scheduler/scheduled-bitly';
import type { Settings } from '../settings/settings-schema';
import type { Session } from '../stats/stats-service';
import { accountFailureReply } from './failure-reply';
import { LINKS_TO_PAGE_FACET, isSamePage, pageKey } from './page-url';

/** One page of search results is read; Bitly's default page size. */
export const SEARCH_SIZE = 50;

export interface LinksToPageDeps {
  cache: StatsCache;
  bitly: ScheduledBitly;
  session(): Promise<Session | null>;
  settings(): Promise<Settings>;
  askers: { signal(askerId?: string): AbortSignal | undefined; push(askerId: string, message: AskerPush): void };
  now?: () => number;
}

interface Search {
  key: string;
  url: string;
  page: string;
  group: string;
  session: Session;
}

export function createLinksToPageService(deps: LinksToPageDeps) {
  const now = deps.now ?? Date.now;
  const refreshing = new Map<string, Set<string>>();

  async function searchFor(url: string): Promise<Search | 'no-token' | 'not-a-page'> {
    const page = pageKey(url);
    if (page === null) return 'not-a-page';
    const session = await deps.session();
    if (!session) return 'no-token';
    const group = (await deps.settings()).defaultGroupGuid ?? session.defaultGroupGuid;
    return { key: [session.login, group, LINKS_TO_PAGE_FACET, page].join('|'), url, page, group, session };
  }

  async function fetchAndStore(search: Search, priority: 'interactive' | 'normal', signal?: AbortSignal): Promise<LinksToPage> {
    const found = await deps.bitly
      .forToken(search.session.token)
      .searchGroupBitlinks(search.group, { query: search.page, size: SEARCH_SIZE }, { priority, signal });
    const answer: LinksToPage = { links: found.links.filter((link) => isSamePage(link.long_url, search.url)) };
    await deps.cache.set(search.key, answer, now());
    return answer;
  }

  function refreshInBackground(search: Search, askerId: string | undefined) {
    const waiting = refreshing.get(search.key);
    if (waiting) {
      if (askerId) waiting.add(askerId);
      return;
    }
    const askers = new Set(askerId ? [askerId] : []);
    refreshing.set(search.key, askers);
    fetchAndStore(search, 'normal')
      .then(() => {
        for (const id of askers) deps.askers.push(id, { type: 'facetUpdated', target: search.page, facet: LINKS_TO_PAGE_FACET });
      })
      .catch(() => {})
      .finally(() => refreshing.delete(search.key));
  }

  return {
    async find(request: LinksToPageRequest): Promise<LinksToPageReply> {
      const search = await searchFor(request.url);
      if (search === 'no-token') return { state: 'no-token' };
      if (search === 'not-a-page') return { state: 'error', reason: 'bad-request' };
      const cached = await deps.cache.get<LinksToPage>(search.key);
      if (cached) {
        const fresh = now() - cached.fetchedAt < (await deps.settings()).cacheLifetimeMinutes * 60_000;
        if (fresh && !request.refresh) return { state: 'data', data: cached.value, fetchedAt: cached.fetchedAt, stale: false, refreshing: false };
        refreshInBackground(search, request.askerId);
        return { state: 'data', data: cached.value, fetchedAt: cached.fetchedAt, stale: !fresh, refreshing: true };
      }
      try {
        const data = await fetchAndStore(search, 'interactive', deps.askers.signal(request.askerId));
        return { state: 'data', data, fetchedAt: now(), stale: false, refreshing: false };
      } catch (error) {
        return accountFailureReply(error, deps.bitly.rateLimitedUntil || now() + 2_000);
      }
    },

    /** A link just made for `url`: the cached answer for that page lists it first from now on. */
    async remember(url: string, link: Bitlink): Promise<void> {
      const search = await searchFor(url);
      if (typeof search === 'string') return;
      const cached = await deps.cache.get<LinksToPage>(search.key);
      const others = (cached?.value.links ?? []).filter((known) => known.id !== link.id);
      await deps.cache.set(search.key, { links: [link, ...others] }, cached?.fetchedAt ?? now());
    },
  };
}

export type LinksToPageService = ReturnType<typeof createLinksToPageService>;
