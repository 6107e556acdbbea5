/**
 * Where the signed-in account lives: the token and the account it belongs to, always read and
 * written together as one value, so a worker stopped mid-save can never pair a new token with
 * the previous login (cache keys include the login). Only the background imports this.
 *
 * Where the one value is kept, so that no content script can read it (PRODUCT.md §4):
 * - Chromium: `storage.local` under `credentials`, after the background has restricted
 *   `storage.local` to trusted contexts — awaited before every write; when the browser refuses,
 *   nothing is written.
 * - Firefox, which has no storage access levels and shares `storage.local` with content scripts:
 *   the background's own IndexedDB database (its origin is the extension's; a content script's
 *   IndexedDB is the page's). Nothing of the token is in `storage.local` there.
 * Versions before this kept `bitlyToken` and `account` as two `storage.local` keys; the first
 * read moves them into the one value and removes them.
 */
import type { AccountSummary } from '../messaging/protocol';

export interface Credentials {
  token: string;
  account: AccountSummary;
}

/** One place that holds one value under one key, written atomically. */
export interface CredentialBackend {
  read(): Promise<Credentials | null>;
  /** Stores the value (null removes it) in one write. */
  write(credentials: Credentials | null): Promise<void>;
  /** Where it keeps the value, for tests and the README's security section. */
  readonly kind: 'trusted-storage-local' | 'indexeddb';
}

/** The slice of `storage.local` used here (the real one, or fakeBrowser's in unit tests). */
export interface LocalArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const CREDENTIALS_KEY = 'credentials';
/** The two keys of versions before the one value. */
export const LEGACY_KEYS = { token: 'bitlyToken', account: 'account' } as const;

/** `storage.local`, restricted to trusted contexts before anything is written (Chromium). */
export function trustedLocalBackend(area: LocalArea, restrict: () => Promise<void>): CredentialBackend {
  return {
    kind: 'trusted-storage-local',
    async read() {
      return asCredentials((await area.get(CREDENTIALS_KEY))[CREDENTIALS_KEY]);
    },
    async write(credentials) {
      if (!credentials) return area.remove(CREDENTIALS_KEY);
      // Throws when the browser refuses the restriction: then the token is not stored at all.
      await restrict();
      await area.set({ [CREDENTIALS_KEY]: credentials });
    },
  };
}

/** A minimal key-value view of one IndexedDB object store (see `openIndexedDbStore`). */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The background's own IndexedDB (Firefox): content scripts cannot open the extension origin's databases. */
export function indexedDbBackend(store: KeyValueStore): CredentialBackend {
  return {
    kind: 'indexeddb',
    async read() {
      return asCredentials(await store.get(CREDENTIALS_KEY));
    },
    write: (credentials) => (credentials ? store.put(CREDENTIALS_KEY, credentials) : store.delete(CREDENTIALS_KEY)),
  };
}

export interface CredentialStore {
  read(): Promise<Credentials | null>;
  write(credentials: Credentials | null): Promise<void>;
  readonly kind: CredentialBackend['kind'];
}

/**
 * The credential store over `backend`, moving a pair stored by an earlier version out of
 * `storage.local` on first read (into the backend in one write, then the old keys removed).
 */
export function createCredentialStore(backend: CredentialBackend, legacyArea: LocalArea): CredentialStore {
  let migrated: Promise<void> | undefined;

  async function migrate() {
    const legacy = await legacyArea.get([LEGACY_KEYS.token, LEGACY_KEYS.account]);
    if (!(LEGACY_KEYS.token in legacy) && !(LEGACY_KEYS.account in legacy)) return;
    const token = legacy[LEGACY_KEYS.token];
    const account = legacy[LEGACY_KEYS.account] as AccountSummary | undefined;
    // A half-written pair from before is not trusted: signing in again is safer than a mismatch.
    if (typeof token === 'string' && token && account && !(await backend.read())) await backend.write({ token, account });
    await legacyArea.remove([LEGACY_KEYS.token, LEGACY_KEYS.account]);
  }

  const ready = () => {
    migrated ??= migrate().catch(() => {
      migrated = undefined;
    });
    return migrated;
  };

  return {
    kind: backend.kind,
    async read() {
      await ready();
      return backend.read();
    },
    async write(credentials) {
      await ready();
      await backend.write(credentials);
    },
  };
}

function asCredentials(value: unknown): Credentials | null {
  if (!value || typeof value !== 'object') return null;
  const { token, account } = value as Partial<Credentials>;
  return typeof token === 'string' && token && account && typeof account === 'object' ? { token, account } : null;
}

/**
 * Chromium lets the background keep `storage.local` away from content scripts; the setting is
 * not persisted, so it runs on every worker start and again before every credential write. It
 * throws where the browser lacks it, so a credential write fails rather than landing unprotected.
 */
export async function restrictStorageToExtension(): Promise<void> {
  await chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
}

/** The store for the browser this build is for: Firefox builds keep the token in IndexedDB. */
export function credentialStoreForThisBrowser(area: LocalArea): CredentialStore {
  const backend = import.meta.env.FIREFOX ? indexedDbBackend(openIndexedDbStore()) : trustedLocalBackend(area, restrictStorageToExtension);
  return createCredentialStore(backend, area);
}

const DB_NAME = 'bitlens-credentials';
const DB_STORE = 'kv';

/** One object store of the background's IndexedDB, opened on each use (the worker may be restarted any time). */
export function openIndexedDbStore(factory: IDBFactory = indexedDB): KeyValueStore {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(DB_STORE, mode);
        const request = act(transaction.objectStore(DB_STORE));
        // Resolved when the transaction commits, so a write is on disk before the caller goes on.
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error ?? request.error);
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      });
    } finally {
      db.close();
    }
  }
  return {
    get: (key) => run('readonly', (store) => store.get(key)),
    put: async (key, value) => {
      await run('readwrite', (store) => store.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
  };
}
