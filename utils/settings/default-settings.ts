/**
 * The settings of a new install as a `Settings` value, built from the plain defaults (defaults.ts)
 * without the validator: the stats views fall back to it when the settings cannot be read, and
 * they start in pages that must load little (the popup, the hover card; PRODUCT.md §6). The
 * schema's own parse of nothing gives the same value (default-settings.test.ts);
 * settings-schema.ts re-exports it.
 */
import { DEFAULTS } from './defaults';
import type { Settings } from './settings-schema';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  ...DEFAULTS,
  disabledSites: [...DEFAULTS.disabledSites],
  cardFacets: [...DEFAULTS.cardFacets],
});
