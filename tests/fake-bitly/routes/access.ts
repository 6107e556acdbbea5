/** Who may see what: the owned-link rule, and groups/organizations scoped to the token's account. */
import type { GroupRecord, LinkRecord, OrganizationRecord } from '../data';
import { apiErrors } from '../errors';
import type { RequestContext } from './context';

/** The bitlink id from the `:domain/:hash` path params (host lower-cased, hash kept as is). */
export function bitlinkIdOf(ctx: RequestContext): string {
  return `${(ctx.params.domain ?? '').toLowerCase()}/${ctx.params.hash ?? ''}`;
}

/**
 * A link the account may read metrics for. Missing → 404, another account's → 403,
 * deleted → 410.
 */
export function ownedLink(ctx: RequestContext): LinkRecord {
  const link = ctx.store.get(bitlinkIdOf(ctx));
  if (!link) throw apiErrors.notFound(ctx.resource);
  if (link.owner !== ctx.account.key) throw apiErrors.forbidden(ctx.resource);
  if (link.deleted) throw apiErrors.gone(ctx.resource);
  return link;
}

/** A group of the account; any other guid (another account's, or none at all) → 403. */
export function ownGroup(ctx: RequestContext, guid = ctx.params.group_guid ?? ''): GroupRecord {
  const group = ctx.account.groups.find((g) => g.guid === guid);
  if (!group) throw apiErrors.forbidden(ctx.resource);
  return group;
}

export function ownOrganization(ctx: RequestContext, guid = ctx.params.organization_guid ?? ''): OrganizationRecord {
  if (ctx.account.organization.guid !== guid) throw apiErrors.forbidden(ctx.resource);
  return ctx.account.organization;
}

/** Plan gate for premium metrics (cities, devices, group clicks). */
export function requirePremium(ctx: RequestContext): void {
  if (!ctx.account.premiumMetrics) throw apiErrors.upgradeRequired(ctx.resource);
}
