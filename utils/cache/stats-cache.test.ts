import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CACHE_PREFIX, StatsCache, type StorageArea } from './stats-cache';
import { memoryArea } from './memory-area';

let clock = 1_000_000;
const now = () => clock;
const area = () => fakeBrowser.storage.local as never;

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_000_000;
});

describe('StatsCache', () => {
  it('returns what was stored, with the time it was fetched', async () => {
    const cache = new StatsCache({ area: area(), now });
    await cache.set('paula|bit.ly/a|clicks|day|30', { total: 5 });
    expect(await cache.get('paula|bit.ly/a|clicks|day|30')).toEqual({ value: { total: 5 }, fetchedAt: 1_000_000 });
    expect(await cache.get('paula|bit.ly/b|clicks|day|30')).toBeUndefined();
  });

  it('survives a service-worker restart (a new instance over the same storage)', async () => {
    await new StatsCache({ area: area(), now }).set('k', [1, 2, 3]);
    const afterRestart = new StatsCache({ area: area(), now });
    expect(await afterRestart.get('k')).toEqual({ value: [1, 2, 3], fetchedAt: 1_000_000 });
    expect(await afterRestart.size()).toBeGreaterThan(0);
  });

  it('serves repeated reads from memory, without touching storage', async () => {
    const cache = new StatsCache({ area: area(), now });
    await cache.set('k', 'v');
    await fakeBrowser.storage.local.remove(CACHE_PREFIX + 'k');
    expect(await cache.get('k')).toMatchObject({ value: 'v' });
  });

  it('evicts the least recently used entries beyond the size cap', async () => {
    const value = 'x'.repeat(100); // about 140 bytes an entry: three fit under 450
    const cache = new StatsCache({ area: area(), now, maxBytes: 450 });
    for (const key of ['a', 'b', 'c']) {
      clock += 1000;
      await cache.set(key, value);
    }
    clock += 1000;
    await cache.get('a'); // a is now the most recently used, b the least
    clock += 1000;
    await cache.set('d', value);
    expect(await cache.size()).toBeLessThanOrEqual(450);
    const stored = Object.keys(await fakeBrowser.storage.local.get(null));
    expect(stored.sort()).toEqual(['cache:a', 'cache:c', 'cache:d']);
    const left = await Promise.all(['a', 'b', 'c', 'd'].map(async (k) => ((await cache.get(k)) ? k : null)));
    expect(left.filter(Boolean)).toEqual(['a', 'c', 'd']);
  });

  it('stays within the cap across restarts', async () => {
    const first = new StatsCache({ area: area(), now, maxBytes: 600 });
    for (const key of ['a', 'b', 'c']) await first.set(key, 'y'.repeat(100));
    const second = new StatsCache({ area: area(), now, maxBytes: 600 });
    for (const key of ['d', 'e']) await second.set(key, 'y'.repeat(100));
    expect(await second.size()).toBeLessThanOrEqual(600);
    expect(await second.get('a')).toBeUndefined();
  });

  it('replacing an entry does not count it twice', async () => {
    const cache = new StatsCache({ area: area(), now });
    await cache.set('k', 'short');
    const once = await cache.size();
    await cache.set('k', 'short');
    expect(await cache.size()).toBe(once);
  });

  it('clear() empties memory and storage but leaves other stored values alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { v: 1 } });
    const cache = new StatsCache({ area: area(), now });
    await cache.set('k', 'v');
    await cache.clear();
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.size()).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { v: 1 } });
  });

  it('counts what the browser counts: UTF-8 bytes, not characters', async () => {
    const ascii = new StatsCache({ area: area(), now });
    await ascii.set('k', 'a'.repeat(100));
    fakeBrowser.reset();
    const wide = new StatsCache({ area: area(), now });
    await wide.set('k', 'ä'.repeat(100));
    expect((await wide.size()) - (await ascii.size())).toBe(100);
  });
});

