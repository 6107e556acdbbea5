/**
 * How one Bitly request travels, once the client (client.ts) has built and checked it:
 *
 * - it is sent with `Authorization: Bearer <token>` and nothing else that identifies the user,
 *   without cookies, cache or redirects;
 * - it ends after `timeoutMs` (10 s, body included) as `BitlyError('timeout')`, or when the
 *   caller aborts, as an AbortError — even if `fetch` ignores its signal;
 * - a non-2xx answer becomes a `BitlyError` of the kind its status and the endpoint's scope mean;
 * - a success body is parsed as JSON and validated with the request's valibot schema;
 * - nothing that leaves it quotes the token.
 *
 * It holds no state besides its options: caching, scheduling and retries live elsewhere.
 */
import * as v from 'valibot';
import { BitlyError, abortErrorFor, errorKindForStatus, type EndpointScope } from './errors';
import { ErrorBodySchema } from './schemas';

export const DEFAULT_TIMEOUT_MS = 10_000;

/** One Bitly API request as the client builds it; every part is already checked. */
export interface BitlyRequest<S extends v.GenericSchema = v.GenericSchema> {
  /** Client method name, e.g. `getClicks` (for errors). */
  operation: string;
  method: 'GET' | 'POST';
  /** Path segments after `/v4/`, each already checked and encoded. */
  path: readonly string[];
  query?: Readonly<Record<string, string | number | undefined>>;
  body?: Readonly<Record<string, string>>;
  /** What a success body must look like. */
  schema: S;
  /** What the endpoint is about, which decides how 403 and 404 read. */
  scope: EndpointScope;
}

export interface BitlyAnswer<T> {
  status: number;
  data: T;
}

export interface SendOptions {
  /** The caller's lifetime: when it aborts, the request ends with an AbortError. */
  signal?: AbortSignal;
}

/** Sends a request: its validated body, or a `BitlyError` (an AbortError for the caller's abort). */
export type BitlySend<O = SendOptions> = <S extends v.GenericSchema>(
  request: BitlyRequest<S>,
  options?: O,
) => Promise<BitlyAnswer<v.InferOutput<S>>>;

export interface TransportOptions {
  /** API origin without `/v4`, e.g. `https://api-ssl.bitly.com` or the stand-in's address. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request, including reading the body. Default 10 s (PRODUCT.md §5). */
  timeoutMs?: number;
  /** A signal that aborts after `ms`: `AbortSignal.timeout`, unless a test brings its own clock. */
  timeoutSignal?: (ms: number) => AbortSignal;
}

/** Visible ASCII only: anything else would make `Headers` throw a message that quotes it. */
const TOKEN_PATTERN = /^[\x21-\x7e]{1,512}$/;

export function createTransport(opts: TransportOptions): BitlySend {
  const { token } = opts;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeoutSignal = opts.timeoutSignal ?? ((ms: number) => AbortSignal.timeout(ms));
  // Resolved per call so a test or the runtime can replace the global; never called as a method.
  const doFetch: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = new URL(opts.baseUrl);
  const prefix = `${base.pathname.replace(/\/+$/, '').replace(/\/v4$/, '')}/v4/`;

  /** Belt and braces: nothing derived from a response may carry the token out, in any case. */
  const lowerToken = token.toLowerCase();
  const scrub = (text: string | undefined): string | undefined =>
    text === undefined || token.length === 0 || !text.toLowerCase().includes(lowerToken) ? text : undefined;

  function urlOf(request: BitlyRequest): URL {
    const pathname = prefix + request.path.join('/');
    const url = new URL(pathname, base);
    for (const [name, value] of Object.entries(request.query ?? {})) {
      // URLSearchParams encodes `+` as %2B and `:` as %3A, as the spec asks for unit_reference.
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    // The URL parser must not have changed the path (no dot segments, no decoding tricks).
    if (url.origin !== base.origin || url.pathname !== pathname) {
      throw new BitlyError('bad-request', { operation: request.operation, detail: 'unsafe request path' });
    }
    return url;
  }

  return async function send<S extends v.GenericSchema>(
    request: BitlyRequest<S>,
    options?: SendOptions,
  ): Promise<BitlyAnswer<v.InferOutput<S>>> {
    const { operation } = request;
    const callerSignal = options?.signal;
    if (!TOKEN_PATTERN.test(token)) {
      throw new BitlyError('token-rejected', { operation, detail: 'the stored token is empty or has invalid characters' });
    }
    const url = urlOf(request);
    if (callerSignal?.aborted) throw abortErrorFor(callerSignal);

    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (request.body) headers['Content-Type'] = 'application/json';

    // Our timeout and the caller's abort end the request alike; which one fired decides the error.
    const timeout = timeoutSignal(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    // `fetch` may ignore its signal (or a body may never end): racing this abandons it anyway.
    const ended = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });

    let status: number;
    let rateLimitReason: boolean;
    let text: string;
    try {
      const response = await Promise.race([
        doFetch(url.href, {
          method: request.method,
          headers,
          body: request.body ? JSON.stringify(request.body) : undefined,
          signal,
          credentials: 'omit',
          cache: 'no-store',
          // The API does not redirect; following one could carry the request elsewhere.
          redirect: 'error',
        }),
        ended,
      ]);
      status = response.status;
      rateLimitReason = response.headers.has('X-Ratelimit-Reason');
      text = await Promise.race([response.text(), ended]);
    } catch {
      // The underlying error is not kept: its message could quote request details.
      if (callerSignal?.aborted) throw abortErrorFor(callerSignal);
      if (timeout.aborted) throw new BitlyError('timeout', { operation, detail: `no answer within ${timeoutMs} ms` });
      throw new BitlyError('network', { operation });
    }

    if (status < 200 || status > 299) {
      const errorBody = v.safeParse(ErrorBodySchema, parseJson(text));
      const code = scrub(errorBody.success ? errorBody.output.message : undefined);
      const kind = errorKindForStatus(status, request.scope, code, rateLimitReason);
      throw new BitlyError(kind, { status, code, operation });
    }

    const json = parseJson(text);
    if (json === undefined) throw new BitlyError('malformed', { status, operation, detail: 'body is not JSON' });
    const result = v.safeParse(request.schema, json);
    if (!result.success) {
      const issue = result.issues[0];
      const path = scrub(v.getDotPath(issue)?.replace(/[^\w.-]/g, '').slice(0, 80));
      throw new BitlyError('malformed', { status, operation, detail: `invalid field ${path || '(root)'}` });
    }
    return { status, data: result.output };
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
