/**
 * The one message protocol between Bitlens' contexts. Every request is declared here once, as
 * a valibot schema (the source of its type and of the background's runtime check), together
 * with its reply type and the contexts allowed to send it.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

/** Who sent a message, as the background sees it. */
export type SenderKind = 'extension-page' | 'content-script';

const empty = v.strictObject({});

export const requestSchemas = {
  getAccount: empty,
  saveToken: v.strictObject({ token: v.pipe(v.string(), v.maxLength(4096)) }),
  signOut: empty,
} as const;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = v.InferOutput<(typeof requestSchemas)[T]>;

/** Contexts allowed to send each message. Token handling is for extension pages only. */
export const allowedSenders: { readonly [T in MessageType]: readonly SenderKind[] } = {
  getAccount: ['extension-page'],
  saveToken: ['extension-page'],
  signOut: ['extension-page'],
};

export interface AccountSummary {
  login: string;
  name: string | null;
  defaultGroup: { guid: string; name: string | null };
  organization: { guid: string; name: string; tierName: string } | null;
}

export type AccountState =
  | { signedIn: false }
  | { signedIn: true; account: AccountSummary };

/** Why a token could not be saved; each has its own message on the options page. */
export type TokenProblem = 'empty' | 'token-rejected' | 'unreachable' | 'rate-limited' | 'server-error';

export type SaveTokenReply =
  | { ok: true; account: AccountSummary }
  | { ok: false; problem: TokenProblem };

export interface Replies {
  getAccount: AccountState;
  saveToken: SaveTokenReply;
  signOut: AccountState;
}

/** What travels over `runtime.sendMessage`. */
export interface Envelope<T extends MessageType = MessageType> {
  bitlens: 1;
  type: T;
  data: RequestOf<T>;
}

export type ReplyEnvelope<T extends MessageType = MessageType> =
  | { ok: true; value: Replies[T] }
  | { ok: false; error: string };

export async function sendMessage<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Replies[T]> {
  const envelope: Envelope<T> = { bitlens: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as ReplyEnvelope<T> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
