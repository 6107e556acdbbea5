/**
 * The one path from the background to Bitly: a Bitly client per token whose every call is a job
 * of the one request scheduler, so the cap on calls in flight, the priorities and the shared
 * rate-limit pause hold for every call — a sign-in check as much as a hover. The services get
 * this and nothing else; the transport that really sends is handed to it in background.ts.
 *
 * Calls are keyed by what goes out (token, method, path, query, body): identical calls in flight
 * share one request, and calls made with different tokens never do.
 */
import { createBitlyClient, type BitlyClient } from '../bitly/client';
import type { BitlyRequest, BitlySend } from '../bitly/transport';
import type { Priority } from './priorities';
import type { RequestScheduler } from './request-scheduler';

export interface ScheduledOptions {
  /** Who waits: the user right now (`interactive`), a surface in view (`normal`, the default), nobody yet (`prefetch`). */
  priority?: Priority;
  /**
   * The asker's lifetime: when it aborts before the call started, the asker is gone (and the call
   * with it when nobody else shares it). A call that started runs on for whoever shares it.
   */
  signal?: AbortSignal;
}

export type ScheduledBitlyClient = BitlyClient<ScheduledOptions>;

export interface ScheduledBitly {
  /** The client for one token; cheap to make, so make one per use. */
  forToken(token: string): ScheduledBitlyClient;
  /** When calls may start again after a rate limit, or 0 when not paused. */
  readonly rateLimitedUntil: number;
}

export interface ScheduledBitlyDeps {
  scheduler: RequestScheduler;
  /** The transport that sends with this token (`createTransport`); nothing else may call it. */
  transportFor(token: string): BitlySend;
}

export function createScheduledBitly({ scheduler, transportFor }: ScheduledBitlyDeps): ScheduledBitly {
  return {
    forToken(token) {
      const send = transportFor(token);
      return createBitlyClient<ScheduledOptions>((request, options) =>
        scheduler.schedule({
          key: requestKey(token, request),
          priority: options?.priority,
          signal: options?.signal,
          // No signal goes to the transport: a started call may be shared by other askers.
          run: () => send(request),
        }),
      );
    },
    get rateLimitedUntil() {
      return scheduler.rateLimitedUntil;
    },
  };
}

/**
 * The scheduler's key for a call: equal for identical calls, different whenever the token or
 * anything sent differs (JSON keeps the parts apart whatever characters they hold). The key stays
 * in the background's memory, like the token, and only while the call is queued or running.
 */
export function requestKey(token: string, request: BitlyRequest): string {
  return JSON.stringify([token, request.method, request.path, request.query ?? {}, request.body ?? {}]);
}
