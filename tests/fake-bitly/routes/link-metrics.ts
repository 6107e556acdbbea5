/** GET /v4/bitlinks/{bitlink}/clicks, /clicks/summary and the facet endpoints. */
import { linkSeries } from '../click-series';
import { type Tally, cityTally, countryTally, deviceTally, domainTally, referrerTally, referringDomainTally, sortedRows } from '../click-facets';
import type { LinkRecord } from '../data';
import { formatBitlyDate } from '../time-buckets';
import { ownedLink, requirePremium } from './access';
import { type RequestContext, type Route, ok } from './context';
import { type MetricsWindow, parseSize, parseWindow } from './metrics-query';
import { cityMetricsBody, clickMetricsBody, echo } from './metric-bodies';

interface LinkQuery {
  link: LinkRecord;
  window: MetricsWindow;
  total: number;
  home: string;
}

function linkQuery(ctx: RequestContext, premium = false): LinkQuery {
  const link = ownedLink(ctx);
  if (premium) requirePremium(ctx);
  const window = parseWindow(ctx);
  const total = linkSeries(link, window.buckets, window.unit).reduce((a, b) => a + b, 0);
  return { link, window, total, home: ctx.account.homeCountry };
}

const facetRoute = (
  suffix: string,
  facet: string,
  tally: (link: LinkRecord, home: string, total: number) => Tally,
): Route => ({
  method: 'GET',
  pattern: `/bitlinks/:domain/:hash/${suffix}`,
  operation: `GET /bitlinks/{bitlink}/${suffix}`,
  handler: (ctx) => {
    const q = linkQuery(ctx);
    return ok(clickMetricsBody(q.window, facet, tally(q.link, q.home, q.total), parseSize(ctx)));
  },
});

export const linkMetricRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/bitlinks/:domain/:hash/clicks',
    operation: 'GET /bitlinks/{bitlink}/clicks',
    handler: (ctx) => {
      const link = ownedLink(ctx);
      const w = parseWindow(ctx);
      const series = linkSeries(link, w.buckets, w.unit);
      return ok({
        link_clicks: w.buckets.map((b, i) => ({ clicks: series[i] ?? 0, date: formatBitlyDate(b.start) })),
        units: w.units,
        unit: w.unit,
        unit_reference: w.unit_reference,
      });
    },
  },
  {
    method: 'GET',
    pattern: '/bitlinks/:domain/:hash/clicks/summary',
    operation: 'GET /bitlinks/{bitlink}/clicks/summary',
    handler: (ctx) => {
      const q = linkQuery(ctx);
      return ok({ total_clicks: q.total, units: q.window.units, unit: q.window.unit, unit_reference: q.window.unit_reference });
    },
  },
  facetRoute('countries', 'countries', countryTally),
  facetRoute('referrers', 'referrers', referrerTally),
  facetRoute('referring_domains', 'referring_domains', domainTally),
  {
    method: 'GET',
    pattern: '/bitlinks/:domain/:hash/cities',
    operation: 'GET /bitlinks/{bitlink}/cities',
    handler: (ctx) => {
      const q = linkQuery(ctx, true);
      return ok(cityMetricsBody(q.window, cityTally(q.link, q.home, q.total), parseSize(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: '/bitlinks/:domain/:hash/devices',
    operation: 'GET /bitlinks/{bitlink}/devices',
    handler: (ctx) => {
      const q = linkQuery(ctx, true);
      const rows = sortedRows(deviceTally(q.link, q.home, q.total)).slice(0, parseSize(ctx));
      return ok({ ...echo(q.window), facet: 'devices', metrics: rows.map(([device_type, clicks]) => ({ clicks, device_type })) });
    },
  },
  {
    method: 'GET',
    pattern: '/bitlinks/:domain/:hash/referrers_by_domains',
    operation: 'GET /bitlinks/{bitlink}/referrers_by_domains',
    handler: (ctx) => {
      const q = linkQuery(ctx);
      const size = parseSize(ctx);
      const domains = referringDomainTally(q.link, q.home, q.total)
        .sort((a, b) => b.clicks - a.clicks || (a.domain < b.domain ? -1 : 1))
        .slice(0, size);
      return ok({
        ...echo(q.window),
        facet: 'referrers_by_domains',
        referrers_by_domain: domains.map((d) => ({
          network: d.domain,
          referrers: sortedRows(d.pages).map(([key, value]) => ({ key, value })),
        })),
      });
    },
  },
];
