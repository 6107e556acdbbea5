/** POST /v4/expand, GET /v4/bitlinks/{bitlink}, POST /v4/shorten. */
import { ACCOUNTS, BITLY_DOMAINS } from '../data';
import { apiErrors } from '../errors';
import { bitlinkBody, expandedBody, shortenBody } from './bodies';
import { ownGroup, ownedLink } from './access';
import { type RequestContext, type Route, ok } from './context';

/** The JSON object a POST carries; anything else is 422 UNPROCESSABLE_ENTITY. */
function jsonObject(ctx: RequestContext): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(ctx.rawBody);
  } catch {
    throw apiErrors.unprocessable(ctx.resource, 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw apiErrors.unprocessable(ctx.resource, 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function expand(ctx: RequestContext) {
  const { bitlink_id: id } = jsonObject(ctx);
  if (id === undefined || id === '') throw apiErrors.invalidArg(ctx.resource, 'bitlink_id', 'missing');
  if (typeof id !== 'string') throw apiErrors.invalidArg(ctx.resource, 'bitlink_id', 'invalid');
  // Like Bitly: an id with a scheme (https://bit.ly/...) is simply not found.
  const slash = id.indexOf('/');
  const normalised = slash < 0 ? id : `${id.slice(0, slash).toLowerCase()}${id.slice(slash)}`;
  const link = ctx.store.get(normalised);
  if (!link) throw apiErrors.notFound(ctx.resource);
  if (link.deleted) throw apiErrors.gone(ctx.resource);
  return ok(expandedBody(link));
}

/** Short domains nobody may shorten a URL on again: Bitly's own and every branded domain. */
const SHORT_DOMAINS = new Set([...BITLY_DOMAINS, ...Object.values(ACCOUNTS).flatMap((a) => a.bsds)]);

function normaliseLongUrl(ctx: RequestContext, value: unknown): URL {
  if (value === undefined || value === null || value === '') throw apiErrors.invalidArg(ctx.resource, 'long_url', 'missing');
  if (typeof value !== 'string') throw apiErrors.invalidArg(ctx.resource, 'long_url', 'invalid');
  const text = value.trim();
  const candidates = /^[a-z][a-z0-9+.-]*:/i.test(text) ? [text] : [`http://${text}`];
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')) return url;
    } catch {
      // fall through to the error below
    }
  }
  throw apiErrors.invalidArg(ctx.resource, 'long_url', 'invalid');
}

function shorten(ctx: RequestContext) {
  const body = jsonObject(ctx);
  const url = normaliseLongUrl(ctx, body.long_url);
  if (SHORT_DOMAINS.has(url.hostname)) throw apiErrors.alreadyABitlyLink(ctx.resource);

  const domainValue = body.domain ?? 'bit.ly';
  if (typeof domainValue !== 'string') throw apiErrors.invalidArg(ctx.resource, 'domain');
  const domain = domainValue.toLowerCase();
  if (domain !== 'bit.ly' && domain !== 'j.mp' && !ctx.account.bsds.includes(domain)) throw apiErrors.invalidArg(ctx.resource, 'domain');

  const groupValue = body.group_guid ?? ctx.account.groups[0]?.guid;
  if (typeof groupValue !== 'string') throw apiErrors.invalidArg(ctx.resource, 'group_guid');
  const group = ownGroup(ctx, groupValue);

  const existing = ctx.store.findOwned(ctx.account, domain, url.href);
  if (existing) return ok(shortenBody(existing), 200);
  return ok(shortenBody(ctx.store.create(ctx.account, group.guid, domain, url.href, ctx.now)), 201);
}

export const bitlinkRoutes: Route[] = [
  { method: 'POST', pattern: '/expand', operation: 'POST /expand', handler: expand },
  { method: 'GET', pattern: '/bitlinks/:domain/:hash', operation: 'GET /bitlinks/{bitlink}', handler: (ctx) => ok(bitlinkBody(ownedLink(ctx))) },
  { method: 'POST', pattern: '/shorten', operation: 'POST /shorten', handler: shorten },
];
