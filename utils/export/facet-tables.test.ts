import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAID_TOKEN, SAMPLE } from '../../tests/fake-bitly/data';
import { startFakeBitly, type FakeBitly } from '../../tests/fake-bitly/server';
import { parseCsv } from '../../tests/csv-reader';
import { createTransport } from '../bitly/transport';
import { RequestScheduler } from '../scheduler/request-scheduler';
import { createScheduledBitly } from '../scheduler/scheduled-bitly';
import { ACCOUNT_FACETS, LINK_FACETS } from '../stats/facets';
import { ACCOUNT_FACET_NAMES, LINK_FACET_NAMES, ORGANIZATION_FACETS, type AccountFacet, type LinkFacet } from '../stats/facet-names';
import { toCsv } from './csv';
import { accountFacetTable, isoTimestamp, linkFacetTable, sharePercent } from './facet-tables';
import type { ExportTable } from './table';

const en = { locale: 'en' };

describe('timestamps and shares', () => {
  it.each([
    ['2026-10-14T00:00:00+0000', 'day', '2026-10-14'],
    ['2026-10-12T00:00:00+0000', 'week', '2026-10-12'],
    ['2026-10-01T00:00:00+0000', 'month', '2026-10-01'],
    ['2026-10-14T13:00:00+0000', 'hour', '2026-10-14T13:00:00Z'],
    ['2026-10-14T13:07:00+0000', 'minute', '2026-10-14T13:07:00Z'],
    ['2026-10-14T15:00:00+0200', 'hour', '2026-10-14T13:00:00Z'],
    ['2026-10-14T00:00:00Z', 'day', '2026-10-14'],
    ['2025-03-12T10:20:30+0000', undefined, '2025-03-12T10:20:30Z'],
    ['yesterday', 'day', 'yesterday'],
  ])('%s by %s → %s', (text, unit, iso) => {
    expect(isoTimestamp(text, unit)).toBe(iso);
  });

  it.each([
    [1, 3, 33.33],
    [2, 3, 66.67],
    [5, 5, 100],
    [0, 5, 0],
    [0, 0, 0],
  ])('%d of %d is %d %%', (clicks, total, percent) => {
    expect(sharePercent(clicks, total)).toBe(percent);
  });
});

