import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import v1 from './fixtures/v1.json';
import v2 from './fixtures/v2.json';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  loadSettings,
  parseSettings,
  settingsMigrations,
  unitsFor,
  updateSettings,
  watchSettings,
  type Settings,
} from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

/** What each stored version must become at the latest version. */
const expectations: Record<number, { fixture: Record<string, unknown>; latest: Settings }> = {
  1: {
    fixture: v1,
    latest: {
      unit: 'week',
      range: '90d',
      hoverEnabled: false,
      hoverDelayMs: 500,
      disabledSites: ['mail.example.com'],
      cardFacets: ['clicks', 'countries', 'referrers'],
      cacheLifetimeMinutes: 30,
      defaultGroupGuid: null,
    },
  },
  2: { fixture: v2, latest: v2 as Settings },
};

describe('settings migrations', () => {
  it('has a fixture for every version up to the latest', () => {
    expect(Object.keys(expectations).map(Number)).toEqual(Array.from({ length: SETTINGS_VERSION }, (_, i) => i + 1));
  });

  it.each(Object.entries(expectations))('migrates a stored version %s value to the latest', async (version, { fixture, latest }) => {
    // Stored as an older extension version would have left it, with WXT's version marker.
    await fakeBrowser.storage.local.set({ settings: fixture, settings$: { v: Number(version) } });
    const item = storage.defineItem<Record<string, unknown>>('local:settings', {
      fallback: {},
      version: SETTINGS_VERSION,
      migrations: settingsMigrations,
    });
    await item.migrate();
    expect(parseSettings(await item.getValue())).toEqual(latest);
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: SETTINGS_VERSION });
  });
});

describe('settings', () => {
  it('start from the defaults', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keep valid fields of a damaged value and default the rest', () => {
    expect(parseSettings({ unit: 'fortnight', hoverDelayMs: -5, disabledSites: ['  Example.COM '], range: '7d' })).toEqual({
      ...DEFAULT_SETTINGS,
      range: '7d',
      disabledSites: ['example.com'],
    });
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('store a validated patch and tell watchers', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    const next = await updateSettings({ hoverDelayMs: 800, disabledSites: ['News.Example'] });
    expect(next).toMatchObject({ hoverDelayMs: 800, disabledSites: ['news.example'] });
    expect(await loadSettings()).toEqual(next);
    expect(seen.at(-1)).toEqual(next);
    stop();
  });

  it.each([
    ['7d', 'day', 7],
    ['30d', 'day', 30],
    ['30d', 'hour', 720],
    ['90d', 'week', 13],
    ['90d', 'month', 3],
    ['all', 'day', -1],
  ] as const)('range %s by %s is %i units', (range, unit, units) => {
    expect(unitsFor(range, unit)).toBe(units);
  });
});
