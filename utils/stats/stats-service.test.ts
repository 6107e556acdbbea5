import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BitlyError, type BitlyErrorKind } from '../bitly/errors';
import type { BitlyRequest } from '../bitly/transport';
import { StatsCache } from '../cache/stats-cache';
import type { SchedulerOptions } from '../scheduler/request-scheduler';
import { manualClock, scriptedBitly, settle } from '../scheduler/scheduled-bitly-fixture';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings/settings';
import { rememberedPlanGates } from './plan-gates';
import { createStatsService, type Session } from './stats-service';
import { LookupBudget } from './lookup-budget';
import { memoryArea } from '../cache/memory-area';

const paula: Session = { token: 'tok-paula', login: 'paula', defaultGroupGuid: 'Bg1', organizationGuid: 'Oa1' };
const freya: Session = { token: 'tok-freya', login: 'freya', defaultGroupGuid: 'Bf1', organizationGuid: null };

const clicksOf = (n: number) => ({ unit: 'day', units: 30, link_clicks: [{ clicks: n, date: '2026-11-23T00:00:00+0000' }] });

/** Bitly's answers for one token, by client operation (each request goes through the real scheduler). */
function fakeBitly(token: string) {
  return {
    getClicks: vi.fn(async (_request: BitlyRequest) => clicksOf(token === 'tok-paula' ? 7 : 1)),
    getCountries: vi.fn(async (_request: BitlyRequest) => ({ facet: 'countries', metrics: [{ clicks: 3, value: 'DE' }] })),
    getCities: vi.fn(async (_request: BitlyRequest) => {
      throw new BitlyError('upgrade-required', { status: 402 });
    }),
    expand: vi.fn(async (request: BitlyRequest) => {
      const id = request.body?.bitlink_id ?? '';
      return { id, long_url: 'https://example.com/', link: `https://${id}` };
    }),
    getBsds: vi.fn(async (_request: BitlyRequest) => ({ bsds: ['Brnd.example'] })),
    getGroupClicks: vi.fn(async (_request: BitlyRequest) => ({ data: [{ ts: '2026-11-23', count: 4 }] })),
    getUser: vi.fn(async (_request: BitlyRequest) => ({ login: token.slice(4), default_group_guid: 'Bg1' })),
  };
}

function setup({
  session = paula as Session | null,
  settings = DEFAULT_SETTINGS as Settings,
  scheduler = {} as SchedulerOptions,
  now = undefined as (() => number) | undefined,
} = {}) {
  const { bitly, script } = scriptedBitly(fakeBitly, scheduler);
  const current = { session };
  const pushes: Array<[string, unknown]> = [];
  const toldHosts: string[][] = [];
  const planGates = rememberedPlanGates();
  const service = createStatsService({
    cache: new StatsCache({ area: fakeBrowser.storage.local as never }),
    bitly,
    session: async () => current.session,
    settings: async () => parseSettings(settings),
    planGates,
    askers: { signal: () => undefined, push: (id, message) => pushes.push([id, message]) },
    onBrandedHosts: (hosts) => toldHosts.push(hosts),
    now,
  });
  return { service, client: (s: Session = paula) => script(s.token), current, pushes, toldHosts, planGates };
}

