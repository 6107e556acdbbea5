import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAccountService } from '../account/account-service';
import { createCredentialStore, trustedLocalBackend, type CredentialStore } from '../account/storage';
import { BitlyError, type BitlyErrorKind } from '../bitly/errors';
import type { BitlyRequest } from '../bitly/transport';
import { CACHE_PREFIX, StatsCache } from '../cache/stats-cache';
import { scriptedBitly } from '../scheduler/scheduled-bitly-fixture';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { rememberedPlanGates } from './plan-gates';
import { createStatsService } from './stats-service';

/** Bitly's groups of each sample token's account (the token names the login). */
const groupsOf = (login: string) => ({
  groups: [
    { guid: `B${login}1`, name: `${login} main`, organization_guid: 'Oa1', role: 'org-admin' },
    { guid: `B${login}2`, name: `${login} campaigns`, organization_guid: 'Oa1' },
  ],
});
const listOf = (login: string) => groupsOf(login).groups.map(({ guid, name }) => ({ guid, name }));
const LIFETIME_MS = DEFAULT_SETTINGS.cacheLifetimeMinutes * 60_000;

let credentials: CredentialStore;

/** The background's wiring: the stats service reads the stored account; a sign-out empties the cache. */
function setup() {
  const { bitly, script } = scriptedBitly((token) => {
    const login = token.slice(4);
    return {
      getUser: vi.fn(async (_request: BitlyRequest) => ({ login, name: login, default_group_guid: `B${login}1` })),
      getGroups: vi.fn(async (_request: BitlyRequest) => groupsOf(login)),
      getOrganizations: vi.fn(async (_request: BitlyRequest) => ({ organizations: [] })),
    };
  });
  const cache = new StatsCache({ area: fakeBrowser.storage.local as never });
  const pushes: Array<[string, unknown]> = [];
  const stats = createStatsService({
    cache,
    bitly,
    session: async () => {
      const stored = await credentials.read();
      return stored && { token: stored.token, login: stored.account.login, defaultGroupGuid: stored.account.defaultGroup.guid, organizationGuid: null };
    },
    settings: async () => DEFAULT_SETTINGS,
    planGates: rememberedPlanGates(),
    askers: { signal: () => undefined, push: (id, message) => pushes.push([id, message]) },
  });
  const account = createAccountService({ bitly, credentials, onAccountChanged: () => cache.clear() });
  /** GET /v4/groups asked for the overview, the sign-in's own one left out. */
  const listCalls = (token: string) => script(token).getGroups.mock.calls.length - 1;
  return { stats, account, script, pushes, listCalls };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  credentials = createCredentialStore(trustedLocalBackend(fakeBrowser.storage.local, async () => {}), fakeBrowser.storage.local);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the account’s groups, cached like its facets', () => {
  it('asks Bitly once; a cached, fresh list answers at once without a request', async () => {
    const { stats, account, script, listCalls } = setup();
    await account.saveToken('tok-paula');
    const t0 = Date.now();
    const first = await stats.getGroups({});
    expect(first).toEqual({ state: 'data', data: listOf('paula'), fetchedAt: t0, stale: false, refreshing: false });
    expect(script('tok-paula').getGroups.mock.calls.at(-1)![0]).toMatchObject({ path: ['groups'], query: {} });

    vi.setSystemTime(t0 + LIFETIME_MS - 1000);
    expect(await stats.getGroups({ askerId: 'report-1' })).toEqual(first);
    await vi.runAllTimersAsync();
    expect(listCalls('tok-paula')).toBe(1);
  });

  it('kept under the account’s login, like every cache key', async () => {
    const { stats, account } = setup();
    await account.saveToken('tok-paula');
    await stats.getGroups({});
    const keys = Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith(CACHE_PREFIX));
    expect(keys).toContain(`${CACHE_PREFIX}paula|groups|groups`);
  });

  it('stale: the cached list at once with its age, one refresh in the background, announced to the askers', async () => {
    const { stats, account, script, pushes, listCalls } = setup();
    await account.saveToken('tok-paula');
    const t0 = Date.now();
    await stats.getGroups({});
    vi.setSystemTime(t0 + LIFETIME_MS + 1000);
    script('tok-paula').getGroups.mockImplementationOnce(() => new Promise((resolve) => setTimeout(() => resolve(groupsOf('renamed')), 100)));
    expect(await stats.getGroups({ askerId: 'report-1' })).toEqual({ state: 'data', data: listOf('paula'), fetchedAt: t0, stale: true, refreshing: true });
    expect(await stats.getGroups({ askerId: 'options-1' })).toMatchObject({ fetchedAt: t0, stale: true, refreshing: true });
    await vi.runAllTimersAsync();
    expect(listCalls('tok-paula')).toBe(2);
    expect(pushes.sort()).toEqual([
      ['options-1', { type: 'facetUpdated', target: 'groups', facet: 'groups' }],
      ['report-1', { type: 'facetUpdated', target: 'groups', facet: 'groups' }],
    ]);
    expect(await stats.getGroups({})).toMatchObject({ data: listOf('renamed'), stale: false, refreshing: false });
  });

  it('refresh renews a fresh list in the background and answers the cached one meanwhile', async () => {
    const { stats, account, script, pushes, listCalls } = setup();
    await account.saveToken('tok-paula');
    await stats.getGroups({});
    script('tok-paula').getGroups.mockResolvedValueOnce(groupsOf('renamed'));
    expect(await stats.getGroups({ refresh: true, askerId: 'report-1' })).toMatchObject({ data: listOf('paula'), stale: false, refreshing: true });
    await vi.runAllTimersAsync();
    expect(listCalls('tok-paula')).toBe(2);
    expect(pushes).toEqual([['report-1', { type: 'facetUpdated', target: 'groups', facet: 'groups' }]]);
    expect(await stats.getGroups({})).toMatchObject({ data: listOf('renamed') });
  });

  it.each<[BitlyErrorKind, number, object]>([
    ['server', 503, { state: 'error', reason: 'server' }],
    ['network', 0, { state: 'error', reason: 'network' }],
  ])('a refresh that fails (%s): the stale list stays with its age, and the asker is told why', async (kind, status, problem) => {
    const { stats, account, script, pushes } = setup();
    await account.saveToken('tok-paula');
    const t0 = Date.now();
    await stats.getGroups({});
    vi.setSystemTime(t0 + LIFETIME_MS + 1000);
    script('tok-paula').getGroups.mockRejectedValue(new BitlyError(kind, { status }));
    expect(await stats.getGroups({ askerId: 'report-1' })).toMatchObject({ state: 'data', data: listOf('paula'), fetchedAt: t0, stale: true });
    await vi.runAllTimersAsync();
    expect(pushes).toEqual([['report-1', { type: 'facetRefreshFailed', target: 'groups', facet: 'groups', problem }]]);
    // Asked again while Bitly still fails: still the list, still with its age.
    expect(await stats.getGroups({})).toMatchObject({ state: 'data', data: listOf('paula'), fetchedAt: t0, stale: true });
    await vi.runAllTimersAsync();
  });

  it.each<[BitlyErrorKind, number, object]>([
    ['token-rejected', 403, { state: 'token-rejected' }],
    ['server', 503, { state: 'error', reason: 'server' }],
    ['timeout', 0, { state: 'error', reason: 'timeout' }],
  ])('nothing cached and Bitly fails (%s): what the surface shows, nothing cached', async (kind, status, reply) => {
    const { stats, account, script, listCalls } = setup();
    await account.saveToken('tok-paula');
    script('tok-paula').getGroups.mockRejectedValue(new BitlyError(kind, { status }));
    const asked = stats.getGroups({});
    await vi.runAllTimersAsync();
    expect(await asked).toEqual(reply);
    script('tok-paula').getGroups.mockResolvedValue(groupsOf('paula'));
    expect(await stats.getGroups({})).toMatchObject({ state: 'data', data: listOf('paula') });
    expect(listCalls('tok-paula')).toBeGreaterThan(1);
  });

  it('signed out: no token, nothing asked; signing in again asks Bitly anew (the list was forgotten)', async () => {
    const { stats, account, script, listCalls } = setup();
    await account.saveToken('tok-paula');
    await stats.getGroups({});
    await account.signOut();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith(CACHE_PREFIX))).toEqual([]);
    expect(await stats.getGroups({})).toEqual({ state: 'no-token' });
    expect(listCalls('tok-paula')).toBe(1);

    await account.saveToken('tok-paula');
    const before = script('tok-paula').getGroups.mock.calls.length;
    expect(await stats.getGroups({})).toMatchObject({ state: 'data', data: listOf('paula'), stale: false });
    expect(script('tok-paula').getGroups.mock.calls.length).toBe(before + 1);
  });

  it('another account’s token: its own groups, never the previous account’s', async () => {
    const { stats, account } = setup();
    await account.saveToken('tok-paula');
    await stats.getGroups({});
    await account.saveToken('tok-freya');
    expect(await stats.getGroups({})).toMatchObject({ state: 'data', data: listOf('freya') });
  });
});
