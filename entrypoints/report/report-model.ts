/**
 * The report's facets (F5): the link's destination and details, and every metric of it for the
 * chosen window — the settings' unit and range, or a custom from–to range.
 */
import { FacetsModel, type AskWindow, type Clock } from '@/components/facets-model';
import { bitlinkIdOf } from '@/utils/bitly/link';
import { customWindow, type CustomRange, type CustomRangeProblem, type RangeUnit } from '@/utils/stats/date-range';
import { ORGANIZATION_FACETS, type AccountFacetData, type LinkFacetData } from '@/utils/stats/facet-names';
import type { ReportApi } from './report-api';

export const REPORT_FIXED = ['destination', 'info'] as const;
/** In display order; clicks is the headline that decides the page's state. */
export const REPORT_METRICS = ['clicks', 'countries', 'cities', 'devices', 'referrers', 'referringDomains', 'referrersByDomains'] as const;
export const REPORT_FACETS = [...REPORT_FIXED, ...REPORT_METRICS] as const;
export type ReportFacet = (typeof REPORT_FACETS)[number];
export type ReportMap = { [F in ReportFacet]: LinkFacetData<F> };
export type ReportModel = FacetsModel<ReportMap>;

export function reportModel(api: ReportApi, link: string, clock?: Clock): ReportModel {
  return new FacetsModel<ReportMap>(
    {
      ask: (facet, options) => api.askLinkFacet(link, facet, options) as never,
      getSettings: () => api.getSettings(),
      subscribe: (listener) => api.subscribe(listener),
    },
    {
      target: link,
      facets: REPORT_FACETS,
      fixed: REPORT_FIXED,
      metricsFor: () => REPORT_METRICS,
      isTarget: (target) => (bitlinkIdOf(target) ?? target) === link,
      clock,
    },
  );
}

/** The account overview (F6): every facet follows the window. */
export const ACCOUNT_METRICS = ['groupClicks', 'groupCountries', 'groupReferringNetworks', 'topLinks', 'groupShortenCounts', 'organizationShortenCounts', 'organizationClicks'] as const;
export type AccountReportFacet = (typeof ACCOUNT_METRICS)[number];
export type AccountReportMap = { [F in AccountReportFacet]: AccountFacetData<F> };
/** Top links listed by the overview. */
export const OVERVIEW_TOP_LINKS = 10;

const isOrganizationFacet = (facet: string) => (ORGANIZATION_FACETS as readonly string[]).includes(facet);

/** `group`: the group the overview shows (the picker's); null for the settings' group. */
export function accountReportModel(api: ReportApi, group: string | null = null, clock?: Clock): FacetsModel<AccountReportMap> {
  return new FacetsModel<AccountReportMap>(
    {
      ask: (facet, options) =>
        api.askAccountFacet(facet, {
          ...options,
          ...(facet === 'topLinks' ? { size: OVERVIEW_TOP_LINKS } : {}),
          // The organization's facets are the account's organization whichever group is shown.
          ...(group !== null && !isOrganizationFacet(facet) ? { guid: group } : {}),
        }) as never,
      getSettings: () => api.getSettings(),
      subscribe: (listener) => api.subscribe(listener),
    },
    {
      target: 'account',
      facets: ACCOUNT_METRICS,
      metricsFor: () => ACCOUNT_METRICS,
      // Pushes name the group's guid; these facet names belong to the account alone.
      isTarget: () => true,
      clock,
    },
  );
}

export type CustomAsk = { ok: true; window: AskWindow; from: string; to: string } | { ok: false; problem: CustomRangeProblem };

/** A custom from–to range as the window the metrics are asked for (unit chosen, else fitting the span). */
export function customAskWindow(range: CustomRange, now: number, unit?: RangeUnit): CustomAsk {
  const result = customWindow(range, now, unit);
  if (!result.ok) return result;
  const { query } = result;
  // customWindow never answers in minutes; the guard keeps the type honest.
  const chosen: RangeUnit = query.unit === 'minute' ? 'hour' : query.unit;
  const window: AskWindow = { unit: chosen, units: query.units, ...(query.unitReference !== undefined ? { unitReference: query.unitReference } : {}) };
  return { ok: true, window, from: result.from, to: result.to };
}
