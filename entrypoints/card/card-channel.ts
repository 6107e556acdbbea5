/**
 * How a card frame learns what to show. The content script creates the frame once, hidden, with
 * a random key in its URL (`card.html#k=…`); the frame holds the port `CARD_PORT_PREFIX + key`
 * and the background relays the content script's show/hide to it. The URL carries no link, so a
 * page that frames card.html itself cannot make it look anything up.
 */
import { browser } from 'wxt/browser';
import { CARD_PORT_PREFIX, type CardPush } from '@/utils/messages';

const KEY_PATTERN = /^[\w-]{16,64}$/;
const RECONNECT_MS = 250;

/** The frame's key from its URL fragment, or null when there is none (the page was opened by hand). */
export function cardKeyFrom(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('k');
  return key && KEY_PATTERN.test(key) ? key : null;
}

/**
 * Holds the card port for the frame's life, reconnecting when it drops (the service worker was
 * stopped; the background keeps a show that arrives meanwhile until the port is back).
 */
export function connectCardChannel(key: string, onPush: (push: CardPush) => void): void {
  const connect = () => {
    let port: ReturnType<typeof browser.runtime.connect>;
    try {
      port = browser.runtime.connect({ name: CARD_PORT_PREFIX + key });
    } catch {
      return; // the extension was reloaded: this frame is an orphan
    }
    port.onMessage.addListener((message: unknown) => onPush(message as CardPush));
    port.onDisconnect.addListener(() => setTimeout(connect, RECONNECT_MS));
  };
  connect();
}
