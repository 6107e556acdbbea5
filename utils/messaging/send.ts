/**
 * The extension pages' side of the protocol (protocol.ts): one request over
 * `runtime.sendMessage`, its reply's value, or an error with the background's reason.
 */
import { browser } from 'wxt/browser';
import type { AccountFacet, LinkFacet } from '../stats/facet-names';
import type {
  AccountFacetReply,
  AccountFacetRequest,
  Envelope,
  LinkFacetReply,
  LinkFacetRequest,
  MessageType,
  Replies,
  ReplyEnvelope,
  RequestOf,
} from './protocol';

export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Replies[T]> {
  const envelope: Envelope<T> = { bitlens: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as ReplyEnvelope<T> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** `getLinkFacet` with the reply typed for the facet asked for. */
export function askLinkFacet<F extends LinkFacet>(request: LinkFacetRequest & { facet: F }) {
  return sendMessage('getLinkFacet', request) as Promise<LinkFacetReply<F>>;
}

/** `getAccountFacet` with the reply typed for the facet asked for. */
export function askAccountFacet<F extends AccountFacet>(request: AccountFacetRequest & { facet: F }) {
  return sendMessage('getAccountFacet', request) as Promise<AccountFacetReply<F>>;
}
