/**
 * Group metrics (clicks, countries, cities, devices, referring_networks, shorten_counts) and
 * organization shorten_counts. A group's clicks are the sum over its live links.
 */
import { combinedSeries, linkTotal } from '../click-series';
import { type CityTally, type Tally, cityTally, countryTally, deviceTally, referrerTally, sortedRows } from '../click-facets';
import type { LinkRecord } from '../data';
import { formatBitlyDate } from '../time-buckets';
import { ownGroup, ownOrganization, requirePremium } from './access';
import { type RequestContext, type Route, ok } from './context';
import { cityMetricsBody, clickMetricsBody, echo } from './metric-bodies';
import { type MetricsWindow, parseSize, parseWindow } from './metrics-query';

function groupQuery(ctx: RequestContext, premium = false): { links: LinkRecord[]; window: MetricsWindow } {
  const group = ownGroup(ctx);
  if (premium) requirePremium(ctx);
  return { links: ctx.store.groupLinks(group.guid), window: parseWindow(ctx) };
}

/** Adds every link's facet split (for its own total over the window) into one tally. */
function groupTally<T>(ctx: RequestContext, q: { links: LinkRecord[]; window: MetricsWindow }, into: T, add: (link: LinkRecord, home: string, total: number, into: T) => T): T {
  for (const link of q.links) {
    const total = linkTotal(link, q.window.buckets, q.window.unit);
    if (total > 0) add(link, ctx.account.homeCountry, total, into);
  }
  return into;
}

/** Links created per bucket, as `Metrics` rows {key: bucket start, value: count}. */
function shortenCounts(links: readonly LinkRecord[], w: MetricsWindow) {
  const counts = w.buckets.map((b) => links.filter((l) => l.createdMs >= b.start && l.createdMs < b.end).length);
  return {
    ...echo(w),
    facet: 'shorten_counts',
    metrics: w.buckets.map((b, i) => ({ key: formatBitlyDate(b.start), value: counts[i] ?? 0 })),
  };
}

const tallyRoute = (suffix: string, facet: string, add: (l: LinkRecord, h: string, t: number, into: Tally) => Tally): Route => ({
  method: 'GET',
  pattern: `/groups/:group_guid/${suffix}`,
  operation: `GET /groups/{group_guid}/${suffix}`,
  handler: (ctx) => {
    const q = groupQuery(ctx);
    return ok(clickMetricsBody(q.window, facet, groupTally(ctx, q, new Map(), add), parseSize(ctx)));
  },
});

export const groupMetricRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/groups/:group_guid/clicks',
    operation: 'GET /groups/{group_guid}/clicks',
    handler: (ctx) => {
      const q = groupQuery(ctx, true);
      const series = combinedSeries(q.links, q.window.buckets, q.window.unit);
      return ok({ ...echo(q.window), data: q.window.buckets.map((b, i) => ({ ts: formatBitlyDate(b.start), count: series[i] ?? 0 })) });
    },
  },
  tallyRoute('countries', 'countries', countryTally),
  // Referring networks are the platforms of the referrers facet (direct, Instagram, ...).
  tallyRoute('referring_networks', 'referring_networks', referrerTally),
  {
    method: 'GET',
    pattern: '/groups/:group_guid/cities',
    operation: 'GET /groups/{group_guid}/cities',
    handler: (ctx) => {
      const q = groupQuery(ctx, true);
      const tally = groupTally<CityTally>(ctx, q, { cities: new Map(), noCity: 0 }, cityTally);
      return ok(cityMetricsBody(q.window, tally, parseSize(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:group_guid/devices',
    operation: 'GET /groups/{group_guid}/devices',
    handler: (ctx) => {
      const q = groupQuery(ctx, true);
      const rows = sortedRows(groupTally(ctx, q, new Map(), deviceTally)).slice(0, parseSize(ctx));
      return ok({ ...echo(q.window), facet: 'devices', metrics: rows.map(([device_type, clicks]) => ({ clicks, device_type })) });
    },
  },
  {
    method: 'GET',
    pattern: '/groups/:group_guid/shorten_counts',
    operation: 'GET /groups/{group_guid}/shorten_counts',
    handler: (ctx) => {
      const group = ownGroup(ctx);
      return ok(shortenCounts(ctx.store.groupLinks(group.guid, { includeDeleted: true }), parseWindow(ctx)));
    },
  },
  {
    method: 'GET',
    pattern: '/organizations/:organization_guid/shorten_counts',
    operation: 'GET /organizations/{organization_guid}/shorten_counts',
    handler: (ctx) => {
      ownOrganization(ctx);
      const links = ctx.account.groups.flatMap((g) => ctx.store.groupLinks(g.guid, { includeDeleted: true }));
      return ok(shortenCounts(links, parseWindow(ctx)));
    },
  },
];
