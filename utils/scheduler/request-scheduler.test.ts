import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitedError, RequestScheduler } from './request-scheduler';

/** A request whose completion the test controls. */
function deferred<T = string>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const failure = (kind: string, retryable: boolean) => Object.assign(new Error(kind), { kind, retryable });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RequestScheduler', () => {
  it('shares identical requests: one run, every asker gets the answer', async () => {
    const scheduler = new RequestScheduler();
    const run = vi.fn(async () => 'data');
    const answers = await Promise.all([1, 2, 3].map(() => scheduler.schedule({ key: 'bit.ly/a:clicks', run })));
    expect(run).toHaveBeenCalledTimes(1);
    expect(answers).toEqual(['data', 'data', 'data']);
  });

  it('runs a key again once the earlier request finished', async () => {
    const scheduler = new RequestScheduler();
    const run = vi.fn(async () => 'data');
    await scheduler.schedule({ key: 'k', run });
    await scheduler.schedule({ key: 'k', run });
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('never runs more than 4 requests at once', async () => {
    const scheduler = new RequestScheduler();
    const pending = Array.from({ length: 20 }, () => deferred());
    let running = 0;
    let maxRunning = 0;
    const results = pending.map((d, i) =>
      scheduler.schedule({
        key: `k${i}`,
        run: async () => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          try {
            return await d.promise;
          } finally {
            running--;
          }
        },
      }),
    );
    expect(scheduler.inFlight).toBe(4);
    for (const d of pending) {
      d.resolve('ok');
      await vi.advanceTimersByTimeAsync(0);
    }
    await Promise.all(results);
    expect(maxRunning).toBe(4);
    expect(scheduler.maxSeenInFlight).toBe(4);
  });

  it('starts interactive requests before normal ones, and prefetches last', async () => {
    const scheduler = new RequestScheduler({ maxInFlight: 1 });
    const blocker = deferred();
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(name);
      return name;
    };
    const first = scheduler.schedule({ key: 'blocker', run: () => blocker.promise });
    const all = [
      scheduler.schedule({ key: 'p1', run: job('prefetch-1'), priority: 'prefetch' }),
      scheduler.schedule({ key: 'n1', run: job('normal-1') }),
      scheduler.schedule({ key: 'i1', run: job('hover-1'), priority: 'interactive' }),
      scheduler.schedule({ key: 'n2', run: job('normal-2') }),
    ];
    blocker.resolve('done');
    await Promise.all([first, ...all]);
    expect(order).toEqual(['hover-1', 'normal-1', 'normal-2', 'prefetch-1']);
  });

  it('raises a shared request’s priority when an interactive asker joins', async () => {
    const scheduler = new RequestScheduler({ maxInFlight: 1 });
    const blocker = deferred();
    const order: string[] = [];
    const first = scheduler.schedule({ key: 'blocker', run: () => blocker.promise });
    const a = scheduler.schedule({ key: 'a', run: async () => order.push('a'), priority: 'normal' });
    const b = scheduler.schedule({ key: 'b', run: async () => order.push('b'), priority: 'prefetch' });
    const b2 = scheduler.schedule({ key: 'b', run: async () => order.push('b-again'), priority: 'interactive' });
    blocker.resolve('done');
    await Promise.all([first, a, b, b2]);
    expect(order).toEqual(['b', 'a']);
  });

  it('drops a queued request whose asker went away, before it starts', async () => {
    const scheduler = new RequestScheduler({ maxInFlight: 1 });
    const blocker = deferred();
    const first = scheduler.schedule({ key: 'blocker', run: () => blocker.promise });
    const hover = new AbortController();
    const run = vi.fn(async () => 'never');
    const dropped = scheduler.schedule({ key: 'hovered', run, signal: hover.signal });
    hover.abort();
    await expect(dropped).rejects.toMatchObject({ name: 'AbortError' });
    blocker.resolve('done');
    await first;
    await vi.runAllTimersAsync();
    expect(run).not.toHaveBeenCalled();
  });

  it('keeps a shared queued request while one of its askers remains', async () => {
    const scheduler = new RequestScheduler({ maxInFlight: 1 });
    const blocker = deferred();
    const first = scheduler.schedule({ key: 'blocker', run: () => blocker.promise });
    const gone = new AbortController();
    const run = vi.fn(async () => 'data');
    void scheduler.schedule({ key: 'k', run, signal: gone.signal }).catch(() => {});
    const stays = scheduler.schedule({ key: 'k', run });
    gone.abort();
    blocker.resolve('done');
    await first;
    await expect(stays).resolves.toBe('data');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('retries a retryable failure at most twice, with growing delays', async () => {
    const scheduler = new RequestScheduler();
    const starts: number[] = [];
    const run = vi.fn(async () => {
      starts.push(Date.now());
      throw failure('server', true);
    });
    const result = scheduler.schedule({ key: 'k', run });
    result.catch(() => {});
    await vi.runAllTimersAsync();
    await expect(result).rejects.toMatchObject({ kind: 'server' });
    expect(run).toHaveBeenCalledTimes(3);
    expect([starts[1]! - starts[0]!, starts[2]! - starts[1]!]).toEqual([500, 1500]);
  });

  it('succeeds when a retry succeeds', async () => {
    const scheduler = new RequestScheduler();
    const run = vi.fn().mockRejectedValueOnce(failure('timeout', true)).mockResolvedValueOnce('data');
    const result = scheduler.schedule({ key: 'k', run });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('data');
  });

  it.each(['not-in-account', 'upgrade-required', 'token-rejected', 'gone'])('does not retry %s', async (kind) => {
    const scheduler = new RequestScheduler();
    const run = vi.fn(async () => {
      throw failure(kind, false);
    });
    const result = scheduler.schedule({ key: 'k', run });
    result.catch(() => {});
    await vi.runAllTimersAsync();
    await expect(result).rejects.toMatchObject({ kind });
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('a rate limit pauses every request, then the request is retried after the backoff', async () => {
    const scheduler = new RequestScheduler();
    const t0 = Date.now();
    const limited = vi.fn().mockRejectedValueOnce(failure('rate-limited', true)).mockResolvedValueOnce('limited-ok');
    const limitedResult = scheduler.schedule({ key: 'a', run: limited });
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.rateLimitedUntil).toBe(t0 + 2000);

    const otherStarts: number[] = [];
    const other = scheduler.schedule({ key: 'b', run: async () => otherStarts.push(Date.now()) });
    await vi.advanceTimersByTimeAsync(1999);
    expect(otherStarts).toEqual([]);
    expect(limited).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(limitedResult).resolves.toBe('limited-ok');
    await other;
    expect(otherStarts).toEqual([t0 + 2000]);
  });

  it('backs off longer on a repeated rate limit and then answers RateLimitedError with the retry time', async () => {
    const scheduler = new RequestScheduler();
    const t0 = Date.now();
    const run = vi.fn(async () => {
      throw failure('rate-limited', true);
    });
    const result = scheduler.schedule({ key: 'k', run });
    result.catch(() => {});
    await vi.advanceTimersByTimeAsync(2000); // the first pause (2 s) is waited out
    await vi.advanceTimersByTimeAsync(0);
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(run).toHaveBeenCalledTimes(2);
    expect((error as RateLimitedError).retryAt).toBe(t0 + 2000 + 4000); // the second pause doubles
    expect(scheduler.rateLimitedUntil).toBe(t0 + 6000);
  });

  it('a success ends the backoff streak', async () => {
    const scheduler = new RequestScheduler();
    const t0 = Date.now();
    const run = vi.fn().mockRejectedValueOnce(failure('rate-limited', true)).mockResolvedValue('ok');
    const first = scheduler.schedule({ key: 'a', run });
    await vi.advanceTimersByTimeAsync(2000);
    await first;
    const again = vi.fn().mockRejectedValueOnce(failure('rate-limited', true)).mockResolvedValue('ok');
    const second = scheduler.schedule({ key: 'b', run: again });
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.rateLimitedUntil).toBe(t0 + 2000 + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(second).resolves.toBe('ok');
  });
});

/** A real signal that counts the abort listeners added to it and not yet removed. */
function countedSignal() {
  const { signal } = new AbortController();
  const attached = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    if (type === 'abort') attached.add(listener);
    add(type, listener, options);
  };
  signal.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
    if (type === 'abort') attached.delete(listener);
    remove(type, listener, options);
  };
  return { signal, attached: () => attached.size };
}

