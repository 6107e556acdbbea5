/**
 * A port an extension page holds for as long as it lives (an asker's port, a card frame's port).
 * When it drops while the page still wants it — the service worker was stopped — it is opened
 * again, after a pause that doubles with each drop in a row (RECONNECT_MS up to
 * MAX_RECONNECT_MS) and starts over once a connection has held. A port the background turned
 * away on purpose (`PORT_REJECTED`: a copied card frame, a port beyond the tab's cap) is never
 * opened again, so rejected frames cannot keep the worker busy (PRODUCT.md §4).
 */
import { browser, type Browser } from 'wxt/browser';
import { isPortRejection } from './protocol-constants';

export const RECONNECT_MS = 250;
export const MAX_RECONNECT_MS = 30_000;
/** A connection that lasted this long worked: the next drop is reconnected after RECONNECT_MS again. */
export const HELD_MS = 10_000;

export interface HeldPort {
  close(): void;
}

export interface HoldPortOptions {
  connect?: (name: string) => Browser.runtime.Port;
  /**
   * A port of this name someone opened already (the popup's boot script): held as the first
   * connection, with the messages it got before (and whether it dropped meanwhile).
   */
  adopt?: { port: Browser.runtime.Port; takeOver(): { missed: unknown[]; dropped: boolean } };
  setTimer?: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  now?: () => number;
}

export function holdPort(name: string, onMessage: (message: unknown) => void, options: HoldPortOptions = {}): HeldPort {
  const { connect: open = (portName) => browser.runtime.connect({ name: portName }), setTimer = setTimeout, now = Date.now } = options;
  let adopt = options.adopt;
  let closed = false;
  let port: Browser.runtime.Port | undefined;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  let pause = RECONNECT_MS;

  const connect = () => {
    let opened: Browser.runtime.Port;
    const adopted = adopt;
    adopt = undefined;
    try {
      opened = adopted ? adopted.port : open(name);
    } catch {
      return; // the extension was reloaded: this page is an orphan
    }
    port = opened;
    const connectedAt = now();
    let rejected = false;
    const receive = (message: unknown) => {
      if (isPortRejection(message)) rejected = true;
      else onMessage(message);
    };
    const dropped = () => {
      if (port === opened) port = undefined;
      if (closed || rejected) return;
      if (now() - connectedAt >= HELD_MS) pause = RECONNECT_MS;
      reconnect = setTimer(connect, pause);
      pause = Math.min(pause * 2, MAX_RECONNECT_MS);
    };
    opened.onMessage.addListener(receive);
    opened.onDisconnect.addListener(dropped);
    if (!adopted) return;
    const before = adopted.takeOver();
    before.missed.forEach(receive);
    if (before.dropped) dropped();
  };
  connect();

  return {
    close() {
      closed = true;
      clearTimeout(reconnect);
      port?.disconnect();
      port = undefined;
    },
  };
}
