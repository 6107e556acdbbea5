/**
 * What the hover card needs from the rest of the extension, as one interface (STYLE.md habit 6):
 * the real implementation talks to the background through utils/messages.ts; the fixture one
 * (card-api-fixture.ts) lets the card's logic and views run in tests without extension APIs.
 */
import { browser } from 'wxt/browser';
import { copyText } from '@/utils/clipboard';
import { holdPort } from '@/utils/messaging/held-port';
import type { AskerPush, LinkFacetReply } from '@/utils/messaging/protocol';
import { ASKER_PORT_PREFIX } from '@/utils/messaging/protocol-constants';
import { askLinkFacet, sendMessage } from '@/utils/messaging/send';
import type { Settings } from '@/utils/settings/settings-schema';
import type { StatsWindow } from '@/utils/settings/time-window';
import type { CardFacet } from '@/utils/stats/facet-names';

export type CardReply<F extends CardFacet> = LinkFacetReply<F>;

export interface CardFacetRequest<F extends CardFacet> extends Partial<StatsWindow> {
  /** The bitlink id (`bit.ly/Abc1234`). */
  link: string;
  facet: F;
  /** The user asked for fresh numbers. */
  refresh?: boolean;
  /** The user clicked "Load statistics" after the tab's cap (lookup-consent.ts). */
  clicked?: true;
}

export interface CardApi {
  /** One facet of the card's link, asked as the interactive asker of this card. */
  askFacet<F extends CardFacet>(request: CardFacetRequest<F>): Promise<CardReply<F>>;
  getSettings(): Promise<Settings>;
  /** Pushes for this card (a facet was refreshed, settings changed); returns the unsubscribe. */
  subscribe(listener: (push: AskerPush) => void): () => void;
  /** Escape: the content script removes the card and focuses its link again. */
  close(): Promise<void>;
  openOptions(): Promise<void>;
  copyText(text: string): Promise<void>;
}

/**
 * The message-backed card API. It holds the card's asker port (`ASKER_PORT_PREFIX + askerId`)
 * from creation to `dispose()`: while it is open the background pushes refreshes to it; when the
 * frame goes away the port closes and the background drops the card's queued requests.
 *
 * A `prepared` card (rendered hidden during the intent delay) asks the cache alone: a fresh cached
 * answer is shown at once; a facet not cached, or stale, is asked of the background as usual only
 * when `goLive()` says the delay ended, so a pointer that passes over a link costs no API call.
 */
export function createMessageCardApi(knownSettings: () => Settings | undefined = () => undefined, prepared = false): CardApi & { dispose(): void; goLive(): void } {
  const askerId = crypto.randomUUID();
  let live = !prepared;
  /** What waits for the end of the intent delay. */
  const untilLive: Array<() => void> = [];
  const ask = <F extends CardFacet>(request: CardFacetRequest<F>) => askLinkFacet({ ...request, askerId, priority: 'interactive' });
  const whenLive = () => new Promise<void>((resolve) => (live ? resolve() : untilLive.push(resolve)));
  const askPrepared = async <F extends CardFacet>(request: CardFacetRequest<F>): Promise<CardReply<F>> => {
    const cached = await askLinkFacet({ ...request, askerId, cacheOnly: true });
    if (cached.state === 'not-cached') return whenLive().then(() => ask(request));
    // Stale numbers show at once; the refresh is asked when the card goes live, and its
    // `facetUpdated` push makes the model ask again.
    if (cached.state === 'data' && cached.stale) void whenLive().then(() => ask(request));
    return cached;
  };
  const listeners = new Set<(push: AskerPush) => void>();
  const port = holdPort(ASKER_PORT_PREFIX + askerId, (message) => {
    for (const listener of listeners) listener(message as AskerPush);
  });

  return {
    askFacet: (request) => (live ? ask(request) : askPrepared(request)),
    // A waiting frame already has the settings: the card asks for its numbers without a round trip.
    getSettings: () => {
      const known = knownSettings();
      return known ? Promise.resolve(known) : sendMessage('getSettings', {});
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      await sendMessage('closeCard', { refocusLink: true });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    copyText,
    goLive() {
      live = true;
      for (const resolve of untilLive.splice(0)) resolve();
    },
    dispose() {
      untilLive.length = 0;
      port.close();
      listeners.clear();
    },
  };
}
