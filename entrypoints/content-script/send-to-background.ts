/**
 * The content script's side of utils/messaging/protocol.ts on `chrome.*` (see index.ts): one request, its
 * reply's value, or undefined when the background cannot answer (also after an extension update
 * orphaned this copy, which `onOrphaned` then hears).
 */
import type { Envelope, MessageType, Replies, ReplyEnvelope, RequestOf } from '@/utils/messaging/protocol';

let onOrphaned: (() => void) | undefined;

export function whenOrphaned(callback: () => void) {
  onOrphaned = callback;
}

export function sendToBackground<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Replies[T] | undefined> {
  return new Promise((resolve) => {
    if (!chrome.runtime?.id) {
      onOrphaned?.();
      return resolve(undefined);
    }
    const envelope: Envelope<T> = { bitlens: 1, type, data };
    try {
      chrome.runtime.sendMessage(envelope, (reply: ReplyEnvelope<T> | undefined) => {
        resolve(chrome.runtime.lastError || !reply?.ok ? undefined : reply.value);
      });
    } catch {
      // "Extension context invalidated": the extension went away between the check and the call.
      onOrphaned?.();
      resolve(undefined);
    }
  });
}
