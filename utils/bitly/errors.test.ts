import { describe, expect, it } from 'vitest';
import { BitlyError, abortErrorFor, errorKindForStatus, isAbortError, isBitlyError, type BitlyErrorKind } from './errors';

describe('errorKindForStatus', () => {
  it.each([
    [401, 'account', undefined, false, 'token-rejected'],
    [401, 'link', undefined, false, 'token-rejected'],
    [402, 'link', 'UPGRADE_REQUIRED', false, 'upgrade-required'],
    [403, 'account', 'FORBIDDEN', false, 'token-rejected'],
    [403, 'link', 'FORBIDDEN', false, 'not-in-account'],
    [403, 'link', undefined, false, 'not-in-account'],
    [403, 'any-link', 'FORBIDDEN', false, 'token-rejected'],
    [403, 'any-link', 'RATE_LIMIT_EXCEEDED', false, 'rate-limited'],
    [404, 'any-link', 'NOT_FOUND', false, 'not-in-account'],
    [410, 'any-link', 'GONE', false, 'gone'],
    [403, 'account', 'RATE_LIMIT_EXCEEDED', false, 'rate-limited'],
    [403, 'link', 'RATE_LIMIT_EXCEEDED', false, 'rate-limited'],
    [403, 'account', 'MONTHLY_LIMIT_EXCEEDED', false, 'rate-limited'],
    [403, 'create', 'MONTHLY_LIMIT_EXCEEDED', false, 'limit-reached'],
    [403, 'create', 'BRANDED_LINK_MONTHLY_LIMIT_EXCEEDED', false, 'limit-reached'],
    [403, 'create', 'RATE_LIMIT_EXCEEDED', false, 'rate-limited'],
    [403, 'create', 'FORBIDDEN', false, 'token-rejected'],
    [404, 'create', 'NOT_FOUND', false, 'bad-request'],
    [403, 'account', 'DAILY_LIMIT_EXCEEDED', false, 'rate-limited'],
    [403, 'account', 'FORBIDDEN', true, 'rate-limited'],
    [403, 'link', undefined, true, 'rate-limited'],
    [404, 'link', 'NOT_FOUND', false, 'not-in-account'],
    [404, 'account', 'NOT_FOUND', false, 'bad-request'],
    [410, 'link', 'GONE', false, 'gone'],
    [429, 'account', 'MONTHLY_LIMIT_EXCEEDED', false, 'rate-limited'],
    [429, 'create', 'MONTHLY_LIMIT_EXCEEDED', false, 'limit-reached'],
    [429, 'link', undefined, false, 'rate-limited'],
    [400, 'account', 'ALREADY_A_BITLY_LINK', false, 'bad-request'],
    [409, 'account', undefined, false, 'bad-request'],
    [417, 'account', 'DNS_CONFIGURATION_ERROR', false, 'bad-request'],
    [422, 'account', 'UNPROCESSABLE_ENTITY', false, 'bad-request'],
    [405, 'link', undefined, false, 'bad-request'],
    [500, 'link', 'INTERNAL_ERROR', false, 'server'],
    [502, 'account', undefined, false, 'server'],
    [503, 'link', 'TEMPORARILY_UNAVAILABLE', false, 'server'],
    [302, 'link', undefined, false, 'server'],
  ] as const)('%i on %s (%s, reason header %s) → %s', (status, scope, code, reason, kind) => {
    expect(errorKindForStatus(status, scope, code, reason)).toBe(kind);
  });
});

describe('BitlyError', () => {
  it.each([
    ['token-rejected', false],
    ['not-in-account', false],
    ['gone', false],
    ['upgrade-required', false],
    ['bad-request', false],
    ['rate-limited', true],
    ['limit-reached', false],
    ['server', true],
    ['timeout', true],
    ['network', true],
    ['malformed', true],
  ] as [BitlyErrorKind, boolean][])('%s retryable: %s', (kind, retryable) => {
    const error = new BitlyError(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.kind).toBe(kind);
    expect(error).toBeInstanceOf(Error);
    expect(isBitlyError(error)).toBe(true);
    expect(error.name).toBe('BitlyError');
  });

  it('keeps status, machine code and operation, and names them in the message', () => {
    const error = new BitlyError('bad-request', { status: 400, code: 'ALREADY_A_BITLY_LINK', operation: 'shorten' });
    expect(error).toMatchObject({ status: 400, code: 'ALREADY_A_BITLY_LINK', operation: 'shorten' });
    expect(error.message).toBe('Bitly shorten: Bitly refused the request (HTTP 400 ALREADY_A_BITLY_LINK)');
  });

  it.each([['free text with spaces'], ['lower_case'], ['A'.repeat(65)], [''], ['FORBIDDEN\nInjected']])(
    'drops a code that is not a machine code: %j',
    (code) => {
      const error = new BitlyError('server', { status: 500, code });
      expect(error.code).toBeUndefined();
      expect(error.message).not.toContain(code || '\u0000');
    },
  );
});

describe('abort helpers', () => {
  it('uses the signal reason when it is an AbortError', () => {
    const controller = new AbortController();
    controller.abort();
    const error = abortErrorFor(controller.signal);
    expect(isAbortError(error)).toBe(true);
    expect(error).toBe(controller.signal.reason);
  });

  it('makes an AbortError for any other reason', () => {
    const controller = new AbortController();
    controller.abort('hover ended');
    const error = abortErrorFor(controller.signal);
    expect(error.name).toBe('AbortError');
    expect(isBitlyError(error)).toBe(false);
  });

  it.each([[new BitlyError('timeout'), false], [new Error('x'), false], [null, false], ['AbortError', false]])(
    'isAbortError(%s) → %s',
    (value, expected) => {
      expect(isAbortError(value)).toBe(expected);
    },
  );
});
