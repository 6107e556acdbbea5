import { afterEach, describe, expect, it, vi } from 'vitest';
import { BitlyError, isAbortError, type BitlyErrorKind } from './errors';
import { failure, json, recordingFetch, timeoutOnGlobalTimers, type Handler } from './fetch-fixture';
import { ClicksSchema, ShortenedBitlinkSchema, UserSchema } from './schemas';
import { createTransport, type BitlyRequest } from './transport';

const BASE = 'https://api.example';
const TOKEN = 'tok_0123456789abcdef0123456789abcdef';

const USER_BODY = { login: 'ann', name: 'Ann', default_group_guid: 'Ba1bc23dE4F', is_active: true };
const CLICKS_BODY = { link_clicks: [{ clicks: 3, date: '2025-10-13T00:00:00+0000' }], unit: 'day', units: 30 };
const SHORTEN_BODY = { id: 'bit.ly/new', link: 'https://bit.ly/new', long_url: 'https://example.com/' };

/** Requests as the client builds them: one on the account, one on a link, one with a body. */
const USER: BitlyRequest<typeof UserSchema> = { operation: 'getUser', method: 'GET', path: ['user'], schema: UserSchema, scope: 'account' };
const CLICKS: BitlyRequest<typeof ClicksSchema> = {
  operation: 'getClicks',
  method: 'GET',
  path: ['bitlinks', 'bit.ly', 'AbC', 'clicks'],
  query: { unit: 'day', units: 30, unit_reference: undefined },
  schema: ClicksSchema,
  scope: 'link',
};
const SHORTEN: BitlyRequest<typeof ShortenedBitlinkSchema> = {
  operation: 'shorten',
  method: 'POST',
  path: ['shorten'],
  body: { long_url: 'https://example.com/' },
  schema: ShortenedBitlinkSchema,
  scope: 'account',
};

const okFor: Handler = (request) => json(200, request.url.pathname.endsWith('/user') ? USER_BODY : CLICKS_BODY);

