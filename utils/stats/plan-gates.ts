/**
 * Facets the account's Bitly plan refused (402), remembered per account so they are not asked
 * again. "Clear cached data" and signing out forget them (e.g. after a plan upgrade).
 */
import { storage } from 'wxt/utils/storage';

const gatesItem = storage.defineItem<Record<string, string[]>>('local:planGates', { fallback: {} });

export const planGates = {
  async has(login: string, facet: string): Promise<boolean> {
    return ((await gatesItem.getValue())[login] ?? []).includes(facet);
  },
  async remember(login: string, facet: string): Promise<void> {
    const gates = await gatesItem.getValue();
    const known = gates[login] ?? [];
    if (!known.includes(facet)) await gatesItem.setValue({ ...gates, [login]: [...known, facet] });
  },
  async clear(): Promise<void> {
    await gatesItem.removeValue();
  },
};

export type PlanGates = typeof planGates;