/** What each call of a scripted operation sent. */
const sent = (answer: { mock: { calls: Array<[BitlyRequest]> } }) => answer.mock.calls.map(([request]) => request);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('stats service: answers and cache', () => {
  it('fetches once, then answers from the cache while fresh', async () => {
    const { service, client } = setup();
    const first = await service.getLinkFacet({ link: 'https://bit.ly/Abc1234', facet: 'clicks' });
    const second = await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    expect(first).toMatchObject({ state: 'data', stale: false, refreshing: false, data: clicksOf(7) });
    expect(second).toEqual(first);
    expect(client().getClicks).toHaveBeenCalledTimes(1);
    expect(client().getBsds).not.toHaveBeenCalled(); // nothing but the facet itself on hover
    expect(sent(client().getClicks)).toMatchObject([{ path: ['bitlinks', 'bit.ly', 'Abc1234', 'clicks'], query: { unit: 'day', units: 30 } }]);
  });

  it('uses the settings’ unit and range unless the request names its own', async () => {
    const { service, client } = setup({ settings: { ...DEFAULT_SETTINGS, unit: 'week', range: '90d' } });
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', unit: 'hour', units: 24 });
    expect(sent(client().getClicks).map((request) => request.query)).toMatchObject([
      { unit: 'week', units: 13 },
      { unit: 'hour', units: 24 },
    ]);
  });

  it('after the lifetime, serves the stale answer with its age while one refresh runs, then announces it', async () => {
    const { service, client, pushes } = setup();
    const t0 = Date.now();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    vi.setSystemTime(t0 + 11 * 60_000);
    client().getClicks.mockImplementationOnce(() => new Promise((resolve) => setTimeout(() => resolve(clicksOf(9)), 100)));
    const stale = await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', askerId: 'card-1' });
    expect(stale).toMatchObject({ state: 'data', stale: true, refreshing: true, fetchedAt: t0 });
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', askerId: 'card-2' });
    await vi.runAllTimersAsync();
    expect(client().getClicks).toHaveBeenCalledTimes(2);
    expect(pushes.map(([id]) => id).sort()).toEqual(['card-1', 'card-2']);
    const fresh = await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    expect(fresh).toMatchObject({ stale: false, data: clicksOf(9) });
  });

  it('a refresh that fails keeps the cached answer and tells the waiting surfaces why', async () => {
    const { service, client, pushes } = setup();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    client().getClicks.mockRejectedValue(new BitlyError('server', { status: 503 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', refresh: true, askerId: 'card-1' })).toMatchObject({ state: 'data', refreshing: true });
    await vi.runAllTimersAsync();
    expect(pushes).toEqual([['card-1', { type: 'facetRefreshFailed', target: 'bit.ly/Abc1234', facet: 'clicks', problem: { state: 'error', reason: 'server' } }]]);
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toMatchObject({ state: 'data', data: clicksOf(7) });
  });

  it('cacheOnly (a card prepared during the intent delay): what the cache holds, never a call to Bitly', async () => {
    const { service, client } = setup();
    const t0 = Date.now();
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', cacheOnly: true })).toEqual({ state: 'not-cached' });
    expect(await service.getLinkFacet({ link: 'brnd.example/Xy12', facet: 'destination', cacheOnly: true })).toEqual({ state: 'invalid-link' });
    expect(client().getClicks).not.toHaveBeenCalled();
    expect(client().getBsds).not.toHaveBeenCalled();

    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', cacheOnly: true })).toMatchObject({ state: 'data', stale: false, refreshing: false, data: clicksOf(7) });
    vi.setSystemTime(t0 + 11 * 60_000);
    // Stale: shown as it is, with no refresh until the card is shown and asks again.
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', cacheOnly: true })).toMatchObject({ state: 'data', stale: true, refreshing: false, fetchedAt: t0 });
    await vi.runAllTimersAsync();
    expect(client().getClicks).toHaveBeenCalledTimes(1);
  });

  it('keeps destinations for a day', async () => {
    const { service, client } = setup();
    const t0 = Date.now();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' });
    vi.setSystemTime(t0 + 23 * 3_600_000);
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' })).toMatchObject({ stale: false });
    expect(client().expand).toHaveBeenCalledTimes(1);
  });

  it('a refresh request bypasses a fresh answer', async () => {
    const { service, client } = setup();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks', refresh: true })).toMatchObject({ refreshing: true });
    await vi.runAllTimersAsync();
    expect(client().getClicks).toHaveBeenCalledTimes(2);
  });

  it('never shows one account’s numbers to another', async () => {
    const { service, current } = setup();
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toMatchObject({ data: clicksOf(7) });
    current.session = freya;
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toMatchObject({ data: clicksOf(1) });
  });

  it('answers account facets for the default group', async () => {
    const { service, client } = setup();
    expect(await service.getAccountFacet({ facet: 'groupClicks' })).toMatchObject({ state: 'data' });
    expect(sent(client().getGroupClicks)).toMatchObject([{ path: ['groups', 'Bg1', 'clicks'] }]);
  });

  it('lists branded hosts in lower case', async () => {
    const { service } = setup();
    expect(await service.getBrandedHosts()).toEqual(['brnd.example']);
  });

  it('tells the background the branded hosts it reads, also when a link lookup reads them', async () => {
    const { service, current, client, toldHosts } = setup();
    await service.getLinkFacet({ link: 'https://brnd.example/Sale', facet: 'destination' });
    expect(toldHosts).toEqual([['brnd.example']]);
    current.session = null;
    await service.getBrandedHosts();
    expect(toldHosts).toEqual([['brnd.example'], []]);
    current.session = freya;
    client(freya).getBsds.mockRejectedValue(new BitlyError('server', { status: 503 }));
    const reading = service.getBrandedHosts();
    await vi.runAllTimersAsync();
    expect(await reading).toEqual([]);
    // A failed read is no news: the hosts known before stay in force.
    expect(toldHosts).toHaveLength(2);
  });

  it('recognises links on the account’s branded domains', async () => {
    const { service, client } = setup();
    expect(await service.getLinkFacet({ link: 'https://brnd.example/Sale', facet: 'destination' })).toMatchObject({ state: 'data' });
    expect(sent(client().expand)).toMatchObject([{ body: { bitlink_id: 'brnd.example/Sale' } }]);
  });
});

describe('stats service: what each failure answers (PRODUCT.md §5)', () => {
  it('no token', async () => {
    const { service } = setup({ session: null });
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'no-token' });
    expect(await service.getBrandedHosts()).toEqual([]);
  });

  it.each(['https://bit.ly/../../v4/user', 'https://bit.ly.evil.example/x', 'javascript:alert(1)', `https://bit.ly/${'a'.repeat(10_000)}`])(
    'a crafted link (%s) is refused without any request',
    async (link) => {
      const { service, client } = setup();
      expect(await service.getLinkFacet({ link: link.slice(0, 2048), facet: 'clicks' })).toEqual({ state: 'invalid-link' });
      expect(client().getClicks).not.toHaveBeenCalled();
    },
  );

  it.each<[BitlyErrorKind, object]>([
    ['token-rejected', { state: 'token-rejected' }],
    ['not-in-account', { state: 'not-in-account' }],
    ['gone', { state: 'deleted' }],
    ['upgrade-required', { state: 'upgrade-required' }],
    ['bad-request', { state: 'error', reason: 'bad-request' }],
  ])('%s → %o, without retrying', async (kind, reply) => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError(kind, { status: 400 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual(reply);
    expect(client().getClicks).toHaveBeenCalledTimes(1);
  });

  it.each<[BitlyErrorKind, object]>([
    ['server', { state: 'error', reason: 'server' }],
    ['timeout', { state: 'error', reason: 'timeout' }],
    ['network', { state: 'error', reason: 'network' }],
    ['malformed', { state: 'error', reason: 'malformed' }],
  ])('%s → %o after 2 automatic retries', async (kind, reply) => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError(kind));
    const answer = service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    await vi.runAllTimersAsync();
    expect(await answer).toEqual(reply);
    expect(client().getClicks).toHaveBeenCalledTimes(3);
  });

  it('rate limited → "retrying at" a time after the shared backoff', async () => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError('rate-limited', { status: 429 }));
    const t0 = Date.now();
    const answer = service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    await vi.runAllTimersAsync();
    const reply = await answer;
    expect(reply).toMatchObject({ state: 'rate-limited' });
    expect((reply as { retryAt: number }).retryAt).toBeGreaterThan(t0);
  });

  it('rate limited with cached data → the stale data with its age and the reason', async () => {
    const { service, client } = setup();
    const t0 = Date.now();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    vi.setSystemTime(t0 + 20 * 60_000);
    client().getClicks.mockRejectedValue(new BitlyError('rate-limited', { status: 429 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toMatchObject({
      state: 'data',
      stale: true,
      fetchedAt: t0,
      data: clicksOf(7),
    });
  });

  it('remembers a plan gate per account and does not ask again', async () => {
    const { service, client, current } = setup();
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'cities' })).toEqual({ state: 'upgrade-required' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Other99', facet: 'cities' })).toEqual({ state: 'upgrade-required' });
    expect(client().getCities).toHaveBeenCalledTimes(1);
    current.session = freya;
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'cities' });
    expect(client(freya).getCities).toHaveBeenCalledTimes(1);
  });

  it('remembers that a link is not in the account (no repeat requests on hover)', async () => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'not-in-account' });
    expect(client().getClicks).toHaveBeenCalledTimes(1);
  });

  it('a 403 on a link while the same hover’s expand worked is "not in your account", at no extra call', async () => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    client().getCountries.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    const replies = await Promise.all([
      service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' }),
      service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' }),
      service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'countries' }),
    ]);
    expect(replies.map((r) => r.state)).toEqual(['data', 'not-in-account', 'not-in-account']);
    expect(client().expand).toHaveBeenCalledTimes(1);
    expect(client().getUser).not.toHaveBeenCalled();
    // Remembered like any answer: hovering again asks nothing.
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'not-in-account' });
    expect(client().getClicks).toHaveBeenCalledTimes(1);
  });

  it('a 404 on a link needs no token check', async () => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 404 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'not-in-account' });
    expect(client().getUser).not.toHaveBeenCalled();
    expect(client().expand).not.toHaveBeenCalled();
  });

  it('a token revoked after sign-in: expand and link 403s become "token rejected", remembered for no link', async () => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    client().expand.mockRejectedValue(new BitlyError('token-rejected', { status: 403 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' })).toEqual({ state: 'token-rejected' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'token-rejected' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Other99', facet: 'clicks' })).toEqual({ state: 'token-rejected' });
    // The card's own expand said it: no second expand, no /v4/user.
    expect(client().expand).toHaveBeenCalledTimes(1);
    expect(client().getUser).not.toHaveBeenCalled();
    // Once the token works again (a new one was saved), the same link is asked again.
    client().getClicks.mockResolvedValue(clicksOf(7) as never);
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toMatchObject({ state: 'data' });
  });

  it('a metric 403 while the hover’s expand is finishing joins that answer: one expand, not two', async () => {
    const { service, client, planGates } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    client().expand.mockImplementation(async () => {
      await gate;
      throw new BitlyError('token-rejected', { status: 403 });
    });
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    // Opens the window: a second destination lookup lets the hover's expand finish before it goes on.
    let destinationLookups = 0;
    const has = planGates.has.bind(planGates);
    const lookups = vi.spyOn(planGates, 'has').mockImplementation(async (login, facet) => {
      if (facet === 'destination' && ++destinationLookups === 2) {
        release();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return has(login, facet);
    });
    // As the card asks: the destination, then a metric, whose 403 arrives while the expand runs.
    const replies = Promise.all([
      service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' }),
      service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' }),
    ]);
    await vi.waitFor(() => expect(client().getClicks).toHaveBeenCalled());
    release();
    try {
      expect(await replies).toEqual([{ state: 'token-rejected' }, { state: 'token-rejected' }]);
      expect(client().expand).toHaveBeenCalledTimes(1);
      expect(client().getUser).not.toHaveBeenCalled();
    } finally {
      lookups.mockRestore();
    }
  });

  it('with only an old destination to go by, the token is checked with /v4/user', async () => {
    const { service, client } = setup();
    const t0 = Date.now();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' });
    vi.setSystemTime(t0 + 11 * 60_000);
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'not-in-account' });
    expect(client().getUser).toHaveBeenCalledTimes(1);
    expect(client().expand).toHaveBeenCalledTimes(1);
  });

  it('a token revoked since the destination was cached: /v4/user says so', async () => {
    const { service, client } = setup();
    const t0 = Date.now();
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' });
    vi.setSystemTime(t0 + 11 * 60_000);
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    client().getUser.mockRejectedValue(new BitlyError('token-rejected', { status: 403 }));
    expect(await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' })).toEqual({ state: 'token-rejected' });
  });

  it('when the token check itself fails, the 403 reads as "not in your account"', async () => {
    const { service, client } = setup();
    client().expand.mockRejectedValue(new BitlyError('network'));
    client().getClicks.mockRejectedValue(new BitlyError('not-in-account', { status: 403 }));
    client().getUser.mockRejectedValue(new BitlyError('network'));
    const reply = service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ state: 'not-in-account' });
    expect(client().getUser).toHaveBeenCalled();
  });

  it('no error reply carries the token', async () => {
    const { service, client } = setup();
    client().getClicks.mockRejectedValue(new Error(`boom ${paula.token}`));
    const reply = service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    await vi.runAllTimersAsync();
    expect(JSON.stringify(await reply)).not.toContain(paula.token);
  });
});

