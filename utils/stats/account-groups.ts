/**
 * The account's groups as a cached facet of the account (the settings' group choice and the
 * overview's group picker): fetched with `GET /v4/groups` through the scheduler, kept per login
 * like every account facet, fresh for the configured lifetime, then answered stale while one
 * refresh runs (stats-service.ts). Only guid and name are kept: that is all a picker shows.
 */
import type { GroupList } from '../messaging/protocol';
import type { FacetDef } from './facets';

/** The name the cache key and the pushes use, as target and as facet. */
export const GROUPS_FACET = 'groups';

export const ACCOUNT_GROUPS: FacetDef<string, GroupList> = {
  fetch: async (client, _target, _q, o) => (await client.getGroups(undefined, o)).groups.map(({ guid, name }) => ({ guid, name })),
  windowed: false,
  lifetime: 'numbers',
};
