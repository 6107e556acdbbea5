/**
 * A `StorageArea` that lives in the worker's memory only: the stats cache over it writes nothing
 * to disk. Used for lookups from incognito tabs (PRODUCT.md §4: incognito leaves nothing on disk).
 */
import type { StorageArea } from './stats-cache';

export function memoryArea(): StorageArea {
  const items = new Map<string, unknown>();
  return {
    async get(keys) {
      const wanted = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      const found: Record<string, unknown> = {};
      for (const key of wanted) if (items.has(key)) found[key] = structuredClone(items.get(key));
      return found;
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    async remove(keys) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
}
