/**
 * Contract: what the Bitly stand-in (tests/fake-bitly) answers matches Bitly's spec.
 *
 * For every operation of `v4.json`, either the stand-in serves it and every scenario below (the
 * 2xx answer and each error status the stand-in produces, including injected faults) validates
 * against the schema the spec declares for that operation and status, or the operation is
 * reported as not served. Because Bitly's schemas rarely list `required` fields (`{}` passes),
 * every 2xx body is also checked with the extension's own runtime schemas
 * (`utils/bitly/schemas.ts`), and no body may carry a field the spec does not declare.
 */
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as runtimeSchemas from '../../utils/bitly/schemas';
import { BRAND_TOKEN, FREE_TOKEN, PAID_TOKEN, SAMPLE } from '../fake-bitly/data';
import type { Fault } from '../fake-bitly/faults';
import { SERVED_OPERATIONS } from '../fake-bitly/routes/index';
import { type FakeBitly, startFakeBitly } from '../fake-bitly/server';
import { ERROR_SCHEMA_BY_STATUS, SPEC_FILE, ajv, declaredSchema, schemaRef, specOperations, undeclaredFields, validatorFor } from './spec-responses';

// ---------------------------------------------------------------------------------------------
// What the stand-in must serve (the endpoints the extension uses), and the runtime schema the
// extension parses each 2xx answer with.

const RUNTIME_SCHEMA: Record<string, string> = {
  'GET /user': 'UserSchema',
  'GET /groups': 'GroupsSchema',
  'GET /groups/{group_guid}': 'GroupSchema',
  'GET /groups/{group_guid}/preferences': 'GroupPreferencesSchema',
  'GET /organizations': 'OrganizationsSchema',
  'GET /bsds': 'BsdsSchema',
  'POST /expand': 'ExpandedBitlinkSchema',
  'GET /bitlinks/{bitlink}': 'BitlinkSchema',
  'GET /bitlinks/{bitlink}/clicks': 'ClicksSchema',
  'GET /bitlinks/{bitlink}/clicks/summary': 'ClicksSummarySchema',
  'GET /bitlinks/{bitlink}/countries': 'ClickMetricsSchema',
  'GET /bitlinks/{bitlink}/cities': 'CityMetricsSchema',
  'GET /bitlinks/{bitlink}/devices': 'DeviceMetricsSchema',
  'GET /bitlinks/{bitlink}/referrers': 'ClickMetricsSchema',
  'GET /bitlinks/{bitlink}/referring_domains': 'ClickMetricsSchema',
  'GET /bitlinks/{bitlink}/referrers_by_domains': 'ReferrersByDomainsSchema',
  'GET /bitlinks/{bitlink}/qr': 'FullQRCodeSchema',
  'GET /groups/{group_guid}/clicks': 'GroupClicksSchema',
  'GET /groups/{group_guid}/countries': 'ClickMetricsSchema',
  'GET /groups/{group_guid}/cities': 'CityMetricsSchema',
  'GET /groups/{group_guid}/devices': 'DeviceMetricsSchema',
  'GET /groups/{group_guid}/referring_networks': 'ClickMetricsSchema',
  'GET /groups/{group_guid}/shorten_counts': 'ShortenCountsSchema',
  'GET /organizations/{organization_guid}/shorten_counts': 'ShortenCountsSchema',
  'GET /groups/{group_guid}/bitlinks/{sort}': 'SortedLinksSchema',
  'GET /groups/{group_guid}/bitlinks': 'GroupBitlinksSchema',
  'POST /shorten': 'ShortenedBitlinkSchema',
};
const ERROR_RUNTIME_SCHEMA = 'ErrorBodySchema';
const REQUIRED_OPERATIONS = Object.keys(RUNTIME_SCHEMA);

/**
 * (operation, status) pairs the stand-in produces on its own (not through a fault) although the
 * spec does not declare that status for the operation. Real Bitly answers these too (bad
 * arguments are 400 everywhere, deleted links are 410 everywhere, a bad token is 403
 * everywhere); they are validated against the spec's shared schema for the status instead.
 */
