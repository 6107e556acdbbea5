/**
 * Typed client for the Bitly v4 endpoints Bitlens uses (ENDPOINTS.md §3, PRODUCT.md §2): it
 * builds each endpoint's request (path, query, body, response schema, scope) and hands it to a
 * `send` — the transport (transport.ts) in tests, the scheduler's path (scheduled-bitly.ts) in
 * the extension, so the request is built the same way whoever sends it.
 *
 * Every argument that ends up in a URL is checked before any request: bitlink ids must be what
 * `parseBitlink` produces, guids must be plain tokens, query values must be well-formed.
 * Refusals are `BitlyError('bad-request')` and never reach `send`.
 */
import * as v from 'valibot';
import { BitlyError, type EndpointScope } from './errors';
import { isBitlinkId } from './link';
import type { BitlyRequest, BitlySend, SendOptions } from './transport';
import {
  BitlinkSchema,
  BsdsSchema,
  CityMetricsSchema,
  ClickMetricsSchema,
  ClicksSchema,
  ClicksSummarySchema,
  DeviceMetricsSchema,
  ExpandedBitlinkSchema,
  FullQRCodeSchema,
  GroupBitlinksSchema,
  GroupClicksSchema,
  GroupPreferencesSchema,
  GroupSchema,
  GroupsSchema,
  OrganizationsSchema,
  QrImageFormatSchema,
  ReferrersByDomainsSchema,
  ShortenCountsSchema,
  ShortenedBitlinkSchema,
  SortedLinksSchema,
  TimeUnitSchema,
  UserSchema,
  type Bitlink,
  type Bsds,
  type CityMetrics,
  type ClickMetrics,
  type Clicks,
  type ClicksSummary,
  type DeviceMetrics,
  type ExpandedBitlink,
  type FullQRCode,
  type Group,
  type GroupPreferences,
  type GroupBitlinks,
  type GroupClicks,
  type Groups,
  type Organizations,
  type QrImageFormat,
  type ReferrersByDomains,
  type ShortenCounts,
  type ShortenedBitlink,
  type SortedLinks,
  type TimeUnit,
  type User,
} from './schemas';

/** What every method takes last: the transport's options, or the scheduler's. */
export type RequestOptions = SendOptions;

/** Time window of a metrics request (ENDPOINTS.md §2). */
export interface MetricsQuery {
  unit: TimeUnit;
  /** How many units back; -1 means all the history the plan allows. */
  units: number;
  /** ISO-8601, e.g. `2025-10-13T17:11:28+0000`; newest moment included. Defaults to now. */
  unitReference?: string;
}

/** Metrics query for endpoints that also take `size` (facets and top links). */
export interface FacetQuery extends MetricsQuery {
  /** Maximum rows. Sent only to endpoints whose spec declares `size`. */
  size?: number;
}

export interface SearchBitlinksQuery {
  query?: string;
  size?: number;
  /** Cursor from the previous page's `pagination.search_after`. */
  searchAfter?: string;
}

export interface ShortenRequest {
  longUrl: string;
  domain?: string;
  groupGuid?: string;
}

export interface ShortenResult {
  /** True for 201 (new link), false for 200 (the link already existed). */
  created: boolean;
  link: ShortenedBitlink;
}

/** Every endpoint; `O` is what the sender takes besides the request (a signal, a priority). */
export interface BitlyClient<O = RequestOptions> {
  getUser(options?: O): Promise<User>;
  getGroups(organizationGuid?: string, options?: O): Promise<Groups>;
  getGroup(guid: string, options?: O): Promise<Group>;
  /** The group's preferences, of which Bitlens reads the default short domain. */
  getGroupPreferences(guid: string, options?: O): Promise<GroupPreferences>;
  getOrganizations(options?: O): Promise<Organizations>;
  getBsds(options?: O): Promise<Bsds>;

  expand(bitlinkId: string, options?: O): Promise<ExpandedBitlink>;
  getBitlink(id: string, options?: O): Promise<Bitlink>;
  getClicks(id: string, q: MetricsQuery, options?: O): Promise<Clicks>;
  getClicksSummary(id: string, q: MetricsQuery, options?: O): Promise<ClicksSummary>;
  getCountries(id: string, q: FacetQuery, options?: O): Promise<ClickMetrics>;
  getCities(id: string, q: FacetQuery, options?: O): Promise<CityMetrics>;
  getDevices(id: string, q: FacetQuery, options?: O): Promise<DeviceMetrics>;
  getReferrers(id: string, q: FacetQuery, options?: O): Promise<ClickMetrics>;
  getReferringDomains(id: string, q: FacetQuery, options?: O): Promise<ClickMetrics>;
  getReferrersByDomains(id: string, q: FacetQuery, options?: O): Promise<ReferrersByDomains>;
  /** Bitly's own QR code for the link (premium: 402 on lower plans). */
  getQrCode(id: string, format: QrImageFormat, options?: O): Promise<FullQRCode>;

