/**
 * What a surface is told when an account-level Bitly call failed (PRODUCT.md §5), for the
 * services in this folder; the stats service has its own, which also tells a revoked token from
 * a link of another account.
 */
import { isAbortError, isBitlyError } from '../bitly/errors';
import type { FacetReply, FailureReason } from '../messaging/protocol';
import { RateLimitedError } from '../scheduler/request-scheduler';

export type FailureReply = Exclude<FacetReply<never>, { state: 'data' }>;

export function failureReply(error: unknown, rateLimitedUntil: number, now: number): FailureReply {
  if (isAbortError(error)) return { state: 'cancelled' };
  if (error instanceof RateLimitedError) return { state: 'rate-limited', retryAt: error.retryAt };
  if (!isBitlyError(error)) return { state: 'error', reason: 'server' };
  switch (error.kind) {
    case 'token-rejected':
      return { state: 'token-rejected' };
    case 'upgrade-required':
      return { state: 'upgrade-required' };
    case 'rate-limited':
      return { state: 'rate-limited', retryAt: rateLimitedUntil || now + 2_000 };
    case 'not-in-account':
    case 'gone':
      // Not an account-level answer: the request addressed something that is not there.
      return { state: 'error', reason: 'bad-request' };
    default:
      return { state: 'error', reason: error.kind as FailureReason };
  }
}
