/**
 * Link facets asked in the same task travel in one `getLinkFacets` message: a view that asks its
 * facets together gets their answers together, and draws once instead of once per answer. The
 * batch leaves at the next task or animation frame, whichever comes first (not the next
 * microtask), so questions asked after a promise settled in this task (a view asking its metrics
 * once the settings arrived) still join it; and a frame that is due (the view drawing its loading
 * state) does not hold the question back: it leaves as that frame starts, and the background
 * answers while the frame is drawn.
 */
import type { LinkFacet } from '../stats/facet-names';
import type { LinkFacetReply, LinkFacetRequest, Replies } from './protocol';
import { perLinkFacetsMessage } from './protocol-constants';
import { sendMessage } from './send';

interface Waiting {
  request: LinkFacetRequest;
  resolve(reply: LinkFacetReply<LinkFacet>): void;
  reject(error: unknown): void;
}

type Send = (requests: LinkFacetRequest[]) => Promise<Replies['getLinkFacets']>;

export function createLinkFacetBatcher(send: Send = (requests) => sendMessage('getLinkFacets', { requests })) {
  let queue: Waiting[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;

  function flush() {
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
    timer = frame = undefined;
    const waiting = queue;
    queue = [];
    for (const batch of perLinkFacetsMessage(waiting)) {
      send(batch.map((w) => w.request)).then(
        (replies) => batch.forEach((w, i) => w.resolve(replies[i] ?? { state: 'error', reason: 'malformed' })),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      );
    }
  }

  /** `getLinkFacet`, sent with the other questions of this task; the reply typed for the facet asked. */
  return function askLinkFacet<F extends LinkFacet>(request: LinkFacetRequest & { facet: F }): Promise<LinkFacetReply<F>> {
    return new Promise((resolve, reject) => {
      queue.push({ request, resolve: resolve as Waiting['resolve'], reject });
      if (queue.length > 1) return;
      timer = setTimeout(flush, 0);
      // Pages only: workers and tests have no frames.
      if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flush);
    });
  };
}
