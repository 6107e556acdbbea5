/**
 * The background's side of the card channel (utils/card-frame-contract.ts): each card frame
 * holds a port named with its key; the content script that made the frame shows and hides it
 * through the background, which relays to the port with that key in the same tab.
 */
import type { Browser } from 'wxt/browser';
import { CARD_PAGE, CARD_PORT_PREFIX } from '../card-frame-contract';
import { postToPort } from './post-to-port';
import type { CardPush } from './protocol';
import { classifySender, type ExtensionIdentity } from './router';

type Port = Browser.runtime.Port;

/** Shows waiting for their frame's port (it is loading, or reconnecting after a worker restart). */
const MAX_WAITING = 16;

export class CardRelay {
  private readonly ports = new Map<string, Port>();
  private readonly waiting = new Map<string, CardPush>();

  constructor(private readonly self: ExtensionIdentity) {}

  /** For `runtime.onConnect`: adopts card ports from card pages in a tab, ignores other ports. */
  readonly attach = (port: Port) => {
    if (!port.name.startsWith(CARD_PORT_PREFIX) || !port.sender) return;
    const tabId = port.sender.tab?.id;
    const fromCard = classifySender(port.sender, this.self) === 'extension-page' && new URL(port.sender.url ?? 'about:blank').pathname === CARD_PAGE;
    if (!fromCard || tabId === undefined) return port.disconnect();
    const slot = slotOf(tabId, port.name.slice(CARD_PORT_PREFIX.length));
    // The first frame with a key keeps it: a copy framed by the page is never shown anything.
    if (this.ports.has(slot)) return port.disconnect();
    this.ports.set(slot, port);
    port.onDisconnect.addListener(() => {
      if (this.ports.get(slot) === port) this.ports.delete(slot);
    });
    const push = this.waiting.get(slot);
    this.waiting.delete(slot);
    if (push) port.postMessage(push);
  };

  /** Tells every card frame (settings changed). */
  broadcast(push: CardPush) {
    for (const port of this.ports.values()) postToPort(port, push);
  }

  /** Passes a prepare, show or hide from the content script in `tabId` to its frame. */
  relay(tabId: number, key: string, push: CardPush) {
    const slot = slotOf(tabId, key);
    const port = this.ports.get(slot);
    this.waiting.delete(slot);
    if (port && postToPort(port, push)) return;
    this.ports.delete(slot);
    // A frame made at the first hover is still loading while its first card is prepared.
    if (push.type !== 'show' && push.type !== 'prepare') return;
    this.waiting.set(slot, push);
    if (this.waiting.size > MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
  }
}

const slotOf = (tabId: number, key: string) => `${tabId}/${key}`;
