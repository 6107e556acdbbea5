/**
 * Answering one /v4 request: log it, apply fault rules, route it, authenticate, and send
 * Bitly-shaped JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accountByToken } from './data';
import { ApiError, apiErrors, resourceFor } from './errors';
import type { FaultPlan, FaultRegistry, TerminalFault } from './faults';
import type { LinkStore } from './link-store';
import type { ApiResponse } from './routes/context';
import { matchRoute } from './routes/index';

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The bearer token presented (valid or not); null without an `Authorization: Bearer` header. */
  token: string | null;
  /** A POST's JSON body as sent (the raw text when it is not JSON); absent for GET. */
  body?: unknown;
  /** 0 while unanswered (and for ever for a `timeout` fault). */
  status: number;
  startedAt: number;
  endedAt?: number;
}

/** Server-wide state the request handlers share. */
export interface ApiState {
  log: LoggedRequest[];
  faults: FaultRegistry;
  store: LinkStore;
  inFlight: number;
  maxInFlight: number;
  now: () => number;
  /** Waits `ms`; resolves early (with false) when the server closes. */
  sleep: (ms: number) => Promise<boolean>;
  isClosing: () => boolean;
}

const MAX_BODY_BYTES = 1_000_000;

const BASE_HEADERS = {
  'Content-Type': 'application/json',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'X-Ratelimit-Reason',
};

export function bearerToken(header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1] ?? null;
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function parseBodyForLog(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function sendJson(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { ...BASE_HEADERS, ...headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function faultResponse(fault: Exclude<TerminalFault, { kind: 'timeout' } | { kind: 'malformed' }>, resource: string): ApiError {
  switch (fault.kind) {
    case 'status':
      return fault.status === 500 ? apiErrors.internal(resource) : fault.status === 502 ? apiErrors.badGateway(resource) : apiErrors.unavailable(resource);
    case 'rate-limit-429':
      return apiErrors.monthlyLimit429(resource);
    case 'rate-limit-403':
      return apiErrors.rateLimited403(resource);
    case 'token-revoked':
      return apiErrors.forbidden(resource);
  }
}

/** The answer the stand-in would give without faults. */
function answer(state: ApiState, req: IncomingMessage, url: URL, token: string | null, rawBody: string): ApiResponse {
  const method = req.method ?? 'GET';
  const resource = resourceFor(url.pathname);
  try {
    const match = matchRoute(method, url.pathname.slice('/v4'.length));
    if (!match) throw apiErrors.pageNotFound(resource);
    const account = accountByToken(token);
    if (!account) throw apiErrors.forbidden(resource);
    return match.route.handler({
      method,
      pathname: url.pathname,
      params: match.params,
      query: url.searchParams,
      rawBody,
      account,
      store: state.store,
      now: state.now(),
      origin: `http://${req.headers.host ?? url.host}`,
      resource,
    });
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body, headers: error.headers };
    console.error('[fake-bitly] handler crashed', error);
    const e = apiErrors.internal(resource);
    return { status: e.status, body: e.body };
  }
}

function dropFields(response: ApiResponse, plan: FaultPlan): ApiResponse {
  const body = response.body;
  if (plan.dropFields.length === 0 || response.status >= 300 || typeof body !== 'object' || body === null || Array.isArray(body)) return response;
  const copy = { ...(body as Record<string, unknown>) };
  for (const field of plan.dropFields) delete copy[field];
  return { ...response, body: copy };
}

export async function handleApi(state: ApiState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    // CORS preflight: answered, not logged (it is not an API call).
    res.writeHead(204, {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Bitly-Api-Version',
      'Access-Control-Max-Age': '600',
    });
    res.end();
    return;
  }

  const token = bearerToken(req.headers.authorization);
  const entry: LoggedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), token, status: 0, startedAt: Date.now() };
  state.log.push(entry);
  state.inFlight++;
  state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
  let counted = true;
  res.on('finish', () => (entry.endedAt = Date.now()));
  res.on('close', () => {
    if (counted) state.inFlight--;
    counted = false;
    entry.endedAt ??= Date.now();
  });

  const rawBody = await readBody(req);
  if (method === 'POST') entry.body = parseBodyForLog(rawBody);
  const plan = state.faults.plan({ method, path: url.pathname, token });
  if (plan.latencyMs > 0) await state.sleep(plan.latencyMs);
  if (state.isClosing()) return;
  const terminal = plan.terminal;
  if (terminal?.kind === 'timeout') return; // hangs until the client gives up or the server closes

  let response: ApiResponse;
  if (terminal && terminal.kind !== 'malformed') {
    const e = faultResponse(terminal, resourceFor(url.pathname));
    response = { status: e.status, body: e.body, headers: e.headers };
  } else {
    response = dropFields(answer(state, req, url, token, rawBody), plan);
  }

  let text = JSON.stringify(response.body);
  let status = response.status;
  if (terminal?.kind === 'malformed') {
    // A 200 whose JSON is cut off half way: a prefix of an object never parses.
    status = 200;
    text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  }
  entry.status = status;
  sendJson(res, status, text, terminal?.kind === 'malformed' ? {} : response.headers);
}
