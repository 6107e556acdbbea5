/**
 * Signing in and out: a pasted token is checked against Bitly (`GET /v4/user`, then the default
 * group and its organization for display) before it replaces the stored one.
 */
import { BitlyError } from '../bitly/errors';
import type { BitlyClient } from '../bitly/client';
import type { AccountState, AccountSummary, SaveTokenReply, TokenProblem } from '../messaging/protocol';
import { accountItem, tokenItem } from './storage';

export interface AccountServiceDeps {
  clientFor(token: string): BitlyClient;
  /** Called after sign-out or a token change, so nothing of the old account stays cached. */
  onAccountChanged?(): Promise<void>;
}

export function createAccountService({ clientFor, onAccountChanged }: AccountServiceDeps) {
  async function describeAccount(client: BitlyClient): Promise<AccountSummary> {
    const user = await client.getUser();
    // The group and organization names are for display only: the token is good without them.
    const [groups, organizations] = await Promise.allSettled([client.getGroups(), client.getOrganizations()]);
    const group = groups.status === 'fulfilled' ? groups.value.groups.find((g) => g.guid === user.default_group_guid) : undefined;
    const organization =
      organizations.status === 'fulfilled'
        ? organizations.value.organizations.find((o) => o.guid === group?.organization_guid) ?? organizations.value.organizations[0]
        : undefined;
    return {
      login: user.login,
      name: user.name ?? null,
      defaultGroup: { guid: user.default_group_guid, name: group?.name ?? null },
      organization: organization
        ? { guid: organization.guid, name: organization.name, tierName: organization.tier_display_name ?? organization.tier }
        : null,
    };
  }

  return {
    async getState(): Promise<AccountState> {
      const [token, account] = await Promise.all([tokenItem.getValue(), accountItem.getValue()]);
      return token && account ? { signedIn: true, account } : { signedIn: false };
    },

    async saveToken(raw: string): Promise<SaveTokenReply> {
      const token = raw.trim();
      if (!token) return { ok: false, problem: 'empty' };
      let account: AccountSummary;
      try {
        account = await describeAccount(clientFor(token));
      } catch (error) {
        return { ok: false, problem: tokenProblemOf(error) };
      }
      const previous = await tokenItem.getValue();
      await Promise.all([tokenItem.setValue(token), accountItem.setValue(account)]);
      if (previous !== token) await onAccountChanged?.();
      return { ok: true, account };
    },

    async signOut(): Promise<AccountState> {
      await Promise.all([tokenItem.removeValue(), accountItem.removeValue()]);
      await onAccountChanged?.();
      return { signedIn: false };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;

export function tokenProblemOf(error: unknown): Exclude<TokenProblem, 'empty'> {
  if (!(error instanceof BitlyError)) return 'unreachable';
  switch (error.kind) {
    case 'token-rejected':
    case 'not-in-account':
      return 'token-rejected';
    case 'network':
    case 'timeout':
      return 'unreachable';
    case 'rate-limited':
      return 'rate-limited';
    default:
      return 'server-error';
  }
}
