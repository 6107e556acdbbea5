/**
 * Posting to a port the other side may have just closed: until the background hears the
 * disconnect, `postMessage` throws, and one closed port must not stop a broadcast to the rest.
 */
import type { Browser } from 'wxt/browser';
import { PORT_REJECTED } from './protocol';

/** Posts, or returns false when the port is already gone. */
export function postToPort(port: Browser.runtime.Port, message: unknown): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}

/** Turns a port away for good: the page's held port hears why and does not connect again. */
export function rejectPort(port: Browser.runtime.Port): void {
  postToPort(port, PORT_REJECTED);
  port.disconnect();
}
