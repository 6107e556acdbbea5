/**
 * The background's side of the protocol in utils/messages.ts: it checks each message's
 * envelope, sender and data before a handler sees it, and answers anything else with an error.
 */
import * as v from 'valibot';
import type { Browser } from 'wxt/browser';
import {
  allowedSenders,
  requestSchemas,
  type MessageType,
  type Replies,
  type ReplyEnvelope,
  type RequestOf,
  type SenderKind,
} from './protocol';

type Sender = Browser.runtime.MessageSender;

export type Handlers = {
  [T in MessageType]: (data: RequestOf<T>, sender: Sender) => Promise<Replies[T]>;
};

export interface ExtensionIdentity {
  id: string;
  /** e.g. `chrome-extension://<id>/` */
  origin: string;
}

/** Classifies a sender, or returns null when it is not part of this extension. */
export function classifySender(sender: Sender, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id) return null;
  if (sender.url?.startsWith(self.origin)) return 'extension-page';
  if (sender.tab) return 'content-script';
  return null;
}

const envelopeSchema = v.object({
  bitlens: v.literal(1),
  type: v.picklist(Object.keys(requestSchemas) as MessageType[]),
  // Every request is an object; valibot's object schemas would take an empty array as `{}` (found by the fuzz test).
  data: v.custom<object>((data) => typeof data === 'object' && data !== null && !Array.isArray(data)),
});

/**
 * Returns the function to give `runtime.onMessage`: it answers every message that claims to be
 * Bitlens', and returns undefined (no answer) for anything else so other listeners may answer.
 */
export function createMessageRouter(handlers: Handlers, self: ExtensionIdentity) {
  return (message: unknown, sender: Sender): Promise<ReplyEnvelope> | undefined => {
    if (typeof message !== 'object' || message === null || !('bitlens' in message)) return undefined;
    return route(message, sender);
  };

  async function route(message: object, sender: Sender): Promise<ReplyEnvelope> {
    const envelope = v.safeParse(envelopeSchema, message);
    if (!envelope.success) return { ok: false, error: 'Unknown message' };
    const type = envelope.output.type;
    const kind = classifySender(sender, self);
    if (!kind || !allowedSenders[type].includes(kind)) return { ok: false, error: `${type} is not allowed from this sender` };
    const data = v.safeParse(requestSchemas[type], envelope.output.data);
    if (!data.success) return { ok: false, error: `Malformed ${type} request` };
    try {
      const handler = handlers[type] as (data: unknown, sender: Sender) => Promise<Replies[typeof type]>;
      return { ok: true, value: await handler(data.output, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : `${type} failed` };
    }
  }
}
