/**
 * The background's side of the card channel (utils/card-frame-contract.ts): each card frame
 * holds a port named with its key; the content script that made the frame shows and hides it
 * through the background, which relays to the port with that key in the same tab.
 *
 * A page can copy the card frame as often as it likes; the relay keeps that cheap: a port it
 * turns away hears so and never reconnects (held-port.ts), and a tab holds at most
 * MAX_CARD_PORTS_PER_TAB card ports — beyond that a newcomer is turned away. Copies can only be
 * made from the real frame's address, so the real frame is always there before them.
 */
import type { Browser } from 'wxt/browser';
import { CARD_PAGE, CARD_PORT_PREFIX } from '../card-frame-contract';
import { postToPort, rejectPort } from './post-to-port';
import type { CardPush } from './protocol';
import { classifySender, type ExtensionIdentity } from './router';

type Port = Browser.runtime.Port;

/** Shows waiting for their frame's port (it is loading, or reconnecting after a worker restart). */
const MAX_WAITING = 16;
/**
 * Card ports one tab may hold. A page has one card frame (its content script makes one, in the
 * top frame); a few more cover a navigation whose old page has not let go yet.
 */
export const MAX_CARD_PORTS_PER_TAB = 4;

interface Held {
  port: Port;
  tabId: number;
}

/** Keys whose frame is remembered (see `owners`); the oldest are forgotten first. */
const MAX_OWNERS = 512;

/** The frame and document a port comes from (`documentId`: Chromium only). */
const frameOf = (sender: Browser.runtime.MessageSender) => `${sender.frameId ?? ''}/${(sender as { documentId?: string }).documentId ?? ''}`;

export class CardRelay {
  private readonly ports = new Map<string, Held>();
  private readonly waiting = new Map<string, CardPush>();
  /** Every card port that asked to connect, adopted or not (a test-build counter; see background.ts). */
  connectAttempts = 0;
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
    this.connectAttempts++;
    const tabId = port.sender.tab?.id;
    const fromCard = classifySender(port.sender, this.self) === 'extension-page' && new URL(port.sender.url ?? 'about:blank').pathname === CARD_PAGE;
    if (!fromCard || tabId === undefined) return rejectPort(port);
    const slot = slotOf(tabId, port.name.slice(CARD_PORT_PREFIX.length));
    // The first frame with a key keeps it: a copy framed by the page is never shown anything.
    const frame = frameOf(port.sender);
    const owner = this.owners.get(slot);
    if (this.ports.has(slot) || (owner !== undefined && owner !== frame)) return rejectPort(port);
    if (this.portsIn(tabId) >= MAX_CARD_PORTS_PER_TAB) return rejectPort(port);
    if (owner === undefined) {
      this.owners.set(slot, frame);
      if (this.owners.size > MAX_OWNERS) this.owners.delete(this.owners.keys().next().value!);
    }
    const held: Held = { port, tabId };
    this.ports.set(slot, held);
    port.onDisconnect.addListener(() => {
      if (this.ports.get(slot) === held) this.ports.delete(slot);
    });
    const push = this.waiting.get(slot);
    this.waiting.delete(slot);
    if (push) port.postMessage(push);
  };

  /** How many card ports the relay holds for `tabId`. */
  portsIn(tabId: number): number {
    let count = 0;
    for (const held of this.ports.values()) if (held.tabId === tabId) count++;
    return count;
  }

  /** Tells every card frame (settings changed). */
  broadcast(push: CardPush) {
    for (const { port } of this.ports.values()) postToPort(port, push);
  }

  /**
   * Passes a prepare, show or hide from the content script in `tabId` to its frame. The content script has
   * one frame: a card port of another key in its tab (a frame it made earlier and lost) is closed.
   */
  relay(tabId: number, key: string, push: CardPush) {
    const slot = slotOf(tabId, key);
    const previous = this.tabKeys.get(tabId);
    this.tabKeys.set(tabId, key);
    if (previous !== undefined && previous !== key) {
      const lost = this.ports.get(slotOf(tabId, previous));
      if (lost) rejectPort(lost.port);
      this.ports.delete(slotOf(tabId, previous));
    }
    const held = this.ports.get(slot);
    this.waiting.delete(slot);
    if (held && postToPort(held.port, push)) return;
    this.ports.delete(slot);
    // A frame made at the first hover is still loading while its first card is prepared.
    if (push.type !== 'show' && push.type !== 'prepare') return;
    this.waiting.set(slot, push);
    if (this.waiting.size > MAX_WAITING) this.waiting.delete(this.waiting.keys().next().value!);
  }
}

const slotOf = (tabId: number, key: string) => `${tabId}/${key}`;
