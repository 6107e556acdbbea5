/**
 * Facets the account's Bitly plan refused (402), remembered per account so they are not asked
 * again. "Clear cached data" and signing out forget them (e.g. after a plan upgrade).
 */
import { storage } from 'wxt/utils/storage';

const gatesItem = storage.defineItem<Record<string, string[]>>('local:planGates', { fallback: {} });

/** Changes run one after another: two 402s at once (cities and devices) must both be kept. */
let writes: Promise<void> = Promise.resolve();

export const planGates = {
  async has(login: string, facet: string): Promise<boolean> {
    return ((await gatesItem.getValue())[login] ?? []).includes(facet);
  },
  remember(login: string, facet: string): Promise<void> {
    writes = writes.then(async () => {
      const gates = await gatesItem.getValue();
      const known = gates[login] ?? [];
      if (!known.includes(facet)) await gatesItem.setValue({ ...gates, [login]: [...known, facet] });
    }).catch(() => {});
    return writes;
  },
  clear(): Promise<void> {
    writes = writes.then(() => gatesItem.removeValue()).catch(() => {});
    return writes;
  },
};

export type PlanGates = typeof planGates;
