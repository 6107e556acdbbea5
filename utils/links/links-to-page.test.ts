import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as v from 'valibot';
import { BitlyError } from '../bitly/errors';
import { StatsCache } from '../cache/stats-cache';
import type { AskerPush } from '../messaging/protocol';
import type { BitlySend } from '../bitly/transport';
import { RequestScheduler } from '../scheduler/request-scheduler';
import { createScheduledBitly } from '../scheduler/scheduled-bitly';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-schema';
import type { Session } from '../stats/stats-service';
import { SEARCH_SIZE, createLinksToPageService } from './links-to-page';
import { LINKS_TO_PAGE_FACET } from './page-url';

const paula: Session = { token: 'tok-paula', login: 'paula', defaultGroupGuid: 'Bg1', organizationGuid: 'Oa1' };
const PAGE = 'https://shop.example.com/spring/sale';
const link = (id: string, long_url: string) => ({ id, long_url, link: `https://${id}`, title: 'Spring sale' });
const SEARCH_RESULTS = [
  link('bit.ly/Same1', 'http://shop.example.com/spring/sale/'),
  link('bit.ly/Same2', 'https://shop.example.com/spring/sale#top'),
  link('bit.ly/Deeper', 'https://shop.example.com/spring/sale/shoes'),
  link('bit.ly/Query', 'https://shop.example.com/spring/sale?ref=mail'),
  link('bit.ly/Other', 'https://other.example/spring/sale'),
];

function setup({ session = paula as Session | null, settings = {} as Partial<Settings>, search = vi.fn(async (_guid: string, _query: object) => ({ links: SEARCH_RESULTS, pagination: {} })) } = {}) {
  let now = Date.UTC(2026, 10, 1, 12);
  const pushes: Array<[string, AskerPush]> = [];
  // Bitly's group search as the scheduled client sees it.
  const transportFor = (): BitlySend => async (request) => {
    const { query, size } = request.query ?? {};
    return { status: 200, data: v.parse(request.schema, await search(request.path[1]!, { query, size })) };
  };
  const scheduler = new RequestScheduler({ retryDelayMs: () => 0, rateLimitDelayMs: () => 0 });
  const service = createLinksToPageService({
    cache: new StatsCache({ area: fakeBrowser.storage.local as never, now: () => now }),
    bitly: createScheduledBitly({ scheduler, transportFor }),
    session: async () => session,
    settings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    askers: { signal: () => undefined, push: (id, message) => pushes.push([id, message]) },
    now: () => now,
  });
  return { service, search, pushes, later: (ms: number) => (now += ms) };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('links of the account that point to a page', () => {
  it('searches the default group by the page address and keeps the links to the same page', async () => {
    const { service, search } = setup();
    const reply = await service.find({ url: PAGE });
    expect(search).toHaveBeenCalledWith('Bg1', { query: 'shop.example.com/spring/sale', size: SEARCH_SIZE });
    expect(reply).toMatchObject({ state: 'data', stale: false, refreshing: false });
    expect(reply.state === 'data' && reply.data.links.map((l) => l.id)).toEqual(['bit.ly/Same1', 'bit.ly/Same2']);
  });

  it('searches the group the settings name for account statistics', async () => {
    const { service, search } = setup({ settings: { defaultGroupGuid: 'Bcampaigns' } });
    await service.find({ url: PAGE });
    expect(search.mock.calls[0]![0]).toBe('Bcampaigns');
  });

  it('answers again from the cache, for any spelling of the same page', async () => {
    const { service, search } = setup();
    await service.find({ url: PAGE });
    const again = await service.find({ url: 'http://SHOP.example.com/spring/sale/#reviews' });
    expect(search).toHaveBeenCalledTimes(1);
    expect(again.state === 'data' && again.data.links).toHaveLength(2);
  });

  it('once stale, answers the cached links while one refresh runs, then tells the asker', async () => {
    const { service, search, pushes, later } = setup();
    await service.find({ url: PAGE });
    later(DEFAULT_SETTINGS.cacheLifetimeMinutes * 60_000 + 1);
    const stale = await service.find({ url: PAGE, askerId: 'popup-1' });
    expect(stale).toMatchObject({ state: 'data', stale: true, refreshing: true });
    await vi.waitFor(() => expect(pushes).toEqual([['popup-1', { type: 'facetUpdated', target: 'shop.example.com/spring/sale', facet: LINKS_TO_PAGE_FACET }]]));
    expect(search).toHaveBeenCalledTimes(2);
    expect(await service.find({ url: PAGE })).toMatchObject({ state: 'data', stale: false });
  });

  it.each([
    ['no token', { session: null }, { state: 'no-token' }],
    ['a browser page', { url: 'chrome://settings/' }, { state: 'error', reason: 'bad-request' }],
    ['a rejected token', { error: new BitlyError('token-rejected', { status: 403 }) }, { state: 'token-rejected' }],
    ['a group Bitly does not know', { error: new BitlyError('bad-request', { status: 404 }) }, { state: 'error', reason: 'bad-request' }],
  ] as const)('%s', async (_name, given, expected) => {
    const search = vi.fn(async (_guid: string, _query: object) => {
      if ('error' in given) throw given.error;
      return { links: SEARCH_RESULTS, pagination: {} };
    });
    const { service } = setup({ session: 'session' in given ? given.session : paula, search });
    expect(await service.find({ url: 'url' in given ? given.url : PAGE })).toEqual(expected);
    if ('session' in given || 'url' in given) expect(search).not.toHaveBeenCalled();
  });

  it('lists a link just made for the page first, without asking Bitly again', async () => {
    const { service, search } = setup();
    await service.find({ url: PAGE });
    await service.remember(PAGE, { id: 'bit.ly/New1', link: 'https://bit.ly/New1', long_url: PAGE });
    const reply = await service.find({ url: `${PAGE}/` });
    expect(reply.state === 'data' && reply.data.links.map((l) => l.id)).toEqual(['bit.ly/New1', 'bit.ly/Same1', 'bit.ly/Same2']);
    expect(search).toHaveBeenCalledTimes(1);
  });
});