describe('RequestScheduler lets go of its askers when a job ends', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['answers', async () => 'data'],
    ['fails', async () => Promise.reject(failure('not-in-account', false))],
    ['fails after its retries', async () => Promise.reject(failure('server', true))],
    ['meets a long rate limit', async () => Promise.reject(failure('rate-limited', true))],
  ])('a job that %s removes the abort listener of every asker', async (_label, run) => {
    const scheduler = new RequestScheduler();
    const [first, second] = [countedSignal(), countedSignal()];
    const answers = [first, second].map(({ signal }) => scheduler.schedule({ key: 'k', run, signal }).catch(() => 'failed'));
    expect([first.attached(), second.attached()]).toEqual([1, 1]);
    await vi.runAllTimersAsync();
    await Promise.all(answers);
    expect([first.attached(), second.attached()]).toEqual([0, 0]);
  });

  it('an asker that joins a running job is let go of when it ends', async () => {
    const scheduler = new RequestScheduler();
    const pending = deferred();
    void scheduler.schedule({ key: 'k', run: () => pending.promise });
    const late = countedSignal();
    const answer = scheduler.schedule({ key: 'k', run: () => pending.promise, signal: late.signal });
    expect(late.attached()).toBe(1);
    pending.resolve('data');
    await expect(answer).resolves.toBe('data');
    expect(late.attached()).toBe(0);
  });
});
