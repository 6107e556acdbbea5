import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './default-settings';
import { SettingsSchema } from './settings-schema';

describe('the settings of a new install', () => {
  it('are what the settings schema makes of nothing', () => {
    expect(DEFAULT_SETTINGS).toEqual(v.parse(SettingsSchema, {}));
  });

  it('cannot be changed by a surface that falls back to them', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});
