/**
 * Signing in and out: a pasted token is checked against Bitly (`GET /v4/user`, then the default
 * group and its organization for display) before it replaces the stored one. Every call goes
 * through the scheduler (scheduled-bitly.ts). The account's groups for the pickers are cached by
 * the stats service (utils/stats/account-groups.ts).
 */
import { BitlyError } from '../bitly/errors';
import type { AccountState, AccountSummary, SaveTokenReply, TokenProblem } from '../messaging/protocol';
import { RateLimitedError } from '../scheduler/request-scheduler';
import type { ScheduledBitly, ScheduledBitlyClient } from '../scheduler/scheduled-bitly';
import type { CredentialStore } from './storage';

export interface AccountServiceDeps {
  bitly: Pick<ScheduledBitly, 'forToken'>;
  /** The token and its account, stored together in one write (storage.ts). */
  credentials: CredentialStore;
  /** Called after sign-out or a token change, so nothing of the old account stays cached. */
  onAccountChanged?(): Promise<void>;
}

/** The person waits for the check they asked for: it goes before hovers' numbers. */
const SIGN_IN = { priority: 'interactive' } as const;

export function createAccountService({ bitly, credentials, onAccountChanged }: AccountServiceDeps) {
  async function describeAccount(client: ScheduledBitlyClient): Promise<AccountSummary> {
    const user = await client.getUser(SIGN_IN);
    // The group and organization names are for display only: the token is good without them.
    const [groups, organizations] = await Promise.allSettled([client.getGroups(undefined, SIGN_IN), client.getOrganizations(SIGN_IN)]);
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
      const stored = await credentials.read();
      return stored ? { signedIn: true, account: stored.account } : { signedIn: false };
    },

    async saveToken(raw: string): Promise<SaveTokenReply> {
      const token = raw.trim();
      if (!token) return { ok: false, problem: 'empty' };
      let account: AccountSummary;
      try {
        account = await describeAccount(bitly.forToken(token));
      } catch (error) {
        return { ok: false, problem: tokenProblemOf(error) };
      }
      const previous = await credentials.read();
      // One write: a worker stopped here leaves the old pair or the new one, never a mix.
      await credentials.write({ token, account });
      if (previous?.token !== token || previous.account.login !== account.login) await onAccountChanged?.();
      return { ok: true, account };
    },

    async signOut(): Promise<AccountState> {
      await credentials.write(null);
      await onAccountChanged?.();
      return { signedIn: false };
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;

export function tokenProblemOf(error: unknown): Exclude<TokenProblem, 'empty'> {
  // The scheduler answers a rate limit it will not wait out with its own error.
  if (error instanceof RateLimitedError) return 'rate-limited';
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