describe('link facets as tables', () => {
  it.each<[LinkFacet, unknown, ExportTable]>([
    [
      'clicks',
      {
        unit: 'day',
        units: 3,
        link_clicks: [
          { clicks: 5, date: '2026-10-14T00:00:00+0000' },
          { clicks: 0, date: '2026-10-13T00:00:00+0000' },
          { clicks: 7, date: '2026-10-12T00:00:00+0000' },
        ],
      },
      { columns: ['date', 'clicks'], rows: [['2026-10-12', 7], ['2026-10-13', 0], ['2026-10-14', 5]] },
    ],
    [
      'clicks',
      { unit: 'hour', units: 2, link_clicks: [{ clicks: 1, date: '2026-10-14T13:00:00+0000' }, { clicks: 2, date: '2026-10-14T12:00:00+0000' }] },
      { columns: ['date', 'clicks'], rows: [['2026-10-14T12:00:00Z', 2], ['2026-10-14T13:00:00Z', 1]] },
    ],
    [
      'countries',
      { facet: 'countries', metrics: [{ clicks: 4, value: 'Unknown' }, { clicks: 10, value: 'DE' }, { clicks: 3, value: 'XK' }, { clicks: 3, value: '' }] },
      {
        columns: ['country', 'country_name', 'clicks', 'share_percent'],
        rows: [['DE', 'Germany', 10, 50], ['XK', 'Kosovo', 3, 15], ['Unknown', null, 4, 20], ['', null, 3, 15]],
      },
    ],
    [
      'cities',
      {
        facet: 'cities',
        metrics: [
          { clicks: 2, city: 'Berlin', subregion: 'Berlin', region: 'Berlin', country: 'DE' },
          { clicks: 4, city: 'München', region: 'Bavaria', country: 'DE' },
        ],
        other_metrics: { other_city_clicks: 9, no_city_clicks: 1 },
      },
      {
        columns: ['kind', 'city', 'subregion', 'region', 'country', 'clicks'],
        rows: [
          ['city', 'München', null, 'Bavaria', 'DE', 4],
          ['city', 'Berlin', 'Berlin', 'Berlin', 'DE', 2],
          ['other_cities', null, null, null, null, 9],
          ['no_city', null, null, null, null, 1],
        ],
      },
    ],
    [
      'devices',
      { facet: 'devices', metrics: [{ clicks: 1, device_type: 'Tablet' }, { clicks: 3, device_type: 'Mobile' }] },
      { columns: ['device_type', 'clicks', 'share_percent'], rows: [['Mobile', 3, 75], ['Tablet', 1, 25]] },
    ],
    [
      'referrers',
      { facet: 'referrers', metrics: [{ clicks: 2, value: '=HYPERLINK("https://evil.example","x")' }, { clicks: 2, value: 'direct' }] },
      { columns: ['referrer', 'clicks', 'share_percent'], rows: [['=HYPERLINK("https://evil.example","x")', 2, 50], ['direct', 2, 50]] },
    ],
    [
      'referringDomains',
      { facet: 'referring_domains', metrics: [{ clicks: 4, value: 'l.instagram.com' }] },
      { columns: ['domain', 'clicks', 'share_percent'], rows: [['l.instagram.com', 4, 100]] },
    ],
    [
      'referrersByDomains',
      {
        facet: 'referrers_by_domains',
        referrers_by_domain: [
          { network: 't.co', referrers: [{ key: 'https://t.co/', value: 1 }] },
          { network: 'www.linkedin.com', referrers: [{ key: 'https://www.linkedin.com/', value: 2 }, { key: 'https://www.linkedin.com/feed/', value: 5 }] },
        ],
      },
      {
        columns: ['domain', 'referrer', 'clicks'],
        rows: [
          ['www.linkedin.com', 'https://www.linkedin.com/feed/', 5],
          ['www.linkedin.com', 'https://www.linkedin.com/', 2],
          ['t.co', 'https://t.co/', 1],
        ],
      },
    ],
    [
      'clicksSummary',
      { total_clicks: 42, unit: 'day', units: 30, unit_reference: '2026-10-14T15:30:20+0000' },
      { columns: ['total_clicks', 'unit', 'units', 'unit_reference'], rows: [[42, 'day', 30, '2026-10-14T15:30:20Z']] },
    ],
    [
      'destination',
      { id: 'bit.ly/AbC', link: 'https://bit.ly/AbC', long_url: 'https://example.com/?a=1,2', created_at: '2025-03-12T10:20:30+0000' },
      { columns: ['id', 'link', 'long_url', 'created_at'], rows: [['bit.ly/AbC', 'https://bit.ly/AbC', 'https://example.com/?a=1,2', '2025-03-12T10:20:30Z']] },
    ],
    [
      'info',
      { id: 'bit.ly/AbC', long_url: 'https://example.com/', title: null, tags: ['launch', 'q4'], archived: false },
      {
        columns: ['id', 'link', 'long_url', 'title', 'created_at', 'archived', 'tags', 'custom_bitlinks'],
        rows: [['bit.ly/AbC', null, 'https://example.com/', null, null, false, 'launch; q4', '']],
      },
    ],
  ])('%s', (facet, data, table) => {
    expect(linkFacetTable(facet, data as never, en)).toEqual(table);
  });

  it('names countries in the UI language', () => {
    const table = linkFacetTable('countries', { facet: 'countries', metrics: [{ clicks: 1, value: 'DE' }] }, { locale: 'de' });
    expect(table.rows).toEqual([['DE', 'Deutschland', 1, 100]]);
  });
});

describe('account facets as tables', () => {
  it.each<[AccountFacet, unknown, ExportTable]>([
    [
      'groupClicks',
      { unit: 'month', data: [{ ts: '2026-10-01T00:00:00+0000', count: 9 }, { ts: '2026-09-01T00:00:00+0000', count: 4 }] },
      { columns: ['date', 'clicks'], rows: [['2026-09-01', 4], ['2026-10-01', 9]] },
    ],
    [
      'groupCountries',
      { facet: 'countries', metrics: [{ clicks: 2, value: 'FR' }] },
      { columns: ['country', 'country_name', 'clicks', 'share_percent'], rows: [['FR', 'France', 2, 100]] },
    ],
    [
      'groupReferringNetworks',
      { facet: 'referring_networks', metrics: [{ clicks: 1, value: 'Instagram' }, { clicks: 3, value: 'direct' }] },
      { columns: ['network', 'clicks', 'share_percent'], rows: [['direct', 3, 75], ['Instagram', 1, 25]] },
    ],
    [
      'topLinks',
      {
        links: [
          { id: 'bit.ly/B', long_url: 'https://b.example/', link: 'https://bit.ly/B', title: 'Bee', created_at: '2026-01-02T03:04:05+0000' },
          { id: 'bit.ly/A', long_url: 'https://a.example/', title: '+1 trick' },
        ],
        sorted_links: [{ clicks: 3, id: 'bit.ly/B' }, { clicks: 8, id: 'bit.ly/A' }, { clicks: 1, id: 'bit.ly/Gone' }],
      },
      {
        columns: ['rank', 'id', 'link', 'title', 'long_url', 'created_at', 'clicks'],
        rows: [
          [1, 'bit.ly/A', null, '+1 trick', 'https://a.example/', null, 8],
          [2, 'bit.ly/B', 'https://bit.ly/B', 'Bee', 'https://b.example/', '2026-01-02T03:04:05Z', 3],
          [3, 'bit.ly/Gone', null, null, null, null, 1],
        ],
      },
    ],
    [
      'groupShortenCounts',
      { unit: 'day', metrics: [{ key: '2026-10-14T00:00:00+0000', value: 2 }, { key: '2026-10-13T00:00:00+0000', value: 0 }] },
      { columns: ['date', 'links_created'], rows: [['2026-10-13', 0], ['2026-10-14', 2]] },
    ],
    [
      'organizationShortenCounts',
      { unit: 'week', metrics: [{ key: '2026-10-12T00:00:00+0000', value: 5 }] },
      { columns: ['date', 'links_created'], rows: [['2026-10-12', 5]] },
    ],
  ])('%s', (facet, data, table) => {
    expect(accountFacetTable(facet, data as never, en)).toEqual(table);
  });
});

