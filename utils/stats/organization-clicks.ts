/**
 * The legacy `organization/clicks` (ENDPOINTS.md §7): v4 has no organization click endpoint, so
 * the organization's clicks are its groups' clicks (`GET /v4/groups?organization_guid=…`, then
 * `GET /v4/groups/{guid}/clicks` for each) added up bucket by bucket.
 */
import type { FacetQuery } from '../bitly/client';
import type { Group, GroupClicks } from '../bitly/schemas';
import type { ScheduledBitlyClient, ScheduledOptions } from '../scheduler/scheduled-bitly';

/** The organization's series (the shape of a group's), and each group's total for the window. */
export type OrganizationClicks = GroupClicks & {
  groups: Array<{ guid: string; name: string; clicks: number }>;
};

/** Adds up the groups' series by bucket (newest first, as Bitly lists them). */
export function sumGroupClicks(perGroup: ReadonlyArray<{ group: Pick<Group, 'guid' | 'name'>; clicks: GroupClicks }>, query: FacetQuery): OrganizationClicks {
  const buckets = new Map<string, number>();
  for (const { clicks } of perGroup) for (const row of clicks.data) buckets.set(row.ts, (buckets.get(row.ts) ?? 0) + row.count);
  const first = perGroup[0]?.clicks;
  return {
    unit: first?.unit ?? query.unit,
    units: first?.units ?? query.units,
    ...(first?.unit_reference !== undefined ? { unit_reference: first.unit_reference } : {}),
    data: [...buckets].map(([ts, count]) => ({ ts, count })).sort((a, b) => (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : 0)),
    groups: perGroup
      .map(({ group, clicks }) => ({ guid: group.guid, name: group.name, clicks: clicks.data.reduce((sum, row) => sum + row.count, 0) }))
      .sort((a, b) => b.clicks - a.clicks),
  };
}

/** Every call through the scheduled client: the group list, then each group's clicks. */
export async function fetchOrganizationClicks(client: ScheduledBitlyClient, organizationGuid: string, query: FacetQuery, options: ScheduledOptions): Promise<OrganizationClicks> {
  const { groups } = await client.getGroups(organizationGuid, options);
  // `GET /v4/groups` may list groups of the user's other organizations too.
  const own = groups.filter((group) => group.organization_guid === organizationGuid && group.is_active !== false);
  const perGroup = await Promise.all(own.map(async (group) => ({ group, clicks: await client.getGroupClicks(group.guid, query, options) })));
  return sumGroupClicks(perGroup, query);
}
