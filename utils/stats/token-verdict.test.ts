import { describe, expect, it, vi } from 'vitest';
import { BitlyError } from '../bitly/errors';
import type { FacetReply } from '../messaging/protocol';
import { RateLimitedError } from '../scheduler/request-scheduler';
import { TOKEN_TRUST_MS, createTokenVerdict, destinationSays, isForbiddenOnLink, userCheckFailureSays } from './token-verdict';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;

describe('isForbiddenOnLink: which failures need a verdict', () => {
  it.each<[string, unknown, boolean]>([
    ['403 on a link (the client reads it as not-in-account)', new BitlyError('not-in-account', { status: 403 }), true],
    ['404 on a link: the link is not there, whatever the token', new BitlyError('not-in-account', { status: 404 }), false],
    ['403 on expand (any link): can only mean the token', new BitlyError('token-rejected', { status: 403 }), false],
    ['403 RATE_LIMIT_EXCEEDED', new BitlyError('rate-limited', { status: 403, code: 'RATE_LIMIT_EXCEEDED' }), false],
    ['410 deleted', new BitlyError('gone', { status: 410 }), false],
    ['the scheduler’s rate-limit answer', new RateLimitedError(NOW), false],
    ['another error', new Error('403'), false],
  ])('%s → %s', (_label, error, needsVerdict) => {
    expect(isForbiddenOnLink(error)).toBe(needsVerdict);
  });
});

describe('destinationSays: what the same link’s expand says about the token', () => {
  const data = (ageMs: number): FacetReply<unknown> => ({ state: 'data', data: {}, fetchedAt: NOW - ageMs, stale: false, refreshing: false });
  it.each<[string, FacetReply<unknown>, boolean | undefined]>([
    ['expand refused the token', { state: 'token-rejected' }, false],
    ['expand answered just now', data(0), true],
    ['expand answered 9 minutes ago', data(9 * MINUTE), true],
    ['expand answered exactly 10 minutes ago', data(TOKEN_TRUST_MS), undefined],
    ['expand answered 11 minutes ago (from the cache)', data(11 * MINUTE), undefined],
    ['the link does not exist (404)', { state: 'not-in-account' }, undefined],
    ['the link was deleted', { state: 'deleted' }, undefined],
    ['expand failed', { state: 'error', reason: 'network' }, undefined],
    ['expand was rate limited', { state: 'rate-limited', retryAt: NOW }, undefined],
    ['the asker left', { state: 'cancelled' }, undefined],
  ])('%s → %s', (_label, reply, says) => {
    expect(destinationSays(reply, NOW)).toBe(says);
  });
});

describe('userCheckFailureSays: a failed /v4/user', () => {
  it.each<[string, unknown, 'rejected' | 'inconclusive']>([
    ['token rejected (401/403)', new BitlyError('token-rejected', { status: 403 }), 'rejected'],
    ['network', new BitlyError('network'), 'inconclusive'],
    ['timeout', new BitlyError('timeout'), 'inconclusive'],
    ['server', new BitlyError('server', { status: 503 }), 'inconclusive'],
    ['malformed', new BitlyError('malformed', { status: 200 }), 'inconclusive'],
    ['rate limited, not waited out', new RateLimitedError(NOW), 'inconclusive'],
    ['the asker left', new DOMException('gone', 'AbortError'), 'inconclusive'],
  ])('%s → %s', (_label, error, says) => {
    expect(userCheckFailureSays(error)).toBe(says);
  });
});

function setup(checkUser: (token: string) => Promise<unknown> = async () => ({})) {
  const clock = { now: NOW };
  const check = vi.fn(checkUser);
  const verdict = createTokenVerdict({ now: () => clock.now, checkUser: check });
  return { verdict, check, clock };
}

const destinationOf = (reply: FacetReply<unknown>) => vi.fn(async () => reply);
const oldDestination = (): FacetReply<unknown> => ({ state: 'data', data: {}, fetchedAt: NOW - 11 * MINUTE, stale: false, refreshing: false });

describe('createTokenVerdict: what is remembered', () => {
  it('a fresh destination decides at no call, and is not remembered for other links', async () => {
    const { verdict, check } = setup();
    const fresh = destinationOf({ state: 'data', data: {}, fetchedAt: NOW - MINUTE, stale: false, refreshing: false });
    expect(await verdict.accepted('tok', fresh)).toBe(true);
    expect(check).not.toHaveBeenCalled();
    expect(await verdict.accepted('tok', destinationOf(oldDestination()))).toBe(true);
    expect(check).toHaveBeenCalledOnce();
  });

  it('with only an old destination, /v4/user is asked once and trusted for 10 minutes', async () => {
    const { verdict, check, clock } = setup();
    const destination = vi.fn(async () => oldDestination());
    expect(await verdict.accepted('tok', destination)).toBe(true);
    clock.now += TOKEN_TRUST_MS - 1;
    expect(await verdict.accepted('tok', destination)).toBe(true);
    expect(check).toHaveBeenCalledOnce();
    // While trusted, not even the destination is asked.
    expect(destination).toHaveBeenCalledOnce();
    clock.now += 1;
    expect(await verdict.accepted('tok', destination)).toBe(true);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('simultaneous 403s share one /v4/user', async () => {
    let pass!: () => void;
    const { verdict, check } = setup(() => new Promise<void>((resolve) => (pass = resolve)));
    const verdicts = [verdict.accepted('tok'), verdict.accepted('tok'), verdict.accepted('tok')];
    pass();
    expect(await Promise.all(verdicts)).toEqual([true, true, true]);
    expect(check).toHaveBeenCalledOnce();
  });

  it('a rejection by /v4/user is remembered', async () => {
    const { verdict, check } = setup(async () => Promise.reject(new BitlyError('token-rejected', { status: 403 })));
    expect(await verdict.accepted('tok')).toBe(false);
    expect(await verdict.accepted('tok', destinationOf(oldDestination()))).toBe(false);
    expect(check).toHaveBeenCalledOnce();
  });

  it.each([
    ['network', new BitlyError('network')],
    ['server', new BitlyError('server', { status: 503 })],
    ['a rate limit not waited out', new RateLimitedError(NOW + 4_000)],
  ])('an inconclusive check (%s) reads as "works" and is not remembered', async (_label, error) => {
    const { verdict, check } = setup(async () => Promise.reject(error));
    expect(await verdict.accepted('tok')).toBe(true);
    expect(await verdict.accepted('tok')).toBe(true);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('a rejection the service met elsewhere is remembered without any call', async () => {
    const { verdict, check } = setup();
    verdict.rememberRejected('tok');
    const destination = destinationOf(oldDestination());
    expect(await verdict.accepted('tok', destination)).toBe(false);
    expect(destination).not.toHaveBeenCalled();
    expect(check).not.toHaveBeenCalled();
  });

  it('the expand’s own rejection decides without /v4/user', async () => {
    const { verdict, check } = setup();
    expect(await verdict.accepted('tok', destinationOf({ state: 'token-rejected' }))).toBe(false);
    expect(check).not.toHaveBeenCalled();
  });

  it('a verdict on one token says nothing about another', async () => {
    const { verdict, check } = setup(async (token) => (token === 'old' ? Promise.reject(new BitlyError('token-rejected', { status: 403 })) : {}));
    expect(await verdict.accepted('old')).toBe(false);
    expect(await verdict.accepted('new')).toBe(true);
    verdict.rememberRejected('old');
    expect(await verdict.accepted('new')).toBe(true);
    expect(check.mock.calls.map(([token]) => token)).toEqual(['old', 'new', 'new']);
  });
});
