/**
 * Every facet of a link and of the account (utils/stats/facet-names.ts) as an export table.
 *
 * - Time series are oldest first, one row per bucket, dated in ISO 8601 UTC: a calendar date
 *   (`2026-10-14`) for day, week and month buckets, which every spreadsheet reads as a date, and
 *   `2026-10-14T13:00:00Z` for hours and minutes. A date Bitly sent that does not parse is kept
 *   as Bitly wrote it.
 * - Metric lists are biggest first with each row's share of the listed clicks in percent
 *   (two decimals), so the file says the same as the report's tables.
 * - Countries carry Bitly's code and the country's name in the UI language; a value that places
 *   no country (see utils/geo/country-codes.ts) keeps Bitly's value and an empty name.
 */
import { parseBitlyDate } from '../format/bucket-dates';
import { countryName } from '../format/countries';
import { isCountryCode } from '../geo/country-codes';
import type { AccountFacet, AccountFacetData, AccountFacetDataMap, LinkFacet, LinkFacetData, LinkFacetDataMap } from '../stats/facet-names';
import type { Cell, ExportTable } from './table';

export interface ExportContext {
  /** UI language, for country names. */
  locale: string;
}

type Builders<M> = { [F in keyof M]: (data: M[F], ctx: ExportContext) => ExportTable };

/** A Bitly timestamp in ISO 8601 UTC: a date for buckets of a day or more, else date and time. */
export function isoTimestamp(text: string, unit?: string): string {
  const ms = parseBitlyDate(text);
  if (Number.isNaN(ms)) return text;
  const iso = new Date(ms).toISOString();
  if (unit === 'day' || unit === 'week' || unit === 'month') return iso.slice(0, 10);
  return `${iso.slice(0, 19)}Z`;
}

/** A moment (creation time) in ISO 8601 UTC; empty when Bitly gave none. */
const isoMoment = (text: string | undefined): Cell => (text === undefined ? null : isoTimestamp(text));

/** Share of `total` in percent, two decimals: 12.35. */
export function sharePercent(clicks: number, total: number): number {
  return total > 0 ? Math.round((clicks / total) * 10_000) / 100 : 0;
}

/** `(label, count)` pairs, biggest first (then by label, for a stable file), with shares. */
function ranked(columns: readonly string[], pairs: ReadonlyArray<readonly [string, number]>): ExportTable {
  const total = pairs.reduce((sum, [, clicks]) => sum + clicks, 0);
  const sorted = [...pairs].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { columns, rows: sorted.map(([label, clicks]) => [label, clicks, sharePercent(clicks, total)]) };
}

/** A time series, oldest first. */
function series(columns: readonly string[], points: ReadonlyArray<readonly [string, number]>, unit: string | undefined): ExportTable {
  // Bitly lists newest first; a date that does not parse goes last.
  const dated = points.map(([date, count]) => {
    const ms = parseBitlyDate(date);
    return { ms: Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms, date, count };
  });
  dated.sort((a, b) => (a.ms === b.ms ? 0 : a.ms < b.ms ? -1 : 1));
  return { columns, rows: dated.map((p) => [isoTimestamp(p.date, unit), p.count]) };
}

/** Countries biggest first, then what Bitly could not place, as the report's table shows them. */
function countries(data: LinkFacetData<'countries'>, ctx: ExportContext): ExportTable {
  const table = ranked(['country', 'clicks', 'share_percent'], data.metrics.map((m) => [m.value, m.clicks] as const));
  const placed = (row: readonly Cell[]) => isCountryCode(String(row[0]));
  return {
    columns: ['country', 'country_name', 'clicks', 'share_percent'],
    rows: [...table.rows.filter(placed), ...table.rows.filter((row) => !placed(row))].map(([code, ...rest]) => {
      const value = String(code);
      return [value, isCountryCode(value) ? countryName(value, ctx.locale) : null, ...rest];
    }),
  };
}

const clickMetrics = (label: string) => (data: LinkFacetData<'referrers'>) =>
  ranked([label, 'clicks', 'share_percent'], data.metrics.map((m) => [m.value, m.clicks] as const));

