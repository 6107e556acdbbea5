/**
 * The background's cache of Bitly answers: `storage.local` (so it survives service-worker
 * restarts) with an in-memory layer in front, bounded by an LRU size cap.
 *
 * Each entry is stored under its own key with the time it was fetched and last used. The size
 * index lives in memory and is rebuilt from storage on first use after a restart, so a cache hit
 * costs no storage write; recency is persisted when an entry is written.
 */

export const CACHE_PREFIX = 'cache:';
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

/** The slice of `storage.local` the cache uses (the real one in the extension, fakeBrowser's in tests). */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface CachedValue<T> {
  value: T;
  /** When the value was fetched from Bitly (ms since epoch). */
  fetchedAt: number;
}

interface StoredEntry {
  v: unknown;
  f: number;
  u: number;
}

interface IndexEntry {
  bytes: number;
  usedAt: number;
}

export interface StatsCacheOptions {
  area: StorageArea;
  maxBytes?: number;
  now?: () => number;
}

export class StatsCache {
  private readonly memory = new Map<string, CachedValue<unknown>>();
  private index: Map<string, IndexEntry> | null = null;
  private loading: Promise<Map<string, IndexEntry>> | null = null;
  private totalBytes = 0;
  private readonly area: StorageArea;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor({ area, maxBytes = DEFAULT_MAX_BYTES, now = Date.now }: StatsCacheOptions) {
    this.area = area;
    this.maxBytes = maxBytes;
    this.now = now;
  }

  /** Bytes the cache holds now (approximate: the JSON length of every entry and key). */
  async size(): Promise<number> {
    await this.load();
    return this.totalBytes;
  }

  async get<T>(key: string): Promise<CachedValue<T> | undefined> {
    const index = await this.load();
    const meta = index.get(key);
    if (!meta) return undefined;
    meta.usedAt = this.now();
    const hit = this.memory.get(key);
    if (hit) return hit as CachedValue<T>;
    const stored = (await this.area.get(CACHE_PREFIX + key))[CACHE_PREFIX + key] as StoredEntry | undefined;
    if (!stored) {
      this.forget(key);
      return undefined;
    }
    const value = { value: stored.v as T, fetchedAt: stored.f };
    this.memory.set(key, value);
    return value;
  }

  async set<T>(key: string, value: T, fetchedAt = this.now()): Promise<void> {
    const index = await this.load();
    const entry: StoredEntry = { v: value, f: fetchedAt, u: this.now() };
    const bytes = sizeOf(key, entry);
    if (bytes > this.maxBytes) return;
    this.forget(key);
    index.set(key, { bytes, usedAt: entry.u });
    this.totalBytes += bytes;
    this.memory.set(key, { value, fetchedAt });
    await this.area.set({ [CACHE_PREFIX + key]: entry });
    await this.evict();
  }

  async clear(): Promise<void> {
    const index = await this.load();
    const keys = [...index.keys()].map((k) => CACHE_PREFIX + k);
    index.clear();
    this.memory.clear();
    this.totalBytes = 0;
    if (keys.length) await this.area.remove(keys);
  }

  private load(): Promise<Map<string, IndexEntry>> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= this.area.get(null).then((all) => {
      const index = new Map<string, IndexEntry>();
      for (const [storageKey, stored] of Object.entries(all)) {
        if (!storageKey.startsWith(CACHE_PREFIX)) continue;
        const key = storageKey.slice(CACHE_PREFIX.length);
        const entry = stored as StoredEntry;
        const bytes = sizeOf(key, entry);
        index.set(key, { bytes, usedAt: entry.u });
        this.totalBytes += bytes;
      }
      this.index = index;
      return index;
    });
    return this.loading;
  }

  private forget(key: string) {
    const meta = this.index?.get(key);
    if (!meta) return;
    this.totalBytes -= meta.bytes;
    this.index!.delete(key);
    this.memory.delete(key);
  }

  private async evict() {
    if (this.totalBytes <= this.maxBytes) return;
    const oldestFirst = [...this.index!.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt);
    const victims: string[] = [];
    for (const [key] of oldestFirst) {
      if (this.totalBytes <= this.maxBytes) break;
      this.forget(key);
      victims.push(CACHE_PREFIX + key);
    }
    await this.area.remove(victims);
  }
}

function sizeOf(key: string, entry: StoredEntry): number {
  return CACHE_PREFIX.length + key.length + JSON.stringify(entry).length;
}
