/** GET /v4/groups/{guid}/bitlinks (search, paginated) and /v4/groups/{guid}/bitlinks/{sort}. */
import { linkTotal } from '../click-series';
import type { LinkRecord } from '../data';
import { apiErrors } from '../errors';
import { bitlinkBody } from './bodies';
import { ownGroup } from './access';
import { type RequestContext, type Route, ok } from './context';
import { parseSize, parseWindow } from './metrics-query';

/** Opaque cursor (hex) naming the last link of a page: its creation time and id. */
function encodeCursor(link: LinkRecord): string {
  return Buffer.from(`${link.createdMs}:${link.id}`, 'utf8').toString('hex');
}

function decodeCursor(ctx: RequestContext, text: string): { createdMs: number; id: string } {
  const decoded = /^[0-9a-f]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex').toString('utf8') : '';
  const m = /^(\d+):(.+)$/.exec(decoded);
  if (!m) throw apiErrors.invalidArg(ctx.resource, 'search_after');
  return { createdMs: Number(m[1]), id: m[2] ?? '' };
}

/** Newest first, then by id: the order `groupLinks` returns, so "after" is well defined. */
const isAfter = (link: LinkRecord, cursor: { createdMs: number; id: string }): boolean =>
  link.createdMs < cursor.createdMs || (link.createdMs === cursor.createdMs && link.id > cursor.id);

function epochSeconds(ctx: RequestContext, name: string): number | undefined {
  const text = ctx.query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^\d+$/.test(text)) throw apiErrors.invalidArg(ctx.resource, name);
  return Number(text) * 1000;
}

function search(ctx: RequestContext) {
  const group = ownGroup(ctx);
  const size = parseSize(ctx);
  const q = ctx.query;
  const text = (q.get('query') ?? '').toLowerCase();
  const before = epochSeconds(ctx, 'created_before');
  const after = epochSeconds(ctx, 'created_after');
  const archived = q.get('archived') ?? 'off';
  if (!['on', 'off', 'both'].includes(archived)) throw apiErrors.invalidArg(ctx.resource, 'archived');
  const tags = q.getAll('tags');
  const logins = q.getAll('encoding_login');
  const cursorText = q.get('search_after');
  const cursor = cursorText ? decodeCursor(ctx, cursorText) : undefined;

  const matching = ctx.store.groupLinks(group.guid).filter(
    (l) =>
      archived !== 'on' && // no stand-in link is archived
      (text === '' || l.long_url.toLowerCase().includes(text) || l.title.toLowerCase().includes(text)) &&
      (before === undefined || l.createdMs < before) &&
      (after === undefined || l.createdMs > after) &&
      (tags.length === 0 || l.tags.some((t) => tags.includes(t))) &&
      (logins.length === 0 || logins.includes(l.created_by)),
  );
  const rest = cursor ? matching.filter((l) => isAfter(l, cursor)) : matching;
  const page = rest.slice(0, size);
  const last = page[page.length - 1];
  const more = rest.length > size && last !== undefined;
  let next = '';
  if (more) {
    const params = new URLSearchParams(q);
    params.set('search_after', encodeCursor(last));
    next = `${ctx.origin}/v4/groups/${group.guid}/bitlinks?${params.toString()}`;
  }
  return ok({
    links: page.map(bitlinkBody),
    pagination: { next, search_after: more ? encodeCursor(last) : '', size },
  });
}

function sorted(ctx: RequestContext) {
  const group = ownGroup(ctx);
  if (ctx.params.sort !== 'clicks') throw apiErrors.notFound(ctx.resource);
  const window = parseWindow(ctx);
  const size = parseSize(ctx);
  const ranked = ctx.store
    .groupLinks(group.guid)
    .map((link) => ({ link, clicks: linkTotal(link, window.buckets, window.unit) }))
    .filter((r) => r.clicks > 0)
    .sort((a, b) => b.clicks - a.clicks || (a.link.id < b.link.id ? -1 : 1))
    .slice(0, size);
  return ok({
    links: ranked.map((r) => bitlinkBody(r.link)),
    sorted_links: ranked.map((r) => ({ clicks: r.clicks, id: r.link.id })),
  });
}

export const groupLinkRoutes: Route[] = [
  { method: 'GET', pattern: '/groups/:group_guid/bitlinks', operation: 'GET /groups/{group_guid}/bitlinks', handler: search },
  { method: 'GET', pattern: '/groups/:group_guid/bitlinks/:sort', operation: 'GET /groups/{group_guid}/bitlinks/{sort}', handler: sorted },
];
