/**
 * Contract: every request the Bitly client builds is an operation of Bitly's own spec
 * (`bitly-api/v4.json`): a declared path template and method, only declared query parameters
 * (and every required one), path and query values valid against their schemas, a bearer token,
 * and a JSON body with only declared fields. Also checks that every field the response schemas
 * read is a field of the spec's schema of the same name, with a compatible type.
 *
 * The checker is pure and is itself tested against made-up requests, so a pass means something.
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createBitlyClient, type BitlyClient, type FacetQuery } from '../../utils/bitly/client';
import { createTransport } from '../../utils/bitly/transport';
import * as schemas from '../../utils/bitly/schemas';
import { SPEC_FILE } from './spec-file';

// ---------------------------------------------------------------------------------------------
// The spec

interface SpecSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, SpecSchema>;
  required?: string[];
  items?: SpecSchema;
  allOf?: SpecSchema[];
}
interface SpecParameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: SpecSchema;
}
interface SpecOperation {
  parameters?: SpecParameter[];
  requestBody?: { $ref?: string; required?: boolean; content: Record<string, { schema: SpecSchema }> };
  security?: Record<string, string[]>[];
}
interface Spec {
  servers: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, SpecOperation | SpecParameter[]>>;
  components: {
    schemas: Record<string, SpecSchema>;
    parameters: Record<string, SpecParameter>;
    securitySchemes: Record<string, { type: string; scheme?: string }>;
  };
}

const spec = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Spec;
const SERVER_PREFIX = new URL(spec.servers[0]?.url ?? '').pathname.replace(/\/$/, ''); // "/v4"
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'v4.json', components: spec.components });
const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: SpecSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    // Re-root local refs on the spec document added above.
    const rooted = JSON.parse(key.replaceAll('"#/components/', '"v4.json#/components/')) as object;
    validate = ajv.compile(rooted);
    validators.set(key, validate);
  }
  return validate;
}

function deref<T extends { $ref?: string }>(node: T): T {
  let current: T = node;
  for (let depth = 0; current.$ref !== undefined && depth < 20; depth += 1) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    current = parts.reduce<unknown>((acc, part) => (acc as Record<string, unknown>)[part], spec) as T;
  }
  return current;
}

/** A schema with its `$ref` and `allOf` folded into one set of properties. */
function flatten(node: SpecSchema): SpecSchema {
  const schema = deref(node);
  if (!schema.allOf) return schema;
  const parts = schema.allOf.map(flatten);
  return {
    ...schema,
    type: schema.type ?? parts.find((p) => p.type)?.type,
    properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}) as Record<string, SpecSchema>,
    required: [...(schema.required ?? []), ...parts.flatMap((p) => p.required ?? [])],
  };
}

interface Operation {
  template: string;
  method: string;
  pattern: RegExp;
  literalSegments: number;
  pathParams: string[];
  parameters: SpecParameter[];
  op: SpecOperation;
}

/** Path parameters that hold a slash: `{bitlink}` is `domain/hash` (ENDPOINTS.md §1). */
const TWO_SEGMENT_PARAMS = new Set(['bitlink']);

