/**
 * What a surface is told when an account-level Bitly call of this folder failed (PRODUCT.md §5):
 * the stats service's answer (utils/stats/failure-reply.ts), except that a 403/404/410 here is not
 * about a link — the request addressed something that is not there.
 */
import type { FacetReply } from '../messaging/protocol';
import { failureReplyOf } from '../stats/failure-reply';

export type AccountFailureReply = Exclude<FacetReply<never>, { state: 'data' | 'not-in-account' | 'deleted' | 'invalid-link' }>;

export function accountFailureReply(error: unknown, rateLimitRetryAt: number): AccountFailureReply {
  const reply = failureReplyOf(error, rateLimitRetryAt);
  return reply.state === 'not-in-account' || reply.state === 'deleted' ? { state: 'error', reason: 'bad-request' } : reply;
}
