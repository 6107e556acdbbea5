import { describe, expect, it } from 'vitest';
import { json, recordingFetch, type Handler } from '../bitly/fetch-fixture';
import { createTransport, type BitlyRequest } from '../bitly/transport';
import { ClicksSchema, UserSchema } from '../bitly/schemas';
import { RequestScheduler, type SchedulerOptions } from './request-scheduler';
import { createScheduledBitly, requestKey } from './scheduled-bitly';
import { manualClock, settle } from './scheduled-bitly-fixture';

const BASE = 'https://api.example';
const Q = { unit: 'day', units: 30 } as const;
const USER = { login: 'ann', default_group_guid: 'Bg1' };
const CLICKS = { link_clicks: [{ clicks: 3, date: '2025-10-13T00:00:00+0000' }], unit: 'day', units: 30 };
const GROUPS = { groups: [{ guid: 'Bg1', name: 'Main', organization_guid: 'Oa1' }] };

/** A plausible answer for each endpoint these tests call. */
const bodyFor = (url: URL) => (url.pathname.endsWith('/user') ? USER : url.pathname.endsWith('/groups') ? GROUPS : CLICKS);

/** A response the test releases, per request, in the order they were sent. */
function heldFetch() {
  const held: Array<() => void> = [];
  const handler: Handler = (request) =>
    new Promise<Response>((resolve) => held.push(() => resolve(json(200, bodyFor(request.url)))));
  const release = (count = held.length) => held.splice(0, count).forEach((answer) => answer());
  return { handler, held, release };
}

/** The real transport over a recording fetch, behind the scheduled client. */
function setup(handler: Handler = (request) => json(200, bodyFor(request.url)), options: SchedulerOptions = {}) {
  const { calls, fetchFn } = recordingFetch(handler);
  const scheduler = new RequestScheduler(options);
  const bitly = createScheduledBitly({ scheduler, transportFor: (token) => createTransport({ baseUrl: BASE, token, fetch: fetchFn }) });
  const tokensSent = () => calls.map((call) => call.headers.get('Authorization'));
  return { bitly, scheduler, calls, tokensSent };
}

