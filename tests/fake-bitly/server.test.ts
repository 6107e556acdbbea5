import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BRAND_TOKEN, FREE_TOKEN, PAID_TOKEN, SAMPLE } from './data';
import { type FakeBitly, startFakeBitly } from './server';

let fake: FakeBitly;

beforeAll(async () => {
  fake = await startFakeBitly({ port: 0 });
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
}

async function call(path: string, opts: { token?: string | null; method?: string; body?: unknown; server?: FakeBitly } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = opts.token === undefined ? PAID_TOKEN : opts.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const res = await fetch((opts.server ?? fake).url + path, {
    method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const { free, paid, brand } = SAMPLE.accounts;
const paidLink = paid.links[0]!;
const freeLink = free.links[0]!;
const brandLink = brand.links[0]!;
const REF = encodeURIComponent('2026-10-15T12:00:00+0000');
const FORBIDDEN = { message: 'FORBIDDEN', resource: 'bitlinks', description: 'You are currently forbidden to access this resource.' };

describe('SAMPLE data', () => {
  it('has the accounts, tokens and link counts other tests rely on', () => {
    expect([free.token, paid.token, brand.token]).toEqual([FREE_TOKEN, PAID_TOKEN, BRAND_TOKEN]);
    expect([free.login, paid.login, brand.login]).toEqual(['freya', 'paula', 'brandon']);
    expect(paid.links.filter((l) => l.domain === 'bit.ly').length).toBeGreaterThanOrEqual(300);
    expect(paid.links.some((l) => l.domain === 'j.mp')).toBe(true);
    expect(paid.groups).toHaveLength(2);
    expect(paid.defaultGroupGuid).toBe(paid.groups[0]!.guid);
    expect(brand.bsds).toEqual(['brnd.example', 'go.acme.example']);
    for (const d of ['brnd.example', 'go.acme.example', 'bit.ly']) expect(brand.links.some((l) => l.domain === d)).toBe(true);
    for (const account of [free, paid, brand]) expect(account.deletedLinks.length).toBeGreaterThanOrEqual(2);
  });

  it('uses Bitly-like unique ids and flags-worthy destinations', () => {
    const all = [free, paid, brand].flatMap((a) => [...a.links, ...a.deletedLinks]);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    for (const l of all) {
      expect(l.hash).toMatch(/^[A-Za-z0-9]{7}$/);
      expect(l.id).toBe(`${l.domain}/${l.hash}`);
      expect(l.title).not.toBe('');
    }
    expect(all.map((l) => l.id)).not.toContain(SAMPLE.missingLinkId);
    const hints = paid.hintLinks;
    expect(hints.plainHttp.long_url).toMatch(/^http:\/\//);
    expect(new URL(hints.ipHost.long_url).hostname).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(new URL(hints.idnHost.long_url).hostname).toMatch(/(^|\.)xn--/);
    expect(new URL(hints.shortener.long_url).hostname).toBe('tinyurl.com');
    expect(new Set(paid.links.map((l) => new URL(l.long_url).hostname)).size).toBeGreaterThan(20);
  });
});

describe('accounts and auth', () => {
  it.each([
    [FREE_TOKEN, 'freya', 'Freya Free', free.defaultGroupGuid],
    [PAID_TOKEN, 'paula', 'Paula Paid', paid.defaultGroupGuid],
    [BRAND_TOKEN, 'brandon', 'Brandon Brand', brand.defaultGroupGuid],
  ])('GET /v4/user with %s', async (token, login, name, group) => {
    const r = await call('/v4/user', { token });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.body).toMatchObject({ login, name, default_group_guid: group, is_active: true });
  });

  it('rejects a missing or unknown token with 403 FORBIDDEN', async () => {
    for (const token of [null, SAMPLE.invalidToken]) {
      const r = await call('/v4/user', { token });
      expect(r.status).toBe(403);
      expect(r.body).toEqual({ message: 'FORBIDDEN', resource: 'user', description: 'You are currently forbidden to access this resource.' });
    }
    expect((await call(`/v4/bitlinks/${paidLink.id}/clicks`, { token: null })).body).toEqual(FORBIDDEN);
  });

  it('answers organizations, groups and bsds per account', async () => {
    const orgs = await call('/v4/organizations', { token: FREE_TOKEN });
    expect(orgs.body.organizations).toEqual([expect.objectContaining({ tier: 'free', tier_display_name: 'Free', guid: free.organizationGuid })]);
    const groups = await call('/v4/groups', { token: PAID_TOKEN });
    expect(groups.body.groups.map((g: { guid: string }) => g.guid)).toEqual(paid.groups.map((g) => g.guid));
    expect((await call(`/v4/groups?organization_guid=${paid.organizationGuid}`)).status).toBe(200);
    expect((await call(`/v4/groups?organization_guid=${free.organizationGuid}`)).status).toBe(403);
    const bsds = await call('/v4/bsds', { token: BRAND_TOKEN });
    expect(bsds.body).toEqual({ bsds: ['brnd.example', 'go.acme.example'] });
    expect((await call('/v4/groups', { token: BRAND_TOKEN })).body.groups[0].bsds).toEqual(['brnd.example', 'go.acme.example']);
    expect((await call('/v4/bsds', { token: FREE_TOKEN })).body).toEqual({ bsds: [] });
  });

  it("refuses other accounts' groups and organizations with 403", async () => {
    expect((await call(`/v4/groups/${free.defaultGroupGuid}`)).status).toBe(403);
    expect((await call(`/v4/groups/${paid.defaultGroupGuid}`)).status).toBe(200);
    expect((await call(`/v4/groups/${free.defaultGroupGuid}/countries`)).status).toBe(403);
    expect((await call(`/v4/organizations/${free.organizationGuid}/shorten_counts`)).status).toBe(403);
  });

  it('answers unknown paths with a Bitly 404', async () => {
    const r = await call('/v4/bitlinks/bit.ly/abc/referring_networks');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ message: 'NOT_FOUND' });
    expect((await call('/v4/nope')).status).toBe(404);
  });
});

describe('the owned-link rule', () => {
  it('serves owned links, refuses foreign ones, and expands both', async () => {
    expect((await call(`/v4/bitlinks/${paidLink.id}`)).body).toMatchObject({ id: paidLink.id, long_url: paidLink.long_url, title: paidLink.title });
    expect((await call(`/v4/bitlinks/${brandLink.id}`, { token: BRAND_TOKEN })).status).toBe(200);
    for (const suffix of ['', '/clicks', '/clicks/summary', '/countries', '/referrers']) {
      const r = await call(`/v4/bitlinks/${freeLink.id}${suffix}`, { token: PAID_TOKEN });
      expect(r.status, suffix).toBe(403);
      expect(r.body).toEqual(FORBIDDEN);
    }
    const expanded = await call('/v4/expand', { token: PAID_TOKEN, body: { bitlink_id: freeLink.id } });
    expect(expanded.status).toBe(200);
    expect(expanded.body).toEqual({ id: freeLink.id, link: freeLink.link, long_url: freeLink.long_url, created_at: freeLink.created_at });
  });

  it('answers 410 GONE for deleted links and 404 for missing ones', async () => {
    const deleted = paid.deletedLinks[0]!;
    for (const path of [`/v4/bitlinks/${deleted.id}`, `/v4/bitlinks/${deleted.id}/clicks`, `/v4/bitlinks/${deleted.id}/countries`]) {
      const r = await call(path);
      expect(r.status, path).toBe(410);
      expect(r.body.message).toBe('GONE');
    }
    expect((await call('/v4/expand', { body: { bitlink_id: deleted.id } })).status).toBe(410);
    expect((await call(`/v4/bitlinks/${SAMPLE.missingLinkId}/clicks/summary`)).status).toBe(404);
    expect((await call('/v4/expand', { body: { bitlink_id: SAMPLE.missingLinkId } })).body.message).toBe('NOT_FOUND');
  });

  it('does not expand an id with a scheme, but does lower-case the domain', async () => {
    expect((await call('/v4/expand', { body: { bitlink_id: `https://${paidLink.id}` } })).status).toBe(404);
    const upper = `${paidLink.domain.toUpperCase()}/${paidLink.hash}`;
    expect((await call('/v4/expand', { body: { bitlink_id: upper } })).status).toBe(200);
    expect((await call(`/v4/bitlinks/${upper}/clicks/summary`)).status).toBe(200);
  });

  it('validates the expand body', async () => {
    expect((await call('/v4/expand', { body: {} })).body).toMatchObject({ message: 'INVALID_ARG_BITLINK_ID' });
    expect((await call('/v4/expand', { body: '{not json' })).status).toBe(422);
  });
});

describe('plans', () => {
  it('answers 402 UPGRADE_REQUIRED for cities, devices and group clicks on the free plan', async () => {
    const group = free.defaultGroupGuid;
    for (const path of [`/v4/bitlinks/${freeLink.id}/cities`, `/v4/bitlinks/${freeLink.id}/devices`, `/v4/groups/${group}/cities`, `/v4/groups/${group}/devices`, `/v4/groups/${group}/clicks`]) {
      const r = await call(path, { token: FREE_TOKEN });
      expect(r.status, path).toBe(402);
      expect(r.body).toEqual({ message: 'UPGRADE_REQUIRED', resource: path.includes('/groups/') ? 'groups' : 'bitlinks', description: 'You must upgrade your account to access this resource.' });
    }
    expect((await call(`/v4/bitlinks/${freeLink.id}/countries`, { token: FREE_TOKEN })).status).toBe(200);
    expect((await call(`/v4/bitlinks/${paidLink.id}/cities`)).status).toBe(200);
    expect((await call(`/v4/groups/${paid.defaultGroupGuid}/clicks`)).status).toBe(200);
  });

  it('limits units=-1 to the plan history (30 days free, 365 paid)', async () => {
    const f = await call(`/v4/bitlinks/${freeLink.id}/clicks?unit=day&units=-1`, { token: FREE_TOKEN });
    expect(f.body.link_clicks).toHaveLength(30);
    expect(f.body.units).toBe(-1);
    const p = await call(`/v4/bitlinks/${paidLink.id}/clicks?unit=day&units=-1`);
    expect(p.body.link_clicks).toHaveLength(365);
    expect((await call(`/v4/bitlinks/${freeLink.id}/clicks?unit=week&units=-1`, { token: FREE_TOKEN })).body.link_clicks).toHaveLength(5);
  });
});

describe('metrics', () => {
  it('returns clicks newest first in Bitly date format, adding up to the summary', async () => {
    const q = `unit=day&units=7&unit_reference=${REF}`;
    const clicks = await call(`/v4/bitlinks/${paidLink.id}/clicks?${q}`);
    expect(clicks.body.unit_reference).toBe('2026-10-15T12:00:00+0000');
    const dates = clicks.body.link_clicks.map((r: { date: string }) => r.date);
    expect(dates[0]).toBe('2026-10-15T00:00:00+0000');
    expect(dates[6]).toBe('2026-10-09T00:00:00+0000');
    const total = clicks.body.link_clicks.reduce((s: number, r: { clicks: number }) => s + r.clicks, 0);
    expect(total).toBeGreaterThan(0);
    expect((await call(`/v4/bitlinks/${paidLink.id}/clicks/summary?${q}`)).body.total_clicks).toBe(total);
    const hourly = await call(`/v4/bitlinks/${paidLink.id}/clicks?unit=hour&units=${24 * 7}&unit_reference=${encodeURIComponent('2026-10-15T23:59:59Z')}`);
    expect(hourly.body.link_clicks.reduce((s: number, r: { clicks: number }) => s + r.clicks, 0)).toBe(total);
  });

  it('splits clicks into facets that add up to the total, honouring size', async () => {
    const q = `unit=month&units=3&unit_reference=${REF}`;
    const total = (await call(`/v4/bitlinks/${paidLink.id}/clicks/summary?${q}`)).body.total_clicks as number;
    const sum = (rows: Array<{ clicks: number }>) => rows.reduce((s, r) => s + r.clicks, 0);
    const countries = await call(`/v4/bitlinks/${paidLink.id}/countries?${q}&size=1000`);
    expect(countries.body.facet).toBe('countries');
    expect(sum(countries.body.metrics)).toBe(total);
    for (const row of countries.body.metrics) expect(row.value).toMatch(/^[A-Z]{2}$/);
    expect((await call(`/v4/bitlinks/${paidLink.id}/countries?${q}&size=2`)).body.metrics).toHaveLength(2);
    expect(sum((await call(`/v4/bitlinks/${paidLink.id}/referrers?${q}`)).body.metrics)).toBe(total);
    expect(sum((await call(`/v4/bitlinks/${paidLink.id}/devices?${q}`)).body.metrics)).toBe(total);
    const cities = (await call(`/v4/bitlinks/${paidLink.id}/cities?${q}&size=3`)).body;
    expect(cities.metrics).toHaveLength(3);
    expect(sum(cities.metrics) + cities.other_metrics.other_city_clicks + cities.other_metrics.no_city_clicks).toBe(total);
    const byDomain = (await call(`/v4/bitlinks/${paidLink.id}/referrers_by_domains?${q}`)).body;
    expect(byDomain.facet).toBe('referrers_by_domains');
    const rowTotal = byDomain.referrers_by_domain.flatMap((n: { referrers: Array<{ value: number }> }) => n.referrers).reduce((s: number, r: { value: number }) => s + r.value, 0);
    expect(rowTotal).toBe(total);
  });

  it('gives big and small links', async () => {
    const totals = await Promise.all(
      paid.links.slice(0, 40).map(async (l) => (await call(`/v4/bitlinks/${l.id}/clicks/summary?unit_reference=${REF}`)).body.total_clicks as number),
    );
    expect(Math.min(...totals)).toBeGreaterThan(0);
    expect(Math.max(...totals)).toBeGreaterThan(50 * Math.min(...totals));
  });

  it('validates unit, units, unit_reference and size like Bitly', async () => {
    const base = `/v4/bitlinks/${paidLink.id}`;
    const bad = [
      [`${base}/clicks?unit=fortnight`, 'INVALID_ARG_UNIT'],
      [`${base}/clicks?units=0`, 'INVALID_ARG_UNITS'],
      [`${base}/clicks?unit_reference=yesterday`, 'INVALID_ARG_UNIT_REFERENCE'],
      [`${base}/clicks?unit_reference=2026-10-15T12:00:00+0000`, 'INVALID_ARG_UNIT_REFERENCE'], // unencoded "+"
      [`${base}/countries?size=-3`, 'INVALID_ARG_SIZE'],
    ] as const;
    for (const [path, message] of bad) {
      const r = await call(path);
      expect(r.status, path).toBe(400);
      expect(r.body).toMatchObject({ message, resource: 'bitlinks', errors: [expect.objectContaining({ error_code: 'invalid' })] });
    }
  });

  it('serves group metrics summed over the group links', async () => {
    const g = paid.groups[1]!.guid;
    const q = `unit=day&units=3&unit_reference=${REF}`;
    const clicks = await call(`/v4/groups/${g}/clicks?${q}`);
    expect(clicks.body.data).toHaveLength(3);
    expect(clicks.body.data[0]).toEqual({ ts: '2026-10-15T00:00:00+0000', count: expect.any(Number) });
    const total = clicks.body.data.reduce((s: number, r: { count: number }) => s + r.count, 0);
    const countries = await call(`/v4/groups/${g}/countries?${q}&size=1000`);
    expect(countries.body.metrics.reduce((s: number, r: { clicks: number }) => s + r.clicks, 0)).toBe(total);
    const networks = await call(`/v4/groups/${g}/referring_networks`);
    expect(networks.body.facet).toBe('referring_networks');
    expect(networks.body.metrics.length).toBeGreaterThan(0);
  });

  it('counts links created per group and organization', async () => {
    const q = 'unit=month&units=-1';
    const counts = await Promise.all(paid.groups.map(async (g) => (await call(`/v4/groups/${g.guid}/shorten_counts?${q}`)).body));
    const org = (await call(`/v4/organizations/${paid.organizationGuid}/shorten_counts?${q}`)).body;
    expect(org.facet).toBe('shorten_counts');
    org.metrics.forEach((row: { key: string; value: number }, i: number) => {
      expect(row.value).toBe(counts[0].metrics[i].value + counts[1].metrics[i].value);
    });
    expect(org.metrics.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBeGreaterThan(0);
  });
});

describe('group links', () => {
  it('sorts by clicks and honours size; other sorts are 404', async () => {
    const r = await call(`/v4/groups/${paid.defaultGroupGuid}/bitlinks/clicks?unit=day&units=30&size=10`);
    expect(r.body.sorted_links).toHaveLength(10);
    expect(r.body.links.map((l: { id: string }) => l.id)).toEqual(r.body.sorted_links.map((l: { id: string }) => l.id));
    const clicks = r.body.sorted_links.map((l: { clicks: number }) => l.clicks);
    expect([...clicks].sort((a, b) => b - a)).toEqual(clicks);
    expect((await call(`/v4/groups/${paid.defaultGroupGuid}/bitlinks/created`)).status).toBe(404);
  });

  it('pages through a group with search_after, and filters by query', async () => {
    const group = paid.defaultGroupGuid;
    const seen: string[] = [];
    let path: string | undefined = `/v4/groups/${group}/bitlinks?size=100`;
    while (path) {
      const r = await call(path);
      expect(r.status).toBe(200);
      seen.push(...r.body.links.map((l: { id: string }) => l.id));
      const next: string = r.body.pagination.next;
      path = next ? next.slice(fake.url.length) : undefined;
      if (next) expect(next.startsWith(`${fake.url}/v4/groups/${group}/bitlinks?`)).toBe(true);
    }
    const expected = paid.links.filter((l) => l.group_guid === group).map((l) => l.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());

    const needle = new URL(paidLink.long_url).hostname;
    const found = await call(`/v4/groups/${paidLink.group_guid}/bitlinks?query=${encodeURIComponent(needle)}&size=1000`);
    expect(found.body.links.length).toBeGreaterThan(0);
    for (const l of found.body.links) expect(`${l.long_url} ${l.title}`.toLowerCase()).toContain(needle.toLowerCase());
    expect((await call(`/v4/groups/${group}/bitlinks?search_after=zz`)).status).toBe(400);
  });
});

describe('shorten', () => {
  it('creates a link (201), then returns it again (200); it expands and shows up in search', async () => {
    const longUrl = 'https://www.example.org/fresh/page?x=1';
    const created = await call('/v4/shorten', { body: { long_url: longUrl } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ long_url: longUrl, link: `https://${created.body.id}` });
    expect(created.body.id).toMatch(/^bit\.ly\/[A-Za-z0-9]{7}$/);
    const again = await call('/v4/shorten', { body: { long_url: longUrl, group_guid: paid.defaultGroupGuid, domain: 'bit.ly' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(created.body.id);
    expect((await call('/v4/expand', { token: FREE_TOKEN, body: { bitlink_id: created.body.id } })).body.long_url).toBe(longUrl);
    const search = await call(`/v4/groups/${paid.defaultGroupGuid}/bitlinks?query=fresh/page`);
    expect(search.body.links.map((l: { id: string }) => l.id)).toEqual([created.body.id]);
    expect((await call(`/v4/bitlinks/${created.body.id}/clicks/summary`)).body.total_clicks).toBe(0);
    fake.reset();
    expect((await call('/v4/expand', { body: { bitlink_id: created.body.id } })).status).toBe(404);
  });

  it('answers 200 for a URL the account already shortened', async () => {
    const r = await call('/v4/shorten', { body: { long_url: paidLink.long_url } });
    expect(r.status).toBe(200);
    expect(r.body.id).toBe(paidLink.id);
  });

  it('shortens on a branded domain of the account only', async () => {
    const r = await call('/v4/shorten', { token: BRAND_TOKEN, body: { long_url: 'https://acme.example/x', domain: 'go.acme.example' } });
    expect(r.status).toBe(201);
    expect(r.body.link).toMatch(/^https:\/\/go\.acme\.example\//);
    expect((await call('/v4/shorten', { body: { long_url: 'https://acme.example/x', domain: 'go.acme.example' } })).body.message).toBe('INVALID_ARG_DOMAIN');
    expect((await call('/v4/shorten', { body: { long_url: 'https://acme.example/x', group_guid: free.defaultGroupGuid } })).status).toBe(403);
  });

  it('refuses Bitly links, missing and invalid URLs, and bad JSON', async () => {
    const bitly = await call('/v4/shorten', { body: { long_url: 'https://bit.ly/3xYz123' } });
    expect(bitly.status).toBe(400);
    expect(bitly.body).toMatchObject({ message: 'ALREADY_A_BITLY_LINK', resource: 'bitlinks', errors: [{ field: 'long_url', error_code: 'invalid' }] });
    expect((await call('/v4/shorten', { body: {} })).body).toMatchObject({ message: 'INVALID_ARG_LONG_URL', errors: [{ field: 'long_url', error_code: 'missing' }] });
    expect((await call('/v4/shorten', { body: { long_url: 'not a url' } })).body.message).toBe('INVALID_ARG_LONG_URL');
    expect((await call('/v4/shorten', { body: 'long_url=x' })).status).toBe(422);
  });
});

describe('faults', () => {
  const path = `/v4/bitlinks/${paidLink.id}/clicks/summary`;

  it('adds latency, then answers normally', async () => {
    fake.faults.add({ fault: { kind: 'latency', ms: 150 } });
    const t0 = Date.now();
    const r = await call(path);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(r.status).toBe(200);
  });

  it.each([
    [500, 'INTERNAL_ERROR'],
    [502, 'BAD_GATEWAY'],
    [503, 'TEMPORARILY_UNAVAILABLE'],
  ] as const)('answers status %i with %s', async (status, message) => {
    fake.faults.add({ fault: { kind: 'status', status } });
    const r = await call(path);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ message, resource: 'bitlinks', description: expect.any(String) });
  });

  it('rate limits with 429 (no errors[]) and with 403 RATE_LIMIT_EXCEEDED + X-Ratelimit-Reason', async () => {
    fake.faults.add({ fault: { kind: 'rate-limit-429' }, times: 1 });
    const r429 = await call(path);
    expect(r429.status).toBe(429);
    expect(r429.body).toEqual({ message: 'MONTHLY_LIMIT_EXCEEDED', resource: 'bitlinks', description: expect.any(String) });
    fake.faults.add({ fault: { kind: 'rate-limit-403' }, times: 1 });
    const r403 = await call(path);
    expect(r403.status).toBe(403);
    expect(r403.body.message).toBe('RATE_LIMIT_EXCEEDED');
    expect(r403.headers.get('x-ratelimit-reason')).toBeTruthy();
    expect((await call(path)).status).toBe(200);
  });

  it('revokes a token: every request made with it gets 403 FORBIDDEN, other tokens are unaffected', async () => {
    fake.faults.add({ match: { token: SAMPLE.accounts.paid.token }, fault: { kind: 'token-revoked' } });
    const user = await call('/v4/user');
    expect(user.status).toBe(403);
    expect(user.body).toEqual({ message: 'FORBIDDEN', resource: 'user', description: 'You are currently forbidden to access this resource.' });
    expect((await call(path)).body).toEqual(FORBIDDEN);
    expect((await call('/v4/user', { token: SAMPLE.accounts.free.token })).status).toBe(200);
  });

  it('sends malformed JSON with status 200', async () => {
    fake.faults.add({ fault: { kind: 'malformed' } });
    const r = await call(path);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it('drops a top-level field from 2xx bodies only', async () => {
    fake.faults.add({ fault: { kind: 'drop-field', field: 'link_clicks' } });
    const r = await call(`/v4/bitlinks/${paidLink.id}/clicks`);
    expect(r.status).toBe(200);
    expect(r.body).not.toHaveProperty('link_clicks');
    expect(r.body).toHaveProperty('unit');
    expect((await call(`/v4/bitlinks/${SAMPLE.missingLinkId}/clicks`)).body.message).toBe('NOT_FOUND');
  });

  it('applies a rule only `times` times, and only to matching requests', async () => {
    fake.faults.add({ match: { token: FREE_TOKEN, path: '/clicks', method: 'GET' }, fault: { kind: 'status', status: 503 }, times: 2 });
    expect((await call(path)).status).toBe(200); // other token
    expect((await call(`/v4/bitlinks/${freeLink.id}/countries`, { token: FREE_TOKEN })).status).toBe(200); // other path
    expect((await call(`/v4/bitlinks/${freeLink.id}/clicks`, { token: FREE_TOKEN })).status).toBe(503);
    expect((await call(`/v4/bitlinks/${freeLink.id}/clicks/summary`, { token: FREE_TOKEN })).status).toBe(503);
    expect((await call(`/v4/bitlinks/${freeLink.id}/clicks`, { token: FREE_TOKEN })).status).toBe(200);
    expect(fake.faults.list()).toEqual([]);
  });

  it('rejects malformed rules', () => {
    expect(() => fake.faults.add({ fault: { kind: 'status', status: 404 as 500 } })).toThrow(TypeError);
    expect(() => fake.faults.add({ fault: { kind: 'latency', ms: 10 }, times: 0 })).toThrow(TypeError);
  });

  it('holds a "timeout" request until close() ends it', async () => {
    const own = await startFakeBitly();
    own.faults.add({ fault: { kind: 'timeout' } });
    const pending = call('/v4/user', { server: own }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(own.inFlight).toBe(1);
    expect(own.log[0]).toMatchObject({ path: '/v4/user', status: 0 });
    const t0 = Date.now();
    await own.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await pending).toBe('failed');
  });
});

describe('log and concurrency', () => {
  it('logs every /v4 request in order with its token and status', async () => {
    fake.clearLog();
    await call(`/v4/bitlinks/${paidLink.id}/countries?unit=day&units=7&size=3`);
    await call('/v4/user', { token: null });
    await call('/v4/expand', { token: FREE_TOKEN, body: { bitlink_id: paidLink.id } });
    await fetch(`${fake.url}/__fake/stats`); // control calls are not logged
    expect(fake.log).toEqual([
      expect.objectContaining({ method: 'GET', path: `/v4/bitlinks/${paidLink.id}/countries`, query: { unit: 'day', units: '7', size: '3' }, token: PAID_TOKEN, status: 200 }),
      expect.objectContaining({ method: 'GET', path: '/v4/user', query: {}, token: null, status: 403 }),
      expect.objectContaining({ method: 'POST', path: '/v4/expand', token: FREE_TOKEN, status: 200, body: { bitlink_id: paidLink.id } }),
    ]);
    expect(fake.log[0]).not.toHaveProperty('body');
    for (const entry of fake.log) expect(entry.endedAt).toBeGreaterThanOrEqual(entry.startedAt);
  });

  it('tracks requests in flight and the maximum seen', async () => {
    fake.faults.add({ fault: { kind: 'latency', ms: 150 } });
    const calls = Array.from({ length: 5 }, () => call('/v4/user'));
    await new Promise((r) => setTimeout(r, 60));
    expect(fake.inFlight).toBe(5);
    await Promise.all(calls);
    expect(fake.inFlight).toBe(0);
    expect(fake.maxInFlight).toBe(5);
    fake.clearLog();
    expect(fake.maxInFlight).toBe(0);
    expect(fake.log).toEqual([]);
  });
});

describe('control endpoints', () => {
  const control = (path: string, init?: RequestInit) => fetch(`${fake.url}/__fake${path}`, init);

  it('adds and clears faults, reads and clears the log, reports stats, resets', async () => {
    const added = await control('/faults', { method: 'POST', body: JSON.stringify({ match: { path: '/user' }, fault: { kind: 'status', status: 502 }, times: 1 }) });
    expect(added.status).toBe(201);
    expect((await call('/v4/user')).status).toBe(502);
    expect((await call('/v4/user')).status).toBe(200);
    expect((await control('/faults', { method: 'POST', body: '{"fault":{"kind":"nope"}}' })).status).toBe(400);

    const log = (await (await control('/log')).json()) as Array<{ path: string; status: number }>;
    expect(log.map((e) => e.status)).toEqual([502, 200]);
    expect(await (await control('/stats')).json()).toEqual({ inFlight: 0, maxInFlight: 1 });
    expect((await control('/log', { method: 'DELETE' })).status).toBe(204);
    expect(await (await control('/log')).json()).toEqual([]);

    await control('/faults', { method: 'POST', body: JSON.stringify({ fault: { kind: 'status', status: 500 } }) });
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/v4/user')).status).toBe(200);

    await control('/faults', { method: 'POST', body: JSON.stringify({ fault: { kind: 'status', status: 500 } }) });
    expect((await control('/reset', { method: 'POST' })).status).toBe(204);
    expect((await call('/v4/user')).status).toBe(200);
    expect(fake.log).toHaveLength(1);
    expect(((await (await control('/sample')).json()) as typeof SAMPLE).accounts.paid.token).toBe(PAID_TOKEN);
  });
});

describe('determinism', () => {
  it('serves identical data from two server instances', async () => {
    const other = await startFakeBitly();
    try {
      const q = `unit=day&units=30&unit_reference=${REF}`;
      const paths = [
        `/v4/bitlinks/${paidLink.id}/clicks?${q}`,
        `/v4/bitlinks/${paid.links[123]!.id}/countries?${q}`,
        `/v4/bitlinks/${paid.links[200]!.id}/cities?${q}`,
        `/v4/bitlinks/${paidLink.id}/referrers_by_domains?${q}`,
        `/v4/groups/${paid.defaultGroupGuid}/clicks?${q}`,
        `/v4/groups/${paid.defaultGroupGuid}/bitlinks/clicks?${q}&size=20`,
        `/v4/groups/${paid.defaultGroupGuid}/bitlinks?size=20`,
        '/v4/user',
        '/v4/groups',
      ];
      for (const p of paths) {
        const [a, b] = await Promise.all([call(p), call(p, { server: other })]);
        expect(a.status, p).toBe(200);
        expect(b.text.replaceAll(other.url, 'ORIGIN'), p).toBe(a.text.replaceAll(fake.url, 'ORIGIN'));
      }
      const longUrl = 'https://www.example.org/same-hash';
      const [s1, s2] = await Promise.all([call('/v4/shorten', { body: { long_url: longUrl } }), call('/v4/shorten', { body: { long_url: longUrl }, server: other })]);
      expect(s1.body.id).toBe(s2.body.id);
    } finally {
      await other.close();
    }
  });
});

describe('determinism across processes', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));

  it('generates the same SAMPLE in a fresh process', () => {
    const tsx = path.resolve(here, '../../node_modules/.bin/tsx');
    const script = `import { SAMPLE } from ${JSON.stringify(path.join(here, 'data.ts'))}; process.stdout.write(JSON.stringify(SAMPLE));`;
    const out = execFileSync(tsx, ['--eval', script], { encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(SAMPLE)));
  });

  it('never uses Math.random or the clock for data', () => {
    const sources = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of sources) {
      const text = readFileSync(path.join(here, file), 'utf8');
      expect(text, file).not.toMatch(/Math\.random\(/);
      if (['data.ts', 'catalog.ts', 'click-series.ts', 'click-facets.ts', 'prng.ts'].includes(file)) expect(text, file).not.toMatch(/Date\.now\(|new Date\(\)/);
    }
  });
});
