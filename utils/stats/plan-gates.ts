/**
 * Facets the account's Bitly plan refused (402), remembered per account so they are not asked
 * again. "Clear cached data" and signing out forget them (e.g. after a plan upgrade).
 */
import { storage } from 'wxt/utils/storage';
import { rememberedUntilChanged } from '../cache/remembered';

type Gates = Record<string, string[]>;

const gatesItem = storage.defineItem<Gates>('local:planGates', { fallback: {} });

/** Changes run one after another: two 402s at once (cities and devices) must both be kept. */
let writes: Promise<void> = Promise.resolve();

/**
 * The background's plan gates, asked before every facet it answers (a popup's seven at once): read
 * once and kept in memory until the stored gates change; its own changes are seen at once (every
 * change goes to storage, then the memory is dropped).
 */
export function rememberedPlanGates() {
  const read = rememberedUntilChanged(() => gatesItem.getValue(), [gatesItem.key]);
  const changed = () => read.forget();
  return {
    async has(login: string, facet: string): Promise<boolean> {
      return ((await read())[login] ?? []).includes(facet);
    },
    remember(login: string, facet: string): Promise<void> {
      writes = writes
        .then(async () => {
          const gates = await gatesItem.getValue();
          const known = gates[login] ?? [];
          if (!known.includes(facet)) await gatesItem.setValue({ ...gates, [login]: [...known, facet] });
        })
        .catch(() => {})
        .finally(changed);
      return writes;
    },
    clear(): Promise<void> {
      writes = writes
        .then(() => gatesItem.removeValue())
        .catch(() => {})
        .finally(changed);
      return writes;
    },
  };
}

export type PlanGates = ReturnType<typeof rememberedPlanGates>;