/** fakeBrowser's storage.local with failures switched on by the test. */
function failingArea() {
  const real = fakeBrowser.storage.local;
  const fail = { reads: 0, writes: 0, quotaBytes: Infinity };
  const used = async () => JSON.stringify(await real.get(null)).length;
  const wrapped: StorageArea = {
    get: async (keys) => {
      if (fail.reads > 0) {
        fail.reads--;
        throw new Error('storage unreadable');
      }
      return real.get(keys);
    },
    set: async (items) => {
      if (fail.writes > 0) {
        fail.writes--;
        throw new Error('write failed');
      }
      if ((await used()) + JSON.stringify(items).length > fail.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      await real.set(items);
    },
    remove: (keys) => real.remove(keys),
  };
  return { area: wrapped, fail };
}

describe('StatsCache when storage fails', () => {
  it('a refused write still keeps the value (answered from memory)', async () => {
    const { area, fail } = failingArea();
    const cache = new StatsCache({ area, now });
    fail.writes = 2; // the write and its retry
    await expect(cache.set('k', { total: 5 })).resolves.toBeUndefined();
    expect(await cache.get('k')).toEqual({ value: { total: 5 }, fetchedAt: 1_000_000 });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('over quota: the least recently used entries are evicted and the write is tried again', async () => {
    const { area, fail } = failingArea();
    const cache = new StatsCache({ area, now, maxBytes: 10_000 });
    for (const key of ['a', 'b', 'c']) {
      clock += 1000;
      await cache.set(key, 'x'.repeat(300));
    }
    // The browser's quota is smaller than the cap thinks: the next write does not fit.
    fail.quotaBytes = (JSON.stringify(await fakeBrowser.storage.local.get(null)).length * 4) / 3;
    clock += 1000;
    await cache.set('d', 'x'.repeat(300));
    const stored = Object.keys(await fakeBrowser.storage.local.get(null)).sort();
    expect(stored).toContain('cache:d');
    expect(stored).not.toContain('cache:a');
    expect(await cache.get('d')).toMatchObject({ value: 'x'.repeat(300) });
  });

  it('a failed first read is not kept: lookups are misses until storage answers, then it is read again', async () => {
    await new StatsCache({ area: area(), now }).set('old', 'from before the restart');
    const { area: flaky, fail } = failingArea();
    fail.reads = 1;
    const cache = new StatsCache({ area: flaky, now });
    expect(await cache.get('old')).toBeUndefined();
    expect(await cache.get('old')).toEqual({ value: 'from before the restart', fetchedAt: 1_000_000 });
  });

  it('a value set while storage cannot be read is kept in memory', async () => {
    const { area, fail } = failingArea();
    fail.reads = 1;
    const cache = new StatsCache({ area, now });
    await cache.set('k', 'v');
    expect(await cache.get('k')).toMatchObject({ value: 'v' });
  });

  it('clear() also forgets values kept only in memory', async () => {
    const { area, fail } = failingArea();
    const cache = new StatsCache({ area, now });
    fail.writes = 2;
    await cache.set('k', 'v');
    await cache.clear();
    expect(await cache.get('k')).toBeUndefined();
  });
});

describe('the incognito cache (memory only, reading what normal browsing cached)', () => {
  it('keeps its answers in memory: nothing is written to storage.local', async () => {
    const persistent = new StatsCache({ area: area(), now });
    const incognito = new StatsCache({ area: memoryArea(), readThrough: persistent, now });
    await incognito.set('paula|bit.ly/private|destination', { long_url: 'https://private.example/' });
    expect(await incognito.get('paula|bit.ly/private|destination')).toMatchObject({ value: { long_url: 'https://private.example/' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // A restarted worker has forgotten it.
    expect(await new StatsCache({ area: memoryArea(), readThrough: persistent, now }).get('paula|bit.ly/private|destination')).toBeUndefined();
  });

  it('reads what normal browsing cached, and never writes through to it', async () => {
    const persistent = new StatsCache({ area: area(), now });
    await persistent.set('k', 'from normal browsing');
    const incognito = new StatsCache({ area: memoryArea(), readThrough: persistent, now });
    expect(await incognito.get('k')).toMatchObject({ value: 'from normal browsing' });
    await incognito.set('k', 'refreshed in incognito');
    expect(await incognito.get('k')).toMatchObject({ value: 'refreshed in incognito' });
    expect(await persistent.get('k')).toMatchObject({ value: 'from normal browsing' });
    await incognito.clear();
    expect(await persistent.get('k')).toMatchObject({ value: 'from normal browsing' });
  });
});