const KNOWN_UNDECLARED = [
  'GET /bitlinks/{bitlink}/clicks 400',
  'GET /bitlinks/{bitlink}/clicks 410',
  'GET /bitlinks/{bitlink}/clicks/summary 400',
  'GET /bitlinks/{bitlink}/clicks/summary 410',
  'POST /expand 403',
  'GET /groups/{group_guid}/countries 400',
  'GET /groups/{group_guid}/cities 400',
  'GET /groups/{group_guid}/devices 400',
  'GET /groups/{group_guid}/shorten_counts 400',
  'GET /organizations/{organization_guid}/shorten_counts 400',
  'GET /groups/{group_guid}/bitlinks/{sort} 400',
  'GET /groups/{group_guid}/bitlinks 400',
];

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Scenario {
  label: string;
  status: number;
  method: 'GET' | 'POST';
  /** Path with query, below the server origin. */
  path: string;
  token?: string | null; // default: the paid account
  body?: unknown;
  fault?: Fault;
}

const { free, paid, brand } = SAMPLE.accounts;
const LINK = paid.links[0]!.id;
const FOREIGN_LINK = free.links[0]!.id;
const DELETED_LINK = paid.deletedLinks[0]!.id;
const GROUP = paid.defaultGroupGuid;
const FOREIGN_GROUP = free.defaultGroupGuid;
const ORG = paid.organizationGuid;
const WINDOW = `unit=day&units=30&unit_reference=${encodeURIComponent('2026-10-15T12:00:00+0000')}`;

const get = (label: string, status: number, path: string, token?: string | null): Scenario => ({ label, status, method: 'GET', path, token });
const post = (label: string, status: number, path: string, body: unknown, token?: string | null): Scenario => ({ label, status, method: 'POST', path, body, token });

function linkMetric(suffix: string, opts: { premium?: boolean; size?: boolean } = {}): Scenario[] {
  const q = `${WINDOW}${opts.size ? '&size=5' : ''}`;
  const at = (id: string, query = q) => `/v4/bitlinks/${id}/${suffix}?${query}`;
  return [
    get('owned link', 200, at(LINK)),
    get('owned link, unit=hour', 200, at(LINK, 'unit=hour&units=48')),
    get('branded-domain link', 200, at(brand.links[0]!.id), BRAND_TOKEN),
    opts.premium ? get('free plan', 402, at(free.links[0]!.id), FREE_TOKEN) : get('free plan', 200, at(free.links[0]!.id), FREE_TOKEN),
    get('foreign link', 403, at(FOREIGN_LINK)),
    get('no token', 403, at(LINK), null),
    get('missing link', 404, at(SAMPLE.missingLinkId)),
    get('deleted link', 410, at(DELETED_LINK)),
    get('bad unit', 400, at(LINK, 'unit=fortnight')),
  ];
}

function groupMetric(suffix: string, opts: { premium?: boolean; timeParams?: boolean; base?: string; foreign?: string } = {}): Scenario[] {
  const base = opts.base ?? `/v4/groups/${GROUP}`;
  const foreign = opts.foreign ?? `/v4/groups/${FOREIGN_GROUP}`;
  const q = opts.timeParams === false ? '' : `?${WINDOW}`;
  const out = [
    get('own group', 200, `${base}/${suffix}${q}`),
    get('other account', 403, `${foreign}/${suffix}${q}`),
    get('no token', 403, `${base}/${suffix}${q}`, null),
  ];
  if (opts.premium) out.push(get('free plan', 402, `/v4/groups/${FOREIGN_GROUP}/${suffix}${q}`, FREE_TOKEN));
  else if (!opts.base) out.push(get('free plan', 200, `/v4/groups/${FOREIGN_GROUP}/${suffix}${q}`, FREE_TOKEN));
  if (opts.timeParams !== false) out.push(get('bad unit', 400, `${base}/${suffix}?unit=fortnight`));
  return out;
}

const NEW_URL = 'https://contract.example.com/landing?campaign=spring';

