/**
 * How many new links a tab's hover cards may look up from Bitly per minute (PRODUCT.md §4: a tab
 * cannot start lookups faster than a person hovers). A link counts once, when its first answer
 * needs Bitly; cached answers, and more facets of a link already counted, never count. Beyond
 * the cap the card asks for a click, and a lookup the user clicked for is always let through.
 *
 * One new link a second over a minute is faster than anyone reads cards, and above the
 * benchmark's session (50 different links hovered in a row, B5/B6), which must not be capped.
 * The count lives in the worker's memory: a restarted worker starts afresh.
 */
export const NEW_LOOKUPS_PER_TAB_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

export class LookupBudget {
  /** Per tab: the links counted in the last minute, with when each was counted. */
  private readonly tabs = new Map<number, Map<string, number>>();

  constructor(
    private limit = NEW_LOOKUPS_PER_TAB_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether `tabId` may ask Bitly about `link` now, counting it when it is new. `clicked`: the
   * user clicked in the card to load this link, which is always allowed (and counted).
   */
  admit(tabId: number, link: string, clicked = false): boolean {
    const since = this.now() - WINDOW_MS;
    const counted = this.tabs.get(tabId) ?? new Map<string, number>();
    for (const [seen, at] of counted) if (at <= since) counted.delete(seen);
    if (counted.has(link)) return true;
    if (counted.size >= this.limit && !clicked) return false;
    counted.set(link, this.now());
    this.tabs.set(tabId, counted);
    return true;
  }

  /** The tab was closed. */
  forgetTab(tabId: number) {
    this.tabs.delete(tabId);
  }

  /** Test builds only: e2e tests reach the cap with a few links. */
  setLimit(limit: number) {
    this.limit = limit;
  }
}
