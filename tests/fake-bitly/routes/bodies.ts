/** JSON bodies in the shapes of v4.json's schemas (User, Group, Organization, BitlinkBody, ...). */
import { type AccountRecord, BITLY_API_ORIGIN, type GroupRecord, type LinkRecord, type OrganizationRecord } from '../data';

export function userBody(account: AccountRecord) {
  return {
    login: account.login,
    name: account.name,
    is_active: true,
    created: account.created,
    modified: account.modified,
    is_sso_user: false,
    emails: [{ email: account.email, is_primary: true, is_verified: true }],
    is_2fa_enabled: account.is_2fa_enabled,
    default_group_guid: account.groups[0]?.guid ?? '',
  };
}

export function groupBody(group: GroupRecord) {
  return {
    references: { organization: `${BITLY_API_ORIGIN}/v4/organizations/${group.organization_guid}` },
    name: group.name,
    guid: group.guid,
    created: group.created,
    modified: group.modified,
    is_active: group.is_active,
    role: group.role,
    organization_guid: group.organization_guid,
    bsds: [...group.bsds],
  };
}

/** A group's preferences: its default short domain is its first branded domain, else bit.ly. */
export function groupPreferencesBody(group: GroupRecord) {
  return { group_guid: group.guid, domain_preference: group.bsds[0] ?? 'bit.ly' };
}

export function organizationBody(org: OrganizationRecord) {
  return {
    references: { groups: `${BITLY_API_ORIGIN}/v4/groups?organization_guid=${org.guid}` },
    name: org.name,
    is_active: org.is_active,
    guid: org.guid,
    tier: org.tier,
    tier_family: org.tier_family,
    tier_display_name: org.tier_display_name,
    role: org.role,
    created: org.created,
    modified: org.modified,
    bsds: [...org.bsds],
  };
}

export function expandedBody(link: LinkRecord) {
  return { created_at: link.created_at, link: link.link, id: link.id, long_url: link.long_url };
}

export function bitlinkBody(link: LinkRecord) {
  return {
    references: { group: `${BITLY_API_ORIGIN}/v4/groups/${link.group_guid}` },
    link: link.link,
    id: link.id,
    long_url: link.long_url,
    title: link.title,
    archived: false,
    created_at: link.created_at,
    created_by: link.created_by,
    client_id: link.client_id,
    custom_bitlinks: [] as string[],
    tags: [...link.tags],
    launchpad_ids: [] as string[],
    deeplinks: [] as unknown[],
    is_deleted: link.deleted,
    campaign_ids: [] as string[],
  };
}

export function shortenBody(link: LinkRecord) {
  return {
    references: { group: `${BITLY_API_ORIGIN}/v4/groups/${link.group_guid}` },
    link: link.link,
    id: link.id,
    long_url: link.long_url,
    archived: false,
    created_at: link.created_at,
    custom_bitlinks: [] as string[],
    tags: [...link.tags],
    deeplinks: [] as unknown[],
  };
}
