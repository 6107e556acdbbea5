/** What a route handler gets and returns. */
import type { AccountRecord } from '../data';
import type { LinkStore } from '../link-store';

export interface RequestContext {
  method: string;
  pathname: string;
  /** Path parameters, already percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The raw request body ('' when none). */
  rawBody: string;
  /** The authenticated account. */
  account: AccountRecord;
  store: LinkStore;
  /** Request time, epoch ms. */
  now: number;
  /** Origin the client reached the server at, e.g. http://127.0.0.1:48787 (for pagination URLs). */
  origin: string;
  /** Bitly's `resource` name for errors on this path. */
  resource: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => ApiResponse;

export interface Route {
  method: 'GET' | 'POST';
  /** Path under /v4 with `:name` parameters, e.g. /bitlinks/:domain/:hash/clicks. */
  pattern: string;
  /** The spec's operation this serves: `GET /bitlinks/{bitlink}/clicks`. */
  operation: string;
  handler: Handler;
}

export const ok = (body: unknown, status = 200): ApiResponse => ({ status, body });
