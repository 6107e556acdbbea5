import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as schemas from './schemas';

const link = { id: 'bit.ly/AbC', long_url: 'https://example.com/' };

/** [export name, a minimal valid body, the top-level keys the UI cannot do without]. */
const cases: [keyof typeof schemas, unknown, string[]][] = [
  ['UserSchema', { login: 'ann', default_group_guid: 'Ba1' }, ['login', 'default_group_guid']],
  ['GroupSchema', { guid: 'Ba1', name: 'Main', organization_guid: 'Oa1' }, ['guid', 'name', 'organization_guid']],
  ['GroupsSchema', { groups: [] }, ['groups']],
  ['OrganizationsSchema', { organizations: [{ guid: 'Oa1', name: 'Org', tier: 'free' }] }, ['organizations']],
  ['BsdsSchema', { bsds: ['es.pn'] }, ['bsds']],
  ['ExpandedBitlinkSchema', link, ['id', 'long_url']],
  ['BitlinkSchema', { ...link, title: null }, ['id', 'long_url']],
  ['ShortenedBitlinkSchema', { ...link, link: 'https://bit.ly/AbC' }, ['id', 'link', 'long_url']],
  ['ClicksSchema', { link_clicks: [{ clicks: 1, date: '2025-10-13T00:00:00+0000' }], unit: 'day', units: -1 }, ['link_clicks', 'unit', 'units']],
  ['ClicksSummarySchema', { total_clicks: 0, unit: 'week', units: 4 }, ['total_clicks', 'unit', 'units']],
  ['ClickMetricsSchema', { facet: 'countries', metrics: [{ clicks: 2, value: 'US' }] }, ['facet', 'metrics']],
  ['CityMetricsSchema', { facet: 'cities', metrics: [{ clicks: 2, city: 'Berlin', country: 'DE' }] }, ['facet', 'metrics']],
  ['DeviceMetricsSchema', { facet: 'devices', metrics: [{ clicks: 2, device_type: 'Desktop' }] }, ['facet', 'metrics']],
  [
    'ReferrersByDomainsSchema',
    { facet: 'referrers_by_domains', referrers_by_domain: [{ network: 'direct', referrers: [{ key: 'direct', value: 3 }] }] },
    ['facet', 'referrers_by_domain'],
  ],
  ['GroupClicksSchema', { data: [{ ts: '2025-10-13T00:00:00+0000', count: 3 }] }, ['data']],
  ['ShortenCountsSchema', { metrics: [{ key: '2025-10-13', value: 1 }] }, ['metrics']],
  ['SortedLinksSchema', { links: [link], sorted_links: [{ clicks: 3, id: 'bit.ly/AbC' }] }, ['links', 'sorted_links']],
  ['GroupBitlinksSchema', { links: [link], pagination: {} }, ['links', 'pagination']],
  ['ErrorBodySchema', { message: 'FORBIDDEN' }, ['message']],
];

describe.each(cases)('%s', (name, body, required) => {
  const schema = schemas[name] as v.GenericSchema;

  it('accepts a minimal body and keeps unknown fields', () => {
    const result = v.safeParse(schema, { ...(body as object), extra_field: [1, 2] });
    expect(result.success).toBe(true);
    expect(result.output).toHaveProperty('extra_field', [1, 2]);
  });

  it.each(required)('rejects the body without %s', (key) => {
    const { [key]: _dropped, ...rest } = body as Record<string, unknown>;
    expect(v.safeParse(schema, rest).success).toBe(false);
  });
});

describe('row shapes', () => {
  it.each([
    ['ClickMetricsSchema', { facet: 'countries', metrics: [{ clicks: 'many', value: 'US' }] }],
    ['ClickMetricsSchema', { facet: 'countries', metrics: [{ clicks: 1.5, value: 'US' }] }],
    ['ClickMetricsSchema', { facet: 'countries', metrics: [{ clicks: 1 }] }],
    // `Metric` rows carry the label in `key` and the count in `value`: not the other way round.
    ['ShortenCountsSchema', { metrics: [{ key: 3, value: '2025-10-13' }] }],
    ['OrganizationsSchema', { organizations: [{ guid: 'Oa1', name: 'Org' }] }],
    ['GroupClicksSchema', { data: [{ ts: '2025-10-13', count: -1 }] }],
  ] as const)('%s rejects %j', (name, body) => {
    expect(v.safeParse(schemas[name], body).success).toBe(false);
  });
});
