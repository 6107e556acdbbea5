import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BitlyError, type BitlyErrorKind } from '../bitly/errors';
import type { BitlyClient } from '../bitly/client';
import { createAccountService } from './account-service';
import { accountItem, tokenItem } from './storage';

const user = { login: 'paula', name: 'Paula Paid', default_group_guid: 'Bg1' };
const groups = { groups: [{ guid: 'Bg0', name: 'Other' }, { guid: 'Bg1', name: 'Marketing', organization_guid: 'Oa1' }] };
const organizations = { organizations: [{ guid: 'Oa1', name: 'Acme', tier: 'enterprise', tier_display_name: 'Enterprise' }] };

function fakeClient(overrides: Partial<Record<'getUser' | 'getGroups' | 'getOrganizations', () => Promise<unknown>>> = {}) {
  return {
    getUser: vi.fn(overrides.getUser ?? (async () => user)),
    getGroups: vi.fn(overrides.getGroups ?? (async () => groups)),
    getOrganizations: vi.fn(overrides.getOrganizations ?? (async () => organizations)),
  } as unknown as BitlyClient;
}

function setup(client = fakeClient()) {
  const clientFor = vi.fn(() => client);
  const onAccountChanged = vi.fn(async () => {});
  return { client, clientFor, onAccountChanged, service: createAccountService({ clientFor, onAccountChanged }) };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('account service', () => {
  it('checks a token with Bitly, stores it trimmed, and describes the account', async () => {
    const { service, clientFor, onAccountChanged } = setup();
    const reply = await service.saveToken('  tok-123 \n');
    expect(clientFor).toHaveBeenCalledWith('tok-123');
    expect(reply).toEqual({
      ok: true,
      account: {
        login: 'paula',
        name: 'Paula Paid',
        defaultGroup: { guid: 'Bg1', name: 'Marketing' },
        organization: { guid: 'Oa1', name: 'Acme', tierName: 'Enterprise' },
      },
    });
    expect(await tokenItem.getValue()).toBe('tok-123');
    expect(await service.getState()).toEqual({ signedIn: true, account: (reply as { account: unknown }).account });
    expect(onAccountChanged).toHaveBeenCalledTimes(1);
  });

  it.each(['', '   ', '\n\t'])('refuses an empty token (%j) without asking Bitly', async (raw) => {
    const { service, clientFor } = setup();
    expect(await service.saveToken(raw)).toEqual({ ok: false, problem: 'empty' });
    expect(clientFor).not.toHaveBeenCalled();
  });

  it.each<[BitlyErrorKind, string]>([
    ['token-rejected', 'token-rejected'],
    ['network', 'unreachable'],
    ['timeout', 'unreachable'],
    ['rate-limited', 'rate-limited'],
    ['server', 'server-error'],
    ['malformed', 'server-error'],
  ])('a %s failure is reported as %s and keeps the saved token', async (kind, problem) => {
    await tokenItem.setValue('old-token');
    const { service, onAccountChanged } = setup(fakeClient({ getUser: async () => Promise.reject(new BitlyError(kind, { status: 403 })) }));
    expect(await service.saveToken('new-token')).toEqual({ ok: false, problem });
    expect(await tokenItem.getValue()).toBe('old-token');
    expect(onAccountChanged).not.toHaveBeenCalled();
  });

  it('still signs in when the group and organization names cannot be read', async () => {
    const failing = async () => Promise.reject(new BitlyError('server', { status: 503 }));
    const { service } = setup(fakeClient({ getGroups: failing, getOrganizations: failing }));
    const reply = await service.saveToken('tok');
    expect(reply).toMatchObject({ ok: true, account: { defaultGroup: { guid: 'Bg1', name: null }, organization: null } });
  });

  it('saving the same token again does not count as an account change', async () => {
    const { service, onAccountChanged } = setup();
    await service.saveToken('tok');
    await service.saveToken('tok');
    expect(onAccountChanged).toHaveBeenCalledTimes(1);
  });

  it('sign out removes the token and the account and reports the change', async () => {
    const { service, onAccountChanged } = setup();
    await service.saveToken('tok');
    expect(await service.signOut()).toEqual({ signedIn: false });
    expect(await tokenItem.getValue()).toBeNull();
    expect(await accountItem.getValue()).toBeNull();
    expect(await service.getState()).toEqual({ signedIn: false });
    expect(onAccountChanged).toHaveBeenCalledTimes(2);
  });
});
