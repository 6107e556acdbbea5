/** GET /v4/user, /v4/groups, /v4/groups/{guid}, /v4/groups/{guid}/preferences, /v4/organizations, /v4/bsds. */
import { groupBody, groupPreferencesBody, organizationBody, userBody } from './bodies';
import { ownGroup, ownOrganization } from './access';
import { type Route, ok } from './context';

export const accountRoutes: Route[] = [
  { method: 'GET', pattern: '/user', operation: 'GET /user', handler: (ctx) => ok(userBody(ctx.account)) },
  {
    method: 'GET',
    pattern: '/groups',
    operation: 'GET /groups',
    handler: (ctx) => {
      const orgGuid = ctx.query.get('organization_guid');
      if (orgGuid) ownOrganization(ctx, orgGuid);
      return ok({ groups: ctx.account.groups.map(groupBody) });
    },
  },
  { method: 'GET', pattern: '/groups/:group_guid', operation: 'GET /groups/{group_guid}', handler: (ctx) => ok(groupBody(ownGroup(ctx))) },
  {
    method: 'GET',
    pattern: '/groups/:group_guid/preferences',
    operation: 'GET /groups/{group_guid}/preferences',
    handler: (ctx) => ok(groupPreferencesBody(ownGroup(ctx))),
  },
  {
    method: 'GET',
    pattern: '/organizations',
    operation: 'GET /organizations',
    handler: (ctx) => ok({ organizations: [organizationBody(ctx.account.organization)] }),
  },
  { method: 'GET', pattern: '/bsds', operation: 'GET /bsds', handler: (ctx) => ok({ bsds: [...ctx.account.bsds] }) },
];
