/**
 * The settings' choices and defaults as plain constants: the one source for the settings schema,
 * the surfaces that need a value before the settings arrive, and the content script (which may
 * not import the schema's validator).
 */
import { CARD_METRIC_FACETS } from '../stats/facet-names';

export const RANGES = ['7d', '30d', '90d', 'all'] as const;
export const UNITS = ['hour', 'day', 'week', 'month'] as const;

export const DEFAULTS = {
  unit: 'day',
  range: '30d',
  hoverEnabled: true,
  hoverDelayMs: 350,
  disabledSites: [] as readonly string[],
  cardFacets: CARD_METRIC_FACETS,
  cacheLifetimeMinutes: 10,
  defaultGroupGuid: null,
} as const;