const SCENARIOS: Record<string, Scenario[]> = {
  'GET /user': [get('paid', 200, '/v4/user'), get('free', 200, '/v4/user', FREE_TOKEN), get('brand', 200, '/v4/user', BRAND_TOKEN), get('unknown token', 403, '/v4/user', SAMPLE.invalidToken), get('no token', 403, '/v4/user', null)],
  'GET /groups': [
    get('all', 200, '/v4/groups'),
    get('by organization', 200, `/v4/groups?organization_guid=${ORG}`),
    get('with bsds', 200, '/v4/groups', BRAND_TOKEN),
    get('other organization', 403, `/v4/groups?organization_guid=${free.organizationGuid}`),
    get('no token', 403, '/v4/groups', null),
  ],
  'GET /groups/{group_guid}': [get('own', 200, `/v4/groups/${GROUP}`), get('other account', 403, `/v4/groups/${FOREIGN_GROUP}`)],
  'GET /groups/{group_guid}/preferences': [
    get('own', 200, `/v4/groups/${GROUP}/preferences`),
    get('branded', 200, `/v4/groups/${brand.defaultGroupGuid}/preferences`, BRAND_TOKEN),
    get('other account', 403, `/v4/groups/${FOREIGN_GROUP}/preferences`),
    get('no token', 403, `/v4/groups/${GROUP}/preferences`, null),
  ],
  'GET /organizations': [get('paid', 200, '/v4/organizations'), get('free', 200, '/v4/organizations', FREE_TOKEN), get('no token', 403, '/v4/organizations', null)],
  'GET /bsds': [get('brand', 200, '/v4/bsds', BRAND_TOKEN), get('none', 200, '/v4/bsds', FREE_TOKEN), get('no token', 403, '/v4/bsds', null)],
  'POST /expand': [
    post('owned', 200, '/v4/expand', { bitlink_id: LINK }),
    post('foreign', 200, '/v4/expand', { bitlink_id: FOREIGN_LINK }),
    post('missing', 404, '/v4/expand', { bitlink_id: SAMPLE.missingLinkId }),
    post('with a scheme', 404, '/v4/expand', { bitlink_id: `https://${LINK}` }),
    post('deleted', 410, '/v4/expand', { bitlink_id: DELETED_LINK }),
    post('no bitlink_id', 400, '/v4/expand', {}),
    post('not JSON', 422, '/v4/expand', '{"bitlink_id":'),
    post('no token', 403, '/v4/expand', { bitlink_id: LINK }, null),
  ],
  'GET /bitlinks/{bitlink}': [
    get('owned', 200, `/v4/bitlinks/${LINK}`),
    get('j.mp', 200, `/v4/bitlinks/${paid.links.find((l) => l.domain === 'j.mp')!.id}`),
    get('foreign', 403, `/v4/bitlinks/${FOREIGN_LINK}`),
    get('missing', 404, `/v4/bitlinks/${SAMPLE.missingLinkId}`),
    get('deleted', 410, `/v4/bitlinks/${DELETED_LINK}`),
  ],
  'GET /bitlinks/{bitlink}/clicks': linkMetric('clicks'),
  'GET /bitlinks/{bitlink}/clicks/summary': linkMetric('clicks/summary'),
  'GET /bitlinks/{bitlink}/countries': linkMetric('countries', { size: true }),
  'GET /bitlinks/{bitlink}/cities': linkMetric('cities', { premium: true, size: true }),
  'GET /bitlinks/{bitlink}/devices': linkMetric('devices', { premium: true, size: true }),
  'GET /bitlinks/{bitlink}/referrers': linkMetric('referrers', { size: true }),
  'GET /bitlinks/{bitlink}/referring_domains': linkMetric('referring_domains', { size: true }),
  'GET /bitlinks/{bitlink}/referrers_by_domains': linkMetric('referrers_by_domains', { size: true }),
  'GET /bitlinks/{bitlink}/qr': [
    get('owned link, PNG', 200, `/v4/bitlinks/${LINK}/qr?image_format=png`),
    get('owned link, SVG', 200, `/v4/bitlinks/${LINK}/qr?image_format=svg`),
    get('default format', 200, `/v4/bitlinks/${LINK}/qr`),
    get('branded-domain link', 200, `/v4/bitlinks/${brand.links[0]!.id}/qr?image_format=svg`, BRAND_TOKEN),
    get('free plan', 402, `/v4/bitlinks/${free.links[0]!.id}/qr?image_format=png`, FREE_TOKEN),
    get('foreign link', 403, `/v4/bitlinks/${FOREIGN_LINK}/qr`),
    get('no token', 403, `/v4/bitlinks/${LINK}/qr`, null),
    get('missing link', 404, `/v4/bitlinks/${SAMPLE.missingLinkId}/qr`),
    get('deleted link', 410, `/v4/bitlinks/${DELETED_LINK}/qr`),
    get('bad image_format', 400, `/v4/bitlinks/${LINK}/qr?image_format=gif`),
  ],
  'GET /groups/{group_guid}/clicks': groupMetric('clicks', { premium: true }),
  'GET /groups/{group_guid}/countries': groupMetric('countries'),
  'GET /groups/{group_guid}/cities': groupMetric('cities', { premium: true }),
  'GET /groups/{group_guid}/devices': groupMetric('devices', { premium: true }),
  'GET /groups/{group_guid}/referring_networks': groupMetric('referring_networks', { timeParams: false }),
  'GET /groups/{group_guid}/shorten_counts': groupMetric('shorten_counts'),
  'GET /organizations/{organization_guid}/shorten_counts': groupMetric('shorten_counts', { base: `/v4/organizations/${ORG}`, foreign: `/v4/organizations/${free.organizationGuid}` }),
  'GET /groups/{group_guid}/bitlinks/{sort}': [
    get('by clicks', 200, `/v4/groups/${GROUP}/bitlinks/clicks?${WINDOW}&size=10`),
    get('defaults', 200, `/v4/groups/${GROUP}/bitlinks/clicks`),
    get('free plan', 200, `/v4/groups/${FOREIGN_GROUP}/bitlinks/clicks`, FREE_TOKEN),
    get('other account', 403, `/v4/groups/${FOREIGN_GROUP}/bitlinks/clicks`),
    get('unknown sort', 404, `/v4/groups/${GROUP}/bitlinks/created`),
    get('bad unit', 400, `/v4/groups/${GROUP}/bitlinks/clicks?unit=fortnight`),
  ],
  'GET /groups/{group_guid}/bitlinks': [
    get('first page', 200, `/v4/groups/${GROUP}/bitlinks?size=25`),
    get('search', 200, `/v4/groups/${GROUP}/bitlinks?query=${encodeURIComponent(new URL(paid.links[0]!.long_url).hostname)}`),
    get('branded', 200, `/v4/groups/${brand.defaultGroupGuid}/bitlinks`, BRAND_TOKEN),
    get('other account', 403, `/v4/groups/${FOREIGN_GROUP}/bitlinks`),
    get('bad cursor', 400, `/v4/groups/${GROUP}/bitlinks?search_after=not-a-cursor`),
  ],
  'POST /shorten': [
    post('new URL', 201, '/v4/shorten', { long_url: NEW_URL, group_guid: GROUP, domain: 'bit.ly' }),
    post('same URL again', 200, '/v4/shorten', { long_url: NEW_URL }),
    post('already shortened', 200, '/v4/shorten', { long_url: paid.links[0]!.long_url }),
    post('branded domain', 201, '/v4/shorten', { long_url: NEW_URL, domain: 'brnd.example' }, BRAND_TOKEN),
    post('a Bitly link', 400, '/v4/shorten', { long_url: `https://${LINK}` }),
    post('no long_url', 400, '/v4/shorten', {}),
    post('domain not allowed', 400, '/v4/shorten', { long_url: NEW_URL, domain: 'brnd.example' }),
    post("another account's group", 403, '/v4/shorten', { long_url: NEW_URL, group_guid: FOREIGN_GROUP }),
    post('not JSON', 422, '/v4/shorten', 'long_url=x'),
  ],
};

