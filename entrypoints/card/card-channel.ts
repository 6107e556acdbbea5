/**
 * How a card frame learns what to show (utils/card-frame-contract.ts): the content script creates
 * the frame once, hidden, with a random key in its URL (`card.html#k=…`); the frame holds the port
 * `CARD_PORT_PREFIX + key` and the background relays the content script's show/hide to it. The
 * URL carries no link, so a page that frames card.html itself cannot make it look anything up.
 */
import { CARD_KEY_PATTERN, CARD_PORT_PREFIX } from '@/utils/card-frame-contract';
import { holdPort } from '@/utils/messaging/held-port';
import type { CardPush } from '@/utils/messaging/protocol';

/** The frame's key from its URL fragment, or null when there is none (the page was opened by hand). */
export function cardKeyFrom(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('k');
  return key && CARD_KEY_PATTERN.test(key) ? key : null;
}

/**
 * Holds the card port for the frame's life, reconnecting when it drops (the service worker was
 * stopped; the background keeps a show that arrives meanwhile until the port is back).
 */
export function connectCardChannel(key: string, onPush: (push: CardPush) => void): void {
  holdPort(CARD_PORT_PREFIX + key, (message) => onPush(message as CardPush));
}