const LINK_TABLES: Builders<LinkFacetDataMap> = {
  destination: (d) => ({
    columns: ['id', 'link', 'long_url', 'created_at'],
    rows: [[d.id, d.link ?? null, d.long_url, isoMoment(d.created_at)]],
  }),
  info: (d) => ({
    columns: ['id', 'link', 'long_url', 'title', 'created_at', 'archived', 'tags', 'custom_bitlinks'],
    rows: [
      [
        d.id,
        d.link ?? null,
        d.long_url,
        d.title ?? null,
        isoMoment(d.created_at),
        d.archived ?? null,
        (d.tags ?? []).join('; '),
        (d.custom_bitlinks ?? []).join('; '),
      ],
    ],
  }),
  clicks: (d) => series(['date', 'clicks'], d.link_clicks.map((p) => [p.date, p.clicks] as const), d.unit),
  clicksSummary: (d) => ({
    columns: ['total_clicks', 'unit', 'units', 'unit_reference'],
    rows: [[d.total_clicks, d.unit, d.units, isoMoment(d.unit_reference)]],
  }),
  countries,
  // Not offered as an export (the QR section has its own PNG and SVG downloads); here for completeness.
  qrCode: (d) => ({ columns: ['image_format', 'data_uri'], rows: [['png', d.png], ['svg', d.svg]] }),
  cities: (d) => ({
    columns: ['kind', 'city', 'subregion', 'region', 'country', 'clicks'],
    rows: [
      ...[...d.metrics]
        .sort((a, b) => b.clicks - a.clicks)
        .map((m): Cell[] => ['city', m.city, m.subregion ?? null, m.region ?? null, m.country, m.clicks]),
      // Bitly counts the rest apart: clicks in cities beyond the list, and clicks with no city.
      ...(d.other_metrics?.other_city_clicks !== undefined ? [['other_cities', null, null, null, null, d.other_metrics.other_city_clicks]] : []),
      ...(d.other_metrics?.no_city_clicks !== undefined ? [['no_city', null, null, null, null, d.other_metrics.no_city_clicks]] : []),
    ],
  }),
  devices: (d) => ranked(['device_type', 'clicks', 'share_percent'], d.metrics.map((m) => [m.device_type, m.clicks] as const)),
  referrers: clickMetrics('referrer'),
  referringDomains: clickMetrics('domain'),
  referrersByDomains: (d) => {
    const domains = d.referrers_by_domain.map((group) => ({
      group,
      total: group.referrers.reduce((sum, r) => sum + r.value, 0),
    }));
    domains.sort((a, b) => b.total - a.total);
    return {
      columns: ['domain', 'referrer', 'clicks'],
      rows: domains.flatMap(({ group }) => [...group.referrers].sort((a, b) => b.value - a.value).map((r): Cell[] => [group.network, r.key, r.value])),
    };
  },
};

const shortenCounts = (d: AccountFacetData<'groupShortenCounts'>) =>
  series(['date', 'links_created'], d.metrics.map((m) => [m.key, m.value] as const), d.unit);

const groupClicks = (d: AccountFacetData<'groupClicks'>) => series(['date', 'clicks'], d.data.map((p) => [p.ts, p.count] as const), d.unit);

const ACCOUNT_TABLES: Builders<AccountFacetDataMap> = {
  groupClicks,
  groupCountries: countries,
  groupReferringNetworks: clickMetrics('network'),
  topLinks: (d) => {
    const byId = new Map(d.links.map((link) => [link.id, link]));
    return {
      columns: ['rank', 'id', 'link', 'title', 'long_url', 'created_at', 'clicks'],
      rows: [...d.sorted_links]
        .sort((a, b) => b.clicks - a.clicks)
        .map((s, i): Cell[] => {
          const link = byId.get(s.id);
          return [i + 1, s.id, link?.link ?? null, link?.title ?? null, link?.long_url ?? null, isoMoment(link?.created_at), s.clicks];
        }),
    };
  },
  groupShortenCounts: shortenCounts,
  organizationShortenCounts: shortenCounts,
  /** The organization's series, the sum of its groups'. */
  organizationClicks: groupClicks,
};

export function linkFacetTable<F extends LinkFacet>(facet: F, data: LinkFacetData<F>, ctx: ExportContext): ExportTable {
  return (LINK_TABLES[facet] as (d: LinkFacetData<F>, c: ExportContext) => ExportTable)(data, ctx);
}

export function accountFacetTable<F extends AccountFacet>(facet: F, data: AccountFacetData<F>, ctx: ExportContext): ExportTable {
  return (ACCOUNT_TABLES[facet] as (d: AccountFacetData<F>, c: ExportContext) => ExportTable)(data, ctx);
}
