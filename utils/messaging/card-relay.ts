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
/** Keys whose frame is remembered (see `owners`); the oldest are forgotten first. */
const MAX_OWNERS = 512;

/** The frame and document a port comes from (`documentId`: Chromium only). */
const frameOf = (sender: Browser.runtime.MessageSender) => `${sender.frameId ?? ''}/${(sender as { documentId?: string }).documentId ?? ''}`;

export class CardRelay {
  private readonly ports = new Map<string, Port>();
  private readonly waiting = new Map<string, CardPush>();
  /**
   * The frame (and document) that first held each key: only it may hold the key again, so a copy
   * of the frame, even one that connects while the real frame reconnects, never gets a card.
   */
  private readonly owners = new Map<string, string>();
  /** Per tab, the key its content script last showed or hid: its one card port. */
  private readonly tabKeys = new Map<number, string>();

  constructor(private readonly self: ExtensionIdentity) {}

  /** For `runtime.onConnect`: adopts card ports from card pages in a tab, ignores other ports. */
  readonly attach = (port: Port) => {
    if (!port.name.startsWith(CARD_PORT_PREFIX) || !port.sender) return;
    const tabId = port.sender.tab?.id;
    const fromCard = classifySender(port.sender, this.self) === 'extension-page' && new URL(port.sender.url ?? 'about:blank').pathname === CARD_PAGE;
    if (!fromCard || tabId === undefined) return port.disconnect();
    const slot = slotOf(tabId, port.name.slice(CARD_PORT_PREFIX.length));
    // The first frame with a key keeps it: a copy framed by the page is never shown anything.
    const frame = frameOf(port.sender);
    const owner = this.owners.get(slot);
    if (this.ports.has(slot) || (owner !== undefined && owner !== frame)) return port.disconnect();
    if (owner === undefined) {
      this.owners.set(slot, frame);
      if (this.owners.size > MAX_OWNERS) this.owners.delete(this.owners.keys().next().value!);
    }
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

  /**
   * Passes a show or hide from the content script in `tabId` to its frame. The content script has
   * one frame: a card port of another key in its tab (a frame it made earlier and lost) is closed.
   */
  relay(tabId: number, key: string, push: CardPush) {
    const slot = slotOf(tabId, key);
    const previous = this.tabKeys.get(tabId);
    this.tabKeys.set(tabId, key);
    if (previous !== undefined && previous !== key) {
      this.ports.get(slotOf(tabId, previous))?.disconnect();
      this.ports.delete(slotOf(tabId, previous));
    }
    const port = this.ports.get(slot);
    this.waiting.delete(slot);
    if (port && postToPort(port, push)) return;
    this.ports.delete(slot);
    if (push.type !== 'show') return;
    this.waiting.set(slot, push);
    if (this.waiting.size > MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
  }
}

const slotOf = (tabId: number, key: string) => `${tabId}/${key}`;