const operations: Operation[] = Object.entries(spec.paths).flatMap(([template, item]) => {
  const shared = ((item.parameters ?? []) as SpecParameter[]).map(deref);
  const pathParams: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      pathParams.push(param);
      return TWO_SEGMENT_PARAMS.has(param) ? '([^/]+/[^/]+)' : '([^/]+)';
    })
    .join('/');
  return Object.entries(item)
    .filter(([method]) => HTTP_METHODS.includes(method))
    .map(([method, op]) => {
      const own = ((op as SpecOperation).parameters ?? []).map(deref);
      const byKey = new Map([...shared, ...own].map((p) => [`${p.in}:${p.name}`, p]));
      return {
        template,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${pattern}$`),
        literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
        pathParams,
        parameters: [...byKey.values()],
        op: op as SpecOperation,
      };
    });
});

// ---------------------------------------------------------------------------------------------
// The checker

interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Raw body text, if any. */
  body?: string;
}

interface CheckResult {
  /** `METHOD /template`, when a spec operation matched. */
  operation?: string;
  problems: string[];
}

function valueProblems(where: string, schema: SpecSchema, raw: string): string[] {
  const resolved = deref(schema);
  let value: unknown = raw;
  if (resolved.type === 'integer' || resolved.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(raw)) return [`${where}: "${raw}" is not a ${resolved.type}`];
    value = Number(raw);
  } else if (resolved.type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') return [`${where}: "${raw}" is not a boolean`];
    value = raw === 'true';
  }
  const validate = validatorFor(schema);
  return validate(value) ? [] : [`${where}: "${raw}" ${ajv.errorsText(validate.errors, { dataVar: '' })}`];
}

function checkRequest(request: RecordedRequest, origin: string): CheckResult {
  const problems: string[] = [];
  const { url } = request;
  const prefix = `${SERVER_PREFIX}/`;
  if (url.origin !== origin) problems.push(`origin ${url.origin} is not the API base ${origin}`);
  if (!url.pathname.startsWith(prefix)) return { problems: [...problems, `path ${url.pathname} is outside ${prefix}`] };
  const specPath = url.pathname.slice(SERVER_PREFIX.length);

  const candidates = operations.filter((o) => o.pattern.test(specPath));
  if (candidates.length === 0) return { problems: [...problems, `no spec path matches ${specPath}`] };
  // Concrete paths win over templated ones (OpenAPI path matching).
  const best = Math.max(...candidates.map((o) => o.literalSegments));
  const templates = [...new Set(candidates.filter((o) => o.literalSegments === best).map((o) => o.template))];
  if (templates.length > 1) return { problems: [...problems, `${specPath} is ambiguous: ${templates.join(', ')}`] };
  const operation = candidates.find((o) => o.template === templates[0] && o.method === request.method.toUpperCase());
  if (!operation) {
    return { problems: [...problems, `${request.method} is not declared for ${templates[0]}`] };
  }
  const name = `${operation.method} ${operation.template}`;

  // Path parameters: decode each segment separately and check it against its schema.
  const values = operation.pattern.exec(specPath)?.slice(1) ?? [];
  operation.pathParams.forEach((param, i) => {
    const declared = operation.parameters.find((p) => p.in === 'path' && p.name === param);
    const raw = values[i] ?? '';
    if (!declared) {
      problems.push(`path parameter {${param}} is not declared`);
      return;
    }
    let segments: string[];
    try {
      segments = raw.split('/').map(decodeURIComponent);
    } catch {
      problems.push(`path parameter {${param}} is not valid percent-encoding`);
      return;
    }
    // `domain/hash` must be two real segments, never one with an encoded slash.
    if (segments.some((segment) => segment.includes('/'))) problems.push(`path parameter {${param}} has an encoded slash`);
    problems.push(...valueProblems(`path {${param}}`, declared.schema, segments.join('/')));
  });

  // Query parameters: declared only, required present, values valid, no repeats unless an array.
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  for (const key of new Set(url.searchParams.keys())) {
    const declared = queryParams.find((p) => p.name === key);
    if (!declared) {
      problems.push(`query parameter "${key}" is not declared for ${name}`);
      continue;
    }
    const all = url.searchParams.getAll(key);
    if (deref(declared.schema).type !== 'array') {
      if (all.length > 1) problems.push(`query parameter "${key}" is repeated`);
      problems.push(...valueProblems(`query ${key}`, declared.schema, all[0] ?? ''));
    }
  }
  for (const required of queryParams.filter((p) => p.required)) {
    if (!url.searchParams.has(required.name)) problems.push(`required query parameter "${required.name}" is missing for ${name}`);
  }

  // Auth: the spec's only scheme is HTTP bearer.
  const security = operation.op.security ?? spec.security ?? [];
  const bearer = security.some((requirement) =>
    Object.keys(requirement).some((scheme) => spec.components.securitySchemes[scheme]?.scheme === 'bearer'),
  );
  if (bearer && !/^Bearer \S+$/.test(request.headers.get('Authorization') ?? '')) {
    problems.push('missing "Authorization: Bearer <token>"');
  }

  // Body: only where declared, as a declared content type, valid and with declared fields only.
  const requestBody = operation.op.requestBody ? deref(operation.op.requestBody) : undefined;
  if (!requestBody) {
    if (request.body !== undefined) problems.push(`${name} takes no body`);
  } else if (request.body === undefined) {
    if (requestBody.required) problems.push(`${name} requires a body`);
  } else {
    const contentType = (request.headers.get('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
    const media = requestBody.content[contentType];
    if (!media) {
      problems.push(`content type "${contentType}" is not declared for ${name}`);
    } else {
      let body: unknown;
      try {
        body = JSON.parse(request.body);
      } catch {
        problems.push('body is not JSON');
      }
      const validate = validatorFor(media.schema);
      if (body !== undefined && !validate(body)) problems.push(`body: ${ajv.errorsText(validate.errors)}`);
      const declaredFields = Object.keys(flatten(media.schema).properties ?? {});
      if (body && typeof body === 'object') {
        for (const key of Object.keys(body)) {
          if (!declaredFields.includes(key)) problems.push(`body field "${key}" is not declared for ${name}`);
        }
      }
    }
  }

  return { operation: name, problems };
}

// ---------------------------------------------------------------------------------------------
// Driving the real client

const BASE = 'https://api-ssl.bitly.com';
const GUID = 'Ba1bc23dE4F';
const ORG = 'Oa1bcd234eF';
const LINK = 'bit.ly/12a4b6c';
const BRANDED = 'es.pn/SuperBowl';
const REF = '2022-02-02T15:53:02+0000';
/** A facet query (with `size`) handed to endpoints that have no `size`: it must not be sent. */
const WITH_SIZE: FacetQuery = { unit: 'hour', units: 24, unitReference: REF, size: 10 };

type Invocations = ((c: BitlyClient) => Promise<unknown>)[];

/**
 * Every client method, the spec operation it must hit, and calls covering its optional
 * arguments. Typed as a record over the client's keys, so a new method cannot be left out.
 */
const COVERAGE: Record<keyof BitlyClient, { operation: string; calls: Invocations }> = {
  getUser: { operation: 'GET /user', calls: [(c) => c.getUser()] },
  getGroups: { operation: 'GET /groups', calls: [(c) => c.getGroups(), (c) => c.getGroups(ORG)] },
  getGroup: { operation: 'GET /groups/{group_guid}', calls: [(c) => c.getGroup(GUID)] },
  getGroupPreferences: { operation: 'GET /groups/{group_guid}/preferences', calls: [(c) => c.getGroupPreferences(GUID)] },
  getOrganizations: { operation: 'GET /organizations', calls: [(c) => c.getOrganizations()] },
  getBsds: { operation: 'GET /bsds', calls: [(c) => c.getBsds()] },
  expand: { operation: 'POST /expand', calls: [(c) => c.expand(LINK), (c) => c.expand(BRANDED)] },
  getBitlink: { operation: 'GET /bitlinks/{bitlink}', calls: [(c) => c.getBitlink(LINK), (c) => c.getBitlink(BRANDED)] },
  getClicks: {
    operation: 'GET /bitlinks/{bitlink}/clicks',
    calls: [
      (c) => c.getClicks(LINK, { unit: 'day', units: -1 }),
      // The 2023 spec dropped `size` from /clicks.
      (c) => c.getClicks(BRANDED, WITH_SIZE),
    ],
  },
  getClicksSummary: {
    operation: 'GET /bitlinks/{bitlink}/clicks/summary',
    calls: [(c) => c.getClicksSummary(LINK, { unit: 'month', units: 3, unitReference: REF }), (c) => c.getClicksSummary(LINK, WITH_SIZE)],
  },
  getCountries: {
    operation: 'GET /bitlinks/{bitlink}/countries',
    calls: [(c) => c.getCountries(LINK, { unit: 'day', units: 30 }), (c) => c.getCountries(LINK, { unit: 'week', units: 4, size: 10, unitReference: REF })],
  },
  getCities: { operation: 'GET /bitlinks/{bitlink}/cities', calls: [(c) => c.getCities(LINK, { unit: 'day', units: 7, size: 5, unitReference: REF })] },
  getDevices: { operation: 'GET /bitlinks/{bitlink}/devices', calls: [(c) => c.getDevices(LINK, { unit: 'minute', units: 60, size: 5 })] },
  getReferrers: { operation: 'GET /bitlinks/{bitlink}/referrers', calls: [(c) => c.getReferrers(LINK, { unit: 'day', units: -1, size: 50, unitReference: REF })] },
  getReferringDomains: {
    operation: 'GET /bitlinks/{bitlink}/referring_domains',
    calls: [(c) => c.getReferringDomains(LINK, { unit: 'day', units: 90, size: 20 })],
  },
  getReferrersByDomains: {
    operation: 'GET /bitlinks/{bitlink}/referrers_by_domains',
    calls: [(c) => c.getReferrersByDomains(LINK, { unit: 'day', units: 90, size: 20, unitReference: REF })],
  },
  getQrCode: {
    operation: 'GET /bitlinks/{bitlink}/qr',
    calls: [(c) => c.getQrCode(LINK, 'png'), (c) => c.getQrCode(BRANDED, 'svg')],
  },
  getGroupClicks: {
    operation: 'GET /groups/{group_guid}/clicks',
    calls: [(c) => c.getGroupClicks(GUID, { unit: 'day', units: 30 }), (c) => c.getGroupClicks(GUID, WITH_SIZE)],
  },
  getGroupCountries: { operation: 'GET /groups/{group_guid}/countries', calls: [(c) => c.getGroupCountries(GUID, { unit: 'day', units: 30, size: 10, unitReference: REF })] },
  getGroupReferringNetworks: { operation: 'GET /groups/{group_guid}/referring_networks', calls: [(c) => c.getGroupReferringNetworks(GUID)] },
  getGroupShortenCounts: {
    operation: 'GET /groups/{group_guid}/shorten_counts',
    calls: [(c) => c.getGroupShortenCounts(GUID, { unit: 'month', units: 12, unitReference: REF }), (c) => c.getGroupShortenCounts(GUID, WITH_SIZE)],
  },
  getOrganizationShortenCounts: {
    operation: 'GET /organizations/{organization_guid}/shorten_counts',
    calls: [(c) => c.getOrganizationShortenCounts(ORG, { unit: 'month', units: -1 }), (c) => c.getOrganizationShortenCounts(ORG, WITH_SIZE)],
  },
  getGroupTopLinks: {
    operation: 'GET /groups/{group_guid}/bitlinks/{sort}',
    calls: [(c) => c.getGroupTopLinks(GUID, { unit: 'day', units: 30 }), (c) => c.getGroupTopLinks(GUID, { unit: 'week', units: 2, size: 10, unitReference: REF })],
  },
  searchGroupBitlinks: {
    operation: 'GET /groups/{group_guid}/bitlinks',
    calls: [
      (c) => c.searchGroupBitlinks(GUID, {}),
      (c) => c.searchGroupBitlinks(GUID, { query: 'https://example.com/page?x=1', size: 50, searchAfter: 'b746bca90ea9f77b' }),
    ],
  },
  shorten: {
    operation: 'POST /shorten',
    calls: [(c) => c.shorten({ longUrl: 'https://example.com/' }), (c) => c.shorten({ longUrl: 'https://example.com/', domain: 'es.pn', groupGuid: GUID })],
  },
};

async function record(invoke: (c: BitlyClient) => Promise<unknown>): Promise<RecordedRequest[]> {
  const requests: RecordedRequest[] = [];
  const fakeFetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    // The answer does not matter here: only the request is under test.
    return new Response(JSON.stringify({ message: 'TEMPORARILY_UNAVAILABLE' }), { status: 503 });
  };
  const client = createBitlyClient(createTransport({ baseUrl: BASE, token: 'contract-test-token', fetch: fakeFetch as typeof fetch }));
  await invoke(client).catch((error: unknown) => {
    if ((error as { kind?: string }).kind !== 'server') throw error;
  });
  return requests;
}

describe('every request the client builds is in the spec', () => {
  it('the spec was loaded', () => {
    expect(SERVER_PREFIX).toBe('/v4');
    expect(operations.length).toBeGreaterThan(50);
  });

  it('covers every method of the client', () => {
    const client = createBitlyClient(createTransport({ baseUrl: BASE, token: 't' }));
    expect(Object.keys(COVERAGE).sort()).toEqual(Object.keys(client).sort());
  });

  const rows = Object.entries(COVERAGE).flatMap(([method, { operation, calls }]) =>
    calls.map((invoke, i) => [`${method} #${i + 1}`, operation, invoke] as const),
  );

  it.each(rows)('%s → %s', async (_label, operation, invoke) => {
    const requests = await record(invoke);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    if (!request) return;
    const result = checkRequest(request, BASE);
    expect(result.problems, `${request.method} ${request.url.href}`).toEqual([]);
    expect(result.operation).toBe(operation);
  });
});

