/**
 * A port an extension page holds for as long as it lives (an asker's port, a card frame's port).
 * When it drops while the page still wants it — the service worker was stopped — it is opened
 * again after a short pause; closing it ends that.
 */
import { browser, type Browser } from 'wxt/browser';

export const RECONNECT_MS = 250;

export interface HeldPort {
  close(): void;
}

export function holdPort(name: string, onMessage: (message: unknown) => void): HeldPort {
  let closed = false;
  let port: Browser.runtime.Port | undefined;
  let reconnect: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    try {
      port = browser.runtime.connect({ name });
    } catch {
      return; // the extension was reloaded: this page is an orphan
    }
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!closed) reconnect = setTimeout(connect, RECONNECT_MS);
    });
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