/** Faults other services use; each operation gets every one of them on its first scenario. */
const FAULTS: Array<{ fault: Fault; status: number }> = [
  { fault: { kind: 'status', status: 500 }, status: 500 },
  { fault: { kind: 'status', status: 502 }, status: 502 },
  { fault: { kind: 'status', status: 503 }, status: 503 },
  { fault: { kind: 'rate-limit-429' }, status: 429 },
  { fault: { kind: 'rate-limit-403' }, status: 403 },
];

function withFaults(scenarios: Scenario[]): Scenario[] {
  const first = scenarios[0];
  if (!first) return scenarios;
  return [...scenarios, ...FAULTS.map(({ fault, status }) => ({ ...first, label: `fault ${fault.kind}${'status' in fault ? ` ${fault.status}` : ''}`, status, fault }))];
}

// ---------------------------------------------------------------------------------------------
// Running and checking

let fake: FakeBitly;
beforeAll(async () => {
  fake = await startFakeBitly();
});
afterAll(() => fake.close());

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

async function run(s: Scenario): Promise<Answer> {
  fake.faults.clear();
  if (s.fault) fake.faults.add({ fault: s.fault, times: 1 });
  const token = s.token === undefined ? PAID_TOKEN : s.token;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(fake.url + s.path, {
    method: s.method,
    headers,
    body: s.body === undefined ? undefined : typeof s.body === 'string' ? s.body : JSON.stringify(s.body),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), body: JSON.parse(text) as unknown };
}

