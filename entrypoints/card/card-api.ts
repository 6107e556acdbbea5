/**
 * What the hover card needs from the rest of the extension, as one interface (STYLE.md habit 6):
 * the real implementation talks to the background through utils/messages.ts; the fixture one
 * (card-api-fixture.ts) lets the card's logic and views run in tests without extension APIs.
 */
import { browser } from 'wxt/browser';
import { ASKER_PORT_PREFIX, askLinkFacet, sendMessage, type AskerPush, type FacetReply } from '@/utils/messages';
import type { LinkFacetData } from '@/utils/stats/facets';
import type { Settings } from '@/utils/settings/settings-schema';

/** The only facets the card may ask for (PRODUCT.md §2 hover budget: 3 metric calls + 1 expand). */
export const CARD_ASKABLE_FACETS = ['destination', 'clicks', 'countries', 'referrers'] as const;
export type CardFacet = (typeof CARD_ASKABLE_FACETS)[number];
export type MetricFacet = Exclude<CardFacet, 'destination'>;
export type CardReply<F extends CardFacet> = FacetReply<LinkFacetData<F>>;

export interface CardFacetRequest<F extends CardFacet> {
  /** The bitlink id (`bit.ly/Abc1234`). */
  link: string;
  facet: F;
  /** The user asked for fresh numbers. */
  refresh?: boolean;
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

/** Writes to the clipboard; falls back to a selection copy where the async API is refused. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch (error) {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
    const focused = document.activeElement as HTMLElement | null;
    document.body.append(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      // reported below with the original error
    }
    area.remove();
    focused?.focus();
    if (!copied) throw error;
  }
}

/**
 * The message-backed card API. It holds the card's asker port (`ASKER_PORT_PREFIX + askerId`)
 * from creation to `dispose()`: while it is open the background pushes refreshes to it; when the
 * frame goes away the port closes and the background drops the card's queued requests. A port
 * that closes while the card lives (the service worker restarted) is opened again.
 */
export function createMessageCardApi(knownSettings: () => Settings | undefined = () => undefined): CardApi & { dispose(): void } {
  const askerId = crypto.randomUUID();
  const listeners = new Set<(push: AskerPush) => void>();
  let disposed = false;
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let reconnect: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    try {
      port = browser.runtime.connect({ name: ASKER_PORT_PREFIX + askerId });
    } catch {
      return; // the extension was reloaded: this card is an orphan
    }
    port.onMessage.addListener((message: unknown) => {
      for (const listener of listeners) listener(message as AskerPush);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!disposed) reconnect = setTimeout(connect, 250);
    });
  };
  connect();

  return {
    askFacet: ({ link, facet, refresh }) =>
      askLinkFacet({ link, facet, askerId, priority: 'interactive', ...(refresh ? { refresh: true } : {}) }),
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
    dispose() {
      disposed = true;
      clearTimeout(reconnect);
      port?.disconnect();
      listeners.clear();
    },
  };
}
