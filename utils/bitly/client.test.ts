import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBitlyClient, type BitlyClient, type FacetQuery, type MetricsQuery } from './client';
import { BitlyError, isAbortError, type BitlyErrorKind } from './errors';

const BASE = 'https://api.example';
const TOKEN = 'tok_0123456789abcdef0123456789abcdef';
const GUID = 'Ba1bc23dE4F';
const ORG = 'Oa1bcd234eF';
const Q: MetricsQuery = { unit: 'day', units: 30 };
const QS: FacetQuery = { unit: 'day', units: 30, size: 5 };

interface Recorded {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  init: RequestInit;
}

type Handler = (request: Recorded) => Response | Promise<Response>;

function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Plausible 200 bodies, keyed by the last path segment (enough to tell the endpoints apart). */
const OK_BODIES: Record<string, unknown> = {
  user: { login: 'ann', name: 'Ann', default_group_guid: GUID, is_active: true },
  groups: { groups: [{ guid: GUID, name: 'Main', organization_guid: ORG, bsds: ['es.pn'] }] },
  [GUID]: { guid: GUID, name: 'Main', organization_guid: ORG },
  organizations: { organizations: [{ guid: ORG, name: 'Org', tier: 'free', tier_display_name: 'Free' }] },
  bsds: { bsds: ['es.pn'] },
  expand: { id: 'bit.ly/AbC', link: 'https://bit.ly/AbC', long_url: 'https://example.com/' },
  AbC: { id: 'bit.ly/AbC', link: 'https://bit.ly/AbC', long_url: 'https://example.com/', title: null },
  clicks: { link_clicks: [{ clicks: 3, date: '2025-10-13T00:00:00+0000' }], unit: 'day', units: 30 },
  summary: { total_clicks: 3, unit: 'day', units: 30 },
  countries: { facet: 'countries', unit: 'day', units: 30, metrics: [{ clicks: 2, value: 'US' }] },
  cities: { facet: 'cities', metrics: [{ clicks: 1, city: 'Berlin', country: 'DE' }], other_metrics: { no_city_clicks: 0 } },
  devices: { facet: 'devices', metrics: [{ clicks: 1, device_type: 'Desktop' }] },
  referrers: { facet: 'referrers', metrics: [{ clicks: 1, value: 'direct' }] },
  referring_domains: { facet: 'referring_domains', metrics: [{ clicks: 1, value: 'l.instagram.com' }] },
  referrers_by_domains: {
    facet: 'referrers_by_domains',
    referrers_by_domain: [{ network: 'direct', referrers: [{ key: 'direct', value: 4 }] }],
  },
  referring_networks: { facet: 'referring_networks', metrics: [] },
  shorten_counts: { facet: 'shorten_counts', metrics: [{ key: '2025-10-13', value: 2 }] },
  bitlinks: { links: [], pagination: { next: '', search_after: 'abc', size: 50 } },
  shorten: { id: 'bit.ly/new', link: 'https://bit.ly/new', long_url: 'https://example.com/' },
};

function okFor(request: Recorded): Response {
  const segments = request.url.pathname.split('/');
  let key = segments.at(-1) ?? '';
  if (key === 'clicks' && segments.at(-2) === 'bitlinks') key = 'sorted';
  if (key === 'clicks' && segments.at(-3) === 'groups') key = 'group-clicks';
  const extra: Record<string, unknown> = {
    sorted: { links: [], sorted_links: [{ clicks: 9, id: 'bit.ly/AbC' }] },
    'group-clicks': { data: [{ ts: '2025-10-13T00:00:00+0000', count: 4 }], unit: 'day', units: 30 },
  };
  return json(200, extra[key] ?? OK_BODIES[key]);
}

function setup(handler: Handler = okFor, options: { timeoutMs?: number; baseUrl?: string; token?: string } = {}) {
  const calls: Recorded[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const recorded: Recorded = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      init,
    };
    calls.push(recorded);
    return handler(recorded);
  });
  const client = createBitlyClient({
    baseUrl: options.baseUrl ?? BASE,
    token: options.token ?? TOKEN,
    fetch: fetch as unknown as typeof globalThis.fetch,
    timeoutMs: options.timeoutMs,
  });
  return { client, calls, fetch };
}

