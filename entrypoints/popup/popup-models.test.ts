import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { linkStatus } from '@/components/link-status';
import { LINK_STATS_METRICS } from '@/components/link-stats';
import { topRows } from './account-view';
import { createFixturePopupApi } from './popup-api-fixture';
import { accountModel, linkStatsModel, linksToPageModel, rowClicksModel, TOP_LINKS } from './popup-models';

const NOW = Date.UTC(2026, 10, 2, 12);
const LINK = 'bit.ly/Abc1234';
const data = <T>(value: T) => ({ state: 'data' as const, data: value, fetchedAt: NOW, stale: false, refreshing: false });
const CLICKS = data({ link_clicks: [{ clicks: 4, date: '2026-11-02T00:00:00+0000' }], unit: 'day', units: 30 });
const METRICS = data({ facet: 'countries', metrics: [{ clicks: 4, value: 'DE' }] });

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

function linkAnswers() {
  return {
    destination: data({ id: LINK, long_url: 'https://example.com/' }),
    clicks: CLICKS,
    countries: METRICS,
    referrers: METRICS,
    referringDomains: METRICS,
    cities: { state: 'upgrade-required' as const },
    devices: { state: 'upgrade-required' as const },
  };
}

describe('a link’s full statistics in the popup', () => {
  it('asks the destination at once, then every metric for the settings’ window, as what the user looks at', async () => {
    const api = createFixturePopupApi({ answers: linkAnswers(), settings: { unit: 'day', range: '30d' } });
    const model = linkStatsModel(api, LINK);
    model.start();
    expect(api.calls.map((c) => c.facet)).toEqual(['destination']);
    await vi.runAllTimersAsync();
    expect(api.calls.map((c) => c.facet)).toEqual(['destination', ...LINK_STATS_METRICS]);
    expect(api.calls[0]!.options).toEqual({ priority: 'interactive' });
    for (const call of api.calls.slice(1)) expect(call.options).toEqual({ priority: 'interactive', window: { unit: 'day', units: 30 } });
    expect(api.calls.every((c) => c.target === LINK)).toBe(true);
    // Cities and devices need another plan: said per list, the rest shows.
    expect(model.snapshot.slots.cities.reply).toEqual({ state: 'upgrade-required' });
    expect(linkStatus(model.snapshot)).toBe('data');
  });

  it.each([
    [{ unit: 'week', range: '30d' }, { unit: 'week', units: 5 }],
    [{ unit: 'day', range: '90d' }, { unit: 'day', units: 90 }],
    [{ unit: 'hour', range: '7d' }, { unit: 'hour', units: 168 }],
    [{ unit: 'month', range: 'all' }, { unit: 'month', units: -1 }],
  ] as const)('a picker choice %j asks the metrics again for %j, not the destination', async (choice, window) => {
    const api = createFixturePopupApi({ answers: linkAnswers() });
    const model = linkStatsModel(api, LINK);
    model.start();
    await vi.runAllTimersAsync();
    const before = api.calls.length;
    model.setWindow(choice);
    await vi.runAllTimersAsync();
    const again = api.calls.slice(before);
    expect(again.map((c) => c.facet)).toEqual([...LINK_STATS_METRICS]);
    expect(again.every((c) => c.options.window?.unit === window.unit && c.options.window.units === window.units)).toBe(true);
    // The stored choice comes back as a settings push: nothing is asked twice.
    api.push({ type: 'settingsChanged', settings: { ...api.settings, ...choice } });
    await vi.runAllTimersAsync();
    expect(api.calls).toHaveLength(before + LINK_STATS_METRICS.length);
  });

  it('asks again what Bitlens refreshed for this link, in any spelling, and nothing for other links', async () => {
    const api = createFixturePopupApi({ answers: linkAnswers() });
    const model = linkStatsModel(api, LINK);
    model.start();
    await vi.runAllTimersAsync();
    const before = api.calls.length;
    api.push({ type: 'facetUpdated', target: 'https://bit.ly/Abc1234', facet: 'countries' });
    api.push({ type: 'facetUpdated', target: 'bit.ly/Other', facet: 'clicks' });
    await vi.runAllTimersAsync();
    expect(api.calls.slice(before).map((c) => c.facet)).toEqual(['countries']);
  });
});

describe('list rows and the overview', () => {
  it('a row asks only its link’s clicks, at normal priority', async () => {
    const api = createFixturePopupApi({ answers: { clicks: CLICKS } });
    const model = rowClicksModel(api, LINK);
    model.start();
    await vi.runAllTimersAsync();
    expect(api.calls).toEqual([{ target: LINK, facet: 'clicks', options: { priority: 'normal', window: { unit: 'day', units: 30 } } }]);
    expect(model.snapshot.slots.clicks.reply).toEqual(CLICKS);
  });

  it('the overview asks the group’s clicks and its top links', async () => {
    const api = createFixturePopupApi({ answers: { groupClicks: data({ data: [] }), topLinks: data({ links: [], sorted_links: [] }) }, settings: { unit: 'week', range: '90d' } });
    const model = accountModel(api);
    model.start();
    await vi.runAllTimersAsync();
    expect(api.calls).toEqual([
      { target: '', facet: 'groupClicks', options: { priority: 'interactive', window: { unit: 'week', units: 13 } } },
      { target: '', facet: 'topLinks', options: { priority: 'interactive', window: { unit: 'week', units: 13 }, size: TOP_LINKS } },
    ]);
  });

  it('top links come most clicked first, titled from their links', () => {
    const rows = topRows({
      links: [
        { id: 'bit.ly/B', long_url: 'https://b.example/', title: 'Bee' },
        { id: 'bit.ly/A', long_url: 'https://a.example/', title: null },
      ],
      sorted_links: [
        { id: 'bit.ly/A', clicks: 5 },
        { id: 'bit.ly/B', clicks: 50 },
        { id: 'bit.ly/C', clicks: 1 },
      ],
    });
    expect(rows).toEqual([
      { id: 'bit.ly/B', title: 'Bee', clicks: 50 },
      { id: 'bit.ly/A', title: '', clicks: 5 },
      { id: 'bit.ly/C', title: '', clicks: 1 },
    ]);
  });

  it('the account’s links to the page are asked once, and again when Bitlens refreshed them', async () => {
    const api = createFixturePopupApi({ answers: { linksToPage: data({ links: [] }) } });
    const model = linksToPageModel(api, 'https://Shop.example.com/sale/#top');
    model.start();
    await vi.runAllTimersAsync();
    api.push({ type: 'facetUpdated', target: 'other.example/page', facet: 'linksToPage' });
    api.push({ type: 'facetUpdated', target: 'shop.example.com/sale', facet: 'linksToPage' });
    await vi.runAllTimersAsync();
    expect(api.calls.map((c) => [c.facet, c.target])).toEqual([
      ['linksToPage', 'https://Shop.example.com/sale/#top'],
      ['linksToPage', 'https://Shop.example.com/sale/#top'],
    ]);
  });
});