/** Fake-timer tests bring a timeout on the global timers; the rest use `AbortSignal.timeout`. */
function setup(handler: Handler = okFor, options: { timeoutMs?: number; baseUrl?: string; token?: string; fakeTimers?: boolean } = {}) {
  const { calls, fetch, fetchFn } = recordingFetch(handler);
  const send = createTransport({
    baseUrl: options.baseUrl ?? BASE,
    token: options.token ?? TOKEN,
    fetch: fetchFn,
    timeoutMs: options.timeoutMs,
    timeoutSignal: options.fakeTimers ? timeoutOnGlobalTimers : undefined,
  });
  return { send, calls, fetch };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('requests', () => {
  it('sends the bearer token, asks for JSON and keeps credentials and redirects out', async () => {
    const { send, calls } = setup();
    await send(USER);
    const [call] = calls;
    expect(call?.method).toBe('GET');
    expect(call?.url.href).toBe(`${BASE}/v4/user`);
    expect(call?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers.get('Accept')).toBe('application/json');
    expect(call?.headers.has('Content-Type')).toBe(false);
    expect(call?.init).toMatchObject({ credentials: 'omit', redirect: 'error', cache: 'no-store' });
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('puts the query in the URL, leaving out what is undefined', async () => {
    const { send, calls } = setup();
    await send(CLICKS);
    expect(calls[0]?.url.href).toBe(`${BASE}/v4/bitlinks/bit.ly/AbC/clicks?unit=day&units=30`);
  });

  it('sends a JSON body with its content type', async () => {
    const { send, calls } = setup(() => json(200, SHORTEN_BODY));
    await send(SHORTEN);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.body).toEqual({ long_url: 'https://example.com/' });
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it.each([
    ['https://api.example/', `${BASE}/v4/user`],
    ['https://api.example/v4', `${BASE}/v4/user`],
    ['http://127.0.0.1:48787', 'http://127.0.0.1:48787/v4/user'],
    ['http://127.0.0.1:48787/prefix/', 'http://127.0.0.1:48787/prefix/v4/user'],
  ])('baseUrl %s → %s', async (baseUrl, href) => {
    const { send, calls } = setup(okFor, { baseUrl });
    await send(USER);
    expect(calls[0]?.url.href).toBe(href);
  });

  it.each([[['..', 'user']], [['bitlinks', '.', '..', 'user']], [['%2e%2e', 'user']]])(
    'refuses a path the URL parser would change (%j) without calling fetch',
    async (path) => {
      const { send, fetch } = setup();
      expect((await failure(send({ ...USER, path }))).kind).toBe('bad-request');
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('uses the global fetch when none is injected', async () => {
    const global = vi.fn(async () => json(200, USER_BODY));
    vi.stubGlobal('fetch', global);
    const send = createTransport({ baseUrl: BASE, token: TOKEN });
    await expect(send(USER)).resolves.toMatchObject({ status: 200, data: { login: 'ann' } });
    expect(global).toHaveBeenCalledOnce();
  });
});

describe('HTTP status → error kind', () => {
  const forbidden = { message: 'FORBIDDEN', resource: 'bitlinks', description: 'You are currently forbidden to access this resource.' };
  const cases: [string, number, unknown, Record<string, string> | undefined, BitlyErrorKind, BitlyErrorKind][] = [
    // label, status, body, headers, kind on a link endpoint (getClicks), kind on an account endpoint (getUser)
    ['401', 401, { message: 'UNAUTHORIZED' }, undefined, 'token-rejected', 'token-rejected'],
    ['402', 402, { message: 'UPGRADE_REQUIRED', resource: 'bitlinks', description: 'You must upgrade.' }, undefined, 'upgrade-required', 'upgrade-required'],
    ['403 FORBIDDEN', 403, forbidden, undefined, 'not-in-account', 'token-rejected'],
    ['403 RATE_LIMIT_EXCEEDED', 403, { message: 'RATE_LIMIT_EXCEEDED' }, undefined, 'rate-limited', 'rate-limited'],
    ['403 + X-Ratelimit-Reason', 403, forbidden, { 'X-Ratelimit-Reason': 'hourly limit' }, 'rate-limited', 'rate-limited'],
    ['403 without body', 403, undefined, undefined, 'not-in-account', 'token-rejected'],
    ['404', 404, { message: 'NOT_FOUND' }, undefined, 'not-in-account', 'bad-request'],
    ['410', 410, { message: 'GONE' }, undefined, 'gone', 'gone'],
    ['429', 429, { message: 'MONTHLY_LIMIT_EXCEEDED' }, undefined, 'rate-limited', 'rate-limited'],
    ['400', 400, { message: 'INVALID_ARG_UNIT' }, undefined, 'bad-request', 'bad-request'],
    ['417', 417, { message: 'EXPECTATION_FAILED' }, undefined, 'bad-request', 'bad-request'],
    ['422', 422, { message: 'UNPROCESSABLE_ENTITY' }, undefined, 'bad-request', 'bad-request'],
    ['500', 500, { message: 'INTERNAL_ERROR' }, undefined, 'server', 'server'],
    ['502 HTML', 502, '<html>Bad gateway</html>', undefined, 'server', 'server'],
    ['503', 503, { message: 'TEMPORARILY_UNAVAILABLE' }, undefined, 'server', 'server'],
  ];

  it.each(cases)('%s', async (_label, status, body, headers, linkKind, accountKind) => {
    const respond = () =>
      body === undefined
        ? new Response(null, { status, headers })
        : typeof body === 'string'
          ? new Response(body, { status, headers })
          : json(status, body, headers);
    const { send } = setup(respond);
    const onLink = await failure(send(CLICKS));
    const onAccount = await failure(send(USER));
    expect([onLink.kind, onAccount.kind]).toEqual([linkKind, accountKind]);
    expect(onLink.status).toBe(status);
    const code = typeof body === 'object' && body ? (body as { message: string }).message : undefined;
    expect(onLink.code).toBe(code);
    expect(onLink.operation).toBe('getClicks');
  });

  it('marks rate limits, server errors and timeouts retryable and the rest not', async () => {
    const { send } = setup(() => json(429, { message: 'MONTHLY_LIMIT_EXCEEDED' }));
    expect((await failure(send(USER))).retryable).toBe(true);
    const second = setup(() => json(402, { message: 'UPGRADE_REQUIRED' }));
    expect((await failure(second.send(CLICKS))).retryable).toBe(false);
  });
});

describe('success bodies', () => {
  it('returns the validated body, extra fields included, with its status', async () => {
    const { send } = setup(() => json(200, { ...CLICKS_BODY, surprise: { nested: true } }));
    const answer = await send(CLICKS);
    expect(answer.status).toBe(200);
    expect(answer.data.link_clicks[0]?.clicks).toBe(3);
    expect(answer.data).toHaveProperty('surprise', { nested: true });
  });

  it.each([
    ['not JSON', () => new Response('{"link_clicks": [', { status: 200 })],
    ['empty body', () => new Response('', { status: 200 })],
    ['HTML', () => new Response('<html></html>', { status: 200 })],
    ['dropped required field', () => json(200, { unit: 'day', units: 30 })],
    ['wrong type', () => json(200, { link_clicks: [{ clicks: '3', date: 'x' }], unit: 'day', units: 30 })],
    ['negative count', () => json(200, { link_clicks: [{ clicks: -1, date: 'x' }], unit: 'day', units: 30 })],
    ['unknown unit', () => json(200, { link_clicks: [], unit: 'fortnight', units: 30 })],
    ['null', () => json(200, null)],
    ['array', () => json(200, [])],
  ])('%s → malformed', async (_label, respond) => {
    const { send } = setup(respond);
    const error = await failure(send(CLICKS));
    expect(error).toMatchObject({ kind: 'malformed', status: 200, retryable: true });
  });

  it('names the failing field', async () => {
    const { send } = setup(() => json(200, { unit: 'day', units: 30 }));
    expect((await failure(send(CLICKS))).message).toContain('link_clicks');
  });
});

describe('timeouts, aborts and network failures', () => {
  const hang = () => new Promise<Response>(() => {});

  it('times out after 10 s by default, even if fetch ignores the signal', async () => {
    vi.useFakeTimers();
    const { send } = setup(hang, { fakeTimers: true });
    const result = failure(send(USER));
    let settled = false;
    void result.finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('times out with AbortSignal.timeout when no clock is given, even if fetch ignores the signal', async () => {
    const { send } = setup(hang, { timeoutMs: 20 });
    expect(await failure(send(USER))).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('times out a fetch that honours the signal as timeout, not abort', async () => {
    const { send } = setup(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      { timeoutMs: 20 },
    );
    expect((await failure(send(USER))).kind).toBe('timeout');
  });

  it('times out a body that never finishes', async () => {
    vi.useFakeTimers();
    const stream = new ReadableStream<Uint8Array>({ start: () => {} });
    const { send } = setup(() => new Response(stream, { status: 200 }), { timeoutMs: 50, fakeTimers: true });
    const result = failure(send(USER));
    await vi.advanceTimersByTimeAsync(50);
    expect((await result).kind).toBe('timeout');
  });

  it('rethrows a caller abort as an AbortError, not a BitlyError', async () => {
    const controller = new AbortController();
    const { send } = setup(hang);
    const pending = send(CLICKS, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(error).not.toBeInstanceOf(BitlyError);
  });

  it('passes the abort on to fetch', async () => {
    const controller = new AbortController();
    const { send, calls } = setup(hang);
    const pending = send(USER, { signal: controller.signal }).catch(() => {});
    await Promise.resolve();
    controller.abort('hover ended');
    await pending;
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('does not call fetch for an already aborted signal', async () => {
    const { send, fetch } = setup();
    const error = await send(USER, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a caller abort that races the timeout is still an abort', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { send } = setup(hang, { timeoutMs: 100, fakeTimers: true });
    const pending = send(USER, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(99);
    controller.abort();
    await vi.advanceTimersByTimeAsync(1);
    expect(isAbortError(await pending)).toBe(true);
  });

  it('maps a rejected fetch to network', async () => {
    const { send } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await failure(send(USER))).toMatchObject({ kind: 'network', retryable: true, status: undefined });
  });
});

describe('the token never appears in errors', () => {
  const scenarios: [string, Handler][] = [
    ['network error quoting the token', () => Promise.reject(new TypeError(`Headers: "Bearer ${TOKEN}" is invalid`))],
    ['403', () => json(403, { message: 'FORBIDDEN' })],
    ['error body echoing the token', () => json(400, { message: TOKEN.toUpperCase(), description: TOKEN })],
    ['error body code equal to the token', () => json(400, { message: TOKEN })],
    ['malformed JSON', () => new Response(`{"token":"${TOKEN}"`, { status: 200 })],
    ['schema failure', () => json(200, { [TOKEN]: TOKEN, link_clicks: TOKEN })],
    ['500', () => new Response(`upstream said ${TOKEN}`, { status: 500 })],
  ];

  it.each(scenarios)('%s', async (_label, handler) => {
    const { send } = setup(handler);
    const error = await failure(send(CLICKS));
    for (const text of [error.message, error.stack ?? '', String(error), JSON.stringify(error), error.code ?? '']) {
      expect(text).not.toContain(TOKEN);
      expect(text.toLowerCase()).not.toContain(TOKEN.toLowerCase());
    }
  });

  it('on timeout', async () => {
    const { send } = setup(() => new Promise<Response>(() => {}), { timeoutMs: 5 });
    const error = await failure(send(USER));
    expect(`${error.message}${error.stack}`).not.toContain(TOKEN);
  });

  it.each([['tok\nen'], ['tok en'], [''], ['tökén']])('refuses an unusable token %j without calling fetch or quoting it', async (token) => {
    const { send, fetch } = setup(okFor, { token });
    const error = await failure(send(USER));
    expect(error.kind).toBe('token-rejected');
    if (token) expect(`${error.message}${error.stack}`).not.toContain(token);
    expect(fetch).not.toHaveBeenCalled();
  });
});