describe('every facet the stand-in answers exports to a CSV that reads back', () => {
  let fake: FakeBitly;
  beforeAll(async () => {
    fake = await startFakeBitly({ port: 0, now: () => Date.UTC(2026, 9, 14, 12) });
  });
  afterAll(() => fake.close());

  const paid = SAMPLE.accounts.paid;
  const query = { unit: 'day', units: 30 } as const;
  /** The background's way to Bitly, here to the stand-in. */
  const paidClient = () =>
    createScheduledBitly({ scheduler: new RequestScheduler(), transportFor: (token) => createTransport({ baseUrl: fake.url, token }) }).forToken(PAID_TOKEN);

  function checkFile(table: ExportTable) {
    const { bom, records } = parseCsv(toCsv(table));
    expect(bom).toBe(true);
    expect(records[0]).toEqual(table.columns);
    expect(records).toHaveLength(table.rows.length + 1);
    for (const record of records) expect(record).toHaveLength(table.columns.length);
    return records;
  }

  it.each(LINK_FACET_NAMES.map((f) => [f]))('link facet %s', async (facet) => {
    const data = await LINK_FACETS[facet].fetch(paidClient(), paid.links[0]!.id, query, {});
    const table = linkFacetTable(facet, data as never, en);
    expect(table.rows.length).toBeGreaterThan(0);
    const records = checkFile(table);
    if (facet === 'clicks') {
      expect(records.slice(1).map((r) => r[0])).toEqual([...records.slice(1).map((r) => r[0]!)].sort());
      expect(records[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each(ACCOUNT_FACET_NAMES.map((f) => [f]))('account facet %s', async (facet) => {
    const target = (ORGANIZATION_FACETS as readonly string[]).includes(facet) ? paid.organizationGuid : paid.defaultGroupGuid;
    const data = await ACCOUNT_FACETS[facet].fetch(paidClient(), target, query, {});
    const table = accountFacetTable(facet, data as never, en);
    expect(table.rows.length).toBeGreaterThan(0);
    checkFile(table);
  });

  it('the organization’s clicks are its two groups’ clicks added up, bucket by bucket', async () => {
    const client = paidClient();
    const perGroup = await Promise.all(paid.groups.map((g) => client.getGroupClicks(g.guid, query)));
    const organization = await ACCOUNT_FACETS.organizationClicks.fetch(client, paid.organizationGuid, query, {});
    expect(paid.groups).toHaveLength(2);
    expect(organization.groups.map((g) => [g.guid, g.clicks]).sort()).toEqual(
      paid.groups.map((g, i) => [g.guid, perGroup[i]!.data.reduce((sum, row) => sum + row.count, 0)]).sort(),
    );
    const expected = new Map<string, number>();
    for (const series of perGroup) for (const row of series.data) expected.set(row.ts, (expected.get(row.ts) ?? 0) + row.count);
    expect(new Map(organization.data.map((row) => [row.ts, row.count]))).toEqual(expected);
    expect(Math.min(...organization.groups.map((g) => g.clicks))).toBeGreaterThan(0);
  });

  it('the countries table adds up to the clicks of the range', async () => {
    const client = paidClient();
    const id = paid.links[0]!.id;
    const [summary, countries] = await Promise.all([client.getClicksSummary(id, query), client.getCountries(id, query)]);
    const table = linkFacetTable('countries', countries, en);
    expect(table.rows.reduce((sum, row) => sum + (row[2] as number), 0)).toBe(summary.total_clicks);
    expect(table.rows.reduce((sum, row) => sum + (row[3] as number), 0)).toBeCloseTo(100, 0);
  });
});
