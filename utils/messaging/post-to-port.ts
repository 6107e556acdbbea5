/**
 * Posting to a port the other side may have just closed: until the background hears the
 * disconnect, `postMessage` throws, and one closed port must not stop a broadcast to the rest.
 */
import type { Browser } from 'wxt/browser';

/** Posts, or returns false when the port is already gone. */
export function postToPort(port: Browser.runtime.Port, message: unknown): boolean {
  try {
    port.postMessage(message);
    return true;
  } catch {
    return false;
  }
}
