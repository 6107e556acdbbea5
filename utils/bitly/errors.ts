/**
 * The one error taxonomy of the Bitly client. Everything the client throws is a `BitlyError`,
 * except a caller's abort, which is rethrown as a DOM `AbortError` so the scheduler can tell a
 * dropped request from a failed one (`isAbortError`).
 *
 * Messages are built only from our own strings, the HTTP status and Bitly's machine code (which
 * must look like `FORBIDDEN`); Bitly's free-text `description` is never copied. The token is
 * never passed in here.
 */

/** Every kind of failure, once; the type and the tables below follow from it. */
export const BITLY_ERROR_KINDS = [
  'token-rejected',
  'not-in-account',
  'gone',
  'upgrade-required',
  'rate-limited',
  /** A monthly cap of the plan (links shortened…): final until the month ends, never retried. */
  'limit-reached',
  'bad-request',
  'server',
  'timeout',
  'network',
  'malformed',
] as const;

export type BitlyErrorKind = (typeof BITLY_ERROR_KINDS)[number];

/**
 * What an endpoint is about, which decides how 403 and 404 read:
 * - `account`: the token's own resources (user, groups, organizations, BSDs, group and
 *   organization metrics, shorten);
 * - `link`: one bitlink of the token's account (the bitlink itself, its metrics);
 * - `any-link`: one bitlink, whoever owns it (`POST /v4/expand`, whose spec declares no 403);
 * - `create`: making a link (`POST /v4/shorten`), where a monthly-limit code is the plan's cap on
 *   new links, final until the month ends — elsewhere it is the API request cap: back off.
 */
export type EndpointScope = 'account' | 'link' | 'any-link' | 'create';

const RETRYABLE: Readonly<Record<BitlyErrorKind, boolean>> = {
  'token-rejected': false,
  'not-in-account': false,
  gone: false,
  'upgrade-required': false,
  // Retryable, but only after a backoff (Bitly sends no Retry-After; ENDPOINTS.md §5).
  'rate-limited': true,
  'limit-reached': false,
  'bad-request': false,
  server: true,
  timeout: true,
  network: true,
  malformed: true,
};

const SUMMARY: Readonly<Record<BitlyErrorKind, string>> = {
  'token-rejected': 'the access token was rejected',
  'not-in-account': 'the link is not in this Bitly account',
  gone: 'the link was deleted',
  'upgrade-required': 'the Bitly plan does not include this data',
  'rate-limited': 'Bitly rate limit reached',
  'limit-reached': 'a monthly limit of the Bitly plan was reached',
  'bad-request': 'Bitly refused the request',
  server: 'Bitly had a server error',
  timeout: 'Bitly did not answer in time',
  network: 'Bitly could not be reached',
  malformed: 'Bitly sent an unexpected response',
};

/** Bitly's machine codes (`FORBIDDEN`, `ALREADY_A_BITLY_LINK`, `INVALID_ARG_DOMAIN`, …). */
const CODE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;

export interface BitlyErrorDetails {
  status?: number;
  /** Bitly's `message` field. Dropped unless it looks like a machine code. */
  code?: string;
  /** Client method name, e.g. `getClicks`. */
  operation?: string;
  /** A short, token-free detail of our own (e.g. which field failed validation). */
  detail?: string;
}

export class BitlyError extends Error {
  override readonly name = 'BitlyError';
  readonly kind: BitlyErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly operation?: string;
  readonly retryable: boolean;

  constructor(kind: BitlyErrorKind, details: BitlyErrorDetails = {}) {
    const code = details.code !== undefined && CODE_PATTERN.test(details.code) ? details.code : undefined;
    const http = details.status === undefined ? '' : ` (HTTP ${details.status}${code ? ` ${code}` : ''})`;
    const where = details.operation ? `Bitly ${details.operation}` : 'Bitly';
    const detail = details.detail ? `: ${details.detail}` : '';
    super(`${where}: ${SUMMARY[kind]}${http}${detail}`);
    this.kind = kind;
    this.status = details.status;
    this.code = code;
    this.operation = details.operation;
    this.retryable = RETRYABLE[kind];
  }
}

export function isBitlyError(error: unknown): error is BitlyError {
  return error instanceof BitlyError;
}

/** True for the error the client throws when the caller aborted (and for any other AbortError). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

/** The error to throw for a caller's abort: the signal's own reason when it is an AbortError. */
export function abortErrorFor(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The Bitly request was aborted.', 'AbortError');
}

/** A monthly cap of the plan: `MONTHLY_LIMIT_EXCEEDED`, `BRANDED_LINK_MONTHLY_LIMIT_EXCEEDED`, … */
function isMonthlyLimitCode(code: string | undefined): boolean {
  return code !== undefined && /(^|_)MONTHLY_LIMIT_EXCEEDED$/.test(code);
}

/** True for Bitly's rate-limit codes seen on 403: `RATE_LIMIT_EXCEEDED` and other `*_LIMIT_EXCEEDED`. */
function isRateLimitCode(code: string | undefined): boolean {
  return code !== undefined && /(^|_)LIMIT_EXCEEDED$/.test(code);
}

/**
 * Maps a non-2xx HTTP answer to an error kind.
 *
 * - 401 → token-rejected (the spec declares no 401, but a bad token may get one).
 * - 402 → upgrade-required (premium facets such as cities and devices).
 * - 403 or 429 with a monthly-limit code (`MONTHLY_LIMIT_EXCEEDED`…) when making a link →
 *   limit-reached: the plan's cap on new links, final for the month, so neither retried nor a pause
 *   for every other request. On any other endpoint it is the API request cap: rate-limited.
 * - 403 → rate-limited when Bitly's code is `RATE_LIMIT_EXCEEDED` (or another `*_LIMIT_EXCEEDED`)
 *   or the `X-Ratelimit-Reason` header is present. Otherwise, on a link endpoint it means the
 *   link belongs to another account (v4 scopes link data to the token's groups), so
 *   not-in-account — or that the token was revoked, which Bitly answers the same way (the stats
 *   service tells them apart); on an account or any-link endpoint it means the token cannot
 *   act: token-rejected.
 * - 404 → on a link endpoint the hash does not exist (or Bitly hides a foreign link behind 404):
 *   not-in-account, which is what the user needs to see either way. On an account endpoint a 404
 *   means we addressed something that is not there, typically a stale group or organization guid
 *   from settings: bad-request, not retried, so the caller refreshes its guids.
 * - 410 → gone (a deleted link).
 * - 429 → rate-limited (ENDPOINTS.md §5: back off).
 * - 400, 409, 417, 422 and any other 4xx → bad-request, keeping Bitly's code.
 * - 5xx, and anything else that is not a success (e.g. an unfollowed 3xx) → server.
 */
export function errorKindForStatus(
  status: number,
  scope: EndpointScope,
  code?: string,
  hasRateLimitReason = false,
): BitlyErrorKind {
  if (status === 401) return 'token-rejected';
  if (status === 402) return 'upgrade-required';
  if ((status === 403 || status === 429) && scope === 'create' && isMonthlyLimitCode(code)) return 'limit-reached';
  if (status === 403) {
    if (hasRateLimitReason || isRateLimitCode(code)) return 'rate-limited';
    return scope === 'link' ? 'not-in-account' : 'token-rejected';
  }
  if (status === 404) return scope === 'link' || scope === 'any-link' ? 'not-in-account' : 'bad-request';
  if (status === 410) return 'gone';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'bad-request';
  return 'server';
}
