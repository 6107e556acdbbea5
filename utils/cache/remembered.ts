/**
 * A value the background reads from storage on almost every message (the session, the settings),
 * kept in memory until one of its storage keys changes: a popup that asks seven facets at once
 * then costs seven cache lookups, not thirty storage reads.
 */
import { browser } from 'wxt/browser';

export interface Remembered<T> {
  (): Promise<T>;
  /** Reads again next time: for a writer that must not wait for the change event (a new token). */
  forget(): void;
}

type ItemKey = `${'local' | 'session' | 'sync' | 'managed'}:${string}`;

/** `keys` as storage items name them: `local:settings` is `settings` in `storage.local`. */
export function rememberedUntilChanged<T>(read: () => Promise<T>, keys: readonly ItemKey[]): Remembered<T> {
  let value: Promise<T> | undefined;
  const watched = keys.map((key) => ({ area: key.slice(0, key.indexOf(':')), name: key.slice(key.indexOf(':') + 1) }));
  browser.storage.onChanged.addListener((changes, area) => {
    if (watched.some((w) => w.area === area && w.name in changes)) value = undefined;
  });
  const remembered = () => {
    if (value) return value;
    const reading = read();
    value = reading;
    // A failed read is not kept: the next call reads again.
    reading.catch(() => {
      if (value === reading) value = undefined;
    });
    return reading;
  };
  return Object.assign(remembered, { forget: () => (value = undefined) });
}
