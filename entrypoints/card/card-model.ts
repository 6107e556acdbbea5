/**
 * The hover card's facets (components/facets-model.ts): the destination at once, and the metrics
 * the settings' `cardFacets` choose. What the card as a whole shows is components/link-status.ts.
 */
import { bitlinkIdOf } from '@/utils/bitly/link';
import { CARD_FACETS, CARD_METRIC_FACETS, type CardFacet, type LinkFacetData } from '@/utils/stats/facet-names';
import { FacetsModel, type Clock, type FacetsSnapshot } from '@/components/facets-model';
import type { CardApi } from './card-api';

export type CardFacetMap = { [F in CardFacet]: LinkFacetData<F> };
export type CardSnapshot = FacetsSnapshot<CardFacetMap>;

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
