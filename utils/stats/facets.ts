/**
 * How each facet the background answers is fetched. Names and data types come from
 * facet-names.ts; `satisfies` checks that every facet is here and fetches the data it promises.
 */
import type { FacetQuery } from '../bitly/client';
import type { ScheduledBitlyClient, ScheduledOptions } from '../scheduler/scheduled-bitly';
import type { AccountFacetDataMap, LinkFacetDataMap } from './facet-names';
import { fetchOrganizationClicks } from './organization-clicks';

/** How long an answer stays fresh: a destination rarely changes; numbers follow the settings. */
export type Lifetime = 'numbers' | 'long';
export const LONG_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface FacetDef<Target, R> {
  /** Through the scheduler; `o` carries the asker's priority and lifetime. */
  fetch(client: ScheduledBitlyClient, target: Target, q: FacetQuery, o: ScheduledOptions): Promise<R>;
  /** Whether the time window (unit, units, unit_reference) and size take part. */
  windowed: boolean;
  lifetime: Lifetime;
}

const facet = <Target, R>(def: FacetDef<Target, R>) => def;

/** Facets of one bitlink (`target` is its `domain/hash` id). */
export const LINK_FACETS = {
  destination: facet({ fetch: (c, id: string, _q, o) => c.expand(id, o), windowed: false, lifetime: 'long' }),
  info: facet({ fetch: (c, id: string, _q, o) => c.getBitlink(id, o), windowed: false, lifetime: 'numbers' }),
  clicks: facet({ fetch: (c, id: string, q, o) => c.getClicks(id, q, o), windowed: true, lifetime: 'numbers' }),
  /** v3's `rollup=true`. */
  clicksSummary: facet({ fetch: (c, id: string, q, o) => c.getClicksSummary(id, q, o), windowed: true, lifetime: 'numbers' }),
  countries: facet({ fetch: (c, id: string, q, o) => c.getCountries(id, q, o), windowed: true, lifetime: 'numbers' }),
  cities: facet({ fetch: (c, id: string, q, o) => c.getCities(id, q, o), windowed: true, lifetime: 'numbers' }),
  devices: facet({ fetch: (c, id: string, q, o) => c.getDevices(id, q, o), windowed: true, lifetime: 'numbers' }),
  referrers: facet({ fetch: (c, id: string, q, o) => c.getReferrers(id, q, o), windowed: true, lifetime: 'numbers' }),
  referringDomains: facet({ fetch: (c, id: string, q, o) => c.getReferringDomains(id, q, o), windowed: true, lifetime: 'numbers' }),
  referrersByDomains: facet({ fetch: (c, id: string, q, o) => c.getReferrersByDomains(id, q, o), windowed: true, lifetime: 'numbers' }),
  /**
   * Both formats, one after the other: a plan without the QR API answers the first with 402 (the
   * gate is then remembered) and the second is never asked. A link's code does not change: kept long.
   */
  qrCode: facet({
    fetch: async (c, id: string, _q, o) => ({ png: (await c.getQrCode(id, 'png', o)).qr_code, svg: (await c.getQrCode(id, 'svg', o)).qr_code }),
    windowed: false,
    lifetime: 'long',
  }),
} satisfies { [F in keyof LinkFacetDataMap]: FacetDef<string, LinkFacetDataMap[F]> };

/** Facets of the account (F6); `target` is a group guid, or an organization guid where named so. */
export const ACCOUNT_FACETS = {
  groupClicks: facet({ fetch: (c, guid: string, q, o) => c.getGroupClicks(guid, q, o), windowed: true, lifetime: 'numbers' }),
  groupCountries: facet({ fetch: (c, guid: string, q, o) => c.getGroupCountries(guid, q, o), windowed: true, lifetime: 'numbers' }),
  groupReferringNetworks: facet({ fetch: (c, guid: string, _q, o) => c.getGroupReferringNetworks(guid, o), windowed: false, lifetime: 'numbers' }),
  topLinks: facet({ fetch: (c, guid: string, q, o) => c.getGroupTopLinks(guid, q, o), windowed: true, lifetime: 'numbers' }),
  groupShortenCounts: facet({ fetch: (c, guid: string, q, o) => c.getGroupShortenCounts(guid, q, o), windowed: true, lifetime: 'numbers' }),
  organizationShortenCounts: facet({
    fetch: (c, guid: string, q, o) => c.getOrganizationShortenCounts(guid, q, o),
    windowed: true,
    lifetime: 'numbers',
  }),
  /** Several calls (the groups, then each group's clicks), cached as one answer. */
  organizationClicks: facet({ fetch: fetchOrganizationClicks, windowed: true, lifetime: 'numbers' }),
} satisfies { [F in keyof AccountFacetDataMap]: FacetDef<string, AccountFacetDataMap[F]> };
