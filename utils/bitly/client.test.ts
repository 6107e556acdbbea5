import { describe, expect, it } from 'vitest';
import { createBitlyClient, type BitlyClient, type FacetQuery, type MetricsQuery } from './client';
import { failure, json, recordingFetch, type Handler, type Recorded } from './fetch-fixture';
import { createTransport, type BitlySend } from './transport';

const BASE = 'https://api.example';
const TOKEN = 'tok_0123456789abcdef0123456789abcdef';
const GUID = 'Ba1bc23dE4F';
const ORG = 'Oa1bcd234eF';
const Q: MetricsQuery = { unit: 'day', units: 30 };
const QS: FacetQuery = { unit: 'day', units: 30, size: 5 };

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

/** The client over the real transport, so each case shows the request that goes out. */
function setup(handler: Handler = okFor) {
  const { calls, fetch, fetchFn } = recordingFetch(handler);
  const client = createBitlyClient(createTransport({ baseUrl: BASE, token: TOKEN, fetch: fetchFn }));
  return { client, calls, fetch };
}

describe('requests', () => {
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

  it('passes the caller’s options on to send untouched', async () => {
    const seen: Array<[string, { tag: string } | undefined]> = [];
    const send: BitlySend<{ tag: string }> = async (request, options) => {
      seen.push([request.operation, options]);
      throw new Error('not sent');
    };
    const client = createBitlyClient(send);
    await client.getClicks('bit.ly/AbC', Q, { tag: 'hover' }).catch(() => {});
    await client.getUser().catch(() => {});
    expect(seen).toEqual([
      ['getClicks', { tag: 'hover' }],
      ['getUser', undefined],
    ]);
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

describe('each endpoint’s scope decides what a 403 means', () => {
  const forbidden = { message: 'FORBIDDEN', resource: 'bitlinks', description: 'You are currently forbidden to access this resource.' };

  it.each([
    ['getBitlink', 'not-in-account', (c: BitlyClient) => c.getBitlink('bit.ly/AbC')],
    ['getClicks', 'not-in-account', (c: BitlyClient) => c.getClicks('bit.ly/AbC', Q)],
    // Expand answers for any existing link, whoever owns it: its 403 can only mean the token.
    ['expand', 'token-rejected', (c: BitlyClient) => c.expand('bit.ly/AbC')],
    ['getCities', 'not-in-account', (c: BitlyClient) => c.getCities('bit.ly/AbC', Q)],
    ['getUser', 'token-rejected', (c: BitlyClient) => c.getUser()],
    ['getGroups', 'token-rejected', (c: BitlyClient) => c.getGroups()],
    ['getBsds', 'token-rejected', (c: BitlyClient) => c.getBsds()],
    ['getGroupClicks', 'token-rejected', (c: BitlyClient) => c.getGroupClicks(GUID, Q)],
    ['shorten', 'token-rejected', (c: BitlyClient) => c.shorten({ longUrl: 'https://example.com/' })],
  ] as const)('403 FORBIDDEN on %s → %s', async (_name, kind, invoke) => {
    const { client } = setup(() => json(403, forbidden));
    expect((await failure(invoke(client))).kind).toBe(kind);
  });
});

describe('shorten', () => {
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

  it('keeps Bitly\'s code on a refused shorten', async () => {
    const { client } = setup(() =>
      json(400, { message: 'ALREADY_A_BITLY_LINK', resource: 'bitlinks', description: 'The value provided is invalid.', errors: [{ field: 'long_url', error_code: 'invalid' }] }),
    );
    const error = await failure(client.shorten({ longUrl: 'https://bit.ly/AbC' }));
    expect(error).toMatchObject({ kind: 'bad-request', status: 400, code: 'ALREADY_A_BITLY_LINK', retryable: false });
  });
});
