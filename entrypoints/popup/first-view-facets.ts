/**
 * The requests a popup view's facets models send first (popup-models.ts makes the models from the
 * same lists), and the answers to them asked early: the popup's boot script sends the first view's
 * requests as soon as it knows the view and the settings (first-questions.ts), before the views'
 * code has loaded, and the popup's API hands each answer to the model that asks the same question
 * instead of asking again (popup-api.ts). Free of the views and of Preact, so the boot script
 * stays small.
 */
import type { AccountFacetRequest, LinkFacetRequest } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings/settings-schema';
import { windowFor } from '@/utils/settings/time-window';
import { LINK_STATS_FIXED, LINK_STATS_METRICS } from '@/utils/stats/link-stats-facets';
import type { AccountFacet, LinkFacet } from '@/utils/stats/facet-names';
import type { PopupView } from './popup-start';

/** A list row: the link's clicks for the settings' window. */
export const ROW_FACETS = ['clicks'] as const satisfies readonly LinkFacet[];
/** The account overview (PRODUCT.md F6): the group's clicks and its top links. */
export const ACCOUNT_FACETS = ['groupClicks', 'topLinks'] as const satisfies readonly AccountFacet[];
/** Top links shown in the account overview. */
export const TOP_LINKS = 5;
/** The user looks at a link's statistics or the overview; a list's rows are in view (PRODUCT.md F3). */
export const VIEW_PRIORITY = { linkStats: 'interactive', row: 'normal', account: 'interactive' } as const;

export interface ViewRequests {
  links: LinkFacetRequest[];
  account: AccountFacetRequest[];
}

/** What `view`'s models ask first under `settings`: the fixed facets without a window, the metrics with the settings' window. */
export function firstViewRequests(view: PopupView, settings: Settings, askerId: string): ViewRequests {
  const window = windowFor(settings);
  switch (view.kind) {
    case 'link': {
      const ask = (facet: LinkFacet, timed: boolean): LinkFacetRequest => ({ link: view.link, facet, askerId, priority: VIEW_PRIORITY.linkStats, ...(timed ? window : {}) });
      return { links: [...LINK_STATS_FIXED.map((f) => ask(f, false)), ...LINK_STATS_METRICS.map((f) => ask(f, true))], account: [] };
    }
    case 'page-links':
      return { links: view.page.links.flatMap((l) => ROW_FACETS.map((facet) => ({ link: l.id, facet, askerId, priority: VIEW_PRIORITY.row, ...window }))), account: [] };
    case 'account':
      return {
        links: [],
        account: ACCOUNT_FACETS.map((facet) => ({ facet, askerId, priority: VIEW_PRIORITY.account, ...window, ...(facet === 'topLinks' ? { size: TOP_LINKS } : {}) })),
      };
    default:
      return { links: [], account: [] };
  }
}

type FacetRequest = LinkFacetRequest | AccountFacetRequest;

/** The same question whatever the order of its fields (an absent field and an undefined one are the same). */
export function requestKey(request: FacetRequest): string {
  const fields = Object.entries(request).filter(([, value]) => value !== undefined);
  return JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Answers asked before anyone wanted them, each given once to the first asker of the same
 * question; a question asked again (a refresh, a new window) goes to the background.
 */
export class EarlyAnswers {
  private readonly waiting = new Map<string, Promise<unknown>>();

  add(request: FacetRequest, answer: Promise<unknown>): void {
    const key = requestKey(request);
    if (this.waiting.has(key)) return;
    answer.catch(() => {});
    this.waiting.set(key, answer);
  }

  /** The early answer to `request`, else (or when that failed) `ask()`'s. */
  take<R>(request: FacetRequest, ask: () => Promise<R>): Promise<R> {
    const key = requestKey(request);
    const early = this.waiting.get(key) as Promise<R> | undefined;
    if (!early) return ask();
    this.waiting.delete(key);
    return early.catch(ask);
  }
}
