import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AccountSummary } from '../messaging/protocol';
import {
  CREDENTIALS_KEY,
  LEGACY_KEYS,
  createCredentialStore,
  indexedDbBackend,
  trustedLocalBackend,
  type KeyValueStore,
} from './storage';

const account = (login: string): AccountSummary => ({ login, name: null, defaultGroup: { guid: `G-${login}`, name: null }, organization: null });
const area = () => fakeBrowser.storage.local;

/** An in-memory stand-in for one IndexedDB object store. */
function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => structuredClone(data.get(key)),
    put: async (key, value) => void data.set(key, structuredClone(value)),
    delete: async (key) => void data.delete(key),
  };
}

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('credentials in storage.local (Chromium)', () => {
  it('token and account go into storage in ONE write of one key', async () => {
    const set = vi.spyOn(area(), 'set');
    const store = createCredentialStore(trustedLocalBackend(area(), async () => {}), area());
    await store.write({ token: 'tok-new', account: account('new') });
    expect(set).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledWith({ [CREDENTIALS_KEY]: { token: 'tok-new', account: account('new') } });
    expect(await store.read()).toEqual({ token: 'tok-new', account: account('new') });
  });

  it('a write that fails (the worker stopped, storage refused) leaves the previous pair whole', async () => {
    const store = createCredentialStore(trustedLocalBackend(area(), async () => {}), area());
    await store.write({ token: 'tok-old', account: account('old') });
    vi.spyOn(area(), 'set').mockRejectedValueOnce(new Error('worker gone'));
    await expect(store.write({ token: 'tok-new', account: account('new') })).rejects.toThrow();
    expect(await store.read()).toEqual({ token: 'tok-old', account: account('old') });
  });

  it('the access restriction is awaited before the token is written', async () => {
    const order: string[] = [];
    let lift!: () => void;
    const restrict = () => new Promise<void>((resolve) => (lift = () => (order.push('restricted'), resolve())));
    vi.spyOn(area(), 'set').mockImplementation(async () => void order.push('written'));
    const store = createCredentialStore(trustedLocalBackend(area(), restrict), area());
    const writing = store.write({ token: 'tok', account: account('a') });
    await vi.waitFor(() => expect(lift).toBeTypeOf('function'));
    expect(order).toEqual([]);
    lift();
    await writing;
    expect(order).toEqual(['restricted', 'written']);
  });

  it('when the browser refuses the restriction, nothing is written', async () => {
    const store = createCredentialStore(trustedLocalBackend(area(), async () => Promise.reject(new Error('no access levels'))), area());
    await expect(store.write({ token: 'tok', account: account('a') })).rejects.toThrow('no access levels');
    expect(await area().get(null)).toEqual({});
  });

  it('signing out removes the one key', async () => {
    const store = createCredentialStore(trustedLocalBackend(area(), async () => {}), area());
    await store.write({ token: 'tok', account: account('a') });
    await store.write(null);
    expect(await store.read()).toBeNull();
    expect(await area().get(null)).toEqual({});
  });
});

describe('credentials in the background’s IndexedDB (Firefox)', () => {
  it('keeps the token out of storage.local entirely', async () => {
    const db = memoryStore();
    const store = createCredentialStore(indexedDbBackend(db), area());
    await store.write({ token: 'tok', account: account('a') });
    expect(await area().get(null)).toEqual({});
    expect(db.data.get(CREDENTIALS_KEY)).toEqual({ token: 'tok', account: account('a') });
    expect(await store.read()).toEqual({ token: 'tok', account: account('a') });
    await store.write(null);
    expect(await store.read()).toBeNull();
  });
});

describe('moving the two keys of earlier versions', () => {
  it.each([
    ['storage.local (Chromium)', () => trustedLocalBackend(area(), async () => {})],
    ['IndexedDB (Firefox)', () => indexedDbBackend(memoryStore())],
  ])('into %s: one value, and the old keys removed', async (_where, backend) => {
    await area().set({ [LEGACY_KEYS.token]: 'tok-old', [LEGACY_KEYS.account]: account('old'), settings: { kept: true } });
    const store = createCredentialStore(backend(), area());
    expect(await store.read()).toEqual({ token: 'tok-old', account: account('old') });
    const left = await area().get(null);
    expect(left).not.toHaveProperty(LEGACY_KEYS.token);
    expect(left).not.toHaveProperty(LEGACY_KEYS.account);
    expect(left).toHaveProperty('settings');
  });

  it('a half-written old pair (a token without its account) is dropped, not paired with anything', async () => {
    await area().set({ [LEGACY_KEYS.token]: 'tok-orphan' });
    const store = createCredentialStore(indexedDbBackend(memoryStore()), area());
    expect(await store.read()).toBeNull();
    expect(await area().get(null)).toEqual({});
  });

  it('does not overwrite a newer value already stored', async () => {
    const db = memoryStore();
    await indexedDbBackend(db).write({ token: 'tok-new', account: account('new') });
    await area().set({ [LEGACY_KEYS.token]: 'tok-old', [LEGACY_KEYS.account]: account('old') });
    expect(await createCredentialStore(indexedDbBackend(db), area()).read()).toEqual({ token: 'tok-new', account: account('new') });
  });
});
