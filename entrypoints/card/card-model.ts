/**
 * The hover card's facets (components/facets-model.ts): the destination at once, and the metrics
 * the settings' `cardFacets` choose; and what the card as a whole shows (`cardStatus`).
 */
import { bitlinkIdOf } from '@/utils/bitly/link';
import { CARD_FACETS, CARD_METRIC_FACETS, type CardFacet, type LinkFacetData } from '@/utils/stats/facet-names';
import { FacetsModel, type Clock, type FacetsSnapshot } from '@/components/facets-model';
import type { CardApi, CardReply } from './card-api';

export type CardFacetMap = { [F in CardFacet]: LinkFacetData<F> };
export type CardSnapshot = FacetsSnapshot<CardFacetMap>;

/** What the card as a whole shows; also `document.documentElement.dataset.state`. */
export type CardStatus = 'loading' | 'data' | 'not-in-account' | 'deleted' | 'no-token' | 'token-rejected' | 'rate-limited' | 'error';

/** `https://Bit.ly/Abc` and `bit.ly/Abc` are the same link; the hash keeps its case. */
const linkIdOf = (link: string) => bitlinkIdOf(link) ?? link;

export class CardModel extends FacetsModel<CardFacetMap> {
  constructor(api: CardApi, link: string, clock?: Clock) {
    const id = linkIdOf(link);
    super(
      {
        ask: (facet, { refresh, window }) => api.askFacet({ link: id, facet, ...(refresh ? { refresh } : {}), ...window }),
        getSettings: () => api.getSettings(),
        subscribe: (listener) => api.subscribe(listener),
      },
      {
        target: id,
        facets: CARD_FACETS,
        fixed: ['destination'],
        metricsFor: (settings) => CARD_METRIC_FACETS.filter((facet) => settings.cardFacets.includes(facet)),
        isTarget: (target) => linkIdOf(target) === id,
        clock,
      },
    );
  }
}

type AnyReply = { [F in CardFacet]: CardReply<F> }[CardFacet];

/** The facet whose answer decides the card's state: clicks, else the first metric, else the destination. */
export function headlineFacet(snapshot: CardSnapshot): CardFacet {
  return snapshot.metrics[0] ?? 'destination';
}

/** What the card as a whole shows (PRODUCT.md §5), from its facets' answers. */
export function cardStatus(snapshot: CardSnapshot): CardStatus {
  const { slots, metrics } = snapshot;
  const replies: AnyReply[] = [slots.destination.reply, ...metrics.map((facet) => slots[facet].reply)].filter((r): r is AnyReply => r !== undefined);
  const has = (state: AnyReply['state']) => replies.some((reply) => reply.state === state);
  if (has('no-token')) return 'no-token';
  if (has('token-rejected')) return 'token-rejected';
  if (has('deleted')) return 'deleted';
  if (metrics.some((facet) => slots[facet].reply?.state === 'not-in-account')) return 'not-in-account';
  if (!snapshot.settings) return 'loading';
  const headline = slots[headlineFacet(snapshot)].reply;
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
