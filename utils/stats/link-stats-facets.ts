/**
 * The facets a link's full statistics show (components/link-stats.tsx), kept apart from that view
 * so the popup's boot script can ask them before the view's code has loaded (PRODUCT.md §6, B7)
 * without bringing Preact or the view along.
 */
import type { LinkFacet } from './facet-names';

/** Asked whatever the time window. */
export const LINK_STATS_FIXED = ['destination'] as const satisfies readonly LinkFacet[];
/** The metrics shown, in order; clicks is the headline. */
export const LINK_STATS_METRICS = ['clicks', 'countries', 'referrers', 'referringDomains', 'cities', 'devices'] as const satisfies readonly LinkFacet[];
export const LINK_STATS_FACETS = [...LINK_STATS_FIXED, ...LINK_STATS_METRICS] as const;
