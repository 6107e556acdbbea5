import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BitlyError } from '../bitly/errors';
import type { BitlyRequest } from '../bitly/transport';
import { StatsCache } from '../cache/stats-cache';
import { scriptedBitly } from '../scheduler/scheduled-bitly-fixture';
import { DEFAULT_SETTINGS, parseSettings } from '../settings/settings';
import { sumGroupClicks } from './organization-clicks';
import { rememberedPlanGates } from './plan-gates';
import { createStatsService, type Session } from './stats-service';

const query = { unit: 'day' as const, units: 3 };
const series = (...rows: Array<[string, number]>) => ({ unit: 'day', units: 3, unit_reference: '2026-11-23T12:00:00+0000', data: rows.map(([ts, count]) => ({ ts, count })) });

describe('organization clicks: the sum of its groups', () => {
  it.each([
    ['no groups', [], [], []],
    ['one group', [['Bg1', series(['2026-11-23', 4], ['2026-11-22', 1])]], [['2026-11-23', 4], ['2026-11-22', 1]], [['Bg1', 5]]],
    [
      'buckets added by date, newest first; a bucket only one group has is kept',
      [
        ['Bg1', series(['2026-11-23', 4], ['2026-11-22', 1])],
        ['Bg2', series(['2026-11-22', 10], ['2026-11-21', 2], ['2026-11-23', 0])],
      ],
      [['2026-11-23', 4], ['2026-11-22', 11], ['2026-11-21', 2]],
      [['Bg2', 12], ['Bg1', 5]],
    ],
  ] as const)('%s', (_name, groups, data, totals) => {
    const summed = sumGroupClicks(
      groups.map(([guid, clicks]) => ({ group: { guid, name: `Group ${guid}` }, clicks: { ...clicks, data: [...clicks.data] } })),
      query,
    );
    expect(summed.data).toEqual(data.map(([ts, count]) => ({ ts, count })));
    expect(summed.groups).toEqual(totals.map(([guid, clicks]) => ({ guid, name: `Group ${guid}`, clicks })));
    expect(summed.unit).toBe('day');
  });
});

const paula: Session = { token: 'tok-paula', login: 'paula', defaultGroupGuid: 'Bg1', organizationGuid: 'Oa1' };

function setup() {
  const groupClicks: Record<string, ReturnType<typeof series>> = { Bg1: series(['2026-11-23', 4]), Bg2: series(['2026-11-23', 6], ['2026-11-22', 3]) };
  const { bitly, script } = scriptedBitly(() => ({
    getGroups: vi.fn(async (_request: BitlyRequest) => ({
      groups: [
        { guid: 'Bg1', name: 'Paula', organization_guid: 'Oa1' },
        { guid: 'Bg2', name: 'Campaigns', organization_guid: 'Oa1' },
        // Another organization's group the user also belongs to: not part of this sum.
        { guid: 'Bx9', name: 'Elsewhere', organization_guid: 'Ox9' },
      ],
    })),
    getGroupClicks: vi.fn(async (request: BitlyRequest) => {
      const guid = request.path[1]!;
      return groupClicks[guid] ?? series();
    }),
  }));
  const service = createStatsService({
    cache: new StatsCache({ area: fakeBrowser.storage.local as never }),
    bitly,
    session: async () => paula,
    settings: async () => parseSettings(DEFAULT_SETTINGS),
    planGates: rememberedPlanGates(),
    askers: { signal: () => undefined, push: () => {} },
  });
  return { service, client: script(paula.token) };
}

describe('organization clicks in the stats service', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the organization’s groups, asks each group’s clicks for the window, adds them up, and caches the sum', async () => {
    const { service, client } = setup();
    const reply = await service.getAccountFacet({ facet: 'organizationClicks', unit: 'day', units: 3 });
    expect(reply).toMatchObject({
      state: 'data',
      data: { data: [{ ts: '2026-11-23', count: 10 }, { ts: '2026-11-22', count: 3 }], groups: [{ guid: 'Bg2', name: 'Campaigns', clicks: 9 }, { guid: 'Bg1', name: 'Paula', clicks: 4 }] },
    });
    expect(client.getGroups.mock.calls.map(([r]) => r.query)).toEqual([{ organization_guid: 'Oa1' }]);
    expect(client.getGroupClicks.mock.calls.map(([r]) => [r.path.join('/'), r.query?.unit, r.query?.units])).toEqual([
      ['groups/Bg1/clicks', 'day', 3],
      ['groups/Bg2/clicks', 'day', 3],
    ]);

    expect(await service.getAccountFacet({ facet: 'organizationClicks', unit: 'day', units: 3 })).toEqual(reply);
    expect(client.getGroupClicks).toHaveBeenCalledTimes(2);
    expect(client.getGroups).toHaveBeenCalledTimes(1);
  });

  it('a plan without group clicks (402) says so and is not asked again', async () => {
    const { service, client } = setup();
    client.getGroupClicks.mockRejectedValue(new BitlyError('upgrade-required', { status: 402 }));
    expect(await service.getAccountFacet({ facet: 'organizationClicks' })).toEqual({ state: 'upgrade-required' });
    const calls = client.getGroupClicks.mock.calls.length;
    expect(await service.getAccountFacet({ facet: 'organizationClicks' })).toEqual({ state: 'upgrade-required' });
    expect(client.getGroupClicks.mock.calls.length).toBe(calls);
  });
});
