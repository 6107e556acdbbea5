import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BitlyError, type BitlyErrorKind } from '../bitly/errors';
import type { BitlyRequest } from '../bitly/transport';
import type { SchedulerOptions } from '../scheduler/request-scheduler';
import { manualClock, scriptedBitly, settle, type ScriptedAnswer } from '../scheduler/scheduled-bitly-fixture';
import { createAccountService } from './account-service';
import { createCredentialStore, trustedLocalBackend, type CredentialStore } from './storage';

const user = { login: 'paula', name: 'Paula Paid', default_group_guid: 'Bg1' };
const groups = {
  groups: [
    { guid: 'Bg0', name: 'Other', organization_guid: 'Oa0' },
    { guid: 'Bg1', name: 'Marketing', organization_guid: 'Oa1' },
  ],
};
const organizations = { organizations: [{ guid: 'Oa1', name: 'Acme', tier: 'enterprise', tier_display_name: 'Enterprise' }] };

type Answers = Partial<Record<'getUser' | 'getGroups' | 'getOrganizations' | 'getBsds', ScriptedAnswer>>;

/** Bitly's answers for every token (through the real scheduler); `answers` replaces some. */
function setup(answers: Answers = {}, scheduler: SchedulerOptions = {}) {
  const { bitly, script } = scriptedBitly(
    () => ({
      getUser: vi.fn(answers.getUser ?? (async (_request: BitlyRequest) => user)),
      getGroups: vi.fn(answers.getGroups ?? (async (_request: BitlyRequest) => groups)),
      getOrganizations: vi.fn(answers.getOrganizations ?? (async (_request: BitlyRequest) => organizations)),
      getBsds: vi.fn(answers.getBsds ?? (async (_request: BitlyRequest) => ({ bsds: [] }))),
    }),
    scheduler,
  );
  const onAccountChanged = vi.fn(async () => {});
  return { bitly, script, onAccountChanged, service: createAccountService({ bitly, credentials, onAccountChanged }) };
}

const failing = (kind: BitlyErrorKind) => async () => Promise.reject(new BitlyError(kind, { status: 403 }));

let credentials: CredentialStore;
const storedToken = async () => (await credentials.read())?.token ?? null;

beforeEach(() => {
  fakeBrowser.reset();
  credentials = createCredentialStore(trustedLocalBackend(fakeBrowser.storage.local, async () => {}), fakeBrowser.storage.local);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('account service', () => {
  it('checks a token with Bitly, stores it trimmed, and describes the account', async () => {
    const { service, script, onAccountChanged } = setup();
    const reply = await service.saveToken('  tok-123 \n');
    expect(script('tok-123').getUser).toHaveBeenCalledTimes(1);
    expect(reply).toEqual({
      ok: true,
      account: {
        login: 'paula',
        name: 'Paula Paid',
        defaultGroup: { guid: 'Bg1', name: 'Marketing' },
        organization: { guid: 'Oa1', name: 'Acme', tierName: 'Enterprise' },
      },
    });
    expect(await storedToken()).toBe('tok-123');
    expect(await service.getState()).toEqual({ signedIn: true, account: (reply as { account: unknown }).account });
    expect(onAccountChanged).toHaveBeenCalledTimes(1);
  });

  it('stores the new token and its account in one storage write (a stopped worker cannot mix them)', async () => {
    const { service } = setup();
    await service.saveToken('tok-a');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await service.saveToken('tok-b');
    expect(set).toHaveBeenCalledTimes(1);
    expect(set.mock.calls[0]![0]).toEqual({ credentials: { token: 'tok-b', account: expect.objectContaining({ login: 'paula' }) } });
    set.mockRestore();
  });

  it.each(['', '   ', '\n\t'])('refuses an empty token (%j) without asking Bitly', async (raw) => {
    const { service, script } = setup();
    expect(await service.saveToken(raw)).toEqual({ ok: false, problem: 'empty' });
    expect(script(raw.trim()).getUser).not.toHaveBeenCalled();
  });

  it.each<[BitlyErrorKind, string]>([
    ['token-rejected', 'token-rejected'],
    ['network', 'unreachable'],
    ['timeout', 'unreachable'],
    ['rate-limited', 'rate-limited'],
    ['server', 'server-error'],
    ['malformed', 'server-error'],
  ])('a %s failure is reported as %s and keeps the saved token', async (kind, problem) => {
    vi.useFakeTimers();
    await credentials.write({ token: 'old-token', account: { login: 'old', name: null, defaultGroup: { guid: 'Bg9', name: null }, organization: null } });
    const { service, onAccountChanged } = setup({ getUser: failing(kind) });
    const reply = service.saveToken('new-token');
    // Like every Bitly call: retried, or a rate-limit pause waited out, before giving up.
    await vi.runAllTimersAsync();
    expect(await reply).toEqual({ ok: false, problem });
    expect(await storedToken()).toBe('old-token');
    expect(onAccountChanged).not.toHaveBeenCalled();
  });

  it('still signs in when the group and organization names cannot be read', async () => {
    vi.useFakeTimers();
    const { service } = setup({ getGroups: failing('server'), getOrganizations: failing('server') });
    const reply = service.saveToken('tok');
    await vi.runAllTimersAsync();
    expect(await reply).toMatchObject({ ok: true, account: { defaultGroup: { guid: 'Bg1', name: null }, organization: null } });
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
    expect(await credentials.read()).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await service.getState()).toEqual({ signedIn: false });
    expect(onAccountChanged).toHaveBeenCalledTimes(2);
  });
});

describe('account service: every call through the scheduler', () => {
  it('the sign-in check (/v4/user) waits out a rate-limit pause another request met', async () => {
    const clock = manualClock();
    const { service, bitly, script } = setup({}, { now: clock.now, setTimer: clock.setTimer });
    // Another account's request meets a 429: every request pauses 2 s.
    script('tok-other').getBsds.mockRejectedValueOnce(new BitlyError('rate-limited', { status: 429 }));
    void bitly.forToken('tok-other').getBsds();
    await settle();

    const reply = service.saveToken('tok-new');
    await settle();
    expect(script('tok-new').getUser).not.toHaveBeenCalled();
    await clock.advance(1_999);
    expect(script('tok-new').getUser).not.toHaveBeenCalled();
    await clock.advance(1);
    expect(script('tok-new').getUser).toHaveBeenCalledTimes(1);
    expect(await reply).toMatchObject({ ok: true, account: { login: 'paula' } });
  });

  it('the sign-in check goes before requests already waiting', async () => {
    const { service, bitly, script } = setup({}, { maxInFlight: 1 });
    const order: string[] = [];
    let release!: () => void;
    const busy = script('tok-other');
    busy.getBsds.mockImplementation(() => new Promise((resolve) => (release = () => resolve({ bsds: [] }))));
    busy.getOrganizations.mockImplementation(async () => {
      order.push('waiting request');
      return organizations;
    });
    script('tok-new').getUser.mockImplementation(async () => {
      order.push('sign-in check');
      return user;
    });
    void bitly.forToken('tok-other').getBsds();
    void bitly.forToken('tok-other').getOrganizations({ priority: 'normal' });
    const reply = service.saveToken('tok-new');
    await settle();
    release();
    await reply;
    expect(order.slice(0, 2)).toEqual(['sign-in check', 'waiting request']);
  });
});
