import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FacetReply, PageLinks } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-schema';
import type { FirstQuestions } from './first-questions';
import { EarlyAnswers, firstViewRequests, requestKey, TOP_LINKS } from './first-view-facets';
import { createMessagePopupApi } from './popup-api';
import { SIGNED_IN } from './popup-api-fixture';
import { accountModel, linkStatsModel, rowClicksModel } from './popup-models';
import type { PopupView } from './popup-start';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, unit: 'week', range: '90d' };
const PAGE: PageLinks = { url: 'https://news.example/', links: [{ id: 'bit.ly/A1', text: 'a' }, { id: 'bit.ly/B2', text: 'b' }], total: 2 };
const NO_CLICKS: FacetReply<unknown> = { state: 'data', data: { link_clicks: [], unit: 'week', units: 13 }, fetchedAt: 1, stale: false, refreshing: false };

describe('what a view asks first', () => {
  it.each<[string, PopupView, Array<Record<string, unknown>>, Array<Record<string, unknown>>]>([
    [
      'a link’s statistics: its destination without a window, then every metric for the settings’ window, as what the user looks at',
      { kind: 'link', link: 'bit.ly/A1' },
      [
        { link: 'bit.ly/A1', facet: 'destination', askerId: 'p', priority: 'interactive' },
        ...['clicks', 'countries', 'referrers', 'referringDomains', 'cities', 'devices'].map((facet) => ({ link: 'bit.ly/A1', facet, askerId: 'p', priority: 'interactive', unit: 'week', units: 13 })),
      ],
      [],
    ],
    [
      'the page’s links: each row’s clicks at normal priority',
      { kind: 'page-links', page: PAGE },
      PAGE.links.map((l) => ({ link: l.id, facet: 'clicks', askerId: 'p', priority: 'normal', unit: 'week', units: 13 })),
      [],
    ],
    [
      'the overview: the group’s clicks and its top links',
      { kind: 'account' },
      [],
      [
        { facet: 'groupClicks', askerId: 'p', priority: 'interactive', unit: 'week', units: 13 },
        { facet: 'topLinks', askerId: 'p', priority: 'interactive', unit: 'week', units: 13, size: TOP_LINKS },
      ],
    ],
    ['no token: nothing', { kind: 'no-token' }, [], []],
    ['the account’s links to the page: nothing (no chart)', { kind: 'links-to-page', url: PAGE.url, pageListed: true }, [], []],
  ])('%s', (_name, view, links, account) => {
    expect(firstViewRequests(view, SETTINGS, 'p')).toEqual({ links, account });
  });
});

describe('the same question', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ['fields in another order', { link: 'bit.ly/A1', facet: 'clicks', unit: 'day', units: 30 }, { units: 30, unit: 'day', facet: 'clicks', link: 'bit.ly/A1' }, true],
    ['an undefined field is an absent one', { facet: 'topLinks', size: undefined }, { facet: 'topLinks' }, true],
    ['another window', { link: 'bit.ly/A1', facet: 'clicks', unit: 'day', units: 30 }, { link: 'bit.ly/A1', facet: 'clicks', unit: 'day', units: 7 }, false],
    ['a refresh', { link: 'bit.ly/A1', facet: 'clicks' }, { link: 'bit.ly/A1', facet: 'clicks', refresh: true }, false],
    ['another priority', { link: 'bit.ly/A1', facet: 'clicks', priority: 'normal' }, { link: 'bit.ly/A1', facet: 'clicks', priority: 'interactive' }, false],
  ])('%s', (_name, a, b, same) => {
    expect(requestKey(a as never) === requestKey(b as never)).toBe(same);
  });
});

describe('answers asked early', () => {
  const request = { link: 'bit.ly/A1', facet: 'clicks', askerId: 'p', priority: 'normal', unit: 'day', units: 30 } as const;

  it('go to the first asker of the same question only; later and other questions are asked', async () => {
    const early = new EarlyAnswers();
    early.add(request, Promise.resolve('early'));
    const ask = vi.fn(async () => 'asked');
    expect(await early.take({ ...request }, ask)).toBe('early');
    expect(ask).not.toHaveBeenCalled();
    expect(await early.take({ ...request }, ask)).toBe('asked');
    expect(await early.take({ ...request, units: 7 }, ask)).toBe('asked');
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('an early question that failed is asked again', async () => {
    const early = new EarlyAnswers();
    early.add(request, Promise.reject(new Error('the background is gone')));
    expect(await early.take(request, async () => 'asked')).toBe('asked');
  });
});

/** The background: answers every facet with no clicks, and records what each message asked. */
function fakeBackground() {
  const requests: Array<Record<string, unknown>> = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; data: { requests?: Array<Record<string, unknown>> } & Record<string, unknown> }) => {
    if (message.type === 'getSettings') return { ok: true, value: SETTINGS };
    if (message.type === 'getLinkFacets') {
      requests.push(...message.data.requests!);
      return { ok: true, value: message.data.requests!.map(() => NO_CLICKS) };
    }
    if (message.type === 'getAccountFacet') {
      requests.push(message.data);
      return { ok: true, value: NO_CLICKS };
    }
    return { ok: false, error: `not expected: ${message.type}` };
  }) as never);
  return requests;
}

const questions = (early: EarlyAnswers): FirstQuestions => ({
  askerId: 'popup-1',
  early,
  tab: Promise.resolve({ id: 7 }),
  page: Promise.resolve(PAGE),
  account: Promise.resolve(SIGNED_IN),
  settings: Promise.resolve(SETTINGS),
  brandedHosts: Promise.resolve([]),
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the views ask exactly what the boot script asked for them', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it.each<[string, PopupView, (api: ReturnType<typeof createMessagePopupApi>) => Array<{ start(): void; dispose(): void }>]>([
    ['a link’s statistics', { kind: 'link', link: 'bit.ly/A1' }, (api) => [linkStatsModel(api, 'bit.ly/A1')]],
    ['the page’s links', { kind: 'page-links', page: PAGE }, (api) => PAGE.links.map((l) => rowClicksModel(api, l.id))],
    ['the overview', { kind: 'account' }, (api) => [accountModel(api)]],
  ])('%s: without early answers, the same requests; with them, none', async (_name, view, models) => {
    const expected = firstViewRequests(view, SETTINGS, 'popup-1');
    const keys = (list: Array<Record<string, unknown>>) => list.map((r) => requestKey(r as never)).sort();

    const sent = fakeBackground();
    const api = createMessagePopupApi(questions(new EarlyAnswers()));
    const started = models(api);
    started.forEach((m) => m.start());
    await settle();
    expect(keys(sent)).toEqual(keys([...expected.links, ...expected.account]));
    started.forEach((m) => m.dispose());
    api.dispose();

    sent.length = 0;
    const early = new EarlyAnswers();
    for (const r of [...expected.links, ...expected.account]) early.add(r, Promise.resolve(NO_CLICKS));
    const again = createMessagePopupApi(questions(early));
    const answered = models(again);
    answered.forEach((m) => m.start());
    await settle();
    expect(sent).toEqual([]);
    answered.forEach((m) => m.dispose());
    again.dispose();
  });
});