describe('stats service: every call through the scheduler', () => {
  it('the token re-check (/v4/user) waits out a rate-limit pause another request met', async () => {
    vi.useRealTimers();
    const clock = manualClock();
    const { service, client } = setup({ scheduler: { now: clock.now, setTimer: clock.setTimer }, now: clock.now });
    await service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'destination' });
    await clock.advance(11 * 60_000); // the destination is too old to vouch for the token

    let forbid!: () => void;
    client().getClicks.mockImplementationOnce(
      () => new Promise((_resolve, reject) => (forbid = () => reject(new BitlyError('not-in-account', { status: 403 })))),
    );
    const hover = service.getLinkFacet({ link: 'bit.ly/Abc1234', facet: 'clicks' });
    await settle();
    // Another request meets a 429: every request pauses 2 s.
    client().getCountries.mockRejectedValueOnce(new BitlyError('rate-limited', { status: 429 }));
    void service.getLinkFacet({ link: 'bit.ly/Other99', facet: 'countries' });
    await settle();
    forbid();
    await settle();
    expect(client().getUser).not.toHaveBeenCalled();
    await clock.advance(1_999);
    expect(client().getUser).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(client().getUser).toHaveBeenCalledTimes(1);
    expect(await hover).toEqual({ state: 'not-in-account' });
  });
});