function runtimeSchema(name: string): v.GenericSchema | undefined {
  return (runtimeSchemas as Record<string, unknown>)[name] as v.GenericSchema | undefined;
}

function ajvProblems(schema: ReturnType<typeof schemaRef>, body: unknown): string | undefined {
  const validate = validatorFor(schema);
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
}

function runtimeProblems(name: string, body: unknown): string | undefined {
  const schema = runtimeSchema(name);
  if (!schema) return `utils/bitly/schemas.ts does not export ${name}`;
  const result = v.safeParse(schema, body);
  return result.success ? undefined : result.issues.map((i) => `${v.getDotPath(i) ?? '$'}: ${i.message}`).join('; ');
}

const undeclaredPair = (key: string, status: number) => declaredSchema(key, status) === undefined;

describe(`stand-in answers validate against ${SPEC_FILE}`, () => {
  it('serves exactly the operations the extension needs, all of them in the spec', () => {
    const specKeys = new Set(specOperations.map((o) => o.key));
    expect(SERVED_OPERATIONS.filter((k) => !specKeys.has(k))).toEqual([]);
    expect([...SERVED_OPERATIONS].sort()).toEqual([...REQUIRED_OPERATIONS].sort());
    expect(Object.keys(SCENARIOS).sort()).toEqual([...REQUIRED_OPERATIONS].sort());
  });

  it('the extension exports every runtime schema this contract uses', () => {
    const names = [...new Set([...Object.values(RUNTIME_SCHEMA), ERROR_RUNTIME_SCHEMA])];
    expect(names.filter((n) => runtimeSchema(n) === undefined)).toEqual([]);
  });

  it('produces no undeclared (operation, status) pair beyond the documented ones', () => {
    const natural = Object.entries(SCENARIOS).flatMap(([key, list]) => list.filter((s) => undeclaredPair(key, s.status)).map((s) => `${key} ${s.status}`));
    expect([...new Set(natural)].sort()).toEqual([...KNOWN_UNDECLARED].sort());
  });

  describe.each(specOperations.map((o) => [o.key, o] as const))('%s', (key, op) => {
    const scenarios = SCENARIOS[key];
    if (!scenarios) {
      it(`is not served by the stand-in (${op.operationId}): answers 404 NOT_FOUND`, async () => {
        const p = op.path
          .replace('{bitlink}', LINK)
          .replace('{group_guid}', GROUP)
          .replace('{organization_guid}', ORG)
          .replace(/\{[^}]+\}/g, 'x');
        const a = await run({ label: 'unserved', status: 404, method: op.method as 'GET', path: `/v4${p}`, body: op.method === 'GET' ? undefined : {} });
        expect(a.status).toBe(404);
        expect(ajvProblems(schemaRef('NotFound'), a.body)).toBeUndefined();
      });
      return;
    }

    it.each(withFaults(scenarios).map((s) => [`${s.label} → ${s.status}${undeclaredPair(key, s.status) ? ` (undeclared; checked against ${ERROR_SCHEMA_BY_STATUS[s.status]})` : ''}`, s] as const))(
      '%s',
      async (_title, s) => {
        const a = await run(s);
        expect(a.status, JSON.stringify(a.body)).toBe(s.status);
        expect(a.contentType).toBe('application/json');
        const declared = declaredSchema(key, a.status);
        const schemaName = ERROR_SCHEMA_BY_STATUS[a.status];
        const schema = declared ?? (schemaName ? schemaRef(schemaName) : undefined);
        expect(schema, `no schema for ${key} ${a.status}`).toBeDefined();
        if (!schema) return;
        expect(ajvProblems(schema, a.body), 'v4.json schema').toBeUndefined();
        expect(undeclaredFields(schema, a.body), 'fields not in v4.json').toEqual([]);
        if (a.status < 300) {
          expect(runtimeProblems(RUNTIME_SCHEMA[key] ?? '', a.body), 'runtime schema').toBeUndefined();
        } else {
          expect(runtimeProblems(ERROR_RUNTIME_SCHEMA, a.body), 'runtime error schema').toBeUndefined();
          if (a.status === 429) expect(a.body).not.toHaveProperty('errors');
        }
      },
    );
  });
});

