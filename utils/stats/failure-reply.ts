/**
 * What a surface shows when a fetch failed (PRODUCT.md §5): pure, one answer for everything a
 * scheduled Bitly call can throw. The stats service adds what must be remembered (a rejected
 * token, a plan gate) on top.
 */
import { isAbortError, isBitlyError, type BitlyErrorKind } from '../bitly/errors';
import type { FacetReply } from '../messaging/protocol';
import { RateLimitedError } from '../scheduler/request-scheduler';

/** The replies a failure can give: every state but data and the two the service decides before asking. */
export type FailureReply = Exclude<FacetReply<never>, { state: 'data' | 'no-token' | 'invalid-link' }>;

/**
 * The reply for each kind of Bitly error; `retryAt` is when a rate limit ends. Every kind has its
 * case: a new kind does not compile until it has one.
 */
export function replyForErrorKind(kind: BitlyErrorKind, retryAt: number): FailureReply {
  switch (kind) {
    case 'token-rejected':
      return { state: 'token-rejected' };
    case 'not-in-account':
      return { state: 'not-in-account' };
    case 'gone':
      return { state: 'deleted' };
    case 'upgrade-required':
      return { state: 'upgrade-required' };
    case 'rate-limited':
      return { state: 'rate-limited', retryAt };
    case 'limit-reached':
      // A monthly cap answers no read of statistics; as a refusal it is not worth retrying.
      return { state: 'error', reason: 'bad-request' };
    case 'bad-request':
    case 'server':
    case 'timeout':
    case 'network':
    case 'malformed':
      return { state: 'error', reason: kind };
    default:
      return unknownKind(kind);
  }
}

function unknownKind(kind: never): never {
  throw new TypeError(`No reply for the Bitly error kind ${String(kind)}`);
}

/**
 * The reply for anything a scheduled call throws: the asker left (cancelled), the scheduler's
 * own rate-limit answer, a Bitly error by its kind, and anything else as a server error (its
 * message is never passed on: it could quote the token).
 */
export function failureReplyOf(error: unknown, rateLimitRetryAt: number): FailureReply {
  if (isAbortError(error)) return { state: 'cancelled' };
  if (error instanceof RateLimitedError) return { state: 'rate-limited', retryAt: error.retryAt };
  if (!isBitlyError(error)) return { state: 'error', reason: 'server' };
  return replyForErrorKind(error.kind, rateLimitRetryAt);
}
