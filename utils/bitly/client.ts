/**
 * Typed client for the Bitly v4 endpoints Bitlens uses (ENDPOINTS.md §3, PRODUCT.md §2).
 *
 * - Every call sends `Authorization: Bearer <token>` and nothing else that identifies the user.
 * - Every argument that ends up in a URL is checked before any request: bitlink ids must be what
 *   `parseBitlink` produces, guids must be plain tokens, query values must be well-formed.
 *   Refusals are `BitlyError('bad-request')` and never reach `fetch`.
 * - Every success body is validated with its valibot schema; the result is typed from it.
 * - Failures are `BitlyError`s (see errors.ts); a caller's abort is rethrown as an AbortError.
 *
 * The client holds no state besides its options: caching, scheduling and retries live elsewhere.
 */
import * as v from 'valibot';
import { BitlyError, abortErrorFor, errorKindForStatus, type EndpointScope } from './errors';
import { isBitlinkId } from './link';
import {
  BitlinkSchema,
  BsdsSchema,
  CityMetricsSchema,
  ClickMetricsSchema,
  ClicksSchema,
  ClicksSummarySchema,
  DeviceMetricsSchema,
  ErrorBodySchema,
  ExpandedBitlinkSchema,
  GroupBitlinksSchema,
  GroupClicksSchema,
  GroupPreferencesSchema,
  GroupSchema,
  GroupsSchema,
  OrganizationsSchema,
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
  type Group,
  type GroupBitlinks,
  type GroupClicks,
  type GroupPreferences,
  type Groups,
  type Organizations,
  type ReferrersByDomains,
  type ShortenCounts,
  type ShortenedBitlink,
  type SortedLinks,
  type TimeUnit,
  type User,
} from './schemas';

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface BitlyClientOptions {
  /** API origin without `/v4`, e.g. `https://api-ssl.bitly.com` or the stand-in's address. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request, including reading the body. Default 10 s (PRODUCT.md §5). */
  timeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

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

export interface BitlyClient {
  getUser(options?: RequestOptions): Promise<User>;
  getGroups(organizationGuid?: string, options?: RequestOptions): Promise<Groups>;
  getGroup(guid: string, options?: RequestOptions): Promise<Group>;
  /** The group's preferences, of which Bitlens reads the default short domain. */
  getGroupPreferences(guid: string, options?: RequestOptions): Promise<GroupPreferences>;
  getOrganizations(options?: RequestOptions): Promise<Organizations>;
  getBsds(options?: RequestOptions): Promise<Bsds>;

  expand(bitlinkId: string, options?: RequestOptions): Promise<ExpandedBitlink>;
  getBitlink(id: string, options?: RequestOptions): Promise<Bitlink>;
  getClicks(id: string, q: MetricsQuery, options?: RequestOptions): Promise<Clicks>;
  getClicksSummary(id: string, q: MetricsQuery, options?: RequestOptions): Promise<ClicksSummary>;
  getCountries(id: string, q: FacetQuery, options?: RequestOptions): Promise<ClickMetrics>;
  getCities(id: string, q: FacetQuery, options?: RequestOptions): Promise<CityMetrics>;
  getDevices(id: string, q: FacetQuery, options?: RequestOptions): Promise<DeviceMetrics>;
  getReferrers(id: string, q: FacetQuery, options?: RequestOptions): Promise<ClickMetrics>;
  getReferringDomains(id: string, q: FacetQuery, options?: RequestOptions): Promise<ClickMetrics>;
  getReferrersByDomains(id: string, q: FacetQuery, options?: RequestOptions): Promise<ReferrersByDomains>;

  getGroupClicks(guid: string, q: MetricsQuery, options?: RequestOptions): Promise<GroupClicks>;
  getGroupCountries(guid: string, q: FacetQuery, options?: RequestOptions): Promise<ClickMetrics>;
  getGroupReferringNetworks(guid: string, options?: RequestOptions): Promise<ClickMetrics>;
  getGroupShortenCounts(guid: string, q: MetricsQuery, options?: RequestOptions): Promise<ShortenCounts>;
  getOrganizationShortenCounts(guid: string, q: MetricsQuery, options?: RequestOptions): Promise<ShortenCounts>;
  /** Top links by clicks: `GET /v4/groups/{guid}/bitlinks/clicks`. */
  getGroupTopLinks(guid: string, q: FacetQuery, options?: RequestOptions): Promise<SortedLinks>;
  searchGroupBitlinks(guid: string, q: SearchBitlinksQuery, options?: RequestOptions): Promise<GroupBitlinks>;

  shorten(request: ShortenRequest, options?: RequestOptions): Promise<ShortenResult>;
}

// -------------------------------------------------------------------------------------------
// Argument checks (all run before any request)

const GUID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const UNIT_REFERENCE_PATTERN = /^[0-9][0-9T:+.Z-]{0,39}$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
/** Visible ASCII only: anything else would make `Headers` throw a message that quotes it. */
const TOKEN_PATTERN = /^[\x21-\x7e]{1,512}$/;
const MAX_TEXT_PARAM = 2048;

type Query = Record<string, string | number | undefined>;
type Segments = readonly string[];

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
// The client

interface Call<S extends v.GenericSchema> {
  operation: string;
  method: 'GET' | 'POST';
  /** Path segments after `/v4/`, each already checked and encoded. */
  path: Segments;
  query?: Query;
  body?: Record<string, string>;
  schema: S;
  scope: EndpointScope;
}

interface Answer<T> {
  status: number;
  data: T;
}

export function createBitlyClient(opts: BitlyClientOptions): BitlyClient {
  const { token } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Resolved per call so a test or the runtime can replace the global; never called as a method.
  const doFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = new URL(opts.baseUrl);
  const prefix = `${base.pathname.replace(/\/+$/, '').replace(/\/v4$/, '')}/v4/`;

  /** Belt and braces: nothing derived from a response may carry the token out, in any case. */
  const lowerToken = token.toLowerCase();
  const scrub = (text: string | undefined): string | undefined =>
    text === undefined || token.length === 0 || !text.toLowerCase().includes(lowerToken) ? text : undefined;

  function buildUrl(call: Call<v.GenericSchema>): URL {
    const pathname = prefix + call.path.join('/');
    const url = new URL(pathname, base);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      // URLSearchParams encodes `+` as %2B and `:` as %3A, as the spec asks for unit_reference.
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    // The URL parser must not have changed the path (no dot segments, no decoding tricks).
    if (url.origin !== base.origin || url.pathname !== pathname) refuse(call.operation, 'unsafe request path');
    return url;
  }

  async function send<S extends v.GenericSchema>(
    call: Call<S>,
    options: RequestOptions | undefined,
  ): Promise<Answer<v.InferOutput<S>>> {
    const { operation } = call;
    const callerSignal = options?.signal;
    if (!TOKEN_PATTERN.test(token)) {
      throw new BitlyError('token-rejected', { operation, detail: 'the stored token is empty or has invalid characters' });
    }
    const url = buildUrl(call);
    if (callerSignal?.aborted) throw abortErrorFor(callerSignal);

    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (call.body) headers['Content-Type'] = 'application/json';

    // One controller for both our timeout and the caller's abort; which one fired decides the error.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forwardAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', forwardAbort, { once: true });

    let status: number;
    let rateLimitReason: boolean;
    let text: string;
    try {
      const response = await untilAborted(
        doFetch(url.href, {
          method: call.method,
          headers,
          body: call.body ? JSON.stringify(call.body) : undefined,
          signal: controller.signal,
          credentials: 'omit',
          cache: 'no-store',
          // The API does not redirect; following one could carry the request elsewhere.
          redirect: 'error',
        }),
        controller.signal,
      );
      status = response.status;
      rateLimitReason = response.headers.has('X-Ratelimit-Reason');
      text = await untilAborted(response.text(), controller.signal);
    } catch {
      // The underlying error is not kept: its message could quote request details.
      if (callerSignal?.aborted) throw abortErrorFor(callerSignal);
      if (timedOut) throw new BitlyError('timeout', { operation, detail: `no answer within ${timeoutMs} ms` });
      throw new BitlyError('network', { operation });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }

    if (status < 200 || status > 299) {
      const errorBody = v.safeParse(ErrorBodySchema, parseJson(text));
      const code = scrub(errorBody.success ? errorBody.output.message : undefined);
      const kind = errorKindForStatus(status, call.scope, code, rateLimitReason);
      throw new BitlyError(kind, { status, code, operation });
    }

    const json = parseJson(text);
    if (json === undefined) throw new BitlyError('malformed', { status, operation, detail: 'body is not JSON' });
    const result = v.safeParse(call.schema, json);
    if (!result.success) {
      const issue = result.issues[0];
      const path = scrub(v.getDotPath(issue)?.replace(/[^\w.-]/g, '').slice(0, 80));
      throw new BitlyError('malformed', { status, operation, detail: `invalid field ${path || '(root)'}` });
    }
    return { status, data: result.output };
  }

  const get = async <S extends v.GenericSchema>(
    operation: string,
    scope: EndpointScope,
    path: Segments,
    schema: S,
    options: RequestOptions | undefined,
    query?: Query,
  ): Promise<v.InferOutput<S>> => (await send({ operation, method: 'GET', path, query, schema, scope }, options)).data;

  /** One link facet, e.g. `GET /v4/bitlinks/{bitlink}/countries`. */
  const linkMetric =
    <S extends v.GenericSchema>(operation: string, facet: Segments, schema: S, withSize: boolean) =>
    async (id: string, q: FacetQuery, options?: RequestOptions): Promise<v.InferOutput<S>> =>
      get(operation, 'link', ['bitlinks', ...bitlinkSegments(operation, id), ...facet], schema, options, metricsParams(operation, q, withSize));

  /** One group or organization metric, e.g. `GET /v4/groups/{group_guid}/countries`. */
  const ownerMetric =
    <S extends v.GenericSchema>(operation: string, owner: 'groups' | 'organizations', facet: Segments, schema: S, withSize: boolean) =>
    async (guid: string, q: FacetQuery, options?: RequestOptions): Promise<v.InferOutput<S>> =>
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
        { operation, method: 'POST', path: ['shorten'], body, schema: ShortenedBitlinkSchema, scope: 'account' },
        options,
      );
      return { created: answer.status === 201, link: answer.data };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (even if `fetch` ignores it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
