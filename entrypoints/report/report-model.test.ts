import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixtureReportApi } from './report-api-fixture';
import { ACCOUNT_METRICS, accountReportModel, customAskWindow, OVERVIEW_TOP_LINKS, REPORT_FIXED, REPORT_METRICS, reportModel } from './report-model';

const NOW = Date.UTC(2026, 10, 20, 15, 30);
const LINK = 'bit.ly/Abc1234';
const data = <T>(value: T) => ({ state: 'data' as const, data: value, fetchedAt: NOW, stale: false, refreshing: false });
const METRICS = data({ facet: 'countries', metrics: [{ clicks: 4, value: 'DE' }] });
const answers = () => ({
  destination: data({ id: LINK, long_url: 'https://example.com/' }),
  info: data({ id: LINK, long_url: 'https://example.com/', title: 'Example', tags: ['a'] }),
  clicks: data({ link_clicks: [{ clicks: 4, date: '2026-11-20T00:00:00+0000' }], unit: 'day', units: 30 }),
  countries: METRICS,
  referrers: METRICS,
  referringDomains: METRICS,
  referrersByDomains: data({ referrers_by_domain: [], unit: 'day', units: 30, facet: 'referrers' }),
  cities: { state: 'upgrade-required' as const },
  devices: { state: 'upgrade-required' as const },
});

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the report’s facets', () => {
  it('asks the destination and details at once, then every metric for the settings’ window', async () => {
    const api = createFixtureReportApi({ answers: answers(), settings: { unit: 'week', range: '90d' } });
    const model = reportModel(api, LINK);
    model.start();
    expect(api.calls.map((c) => c.facet)).toEqual([...REPORT_FIXED]);
    await vi.runAllTimersAsync();
    const metrics = api.calls.slice(REPORT_FIXED.length);
    expect(metrics.map((c) => c.facet)).toEqual([...REPORT_METRICS]);
    expect(metrics.every((c) => c.link === LINK && c.options.window?.unit === 'week' && c.options.window.units === 13 && c.options.window.unitReference === undefined)).toBe(true);
  });

  it('asks every metric again for a custom range ending before today, with its end as unit_reference, and back for a preset', async () => {
    const api = createFixtureReportApi({ answers: answers(), settings: { unit: 'day', range: '30d' } });
    const model = reportModel(api, LINK);
    model.start();
    await vi.runAllTimersAsync();
    const custom = customAskWindow({ from: '2026-11-01', to: '2026-11-10' }, NOW);
    if (!custom.ok) throw new Error(custom.problem);
    let before = api.calls.length;
    model.setCustomWindow(custom.window);
    await vi.runAllTimersAsync();
    const asked = api.calls.slice(before);
    expect(asked.map((c) => c.facet)).toEqual([...REPORT_METRICS]);
    expect(asked.every((c) => c.options.window?.unit === 'day' && c.options.window.units === 10 && c.options.window.unitReference === '2026-11-10T23:59:59+0000')).toBe(true);
    expect(model.snapshot.slots.clicks.reply?.state).toBe('data');

    // The same range again asks nothing; a settings push does not move a custom range.
    before = api.calls.length;
    model.setCustomWindow({ ...custom.window });
    api.push({ type: 'settingsChanged', settings: { ...api.settings, unit: 'hour', range: '7d' } });
    await vi.runAllTimersAsync();
    expect(api.calls.slice(before).every((c) => c.options.window?.unitReference === '2026-11-10T23:59:59+0000')).toBe(true);

    // Back to a preset, even the one the settings already hold: asked without a reference.
    before = api.calls.length;
    model.setWindow({ unit: 'hour', range: '7d' });
    await vi.runAllTimersAsync();
    const preset = api.calls.slice(before);
    expect(preset.map((c) => c.facet)).toEqual([...REPORT_METRICS]);
    expect(preset.every((c) => c.options.window?.unit === 'hour' && c.options.window.units === 168 && c.options.window.unitReference === undefined)).toBe(true);
  });

  it.each([
    [{ from: '2026-11-10', to: '2026-11-01' }, 'from-after-to'],
    [{ from: '2026-12-01', to: '2026-12-02' }, 'in-future'],
    [{ from: '', to: '2026-11-02' }, 'invalid-date'],
  ] as const)('refuses %j as %s', (range, problem) => {
    expect(customAskWindow(range, NOW)).toEqual({ ok: false, problem });
  });

  it('asks a range running up to today without a reference, in the unit chosen', () => {
    expect(customAskWindow({ from: '2026-11-19', to: '2026-11-20' }, NOW, 'hour')).toEqual({ ok: true, window: { unit: 'hour', units: 40 }, from: '2026-11-19', to: '2026-11-20' });
  });
});

describe('the account overview’s facets', () => {
  it('asks every group and organization facet for the window, the top links with their count, and all again for custom dates', async () => {
    const api = createFixtureReportApi({ settings: { unit: 'day', range: '7d' } });
    const model = accountReportModel(api);
    model.start();
    await vi.runAllTimersAsync();
    expect(api.calls.map((c) => c.facet)).toEqual([...ACCOUNT_METRICS]);
    expect(api.calls.every((c) => c.options.window?.unit === 'day' && c.options.window.units === 7)).toBe(true);
    expect(api.calls.find((c) => c.facet === 'topLinks')!.options).toMatchObject({ size: OVERVIEW_TOP_LINKS });

    const custom = customAskWindow({ from: '2026-10-01', to: '2026-10-31' }, NOW);
    if (!custom.ok) throw new Error(custom.problem);
    const before = api.calls.length;
    model.setCustomWindow(custom.window);
    await vi.runAllTimersAsync();
    expect(api.calls.slice(before).map((c) => [c.facet, c.options.window?.unitReference])).toEqual(ACCOUNT_METRICS.map((f) => [f, '2026-10-31T23:59:59+0000']));
  });

  it('shows the group the picker chose: its facets name that group, the organization’s facets do not', async () => {
    const api = createFixtureReportApi();
    accountReportModel(api, 'Bg2').start();
    await vi.runAllTimersAsync();
    const guids = Object.fromEntries(api.calls.map((c) => [c.facet, (c.options as { guid?: string }).guid ?? null]));
    expect(guids).toEqual({
      groupClicks: 'Bg2',
      groupCountries: 'Bg2',
      groupReferringNetworks: 'Bg2',
      topLinks: 'Bg2',
      groupShortenCounts: 'Bg2',
      organizationShortenCounts: null,
      organizationClicks: null,
    });
  });
});
