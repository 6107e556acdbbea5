/**
 * The card's side of the tab's cap on new lookups (utils/stats/lookup-budget.ts): a facet the
 * background answers `click-to-load` waits, unanswered, until the user clicks "Load statistics"
 * in the card; then every waiting facet is asked again with `clicked`. Nothing a page does can
 * click inside the card's frame, so only the user lets a capped lookup through.
 */
import type { CardApi, CardFacetRequest, CardReply } from './card-api';
import type { CardFacet } from '@/utils/stats/facet-names';

export interface LookupConsent {
  /** The card API whose capped lookups wait for the click. */
  readonly api: CardApi;
  /** Whether a lookup waits for the user's click. */
  waiting(): boolean;
  /** Hears `waiting()` change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The user clicked: the waiting lookups, and any later capped one of this card, are asked again as clicked. */
  allow(): void;
}

export function withLookupConsent(api: CardApi): LookupConsent {
  let allowed = false;
  let waiting: Array<() => void> = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };

  async function askFacet<F extends CardFacet>(request: CardFacetRequest<F>): Promise<CardReply<F>> {
    const reply = await api.askFacet(request);
    if (reply.state !== 'click-to-load') return reply;
    if (allowed) return api.askFacet({ ...request, clicked: true });
    return new Promise((resolve, reject) => {
      waiting.push(() => api.askFacet({ ...request, clicked: true }).then(resolve, reject));
      if (waiting.length === 1) notify();
    });
  }

  return {
    api: { ...api, askFacet },
    waiting: () => waiting.length > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    allow() {
      allowed = true;
      const asks = waiting;
      waiting = [];
      for (const ask of asks) ask();
      notify();
    },
  };
}