async function failure(promise: Promise<unknown>): Promise<BitlyError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BitlyError);
  return error as BitlyError;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('requests', () => {
  it('sends the bearer token, asks for JSON and keeps credentials and redirects out', async () => {
    const { client, calls } = setup();
    await client.getUser();
    const [call] = calls;
    expect(call?.method).toBe('GET');
    expect(call?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers.get('Accept')).toBe('application/json');
    expect(call?.headers.has('Content-Type')).toBe(false);
    expect(call?.init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  const cases: [string, string, string, (c: BitlyClient) => Promise<unknown>][] = [
    ['getUser', 'GET', '/v4/user', (c) => c.getUser()],
    ['getGroups', 'GET', '/v4/groups', (c) => c.getGroups()],
    ['getGroups(org)', 'GET', `/v4/groups?organization_guid=${ORG}`, (c) => c.getGroups(ORG)],
    ['getGroup', 'GET', `/v4/groups/${GUID}`, (c) => c.getGroup(GUID)],
    ['getOrganizations', 'GET', '/v4/organizations', (c) => c.getOrganizations()],
    ['getBsds', 'GET', '/v4/bsds', (c) => c.getBsds()],
    ['expand', 'POST', '/v4/expand', (c) => c.expand('bit.ly/AbC')],
    ['getBitlink', 'GET', '/v4/bitlinks/bit.ly/AbC', (c) => c.getBitlink('bit.ly/AbC')],
    ['getClicks', 'GET', '/v4/bitlinks/bit.ly/AbC/clicks?unit=day&units=30', (c) => c.getClicks('bit.ly/AbC', QS)],
    ['getClicksSummary', 'GET', '/v4/bitlinks/bit.ly/AbC/clicks/summary?unit=day&units=30', (c) => c.getClicksSummary('bit.ly/AbC', QS)],
    ['getCountries', 'GET', '/v4/bitlinks/bit.ly/AbC/countries?unit=day&units=30&size=5', (c) => c.getCountries('bit.ly/AbC', QS)],
    ['getCities', 'GET', '/v4/bitlinks/bit.ly/AbC/cities?unit=day&units=30&size=5', (c) => c.getCities('bit.ly/AbC', QS)],
    ['getDevices', 'GET', '/v4/bitlinks/bit.ly/AbC/devices?unit=day&units=30&size=5', (c) => c.getDevices('bit.ly/AbC', QS)],
    ['getReferrers', 'GET', '/v4/bitlinks/bit.ly/AbC/referrers?unit=day&units=30', (c) => c.getReferrers('bit.ly/AbC', Q)],
    ['getReferringDomains', 'GET', '/v4/bitlinks/bit.ly/AbC/referring_domains?unit=day&units=30&size=5', (c) => c.getReferringDomains('bit.ly/AbC', QS)],
    ['getReferrersByDomains', 'GET', '/v4/bitlinks/bit.ly/AbC/referrers_by_domains?unit=day&units=30&size=5', (c) => c.getReferrersByDomains('bit.ly/AbC', QS)],
    ['getGroupClicks', 'GET', `/v4/groups/${GUID}/clicks?unit=day&units=30`, (c) => c.getGroupClicks(GUID, QS)],
    ['getGroupCountries', 'GET', `/v4/groups/${GUID}/countries?unit=day&units=30&size=5`, (c) => c.getGroupCountries(GUID, QS)],
    ['getGroupReferringNetworks', 'GET', `/v4/groups/${GUID}/referring_networks`, (c) => c.getGroupReferringNetworks(GUID)],
    ['getGroupShortenCounts', 'GET', `/v4/groups/${GUID}/shorten_counts?unit=day&units=30`, (c) => c.getGroupShortenCounts(GUID, QS)],
    ['getOrganizationShortenCounts', 'GET', `/v4/organizations/${ORG}/shorten_counts?unit=day&units=30`, (c) => c.getOrganizationShortenCounts(ORG, Q)],
    ['getGroupTopLinks', 'GET', `/v4/groups/${GUID}/bitlinks/clicks?unit=day&units=30&size=5`, (c) => c.getGroupTopLinks(GUID, QS)],
    ['searchGroupBitlinks', 'GET', `/v4/groups/${GUID}/bitlinks`, (c) => c.searchGroupBitlinks(GUID, {})],
    [
      'searchGroupBitlinks(all)',
      'GET',
      `/v4/groups/${GUID}/bitlinks?query=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc&size=20&search_after=b746bca90ea9f77b`,
      (c) => c.searchGroupBitlinks(GUID, { query: 'https://example.com/a?b=c', size: 20, searchAfter: 'b746bca90ea9f77b' }),
    ],
    ['shorten', 'POST', '/v4/shorten', (c) => c.shorten({ longUrl: 'https://example.com/' })],
  ];

  it.each(cases)('%s → %s %s', async (_name, method, pathAndQuery, invoke) => {
    const { client, calls } = setup();
    await invoke(client);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.method).toBe(method);
    expect(call?.url.origin).toBe(BASE);
    expect(`${call?.url.pathname}${call?.url.search}`).toBe(pathAndQuery);
  });

  it('does not encode the slash between domain and hash, and keeps the hash case', async () => {
    const { client, calls } = setup(() => json(200, OK_BODIES.clicks));
    await client.getClicks('es.pn/SuperBowl', Q);
    expect(calls[0]?.url.href).toBe(`${BASE}/v4/bitlinks/es.pn/SuperBowl/clicks?unit=day&units=30`);
    expect(calls[0]?.url.href).not.toContain('%2F');
  });

  it('URL-encodes unit_reference (+ → %2B, : → %3A)', async () => {
    const { client, calls } = setup();
    await client.getClicksSummary('bit.ly/AbC', { unit: 'hour', units: -1, unitReference: '2022-02-02T15:53:02+0000' });
    expect(calls[0]?.url.search).toBe('?unit=hour&units=-1&unit_reference=2022-02-02T15%3A53%3A02%2B0000');
    expect(calls[0]?.url.searchParams.get('unit_reference')).toBe('2022-02-02T15:53:02+0000');
  });

  it('sends JSON bodies for expand and shorten', async () => {
    const { client, calls } = setup();
    await client.expand('bit.ly/AbC');
    await client.shorten({ longUrl: 'https://example.com/', domain: 'es.pn', groupGuid: GUID });
    expect(calls[0]?.body).toEqual({ bitlink_id: 'bit.ly/AbC' });
    expect(calls[1]?.body).toEqual({ long_url: 'https://example.com/', domain: 'es.pn', group_guid: GUID });
    expect(calls[1]?.headers.get('Content-Type')).toBe('application/json');
  });

  it.each([
    ['https://api.example/', `${BASE}/v4/user`],
    ['https://api.example/v4', `${BASE}/v4/user`],
    ['http://127.0.0.1:48787', 'http://127.0.0.1:48787/v4/user'],
    ['http://127.0.0.1:48787/prefix/', 'http://127.0.0.1:48787/prefix/v4/user'],
  ])('baseUrl %s → %s', async (baseUrl, href) => {
    const { client, calls } = setup(okFor, { baseUrl });
    await client.getUser();
    expect(calls[0]?.url.href).toBe(href);
  });

  it('uses the global fetch when none is injected', async () => {
    const global = vi.fn(async () => json(200, OK_BODIES.user));
    vi.stubGlobal('fetch', global);
    const client = createBitlyClient({ baseUrl: BASE, token: TOKEN });
    await expect(client.getUser()).resolves.toMatchObject({ login: 'ann' });
    expect(global).toHaveBeenCalledOnce();
  });
});

describe('arguments are checked before any request', () => {
  it.each([
    ['https://bit.ly/AbC'],
    ['bit.ly/AbC/'],
    ['bit.ly/AbC+'],
    ['bit.ly/../../v4/user'],
    ['bit.ly/..'],
    ['bit.ly/a%2Fb'],
    ['bit.ly%2FAbC'],
    ['bit.ly/AbC/clicks'],
    ['bit.ly/AbC?x=1'],
    ['Bit.ly/AbC'],
    ['../user'],
    ['bit.ly'],
    [''],
    [`bit.ly/${'a'.repeat(10_000)}`],
  ])('bitlink id %j', async (id) => {
    const { client, fetch } = setup();
    for (const invoke of [() => client.getBitlink(id), () => client.getClicks(id, Q), () => client.expand(id)]) {
      const error = await failure(invoke());
      expect(error.kind).toBe('bad-request');
      expect(error.status).toBeUndefined();
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([['..'], ['.'], ['a/b'], [''], ['Ba1%2F'], ['x'.repeat(65)], ['a b']])('guid %j', async (guid) => {
    const { client, fetch } = setup();
    await failure(client.getGroup(guid));
    await failure(client.getGroupClicks(guid, Q));
    await failure(client.getGroups(guid));
    await failure(client.searchGroupBitlinks(guid, {}));
    await failure(client.shorten({ longUrl: 'https://example.com/', groupGuid: guid }));
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [{ unit: 'year', units: 1 }],
    [{ unit: 'day', units: 0 }],
    [{ unit: 'day', units: -2 }],
    [{ unit: 'day', units: 1.5 }],
    [{ unit: 'day', units: Number.NaN }],
    [{ unit: 'day', units: 1, unitReference: 'yesterday' }],
    [{ unit: 'day', units: 1, unitReference: '2025-01-01T00:00:00+0000&units=5' }],
    [{ unit: 'day', units: 1, size: 0 }],
    [{ unit: 'day', units: 1, size: 2.5 }],
  ])('metrics query %j', async (q) => {
    const { client, fetch } = setup();
    const error = await failure(client.getCountries('bit.ly/AbC', q as FacetQuery));
    expect(error.kind).toBe('bad-request');
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    [{ longUrl: '' }],
    [{ longUrl: 'https://example.com/', domain: 'Bit.ly' }],
    [{ longUrl: 'https://example.com/', domain: 'bit.ly/x' }],
    [{ longUrl: 'https://example.com/', domain: 'localhost' }],
  ])('shorten %j', async (request) => {
    const { client, fetch } = setup();
    expect((await failure(client.shorten(request))).kind).toBe('bad-request');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('does not send size where the spec has none', async () => {
    const { client, calls } = setup();
    await client.getClicks('bit.ly/AbC', QS);
    await client.getGroupClicks(GUID, QS);
    expect(calls.map((c) => c.url.searchParams.has('size'))).toEqual([false, false]);
  });
});

describe('HTTP status → error kind', () => {
  const forbidden = { message: 'FORBIDDEN', resource: 'bitlinks', description: 'You are currently forbidden to access this resource.' };
  const cases: [string, number, unknown, Record<string, string> | undefined, BitlyErrorKind, BitlyErrorKind][] = [
    // label, status, body, headers, kind on a link endpoint (getClicks), kind on an account endpoint (getUser)
    ['401', 401, { message: 'UNAUTHORIZED' }, undefined, 'token-rejected', 'token-rejected'],
    ['402', 402, { message: 'UPGRADE_REQUIRED', resource: 'bitlinks', description: 'You must upgrade.' }, undefined, 'upgrade-required', 'upgrade-required'],
    ['403 FORBIDDEN', 403, forbidden, undefined, 'not-in-account', 'token-rejected'],
    ['403 RATE_LIMIT_EXCEEDED', 403, { message: 'RATE_LIMIT_EXCEEDED' }, undefined, 'rate-limited', 'rate-limited'],
    ['403 + X-Ratelimit-Reason', 403, forbidden, { 'X-Ratelimit-Reason': 'hourly limit' }, 'rate-limited', 'rate-limited'],
    ['403 without body', 403, undefined, undefined, 'not-in-account', 'token-rejected'],
    ['404', 404, { message: 'NOT_FOUND' }, undefined, 'not-in-account', 'bad-request'],
    ['410', 410, { message: 'GONE' }, undefined, 'gone', 'gone'],
    ['429', 429, { message: 'MONTHLY_LIMIT_EXCEEDED' }, undefined, 'rate-limited', 'rate-limited'],
    ['400', 400, { message: 'INVALID_ARG_UNIT' }, undefined, 'bad-request', 'bad-request'],
    ['417', 417, { message: 'EXPECTATION_FAILED' }, undefined, 'bad-request', 'bad-request'],
    ['422', 422, { message: 'UNPROCESSABLE_ENTITY' }, undefined, 'bad-request', 'bad-request'],
    ['500', 500, { message: 'INTERNAL_ERROR' }, undefined, 'server', 'server'],
    ['502 HTML', 502, '<html>Bad gateway</html>', undefined, 'server', 'server'],
    ['503', 503, { message: 'TEMPORARILY_UNAVAILABLE' }, undefined, 'server', 'server'],
  ];

  it.each(cases)('%s', async (_label, status, body, headers, linkKind, accountKind) => {
    const respond = () =>
      body === undefined
        ? new Response(null, { status, headers })
        : typeof body === 'string'
          ? new Response(body, { status, headers })
          : json(status, body, headers);
    const { client } = setup(respond);
    const onLink = await failure(client.getClicks('bit.ly/AbC', Q));
    const onAccount = await failure(client.getUser());
    expect([onLink.kind, onAccount.kind]).toEqual([linkKind, accountKind]);
    expect(onLink.status).toBe(status);
    const code = typeof body === 'object' && body ? (body as { message: string }).message : undefined;
    expect(onLink.code).toBe(code);
    expect(onLink.operation).toBe('getClicks');
  });

  it.each([
    ['getBitlink', 'not-in-account', (c: BitlyClient) => c.getBitlink('bit.ly/AbC')],
    // Expand answers for any existing link, whoever owns it: its 403 can only mean the token.
    ['expand', 'token-rejected', (c: BitlyClient) => c.expand('bit.ly/AbC')],
    ['getCities', 'not-in-account', (c: BitlyClient) => c.getCities('bit.ly/AbC', Q)],
    ['getGroups', 'token-rejected', (c: BitlyClient) => c.getGroups()],
    ['getBsds', 'token-rejected', (c: BitlyClient) => c.getBsds()],
    ['getGroupClicks', 'token-rejected', (c: BitlyClient) => c.getGroupClicks(GUID, Q)],
    ['shorten', 'token-rejected', (c: BitlyClient) => c.shorten({ longUrl: 'https://example.com/' })],
  ] as const)('403 FORBIDDEN on %s → %s', async (_name, kind, invoke) => {
    const { client } = setup(() => json(403, forbidden));
    expect((await failure(invoke(client))).kind).toBe(kind);
  });

  it('keeps Bitly\'s code on a refused shorten', async () => {
    const { client } = setup(() =>
      json(400, { message: 'ALREADY_A_BITLY_LINK', resource: 'bitlinks', description: 'The value provided is invalid.', errors: [{ field: 'long_url', error_code: 'invalid' }] }),
    );
    const error = await failure(client.shorten({ longUrl: 'https://bit.ly/AbC' }));
    expect(error).toMatchObject({ kind: 'bad-request', status: 400, code: 'ALREADY_A_BITLY_LINK', retryable: false });
  });

  it('marks rate limits, server errors and timeouts retryable and the rest not', async () => {
    const { client } = setup(() => json(429, { message: 'MONTHLY_LIMIT_EXCEEDED' }));
    expect((await failure(client.getUser())).retryable).toBe(true);
    const second = setup(() => json(402, { message: 'UPGRADE_REQUIRED' }));
    expect((await failure(second.client.getCities('bit.ly/AbC', Q))).retryable).toBe(false);
  });
});

describe('success bodies', () => {
  it('returns the validated body, extra fields included', async () => {
    const { client } = setup(() => json(200, { ...(OK_BODIES.clicks as object), surprise: { nested: true } }));
    const clicks = await client.getClicks('bit.ly/AbC', Q);
    expect(clicks.link_clicks[0]?.clicks).toBe(3);
    expect(clicks).toHaveProperty('surprise', { nested: true });
  });

  it.each([
    ['not JSON', () => new Response('{"link_clicks": [', { status: 200 })],
    ['empty body', () => new Response('', { status: 200 })],
    ['HTML', () => new Response('<html></html>', { status: 200 })],
    ['dropped required field', () => json(200, { unit: 'day', units: 30 })],
    ['wrong type', () => json(200, { link_clicks: [{ clicks: '3', date: 'x' }], unit: 'day', units: 30 })],
    ['negative count', () => json(200, { link_clicks: [{ clicks: -1, date: 'x' }], unit: 'day', units: 30 })],
    ['unknown unit', () => json(200, { link_clicks: [], unit: 'fortnight', units: 30 })],
    ['null', () => json(200, null)],
    ['array', () => json(200, [])],
  ])('%s → malformed', async (_label, respond) => {
    const { client } = setup(respond);
    const error = await failure(client.getClicks('bit.ly/AbC', Q));
    expect(error).toMatchObject({ kind: 'malformed', status: 200, retryable: true });
  });

  it('names the failing field', async () => {
    const { client } = setup(() => json(200, { unit: 'day', units: 30 }));
    expect((await failure(client.getClicks('bit.ly/AbC', Q))).message).toContain('link_clicks');
  });

  it.each([
    [201, true],
    [200, false],
  ])('shorten %i → created %s', async (status, created) => {
    const { client } = setup(() => json(status, OK_BODIES.shorten));
    await expect(client.shorten({ longUrl: 'https://example.com/' })).resolves.toEqual({
      created,
      link: OK_BODIES.shorten,
    });
  });
});

describe('timeouts, aborts and network failures', () => {
  const hang = () => new Promise<Response>(() => {});

  it('times out after 10 s by default, even if fetch ignores the signal', async () => {
    vi.useFakeTimers();
    const { client } = setup(hang);
    const result = failure(client.getUser());
    let settled = false;
    void result.finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('times out a fetch that honours the signal as timeout, not abort', async () => {
    const { client } = setup(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      { timeoutMs: 20 },
    );
    expect((await failure(client.getUser())).kind).toBe('timeout');
  });

  it('times out a body that never finishes', async () => {
    vi.useFakeTimers();
    const stream = new ReadableStream<Uint8Array>({ start: () => {} });
    const { client } = setup(() => new Response(stream, { status: 200 }), { timeoutMs: 50 });
    const result = failure(client.getUser());
    await vi.advanceTimersByTimeAsync(50);
    expect((await result).kind).toBe('timeout');
  });

  it('rethrows a caller abort as an AbortError, not a BitlyError', async () => {
    const controller = new AbortController();
    const { client } = setup(hang);
    const pending = client.getClicks('bit.ly/AbC', Q, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(BitlyError);
  });

  it('passes the abort on to fetch', async () => {
    const controller = new AbortController();
    const { client, calls } = setup(hang);
    const pending = client.getUser({ signal: controller.signal }).catch(() => {});
    await Promise.resolve();
    controller.abort('hover ended');
    await pending;
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('does not call fetch for an already aborted signal', async () => {
    const { client, fetch } = setup();
    const error = await client.getUser({ signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a caller abort that races the timeout is still an abort', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { client } = setup(hang, { timeoutMs: 100 });
    const pending = client.getUser({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(99);
    controller.abort();
    await vi.advanceTimersByTimeAsync(1);
    expect(isAbortError(await pending)).toBe(true);
  });

  it('maps a rejected fetch to network', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(client.getUser())).toMatchObject({ kind: 'network', retryable: true, status: undefined });
  });
});

describe('the token never appears in errors', () => {
  const scenarios: [string, Handler][] = [
    ['network error quoting the token', () => Promise.reject(new TypeError(`Headers: "Bearer ${TOKEN}" is invalid`))],
    ['403', () => json(403, { message: 'FORBIDDEN' })],
    ['error body echoing the token', () => json(400, { message: TOKEN.toUpperCase(), description: TOKEN })],
    ['error body code equal to the token', () => json(400, { message: TOKEN })],
    ['malformed JSON', () => new Response(`{"token":"${TOKEN}"`, { status: 200 })],
    ['schema failure', () => json(200, { [TOKEN]: TOKEN, link_clicks: TOKEN })],
    ['500', () => new Response(`upstream said ${TOKEN}`, { status: 500 })],
  ];

  it.each(scenarios)('%s', async (_label, handler) => {
    const { client } = setup(handler);
    const error = await failure(client.getClicks('bit.ly/AbC', Q));
    for (const text of [error.message, error.stack ?? '', String(error), JSON.stringify(error), error.code ?? '']) {
      expect(text).not.toContain(TOKEN);
      expect(text.toLowerCase()).not.toContain(TOKEN.toLowerCase());
    }
  });

  it('on timeout', async () => {
    const { client } = setup(() => new Promise<Response>(() => {}), { timeoutMs: 5 });
    const error = await failure(client.getUser());
    expect(`${error.message}${error.stack}`).not.toContain(TOKEN);
  });

  it.each([['tok\nen'], ['tok en'], [''], ['tökén']])('refuses an unusable token %j without calling fetch or quoting it', async (token) => {
    const { client, fetch } = setup(okFor, { token });
    const error = await failure(client.getUser());
    expect(error.kind).toBe('token-rejected');
    if (token) expect(`${error.message}${error.stack}`).not.toContain(token);
    expect(fetch).not.toHaveBeenCalled();
  });
});