describe('the scheduled Bitly client', () => {
  it('identical calls in flight share one request', async () => {
    const fetch = heldFetch();
    const { bitly, calls } = setup(fetch.handler);
    const answers = [1, 2, 3].map(() => bitly.forToken('tok-a').getClicks('bit.ly/AbC', Q));
    await settle();
    fetch.release();
    expect(await Promise.all(answers)).toEqual([CLICKS, CLICKS, CLICKS]);
    expect(calls).toHaveLength(1);
  });

  it('the same call with another token is its own request, with its own token', async () => {
    const fetch = heldFetch();
    const { bitly, tokensSent } = setup(fetch.handler);
    const answers = [bitly.forToken('tok-a').getUser(), bitly.forToken('tok-b').getUser()];
    await settle();
    fetch.release();
    await Promise.all(answers);
    expect(tokensSent()).toEqual(['Bearer tok-a', 'Bearer tok-b']);
  });

  it('calls that differ in what they send are not shared', async () => {
    const fetch = heldFetch();
    const { bitly, calls } = setup(fetch.handler);
    const client = bitly.forToken('tok-a');
    const answers = [client.getClicks('bit.ly/AbC', Q), client.getClicks('bit.ly/AbC', { unit: 'day', units: 7 }), client.getClicks('bit.ly/XyZ', Q)];
    await settle();
    fetch.release();
    await Promise.all(answers);
    expect(calls.map((call) => `${call.url.pathname}${call.url.search}`)).toEqual([
      '/v4/bitlinks/bit.ly/AbC/clicks?unit=day&units=30',
      '/v4/bitlinks/bit.ly/AbC/clicks?unit=day&units=7',
      '/v4/bitlinks/bit.ly/XyZ/clicks?unit=day&units=30',
    ]);
  });

  it('never has more than 4 requests out, whatever the mix of calls and tokens', async () => {
    const fetch = heldFetch();
    const { bitly, calls } = setup(fetch.handler);
    const answers = [
      bitly.forToken('tok-new').getUser({ priority: 'interactive' }),
      bitly.forToken('tok-a').getGroups(),
      ...['A1', 'A2', 'A3', 'A4', 'A5', 'A6'].map((hash) => bitly.forToken('tok-a').getClicks(`bit.ly/${hash}`, Q)),
    ];
    await settle();
    expect(calls).toHaveLength(4);
    fetch.release(2);
    await settle();
    expect(calls).toHaveLength(6);
    expect(fetch.held).toHaveLength(4);
    while (fetch.held.length) {
      fetch.release();
      await settle();
    }
    await Promise.allSettled(answers);
    expect(calls).toHaveLength(8);
  });

  it('starts interactive calls first, prefetches last', async () => {
    const fetch = heldFetch();
    const { bitly, calls } = setup(fetch.handler, { maxInFlight: 1 });
    const client = bitly.forToken('tok-a');
    const answers = [
      client.getClicks('bit.ly/Busy', Q),
      client.getClicks('bit.ly/Later', Q, { priority: 'prefetch' }),
      client.getClicks('bit.ly/Shown', Q),
      client.getUser({ priority: 'interactive' }),
    ];
    while (calls.length < answers.length) {
      await settle();
      fetch.release();
    }
    await Promise.all(answers);
    expect(calls.map((call) => call.url.pathname)).toEqual([
      '/v4/bitlinks/bit.ly/Busy/clicks',
      '/v4/user',
      '/v4/bitlinks/bit.ly/Shown/clicks',
      '/v4/bitlinks/bit.ly/Later/clicks',
    ]);
  });

  it('a queued call whose asker left is never sent', async () => {
    const fetch = heldFetch();
    const { bitly, calls } = setup(fetch.handler, { maxInFlight: 1 });
    const hover = new AbortController();
    const busy = bitly.forToken('tok-a').getUser();
    const dropped = bitly.forToken('tok-a').getClicks('bit.ly/AbC', Q, { signal: hover.signal });
    hover.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    fetch.release();
    await busy;
    await settle();
    expect(calls.map((call) => call.url.pathname)).toEqual(['/v4/user']);
  });

  it('a rate limit met with one token pauses the calls of every token', async () => {
    const clock = manualClock();
    let limited = true;
    const { bitly, calls, scheduler } = setup(
      (request) => (limited && request.url.pathname.endsWith('/clicks') ? json(429, { message: 'RATE_LIMIT_EXCEEDED' }) : json(200, USER)),
      { now: clock.now, setTimer: clock.setTimer },
    );
    void bitly.forToken('tok-a').getClicks('bit.ly/AbC', Q).catch(() => {});
    await settle();
    limited = false;
    expect(bitly.rateLimitedUntil).toBe(clock.now() + 2_000);
    expect(bitly.rateLimitedUntil).toBe(scheduler.rateLimitedUntil);
    const signIn = bitly.forToken('tok-b').getUser({ priority: 'interactive' });
    await clock.advance(1_999);
    expect(calls).toHaveLength(1);
    await clock.advance(1);
    await expect(signIn).resolves.toEqual(USER);
  });
});

describe('requestKey', () => {
  const user: BitlyRequest = { operation: 'getUser', method: 'GET', path: ['user'], schema: UserSchema, scope: 'account' };
  const clicks = (query: BitlyRequest['query']): BitlyRequest => ({
    operation: 'getClicks',
    method: 'GET',
    path: ['bitlinks', 'bit.ly', 'AbC', 'clicks'],
    query,
    schema: ClicksSchema,
    scope: 'link',
  });

  it.each<[string, boolean, [string, BitlyRequest], [string, BitlyRequest]]>([
    ['the same call with the same token', true, ['t', user], ['t', user]],
    ['a leftover undefined parameter', true, ['t', clicks({ unit: 'day', units: 30 })], ['t', clicks({ unit: 'day', units: 30, size: undefined })]],
    ['another token', false, ['t1', user], ['t2', user]],
    ['a token that looks like the start of the path', false, ['t","GET', user], ['t', { ...user, method: 'GET' }]],
    ['another query', false, ['t', clicks({ unit: 'day', units: 30 })], ['t', clicks({ unit: 'day', units: 7 })]],
    ['another path', false, ['t', user], ['t', { ...user, path: ['groups'] }]],
    ['another body', false, ['t', { ...user, method: 'POST', body: { bitlink_id: 'bit.ly/a' } }], ['t', { ...user, method: 'POST', body: { bitlink_id: 'bit.ly/b' } }]],
  ])('%s → shared: %s', (_label, shared, [tokenA, a], [tokenB, b]) => {
    expect(requestKey(tokenA, a) === requestKey(tokenB, b)).toBe(shared);
  });
});