  getGroupClicks(guid: string, q: MetricsQuery, options?: O): Promise<GroupClicks>;
  getGroupCountries(guid: string, q: FacetQuery, options?: O): Promise<ClickMetrics>;
  getGroupReferringNetworks(guid: string, options?: O): Promise<ClickMetrics>;
  getGroupShortenCounts(guid: string, q: MetricsQuery, options?: O): Promise<ShortenCounts>;
  getOrganizationShortenCounts(guid: string, q: MetricsQuery, options?: O): Promise<ShortenCounts>;
  /** Top links by clicks: `GET /v4/groups/{guid}/bitlinks/clicks`. */
  getGroupTopLinks(guid: string, q: FacetQuery, options?: O): Promise<SortedLinks>;
  searchGroupBitlinks(guid: string, q: SearchBitlinksQuery, options?: O): Promise<GroupBitlinks>;

  shorten(request: ShortenRequest, options?: O): Promise<ShortenResult>;
}

// -------------------------------------------------------------------------------------------
// Argument checks (all run before any request)

const GUID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const UNIT_REFERENCE_PATTERN = /^[0-9][0-9T:+.Z-]{0,39}$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
const MAX_TEXT_PARAM = 2048;

type Query = NonNullable<BitlyRequest['query']>;
type Segments = BitlyRequest['path'];

function refuse(operation: string, detail: string): never {
  throw new BitlyError('bad-request', { operation, detail });
}

function bitlinkSegments(operation: string, id: string): Segments {
  if (!isBitlinkId(id)) refuse(operation, 'not a normalised bitlink id (domain/hash)');
  const slash = id.indexOf('/');
  // Domain and hash are separate path segments: the slash is a real separator (ENDPOINTS.md §1).
  return [encodeURIComponent(id.slice(0, slash)), encodeURIComponent(id.slice(slash + 1))];
}

function guidSegment(operation: string, guid: string): string {
  if (typeof guid !== 'string' || !GUID_PATTERN.test(guid)) refuse(operation, 'invalid guid');
  return guid;
}

function positiveInteger(operation: string, name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) refuse(operation, `${name} must be a positive integer`);
  return value;
}

function shortText(operation: string, name: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_PARAM) {
    refuse(operation, `${name} must be a non-empty string of at most ${MAX_TEXT_PARAM} characters`);
  }
  return value;
}

/** `unit`, `units`, `unit_reference` and, where the spec has it, `size`. */
function metricsParams(operation: string, q: FacetQuery, withSize: boolean): Query {
  if (typeof q !== 'object' || q === null) refuse(operation, 'missing metrics query');
  if (!v.is(TimeUnitSchema, q.unit)) refuse(operation, 'unit must be minute, hour, day, week or month');
  if (!Number.isSafeInteger(q.units) || (q.units < 1 && q.units !== -1)) {
    refuse(operation, 'units must be a positive integer or -1');
  }
  if (q.unitReference !== undefined && !UNIT_REFERENCE_PATTERN.test(q.unitReference)) {
    refuse(operation, 'unitReference must be an ISO-8601 timestamp');
  }
  return {
    unit: q.unit,
    units: q.units,
    unit_reference: q.unitReference,
    size: withSize && q.size !== undefined ? positiveInteger(operation, 'size', q.size) : undefined,
  };
}

// -------------------------------------------------------------------------------------------
// The endpoints

/**
 * The client over a `send`: each method checks its arguments, builds its request and passes the
 * caller's options on untouched.
 */
