import { describe, expect, it } from 'vitest';
import { customWindow, presetWindow, windowSpan } from '../stats/date-range';
import { exportFileName, safeFilePart } from './file-names';
import { facetJson, reportJson, type ExportMeta } from './json';
import { linkFacetTable } from './facet-tables';

const NOW = Date.UTC(2026, 9, 14, 15, 30, 20);
const query = presetWindow('30d', 'day');
const meta: ExportMeta = { subject: { type: 'link', id: 'bit.ly/AbC' }, query, span: windowSpan(query, NOW), exportedAt: NOW };
const countries = { facet: 'countries', metrics: [{ clicks: 3, value: 'DE' }, { clicks: 1, value: 'Unknown' }] };

describe('one facet as JSON', () => {
  it('holds what, when and the rows as objects, numbers as numbers', () => {
    const text = facetJson(meta, 'countries', linkFacetTable('countries', countries, { locale: 'en' }));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.charCodeAt(0)).toBe(0x7b);
    expect(JSON.parse(text)).toEqual({
      format: 'bitlens-export',
      version: 1,
      exported_at: '2026-10-14T15:30:20.000Z',
      subject: { type: 'link', id: 'bit.ly/AbC' },
      range: { from: '2026-09-15', to: '2026-10-14', time_zone: 'UTC', unit: 'day', units: 30, unit_reference: null },
      facet: 'countries',
      columns: ['country', 'country_name', 'clicks', 'share_percent'],
      rows: [
        { country: 'DE', country_name: 'Germany', clicks: 3, share_percent: 75 },
        { country: 'Unknown', country_name: null, clicks: 1, share_percent: 25 },
      ],
    });
  });

  it("keeps Bitly's strings as strings, formulas included", () => {
    const referrers = { facet: 'referrers', metrics: [{ clicks: 1, value: '=HYPERLINK("https://evil.example")' }] };
    const parsed = JSON.parse(facetJson(meta, 'referrers', linkFacetTable('referrers', referrers, { locale: 'en' })));
    expect(parsed.rows[0].referrer).toBe('=HYPERLINK("https://evil.example")');
  });
});

describe('the whole report as JSON', () => {
  it('holds every facet asked for: rows where there is data, the reason where there is none', () => {
    const custom = customWindow({ from: '2026-10-01', to: '2026-10-10' }, NOW, 'day');
    if (!custom.ok) throw new Error('window expected');
    const text = reportJson(
      { ...meta, query: custom.query, span: windowSpan(custom.query, NOW) },
      {
        link: {
          countries: { state: 'data', data: countries, fetchedAt: NOW - 60_000, stale: false, refreshing: false },
          clicks: {
            state: 'data',
            data: { unit: 'day', units: 2, link_clicks: [{ clicks: 2, date: '2026-10-10T00:00:00+0000' }, { clicks: 1, date: '2026-10-09T00:00:00+0000' }] },
            fetchedAt: NOW,
            stale: true,
            refreshing: true,
          },
          cities: { state: 'upgrade-required' },
          devices: { state: 'rate-limited', retryAt: NOW + 5_000 },
        },
        account: { groupClicks: { state: 'error', reason: 'server' } },
      },
      { locale: 'en' },
    );
    const report = JSON.parse(text);
    expect(report.range).toEqual({ from: '2026-10-01', to: '2026-10-10', time_zone: 'UTC', unit: 'day', units: 10, unit_reference: '2026-10-10T23:59:59+0000' });
    expect(Object.keys(report.facets).sort()).toEqual(['cities', 'clicks', 'countries', 'devices', 'groupClicks']);
    expect(report.facets.countries).toEqual({
      status: 'ok',
      fetched_at: '2026-10-14T15:29:20.000Z',
      stale: false,
      rows: [
        { country: 'DE', country_name: 'Germany', clicks: 3, share_percent: 75 },
        { country: 'Unknown', country_name: null, clicks: 1, share_percent: 25 },
      ],
    });
    expect(report.facets.clicks.rows).toEqual([{ date: '2026-10-09', clicks: 1 }, { date: '2026-10-10', clicks: 2 }]);
    expect(report.facets.clicks.stale).toBe(true);
    expect(report.facets.cities).toEqual({ status: 'upgrade-required' });
    expect(report.facets.devices).toEqual({ status: 'rate-limited' });
    expect(report.facets.groupClicks).toEqual({ status: 'error' });
  });

  it('names an account export after its group', () => {
    const text = reportJson({ ...meta, subject: { type: 'account', groupGuid: 'Bg1', groupName: 'Marketing' } }, {}, { locale: 'en' });
    expect(JSON.parse(text).subject).toEqual({ type: 'account', group_guid: 'Bg1', group_name: 'Marketing' });
  });
});

describe('file names', () => {
  const span = { from: '2026-09-15', to: '2026-10-14' };
  it.each([
    [{ type: 'link', id: 'bit.ly/AbC123' }, span, 'countries', 'csv', 'bit.ly-AbC123_2026-09-15_2026-10-14_countries.csv'],
    [{ type: 'link', id: 'go.acme.example/Launch_2026' }, span, 'referrersByDomains', 'json', 'go.acme.example-Launch-2026_2026-09-15_2026-10-14_referrers-by-domains.json'],
    [{ type: 'link', id: 'bit.ly/AbC' }, { from: null, to: '2026-10-14' }, 'report', 'json', 'bit.ly-AbC_all-to-2026-10-14_report.json'],
    [{ type: 'account', groupGuid: 'Bg1', groupName: 'Marketing Köln / EU' }, span, 'groupClicks', 'csv', 'account-Marketing-Koln-EU_2026-09-15_2026-10-14_group-clicks.csv'],
    [{ type: 'account', groupGuid: 'Bg1', groupName: null }, span, 'topLinks', 'csv', 'account-Bg1_2026-09-15_2026-10-14_top-links.csv'],
  ] as const)('%j %j %s %s', (subject, s, what, ext, name) => {
    expect(exportFileName(subject, s, what, ext)).toBe(name);
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['CON:<>|?*"', 'CON'],
    ['.hidden', 'hidden'],
    ['東京', ''],
    ['a'.repeat(200), 'a'.repeat(80)],
    ['x'.repeat(79) + '.y', 'x'.repeat(79)],
  ])('safeFilePart(%j) = %j', (text, part) => {
    expect(safeFilePart(text)).toBe(part);
  });

  it('every name is made of safe characters only', () => {
    const name = exportFileName({ type: 'account', groupGuid: 'Bg1', groupName: '東京' }, span, 'groupCountries', 'csv');
    expect(name).toBe('account_2026-09-15_2026-10-14_group-countries.csv');
    expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