describe('stats service: a hover card tab’s budget of new lookups', () => {
  it('a refused new link asks Bitly nothing and answers click-to-load; a cached link never counts', async () => {
    const { service, client } = setup();
    await service.getLinkFacet({ link: 'bit.ly/Cached1', facet: 'clicks' });
    const budget = new LookupBudget(1);
    const admit = vi.fn((target: string) => budget.admit(7, target));

    expect(await service.getLinkFacet({ link: 'bit.ly/Cached1', facet: 'clicks' }, admit)).toMatchObject({ state: 'data' });
    expect(admit).not.toHaveBeenCalled();
    expect(await service.getLinkFacet({ link: 'bit.ly/First11', facet: 'clicks' }, admit)).toMatchObject({ state: 'data' });
    // The same link's other facets ride on its one count.
    expect(await service.getLinkFacet({ link: 'bit.ly/First11', facet: 'countries' }, admit)).toMatchObject({ state: 'data' });
    const calls = client().getClicks.mock.calls.length;
    expect(await service.getLinkFacet({ link: 'bit.ly/Second1', facet: 'clicks' }, admit)).toEqual({ state: 'click-to-load' });
    expect(client().getClicks).toHaveBeenCalledTimes(calls);
    expect(admit).toHaveBeenLastCalledWith('bit.ly/Second1');
    // The user's click lets it through.
    const clicked = (target: string) => budget.admit(7, target, true);
    expect(await service.getLinkFacet({ link: 'bit.ly/Second1', facet: 'clicks', clicked: true }, clicked)).toMatchObject({ state: 'data' });
    expect(client().getClicks).toHaveBeenCalledTimes(calls + 1);
  });
});

describe('stats service over the incognito cache', () => {
  it('an incognito lookup answers data and leaves nothing in storage.local', async () => {
    const { bitly } = scriptedBitly(fakeBitly, {});
    const service = createStatsService({
      cache: new StatsCache({ area: memoryArea(), readThrough: new StatsCache({ area: fakeBrowser.storage.local as never }) }),
      bitly,
      session: async () => paula,
      settings: async () => parseSettings(DEFAULT_SETTINGS),
      planGates: rememberedPlanGates(),
      askers: { signal: () => undefined, push: () => {} },
    });
    expect(await service.getLinkFacet({ link: 'bit.ly/Private1', facet: 'destination' })).toMatchObject({ state: 'data' });
    expect(await service.getLinkFacet({ link: 'bit.ly/Private1', facet: 'clicks' })).toMatchObject({ state: 'data' });
    const stored = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(stored.filter((key) => key.includes('Private1'))).toEqual([]);
  });
});
