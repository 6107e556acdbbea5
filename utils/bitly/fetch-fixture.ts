/**
 * For the client's and the transport's tests: a `fetch` that records every request and answers
 * with a handler, JSON answers, and a timeout signal that runs on the global timers (which
 * `vi.useFakeTimers()` replaces; `AbortSignal.timeout` does not follow them).
 */
import { expect, vi } from 'vitest';
import { BitlyError } from './errors';

export interface Recorded {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  init: RequestInit;
}

export type Handler = (request: Recorded) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function recordingFetch(handler: Handler) {
  const calls: Recorded[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const recorded: Recorded = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      init,
    };
    calls.push(recorded);
    return handler(recorded);
  });
  return { calls, fetch, fetchFn: fetch as unknown as typeof globalThis.fetch };
}

/** Like `AbortSignal.timeout`, on `setTimeout`. */
export function timeoutOnGlobalTimers(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  return controller.signal;
}

/** The `BitlyError` a promise rejects with (the test fails if it resolves or throws anything else). */
export async function failure(promise: Promise<unknown>): Promise<BitlyError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BitlyError);
  return error as BitlyError;
}