describe('the request checker bites', () => {
  const auth = new Headers({ Authorization: 'Bearer t' });
  const json = new Headers({ Authorization: 'Bearer t', 'Content-Type': 'application/json' });
  const req = (method: string, href: string, headers: Headers = auth, body?: string): RecordedRequest => ({
    method,
    url: new URL(href, BASE),
    headers,
    body,
  });

  it('passes a correct request (positive control)', () => {
    expect(checkRequest(req('GET', '/v4/bitlinks/bit.ly/abc/countries?unit=day&units=7&size=3'), BASE)).toEqual({
      operation: 'GET /bitlinks/{bitlink}/countries',
      problems: [],
    });
  });

  it.each([
    ['made-up path', req('GET', '/v4/bitlinks/bit.ly/abc/engagements?unit=day&units=1'), /no spec path matches/],
    ['made-up top-level path', req('GET', '/v4/stats'), /no spec path matches/],
    ['v3 path', req('GET', '/v3/link/clicks?link=x'), /outside \/v4\//],
    ['encoded slash in the bitlink', req('GET', '/v4/bitlinks/bit.ly%2Fabc/clicks?unit=day&units=1'), /encoded slash/],
    ['encoded slash, one segment', req('GET', '/v4/bitlinks/bit.ly%2Fabc'), /no spec path matches/],
    ['size on /clicks (not in the 2023 spec)', req('GET', '/v4/bitlinks/bit.ly/abc/clicks?unit=day&units=1&size=5'), /"size" is not declared/],
    ['v3 access_token parameter', req('GET', '/v4/user?access_token=x'), /"access_token" is not declared/],
    ['made-up parameter', req('GET', '/v4/groups/G1/countries?unit=day&units=1&limit=5'), /"limit" is not declared/],
    ['missing required units', req('GET', '/v4/bitlinks/bit.ly/abc/countries?unit=day'), /required query parameter "units"/],
    ['missing required unit', req('GET', '/v4/groups/G1/clicks?units=1'), /required query parameter "unit"/],
    ['unit outside the enum', req('GET', '/v4/bitlinks/bit.ly/abc/clicks?unit=year&units=1'), /query unit/],
    ['non-integer units', req('GET', '/v4/bitlinks/bit.ly/abc/clicks?unit=day&units=all'), /not a integer/],
    ['repeated parameter', req('GET', '/v4/bitlinks/bit.ly/abc/clicks?unit=day&units=1&units=2'), /repeated/],
    ['sort outside the enum', req('GET', '/v4/groups/G1/bitlinks/top'), /path \{sort\}/],
    ['traversal (resolved to /bitlinks/clicks)', req('GET', '/v4/bitlinks/bit.ly/%2E%2E/clicks?unit=day&units=1'), /no spec path matches/],
    ['wrong method', req('POST', '/v4/user'), /POST is not declared for \/user/],
    ['DELETE on a link', req('DELETE', '/v4/bitlinks/bit.ly/abc/clicks'), /DELETE is not declared/],
    ['no bearer token', req('GET', '/v4/user', new Headers()), /Authorization/],
    ['body on a GET', req('GET', '/v4/user', json, '{}'), /takes no body/],
    ['expand without a body', req('POST', '/v4/expand', json), /requires a body/],
    ['undeclared body field', req('POST', '/v4/expand', json, '{"bitlink_id":"bit.ly/abc","link":"x"}'), /body field "link"/],
    ['shorten without long_url', req('POST', '/v4/shorten', json, '{"domain":"bit.ly"}'), /long_url/],
    ['body of the wrong type', req('POST', '/v4/expand', json, '{"bitlink_id":7}'), /body: .*string/],
    ['form-encoded body', req('POST', '/v4/shorten', auth, 'long_url=x'), /content type/],
    ['another origin', req('GET', 'https://evil.example/v4/user'), /not the API base/],
  ])('rejects %s', (_label, request, problem) => {
    const { problems } = checkRequest(request, BASE);
    expect(problems.join('\n')).toMatch(problem);
  });
});

// ---------------------------------------------------------------------------------------------
// Response schemas read only fields the spec declares

type AnySchema = v.GenericSchema & {
  type: string;
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  options?: unknown[];
};

function fieldProblems(ours: AnySchema, theirs: SpecSchema, where: string): string[] {
  while (ours.wrapped && ['optional', 'nullish', 'nullable'].includes(ours.type)) ours = ours.wrapped;
  const spec = flatten(theirs);
  switch (ours.type) {
    case 'loose_object':
    case 'object': {
      if (!spec.properties) return [`${where}: the spec has no object here`];
      return Object.entries(ours.entries ?? {}).flatMap(([key, child]) => {
        const declared = spec.properties?.[key];
        return declared ? fieldProblems(child, declared, `${where}.${key}`) : [`${where}.${key}: not a field of the spec`];
      });
    }
    case 'array':
      return spec.type === 'array' && spec.items && ours.item
        ? fieldProblems(ours.item, spec.items, `${where}[]`)
        : [`${where}: the spec has no array here`];
    case 'string':
      return spec.type === 'string' ? [] : [`${where}: string here, ${spec.type} in the spec`];
    case 'number':
      return spec.type === 'integer' || spec.type === 'number' ? [] : [`${where}: number here, ${spec.type} in the spec`];
    case 'boolean':
      return spec.type === 'boolean' ? [] : [`${where}: boolean here, ${spec.type} in the spec`];
    case 'picklist': {
      if (spec.type !== 'string') return [`${where}: enum here, ${spec.type} in the spec`];
      const extra = (ours.options ?? []).filter((o) => spec.enum && !spec.enum.includes(o));
      return extra.length ? [`${where}: ${extra.join(', ')} not in the spec's enum`] : [];
    }
    default:
      return [`${where}: unchecked schema type ${ours.type}`];
  }
}

describe('response schemas match the spec field names', () => {
  const SPEC_NAMES: [keyof typeof schemas, string][] = [
    ['UserSchema', 'User'],
    ['GroupsSchema', 'Groups'],
    ['GroupSchema', 'Group'],
    ['GroupPreferencesSchema', 'GroupPreferences'],
    ['OrganizationsSchema', 'Organizations'],
    ['BsdsSchema', 'BSDsResponse'],
    ['ExpandedBitlinkSchema', 'ExpandedBitlink'],
    ['BitlinkSchema', 'BitlinkBody'],
    ['ClicksSchema', 'Clicks'],
    ['ClicksSummarySchema', 'ClicksSummary'],
    ['ClickMetricsSchema', 'ClickMetrics'],
    ['CityMetricsSchema', 'CityMetrics'],
    ['DeviceMetricsSchema', 'DeviceMetrics'],
    ['ReferrersByDomainsSchema', 'ReferrersByDomains'],
    ['FullQRCodeSchema', 'FullQRCode'],
    ['GroupClicksSchema', 'GroupClicks'],
    ['ShortenCountsSchema', 'Metrics'],
    ['SortedLinksSchema', 'SortedLinks'],
    ['GroupBitlinksSchema', 'Bitlinks'],
    ['ShortenedBitlinkSchema', 'ShortenBitlinkBody'],
    ['ErrorBodySchema', 'Error'],
    ['TimeUnitSchema', 'TimeUnit'],
  ];

  it.each(SPEC_NAMES)('%s ⊆ %s', (ours, theirs) => {
    const specSchema = spec.components.schemas[theirs];
    expect(specSchema, theirs).toBeDefined();
    expect(fieldProblems(schemas[ours] as unknown as AnySchema, specSchema ?? {}, theirs)).toEqual([]);
  });

  it('bites on a misspelt field and a wrong type', async () => {
    const v = await import('valibot');
    const misspelt = v.looseObject({ total_click: v.number() });
    const wrongType = v.looseObject({ total_clicks: v.string() });
    const clicksSummary = spec.components.schemas.ClicksSummary ?? {};
    expect(fieldProblems(misspelt as unknown as AnySchema, clicksSummary, 'x')).toEqual(['x.total_click: not a field of the spec']);
    expect(fieldProblems(wrongType as unknown as AnySchema, clicksSummary, 'x')).toEqual(['x.total_clicks: string here, integer in the spec']);
  });
});
