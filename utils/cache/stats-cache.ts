/**
 * The background's cache of Bitly answers: `storage.local` (so it survives service-worker
 * restarts) with an in-memory layer in front, bounded by an LRU size cap.
 *
 * Each entry is stored under its own key with the time it was fetched and last used. The size
 * index lives in memory and is rebuilt from storage on first use after a restart, so a cache hit
 * costs no storage write; recency is persisted when an entry is written.
 *
 * Storage failing loses nothing (PRODUCT.md §4): a write the browser refuses (over quota, or
 * storage broken) keeps the value in memory, and a quota error evicts and tries once more; a
 * failed first read is tried again at the next use, and meanwhile the cache works from memory.
 */

export const CACHE_PREFIX = 'cache:';
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
/** Values kept in memory only (their write failed), newest last; the oldest go first beyond this. */
export const MAX_UNSTORED = 500;
/** After a quota error, eviction frees space down to this share of what the cache holds, then retries. */
const QUOTA_HEADROOM = 0.75;

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
  /**
   * Where to read an entry this cache lacks, never written to: the incognito cache (over a
   * memory-only area) reads what normal browsing cached and keeps its own answers in memory.
   */
  readThrough?: Pick<StatsCache, 'get'>;
}

export class StatsCache {
  private readonly memory = new Map<string, CachedValue<unknown>>();
  private readonly unstored = new Map<string, CachedValue<unknown>>();
  private index: Map<string, IndexEntry> | null = null;
  private loading: Promise<Map<string, IndexEntry>> | null = null;
  private totalBytes = 0;
  private readonly area: StorageArea;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private readonly readThrough: Pick<StatsCache, 'get'> | undefined;

  constructor({ area, maxBytes = DEFAULT_MAX_BYTES, now = Date.now, readThrough }: StatsCacheOptions) {
    this.area = area;
    this.maxBytes = maxBytes;
    this.now = now;
    this.readThrough = readThrough;
  }

  /** Bytes the cache holds in storage now (the UTF-8 length of every entry's JSON and key). */
  async size(): Promise<number> {
    await this.load();
    return this.totalBytes;
  }

  async get<T>(key: string): Promise<CachedValue<T> | undefined> {
    return (await this.getOwn<T>(key)) ?? this.readThrough?.get<T>(key);
  }

  private async getOwn<T>(key: string): Promise<CachedValue<T> | undefined> {
    const unstored = this.unstored.get(key);
    if (unstored) return unstored as CachedValue<T>;
    const index = await this.load();
    const meta = index?.get(key);
    if (!meta) return undefined;
    meta.usedAt = this.now();
    const hit = this.memory.get(key);
    if (hit) return hit as CachedValue<T>;
    let stored: StoredEntry | undefined;
    try {
      stored = (await this.area.get(CACHE_PREFIX + key))[CACHE_PREFIX + key] as StoredEntry | undefined;
    } catch {
      return undefined; // unreadable now: a miss, fetched again
    }
    if (!stored) {
      this.forget(key);
      return undefined;
    }
    const value = { value: stored.v as T, fetchedAt: stored.f };
    this.memory.set(key, value);
    return value;
  }

  /** Keeps `value`; never throws: what storage refuses stays in memory. */
  async set<T>(key: string, value: T, fetchedAt = this.now()): Promise<void> {
    const entry: StoredEntry = { v: value, f: fetchedAt, u: this.now() };
    const bytes = sizeOf(key, entry);
    this.forget(key);
    const index = await this.load();
    if (!index || bytes > this.maxBytes) return this.keepUnstored(key, { value, fetchedAt });
    if (await this.write(key, entry, bytes)) return;
    // Over the browser's quota (its storage is fuller than the cap knows): make room, try once more.
    await this.evict(this.totalBytes * QUOTA_HEADROOM);
    if (!(await this.write(key, entry, bytes))) this.keepUnstored(key, { value, fetchedAt });
  }

  async clear(): Promise<void> {
    this.unstored.clear();
    this.memory.clear();
    const index = await this.load();
    if (!index) return;
    // Every cache key in storage, not only the indexed ones: a write may have landed after failing.
    const keys = Object.keys(await this.area.get(null).catch(() => ({}))).filter((k) => k.startsWith(CACHE_PREFIX));
    index.clear();
    this.totalBytes = 0;
    if (keys.length) await this.area.remove(keys).catch(() => {});
  }

  /** Stores an entry and counts it; false when storage refused it. Evicts beyond the cap. */
  private async write(key: string, entry: StoredEntry, bytes: number): Promise<boolean> {
    try {
      await this.area.set({ [CACHE_PREFIX + key]: entry });
    } catch {
      return false;
    }
    this.forget(key);
    this.index!.set(key, { bytes, usedAt: entry.u });
    this.totalBytes += bytes;
    this.memory.set(key, { value: entry.v, fetchedAt: entry.f });
    await this.evict(this.maxBytes);
    return true;
  }

  private keepUnstored(key: string, value: CachedValue<unknown>) {
    this.unstored.delete(key);
    this.unstored.set(key, value);
    if (this.unstored.size > MAX_UNSTORED) this.unstored.delete(this.unstored.keys().next().value!);
  }

  /** The size index, read from storage once; null while storage cannot be read (asked again next time). */
  private async load(): Promise<Map<string, IndexEntry> | null> {
    if (this.index) return this.index;
    this.loading ??= this.area.get(null).then((all) => {
      const index = new Map<string, IndexEntry>();
      let total = 0;
      for (const [storageKey, stored] of Object.entries(all)) {
        if (!storageKey.startsWith(CACHE_PREFIX)) continue;
        const key = storageKey.slice(CACHE_PREFIX.length);
        const entry = stored as StoredEntry;
        const bytes = sizeOf(key, entry);
        index.set(key, { bytes, usedAt: entry.u });
        total += bytes;
      }
      this.totalBytes = total;
      this.index = index;
      return index;
    });
    try {
      return await this.loading;
    } catch {
      this.loading = null;
      return null;
    }
  }

  private forget(key: string) {
    this.unstored.delete(key);
    const meta = this.index?.get(key);
    if (!meta) return;
    this.totalBytes -= meta.bytes;
    this.index!.delete(key);
    this.memory.delete(key);
  }

  /** Removes least recently used entries until the total is at most `target` bytes. */
  private async evict(target: number) {
    if (this.totalBytes <= target) return;
    const oldestFirst = [...this.index!.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt);
    const victims: string[] = [];
    for (const [key] of oldestFirst) {
      if (this.totalBytes <= target) break;
      this.forget(key);
      victims.push(CACHE_PREFIX + key);
    }
    if (victims.length) await this.area.remove(victims).catch(() => {});
  }
}

const utf8 = new TextEncoder();

/** What the browser counts against its quota: the key and the JSON of the value, in UTF-8 bytes. */
function sizeOf(key: string, entry: StoredEntry): number {
  return utf8.encode(CACHE_PREFIX + key).length + utf8.encode(JSON.stringify(entry)).length;
}
