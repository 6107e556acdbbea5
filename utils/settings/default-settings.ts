/**
 * The settings of a new install as a `Settings` value, built from the plain defaults (defaults.ts)
 * without the validator: the stats views fall back to it when the settings cannot be read, and
 * they start in pages that must load little (the popup, the hover card; PRODUCT.md §6). The
 * schema's own parse of nothing gives the same value (default-settings.test.ts);
 * settings-schema.ts exports it as its `DEFAULT_SETTINGS`.
 */
import { DEFAULTS } from './defaults';

/** Typed by what it holds: settings-schema.ts checks it is a `Settings` (importing that type here would make a cycle). */
export const DEFAULT_SETTINGS = Object.freeze({
  ...DEFAULTS,
  disabledSites: [...DEFAULTS.disabledSites],
  cardFacets: [...DEFAULTS.cardFacets],
});
