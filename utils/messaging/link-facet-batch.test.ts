import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkFacetRequest } from './protocol';
import { createLinkFacetBatcher } from './link-facet-batch';

const answer = (requests: LinkFacetRequest[]) => Promise.resolve(requests.map((r) => ({ state: 'error' as const, reason: 'server' as const, asked: r.facet })));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('link facets asked together', () => {
  it('travel in one message and come back each to its asker', async () => {
    const send = vi.fn(answer);
    const ask = createLinkFacetBatcher(send as never);
    const replies = await Promise.all([ask({ link: 'bit.ly/A', facet: 'clicks' }), ask({ link: 'bit.ly/A', facet: 'countries' }), ask({ link: 'bit.ly/B', facet: 'clicks' })]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0].map((r) => `${r.link} ${r.facet}`)).toEqual(['bit.ly/A clicks', 'bit.ly/A countries', 'bit.ly/B clicks']);
    expect(replies.map((r) => (r as unknown as { asked: string }).asked)).toEqual(['clicks', 'countries', 'clicks']);
  });

  it('questions asked in later microtasks of the same task join the batch; a later task starts a new one', async () => {
    const send = vi.fn(answer);
    const ask = createLinkFacetBatcher(send as never);
    const ready = Promise.resolve();
    const first = ask({ link: 'bit.ly/A', facet: 'destination' });
    const later = ready.then(() => Promise.resolve()).then(() => ask({ link: 'bit.ly/A', facet: 'clicks' }));
    await Promise.all([first, later]);
    await ask({ link: 'bit.ly/C', facet: 'clicks' });
    expect(send.mock.calls.map((c) => c[0].map((r) => r.facet))).toEqual([['destination', 'clicks'], ['clicks']]);
  });

  it('in a page, leaves as the next frame starts when that comes before the next task, and once only', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => delete frames[handle - 1]);
    const send = vi.fn(answer);
    const ask = createLinkFacetBatcher(send as never);
    const replies = Promise.all([ask({ link: 'bit.ly/A', facet: 'destination' }), Promise.resolve().then(() => ask({ link: 'bit.ly/A', facet: 'clicks' }))]);
    await Promise.resolve();
    expect(send).not.toHaveBeenCalled();
    frames.forEach((frame) => frame(0));
    expect(send.mock.calls.map((c) => c[0].map((r) => r.facet))).toEqual([['destination', 'clicks']]);
    await replies;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('splits what one message may not hold, and passes a failure to every asker of its batch', async () => {
    const send = vi.fn((requests: LinkFacetRequest[]) => (requests.length > 20 ? Promise.reject(new Error('too many')) : answer(requests)));
    const ask = createLinkFacetBatcher(send as never);
    await Promise.all(Array.from({ length: 25 }, (_, i) => ask({ link: `bit.ly/L${i}`, facet: 'clicks' })));
    expect(send.mock.calls.map((c) => c[0].length)).toEqual([20, 5]);

    const failing = createLinkFacetBatcher(() => Promise.reject(new Error('No answer')));
    const results = await Promise.allSettled([failing({ link: 'bit.ly/A', facet: 'clicks' }), failing({ link: 'bit.ly/B', facet: 'clicks' })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
