import { describe, expect, it } from 'vitest';
import { BITLY_ERROR_KINDS, BitlyError, type BitlyErrorKind } from '../bitly/errors';
import { RateLimitedError } from '../scheduler/request-scheduler';
import { failureReplyOf, replyForErrorKind, type FailureReply } from './failure-reply';

const RETRY_AT = 1_700_000_002_000;

/** What each kind shows; a `Record` over the kinds, so a new kind must be added here too. */
const REPLY_FOR: Record<BitlyErrorKind, FailureReply> = {
  'token-rejected': { state: 'token-rejected' },
  'not-in-account': { state: 'not-in-account' },
  gone: { state: 'deleted' },
  'upgrade-required': { state: 'upgrade-required' },
  'rate-limited': { state: 'rate-limited', retryAt: RETRY_AT },
  'limit-reached': { state: 'error', reason: 'bad-request' },
  'bad-request': { state: 'error', reason: 'bad-request' },
  server: { state: 'error', reason: 'server' },
  timeout: { state: 'error', reason: 'timeout' },
  network: { state: 'error', reason: 'network' },
  malformed: { state: 'error', reason: 'malformed' },
};

describe('replyForErrorKind', () => {
  it.each(BITLY_ERROR_KINDS)('%s', (kind) => {
    expect(replyForErrorKind(kind, RETRY_AT)).toEqual(REPLY_FOR[kind]);
  });
});

describe('failureReplyOf', () => {
  it.each(BITLY_ERROR_KINDS)('a BitlyError of kind %s answers as its kind', (kind) => {
    expect(failureReplyOf(new BitlyError(kind, { status: 400 }), RETRY_AT)).toEqual(REPLY_FOR[kind]);
  });

  it.each<[string, unknown, FailureReply]>([
    ['the asker left (AbortError)', new DOMException('gone', 'AbortError'), { state: 'cancelled' }],
    ['the scheduler’s rate-limit answer, with its own retry time', new RateLimitedError(42_000), { state: 'rate-limited', retryAt: 42_000 }],
    ['anything else, as a server error', new Error('boom tok-secret'), { state: 'error', reason: 'server' }],
    ['a thrown non-error', 'tok-secret', { state: 'error', reason: 'server' }],
  ])('%s', (_label, error, reply) => {
    expect(failureReplyOf(error, RETRY_AT)).toEqual(reply);
  });
});
