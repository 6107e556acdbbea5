/**
 * Every Bitly request goes through one scheduler, so that:
 * - identical requests (same key) in flight or queued are shared;
 * - at most `maxInFlight` requests run at once (Bitly allows 5 connections per IP);
 * - the request the user is looking at goes first, prefetches last;
 * - a queued request whose every asker went away is dropped before it starts;
 * - retryable failures are retried (at most `maxRetries` times, with backoff);
 * - a rate limit pauses every request, not just the one that met it.
 */
import type { Priority } from './priorities';

export type { Priority } from './priorities';

const rank: Record<Priority, number> = { interactive: 0, normal: 1, prefetch: 2 };

/** What the scheduler needs to know about a failure; the Bitly client's errors fit it. */
export interface FailureInfo {
  kind: string;
  retryable: boolean;
}

export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAt: number) {
    super('Bitly rate limit');
  }
}

export interface SchedulerOptions {
  maxInFlight?: number;
  maxRetries?: number;
  /** Delay before retry n (1-based) of a failed request. */
  retryDelayMs?: (attempt: number) => number;
  /** Shared pause after the n-th rate limit in a row. */
  rateLimitDelayMs?: (strike: number) => number;
  /** A rate-limit pause longer than this is answered as "rate limited" instead of waited out. */
  maxWaitForRateLimitMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

interface Job {
  key: string;
  run: () => Promise<unknown>;
  priority: number;
  seq: number;
  askers: number;
  attempt: number;
  notBefore: number;
  promise: Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Removes the askers' abort listeners, so a settled job is not kept alive by their signals. */
  detach: Array<() => void>;
}

export interface ScheduleRequest<T> {
  key: string;
  run: () => Promise<T>;
  priority?: Priority;
  /** The asker's lifetime: when it aborts (hover ended, popup closed) the asker is gone. */
  signal?: AbortSignal;
}

function abortError(): Error {
  return new DOMException('The asker went away before the request started', 'AbortError');
}

export function isFailureInfo(error: unknown): error is FailureInfo {
  return typeof error === 'object' && error !== null && 'kind' in error && 'retryable' in error;
}

export class RequestScheduler {
  private readonly queue: Job[] = [];
  private readonly jobs = new Map<string, Job>();
  private running = 0;
  private seq = 0;
  private pausedUntil = 0;
  private rateLimitStrikes = 0;
  private wakeAt = Infinity;
  private readonly o: Required<SchedulerOptions>;

  /** Highest number of requests seen running at once (for tests and the benchmark). */
  maxSeenInFlight = 0;

  constructor(options: SchedulerOptions = {}) {
    this.o = {
      maxInFlight: 4,
      maxRetries: 2,
      retryDelayMs: (attempt) => 500 * 3 ** (attempt - 1),
      rateLimitDelayMs: (strike) => Math.min(60_000, 2_000 * 2 ** (strike - 1)),
      // The first, short pause is waited out; a longer one is answered so the user sees why.
      maxWaitForRateLimitMs: 2_000,
      now: Date.now,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      ...options,
    };
  }

  get inFlight(): number {
    return this.running;
  }

  /** When requests may start again after a rate limit, or 0 when not paused. */
  get rateLimitedUntil(): number {
    return this.pausedUntil > this.o.now() ? this.pausedUntil : 0;
  }

  schedule<T>({ key, run, priority = 'normal', signal }: ScheduleRequest<T>): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    let job = this.jobs.get(key);
    if (job) {
      job.priority = Math.min(job.priority, rank[priority]);
      job.askers++;
    } else {
      let resolve!: (value: unknown) => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<unknown>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Nobody may be left to observe a dropped job's rejection.
      promise.catch(() => {});
      job = { key, run, priority: rank[priority], seq: this.seq++, askers: 1, attempt: 0, notBefore: 0, promise, resolve, reject, detach: [] };
      this.jobs.set(key, job);
      this.queue.push(job);
    }
    const shared = job;
    if (signal) {
      const onAbort = () => this.leave(shared);
      signal.addEventListener('abort', onAbort, { once: true });
      shared.detach.push(() => signal.removeEventListener('abort', onAbort));
    }
    this.pump();
    return shared.promise as Promise<T>;
  }

  private leave(job: Job) {
    job.askers--;
    const index = this.queue.indexOf(job);
    if (job.askers > 0 || index < 0) return;
    this.queue.splice(index, 1);
    this.finish(job);
    job.reject(abortError());
  }

  private pump() {
    const now = this.o.now();
    while (this.running < this.o.maxInFlight && this.pausedUntil <= now) {
      const job = this.next(now);
      if (!job) break;
      this.queue.splice(this.queue.indexOf(job), 1);
      void this.start(job);
    }
    const waits = this.queue.map((j) => Math.max(j.notBefore, this.pausedUntil)).filter((t) => t > now);
    if (waits.length) this.wakeUpAt(Math.min(...waits));
  }

  private next(now: number): Job | undefined {
    let best: Job | undefined;
    for (const job of this.queue) {
      if (job.notBefore > now) continue;
      if (!best || job.priority < best.priority || (job.priority === best.priority && job.seq < best.seq)) best = job;
    }
    return best;
  }

  private wakeUpAt(time: number) {
    if (time >= this.wakeAt) return;
    this.wakeAt = time;
    this.o.setTimer(() => {
      this.wakeAt = Infinity;
      this.pump();
    }, time - this.o.now());
  }

  private async start(job: Job) {
    this.running++;
    this.maxSeenInFlight = Math.max(this.maxSeenInFlight, this.running);
    try {
      const value = await job.run();
      this.rateLimitStrikes = 0;
      this.finish(job);
      job.resolve(value);
    } catch (error) {
      this.onFailure(job, error);
    } finally {
      this.running--;
      this.pump();
    }
  }

  private onFailure(job: Job, error: unknown) {
    const now = this.o.now();
    if (isFailureInfo(error) && error.kind === 'rate-limited') {
      this.rateLimitStrikes++;
      this.pausedUntil = Math.max(this.pausedUntil, now + this.o.rateLimitDelayMs(this.rateLimitStrikes));
      if (job.attempt < this.o.maxRetries && this.pausedUntil - now <= this.o.maxWaitForRateLimitMs) {
        return this.requeue(job, this.pausedUntil);
      }
      this.finish(job);
      return job.reject(new RateLimitedError(this.pausedUntil));
    }
    if (isFailureInfo(error) && error.retryable && job.attempt < this.o.maxRetries) {
      return this.requeue(job, now + this.o.retryDelayMs(job.attempt + 1));
    }
    this.finish(job);
    job.reject(error);
  }

  private requeue(job: Job, notBefore: number) {
    job.attempt++;
    job.notBefore = notBefore;
    this.queue.push(job);
  }

  /** The job is settled: it leaves the table of shared jobs and lets go of its askers' signals. */
  private finish(job: Job) {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    for (const detach of job.detach.splice(0)) detach();
  }
}