export function createBitlyClient<O = RequestOptions>(send: BitlySend<O>): BitlyClient<O> {
  const get = async <S extends v.GenericSchema>(
    operation: string,
    scope: EndpointScope,
    path: Segments,
    schema: S,
    options: O | undefined,
    query?: Query,
  ): Promise<v.InferOutput<S>> => (await send({ operation, method: 'GET', path, query, schema, scope }, options)).data;

  /** One link facet, e.g. `GET /v4/bitlinks/{bitlink}/countries`. */
  const linkMetric =
    <S extends v.GenericSchema>(operation: string, facet: Segments, schema: S, withSize: boolean) =>
    async (id: string, q: FacetQuery, options?: O): Promise<v.InferOutput<S>> =>
      get(operation, 'link', ['bitlinks', ...bitlinkSegments(operation, id), ...facet], schema, options, metricsParams(operation, q, withSize));

  /** One group or organization metric, e.g. `GET /v4/groups/{group_guid}/countries`. */
  const ownerMetric =
    <S extends v.GenericSchema>(operation: string, owner: 'groups' | 'organizations', facet: Segments, schema: S, withSize: boolean) =>
    async (guid: string, q: FacetQuery, options?: O): Promise<v.InferOutput<S>> =>
      get(operation, 'account', [owner, guidSegment(operation, guid), ...facet], schema, options, metricsParams(operation, q, withSize));

  return {
    getUser: async (options) => get('getUser', 'account', ['user'], UserSchema, options),
    getGroups: async (organizationGuid, options) =>
      get('getGroups', 'account', ['groups'], GroupsSchema, options, {
        organization_guid: organizationGuid === undefined ? undefined : guidSegment('getGroups', organizationGuid),
      }),
    getGroup: async (guid, options) => get('getGroup', 'account', ['groups', guidSegment('getGroup', guid)], GroupSchema, options),
    getGroupPreferences: async (guid, options) =>
      get('getGroupPreferences', 'account', ['groups', guidSegment('getGroupPreferences', guid), 'preferences'], GroupPreferencesSchema, options),
    getOrganizations: async (options) => get('getOrganizations', 'account', ['organizations'], OrganizationsSchema, options),
    getBsds: async (options) => get('getBsds', 'account', ['bsds'], BsdsSchema, options),

    expand: async (bitlinkId, options) => {
      if (!isBitlinkId(bitlinkId)) refuse('expand', 'not a normalised bitlink id (domain/hash)');
      const body = { bitlink_id: bitlinkId };
      return (await send({ operation: 'expand', method: 'POST', path: ['expand'], body, schema: ExpandedBitlinkSchema, scope: 'any-link' }, options)).data;
    },
    getBitlink: async (id, options) => get('getBitlink', 'link', ['bitlinks', ...bitlinkSegments('getBitlink', id)], BitlinkSchema, options),

    getClicks: linkMetric('getClicks', ['clicks'], ClicksSchema, false),
    getClicksSummary: linkMetric('getClicksSummary', ['clicks', 'summary'], ClicksSummarySchema, false),
    getCountries: linkMetric('getCountries', ['countries'], ClickMetricsSchema, true),
    getCities: linkMetric('getCities', ['cities'], CityMetricsSchema, true),
    getDevices: linkMetric('getDevices', ['devices'], DeviceMetricsSchema, true),
    getReferrers: linkMetric('getReferrers', ['referrers'], ClickMetricsSchema, true),
    getReferringDomains: linkMetric('getReferringDomains', ['referring_domains'], ClickMetricsSchema, true),
    getReferrersByDomains: linkMetric('getReferrersByDomains', ['referrers_by_domains'], ReferrersByDomainsSchema, true),
    getQrCode: async (id, format, options) => {
      const operation = 'getQrCode';
      if (!v.is(QrImageFormatSchema, format)) refuse(operation, 'image_format must be png or svg');
      return get(operation, 'link', ['bitlinks', ...bitlinkSegments(operation, id), 'qr'], FullQRCodeSchema, options, { image_format: format });
    },

    getGroupClicks: ownerMetric('getGroupClicks', 'groups', ['clicks'], GroupClicksSchema, false),
    getGroupCountries: ownerMetric('getGroupCountries', 'groups', ['countries'], ClickMetricsSchema, true),
    getGroupShortenCounts: ownerMetric('getGroupShortenCounts', 'groups', ['shorten_counts'], ShortenCountsSchema, false),
    getOrganizationShortenCounts: ownerMetric('getOrganizationShortenCounts', 'organizations', ['shorten_counts'], ShortenCountsSchema, false),
    getGroupTopLinks: ownerMetric('getGroupTopLinks', 'groups', ['bitlinks', 'clicks'], SortedLinksSchema, true),
    // The spec gives referring_networks no time parameters.
    getGroupReferringNetworks: async (guid, options) =>
      get('getGroupReferringNetworks', 'account', ['groups', guidSegment('getGroupReferringNetworks', guid), 'referring_networks'], ClickMetricsSchema, options),

    searchGroupBitlinks: async (guid, q, options) => {
      const operation = 'searchGroupBitlinks';
      return get(operation, 'account', ['groups', guidSegment(operation, guid), 'bitlinks'], GroupBitlinksSchema, options, {
        query: q.query === undefined ? undefined : shortText(operation, 'query', q.query),
        size: q.size === undefined ? undefined : positiveInteger(operation, 'size', q.size),
        search_after: q.searchAfter === undefined ? undefined : shortText(operation, 'searchAfter', q.searchAfter),
      });
    },

    shorten: async (request, options) => {
      const operation = 'shorten';
      const body: Record<string, string> = { long_url: shortText(operation, 'longUrl', request.longUrl) };
      if (request.domain !== undefined) {
        if (!DOMAIN_PATTERN.test(request.domain)) refuse(operation, 'domain must be a lower-case host name');
        body.domain = request.domain;
      }
      if (request.groupGuid !== undefined) body.group_guid = guidSegment(operation, request.groupGuid);
      const answer = await send(
        { operation, method: 'POST', path: ['shorten'], body, schema: ShortenedBitlinkSchema, scope: 'create' },
        options,
      );
      return { created: answer.status === 201, link: answer.data };
    },
  };
}

