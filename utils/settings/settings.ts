/**
 * The user's settings: one stored item with a schema version, checked against the schema of
 * settings-schema.ts on every load, so a damaged value falls back field by field rather than
 * losing everything. Each version step has one migration (see settings.test.ts fixtures).
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { SettingsSchema, type Settings, type SettingsPatch } from './settings-schema';

export { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from './settings-schema';
export { unitsFor } from './time-window';

export const SETTINGS_VERSION = 2;

/** Version 1 (0.1 drafts): `hover`, `hoverDelay` in seconds, `rangeDays`, `cacheMinutes`. */
function fromV1(old: Record<string, unknown>): Record<string, unknown> {
  const { hover, hoverDelay, rangeDays, cacheMinutes, ...rest } = old;
  const range = rangeDays === 7 ? '7d' : rangeDays === 90 ? '90d' : rangeDays === -1 ? 'all' : '30d';
  return {
    ...rest,
    hoverEnabled: hover,
    hoverDelayMs: typeof hoverDelay === 'number' ? Math.round(hoverDelay * 1000) : undefined,
    range,
    cacheLifetimeMinutes: cacheMinutes,
  };
}

export const settingsMigrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  2: fromV1,
};

export function parseSettings(raw: unknown): Settings {
  return v.parse(SettingsSchema, typeof raw === 'object' && raw !== null ? raw : {});
}

export const settingsItem = storage.defineItem<Record<string, unknown>>('local:settings', {
  fallback: {},
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Applies a partial change; the merged result is validated before it is stored. */
export async function updateSettings(patch: SettingsPatch): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...patch });
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}
