/**
 * The facets the background answers, by name, and the data each answers with: the leaf both the
 * message protocol and the facets table (facets.ts, checked against it with `satisfies`) use.
 */
import type {
  Bitlink,
  CityMetrics,
  ClickMetrics,
  Clicks,
  ClicksSummary,
  DeviceMetrics,
  ExpandedBitlink,
  FullQRCode,
  GroupClicks,
  QrImageFormat,
  ReferrersByDomains,
  ShortenCounts,
  SortedLinks,
} from '../bitly/schemas';
import type { OrganizationClicks } from './organization-clicks';

/** What each facet of one bitlink answers with. */
export interface LinkFacetDataMap {
  destination: ExpandedBitlink;
  info: Bitlink;
  clicks: Clicks;
  /** v3's `rollup=true`. */
  clicksSummary: ClicksSummary;
  countries: ClickMetrics;
  cities: CityMetrics;
  devices: DeviceMetrics;
  referrers: ClickMetrics;
  referringDomains: ClickMetrics;
  referrersByDomains: ReferrersByDomains;
  /** Bitly's own QR code (a premium endpoint): the `qr_code` data URI in each image format. */
  qrCode: BitlyQrCode;
}

/** Bitly's QR code for a link, as `GET /v4/bitlinks/{bitlink}/qr` gives it per `image_format`. */
export type BitlyQrCode = { [F in QrImageFormat]: FullQRCode['qr_code'] };

/** What each facet of the account (a group, or its organization) answers with. */
export interface AccountFacetDataMap {
  groupClicks: GroupClicks;
  groupCountries: ClickMetrics;
  groupReferringNetworks: ClickMetrics;
  topLinks: SortedLinks;
  groupShortenCounts: ShortenCounts;
  organizationShortenCounts: ShortenCounts;
  /** The legacy `organization/clicks`: the sum of its groups' clicks (organization-clicks.ts). */
  organizationClicks: OrganizationClicks;
}

export type LinkFacet = keyof LinkFacetDataMap;
export type AccountFacet = keyof AccountFacetDataMap;
export type LinkFacetData<F extends LinkFacet> = LinkFacetDataMap[F];
export type AccountFacetData<F extends AccountFacet> = AccountFacetDataMap[F];

/** Every name once, in the order the protocol lists them; the type checks none is missing. */
const everyName = <K extends string>() => <const L extends readonly K[]>(names: L & ([K] extends [L[number]] ? unknown : never)) => names;

export const LINK_FACET_NAMES = everyName<LinkFacet>()([
  'destination',
  'info',
  'clicks',
  'clicksSummary',
  'countries',
  'cities',
  'devices',
  'referrers',
  'referringDomains',
  'referrersByDomains',
  'qrCode',
]);

export const ACCOUNT_FACET_NAMES = everyName<AccountFacet>()([
  'groupClicks',
  'groupCountries',
  'groupReferringNetworks',
  'topLinks',
  'groupShortenCounts',
  'organizationShortenCounts',
  'organizationClicks',
]);

/** Account facets of the organization (their target is its guid), not of a group. */
export const ORGANIZATION_FACETS = ['organizationShortenCounts', 'organizationClicks'] as const satisfies readonly AccountFacet[];

/** The metric facets a hover card can show (settings' `cardFacets`), in the card's order. */
export const CARD_METRIC_FACETS = ['clicks', 'countries', 'referrers'] as const satisfies readonly LinkFacet[];
export type CardMetricFacet = (typeof CARD_METRIC_FACETS)[number];
/** Everything a hover card may ask (PRODUCT.md §2 hover budget: 3 metric calls + 1 expand). */
export const CARD_FACETS = ['destination', ...CARD_METRIC_FACETS] as const;
export type CardFacet = (typeof CARD_FACETS)[number];