describe('the check bites', () => {
  const clicksSchema = () => declaredSchema('GET /bitlinks/{bitlink}/clicks', 200)!;
  const summarySchema = () => declaredSchema('GET /bitlinks/{bitlink}/clicks/summary', 200)!;

  it('ajv rejects a changed type (clicks: "five", total_clicks: "five")', async () => {
    const clicks = (await run(get('clicks', 200, `/v4/bitlinks/${LINK}/clicks?${WINDOW}`))).body as { link_clicks: Array<{ clicks: unknown }> };
    expect(ajvProblems(clicksSchema(), clicks)).toBeUndefined();
    const broken = structuredClone(clicks);
    broken.link_clicks[0]!.clicks = 'five';
    expect(ajvProblems(clicksSchema(), broken)).toMatch(/must be integer/);

    const summary = (await run(get('summary', 200, `/v4/bitlinks/${LINK}/clicks/summary`))).body as Record<string, unknown>;
    expect(ajvProblems(summarySchema(), { ...summary, total_clicks: 'five' })).toMatch(/total_clicks must be integer/);
    expect(ajvProblems(schemaRef('User'), { login: 'x' })).toMatch(/must have required property/);
  });

  it('ajv alone misses a dropped field; the runtime schema catches it', async () => {
    const clicks = (await run(get('clicks', 200, `/v4/bitlinks/${LINK}/clicks?${WINDOW}`))).body as Record<string, unknown>;
    const { link_clicks: _dropped, ...withoutClicks } = clicks;
    expect(ajvProblems(clicksSchema(), withoutClicks)).toBeUndefined(); // Bitly's schema has no `required`
    expect(runtimeProblems('ClicksSchema', withoutClicks)).toMatch(/link_clicks/);

    const expanded = (await run(post('expand', 200, '/v4/expand', { bitlink_id: LINK }))).body as Record<string, unknown>;
    const { long_url: _gone, ...withoutLongUrl } = expanded;
    expect(ajvProblems(declaredSchema('POST /expand', 200)!, withoutLongUrl)).toBeUndefined();
    expect(runtimeProblems('ExpandedBitlinkSchema', withoutLongUrl)).toMatch(/long_url/);
  });

  it("catches the stand-in's own drop-field fault", async () => {
    const a = await run({ ...get('drop', 200, `/v4/bitlinks/${LINK}/countries?${WINDOW}`), fault: { kind: 'drop-field', field: 'metrics' } });
    expect(a.status).toBe(200);
    expect(runtimeProblems('ClickMetricsSchema', a.body)).toMatch(/metrics/);
  });

  it('flags a field the spec does not declare', () => {
    expect(undeclaredFields(summarySchema(), { total_clicks: 1, total_click: 1 })).toEqual(['$.total_click']);
    expect(undeclaredFields(clicksSchema(), { link_clicks: [{ clicks: 1, dt: 0 }] })).toEqual(['$.link_clicks[0].dt']);
  });
});
