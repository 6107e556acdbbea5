/**
 * The shape of the user's settings, as valibot schemas: the source of the `Settings` type, of
 * the check on every load (with per-field fallbacks) and of the `updateSettings` message check.
 * Kept free of storage so the message protocol can use it anywhere.
 */
import * as v from 'valibot';
import { CARD_METRIC_FACETS } from '../stats/facet-names';
import { DEFAULT_SETTINGS as NEW_INSTALL_SETTINGS } from './default-settings';
import { DEFAULTS, RANGES, UNITS } from './defaults';

const host = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(253));

/** Each setting's valid values. */
const fields = {
  unit: v.picklist(UNITS),
  range: v.picklist(RANGES),
  hoverEnabled: v.boolean(),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3000)),
  disabledSites: v.pipe(v.array(host), v.maxLength(1000)),
  cardFacets: v.array(v.picklist(CARD_METRIC_FACETS)),
  cacheLifetimeMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)),
  defaultGroupGuid: v.nullable(v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/))),
};

/** Each field falls back to its default on its own, so one bad field does not reset the rest. */
export const SettingsSchema = v.object({
  unit: v.fallback(fields.unit, DEFAULTS.unit),
  range: v.fallback(fields.range, DEFAULTS.range),
  hoverEnabled: v.fallback(fields.hoverEnabled, DEFAULTS.hoverEnabled),
  hoverDelayMs: v.fallback(fields.hoverDelayMs, DEFAULTS.hoverDelayMs),
  disabledSites: v.fallback(fields.disabledSites, () => [...DEFAULTS.disabledSites]),
  cardFacets: v.fallback(fields.cardFacets, () => [...DEFAULTS.cardFacets]),
  cacheLifetimeMinutes: v.fallback(fields.cacheLifetimeMinutes, DEFAULTS.cacheLifetimeMinutes),
  defaultGroupGuid: v.fallback(fields.defaultGroupGuid, DEFAULTS.defaultGroupGuid),
});

/** A change from a surface: any subset of the settings, each value valid (no silent fallback). */
export const SettingsPatchSchema = v.partial(v.strictObject(fields));

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

/** The settings of a new install, and of every field that fails its check (built without the validator). */
export const DEFAULT_SETTINGS: Readonly<Settings> = NEW_INSTALL_SETTINGS;
