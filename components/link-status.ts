/**
 * What a view of one link shows as a whole (PRODUCT.md §5), from its facets' answers: the
 * destination (a fixed facet) and the metrics, of which the first is the headline. Used by the
 * hover card and the popup's link statistics.
 */
import type { ExpandedBitlink } from '@/utils/bitly/schemas';
import type { FacetReply } from '@/utils/messaging/protocol';
import { nextRetryAt, type FacetMap, type FacetOf, type FacetSlot, type FacetsSnapshot } from './facets-model';
import type { PanelKind } from './status-panel';

/** What the view as a whole shows; also `document.documentElement.dataset.state`. */
export type LinkStatus = 'loading' | 'data' | 'not-in-account' | 'deleted' | 'no-token' | 'token-rejected' | 'rate-limited' | 'error';

/** Facets of a link view: the destination, and any metrics. */
export type LinkFacets = { destination: ExpandedBitlink } & FacetMap;

/** The facet whose answer decides the state: the first metric, else the destination. */
export function headlineFacet<M extends LinkFacets>(snapshot: FacetsSnapshot<M>): FacetOf<M> {
  return snapshot.metrics[0] ?? 'destination';
}

/** A facet's slot, seen without its data type (every facet of the snapshot has one). */
const slotOf = <M extends LinkFacets>(snapshot: FacetsSnapshot<M>, facet: string): FacetSlot<unknown> => (snapshot.slots as Record<string, FacetSlot<unknown>>)[facet]!;

export function linkStatus<M extends LinkFacets>(snapshot: FacetsSnapshot<M>): LinkStatus {
  const replyOf = (facet: string) => slotOf(snapshot, facet).reply;
  const replies = ['destination', ...snapshot.metrics].map(replyOf).filter((r): r is FacetReply<unknown> => r !== undefined);
  const has = (state: FacetReply<unknown>['state']) => replies.some((reply) => reply.state === state);
  if (has('no-token')) return 'no-token';
  if (has('token-rejected')) return 'token-rejected';
  if (has('deleted')) return 'deleted';
  if (snapshot.metrics.some((facet) => replyOf(facet)?.state === 'not-in-account')) return 'not-in-account';
  if (!snapshot.settings) return 'loading';
  const headline = replyOf(headlineFacet(snapshot));
  switch (headline?.state) {
    case undefined:
      return 'loading';
    case 'data':
    case 'upgrade-required':
      return 'data';
    case 'rate-limited':
      return 'rate-limited';
    default:
      return 'error';
  }
}

/** The whole-view message for a status, or null when the view shows numbers. */
export function panelFor<M extends LinkFacets>(snapshot: FacetsSnapshot<M>, status: LinkStatus, now: number): PanelKind | null {
  const headline = slotOf(snapshot, headlineFacet(snapshot));
  const asking = [...snapshot.fixed, ...snapshot.metrics].some((facet) => slotOf(snapshot, facet).asking);
  switch (status) {
    case 'not-in-account':
    case 'deleted':
    case 'no-token':
    case 'token-rejected':
      return { kind: status };
    case 'rate-limited':
      return { kind: 'rate-limited', retryAt: nextRetryAt(snapshot) ?? now, retrying: headline.asking };
    case 'error': {
      const reply = headline.reply;
      if (reply?.state === 'invalid-link') return { kind: 'invalid-link' };
      return { kind: 'error', reason: reply?.state === 'error' ? reply.reason : 'network', retrying: asking };
    }
    default:
      return snapshot.settings && snapshot.metrics.length === 0 ? { kind: 'stats-off' } : null;
  }
}
