import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixtureCardApi, dataReply, sampleAnswers, type FixtureAnswers } from './card-api-fixture';
import { CardModel } from './card-model';
import { headlineFacet, linkStatus as cardStatus } from '@/components/link-status';
import { REFRESH_PATIENCE_MS, RETRY_MARGIN_MS, dataAge, isBusy, nextRetryAt } from '@/components/facets-model';
import type { Settings } from '@/utils/settings/settings-schema';

const NOW = Date.UTC(2026, 9, 14, 12);
const LINK = 'bit.ly/Abc1234';

beforeEach(() => {
  vi.useFakeTimers({ now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(answers: FixtureAnswers = sampleAnswers(NOW), settings: Partial<Settings> = {}) {
  const api = createFixtureCardApi(answers, settings);
  const model = new CardModel(api, LINK);
  model.start();
  const asked = () => api.calls.map((c) => (c.refresh ? `${c.facet}!` : c.facet));
  const status = () => cardStatus(model.snapshot);
  return { api, model, asked, status };
}

describe('first load', () => {
  it('asks the destination at once and the metrics the settings show, nothing else', async () => {
    const { api, model, asked, status } = setup();
    expect(asked()).toEqual(['destination']);
    expect(status()).toBe('loading');
    await vi.runAllTimersAsync();
    expect(asked()).toEqual(['destination', 'clicks', 'countries', 'referrers']);
    expect(api.calls.every((c) => c.link === LINK)).toBe(true);
    expect(status()).toBe('data');
    expect(isBusy(model.snapshot)).toBe(false);
    expect(dataAge(model.snapshot)).toEqual({ fetchedAt: NOW, stale: false, refreshFailed: false });
  });

  it('stays loading while the headline (clicks) is on its way, whatever else arrived', async () => {
    const { clicks: _, ...rest } = sampleAnswers(NOW);
    const { status, model } = setup(rest);
    await vi.runAllTimersAsync();
    expect(status()).toBe('loading');
    expect(model.snapshot.slots.countries.reply?.state).toBe('data');
    expect(isBusy(model.snapshot)).toBe(true);
  });

  it.each([
    [['countries'], ['destination', 'countries'], 'countries'],
    [['referrers', 'clicks'], ['destination', 'clicks', 'referrers'], 'clicks'],
    [[], ['destination'], 'destination'],
  ] as const)('cardFacets %j → asks %j, headline %s', async (cardFacets, expected, headline) => {
    const { asked, model, status } = setup(sampleAnswers(NOW), { cardFacets: [...cardFacets] });
    await vi.runAllTimersAsync();
    expect(asked()).toEqual(expected);
    expect(headlineFacet(model.snapshot)).toBe(headline);
    expect(status()).toBe('data');
  });

  it('uses the default facets when the settings cannot be read', async () => {
    const api = createFixtureCardApi(sampleAnswers(NOW));
    api.getSettings = () => Promise.reject(new Error('no'));
    const model = new CardModel(api, LINK);
    model.start();
    await vi.runAllTimersAsync();
    expect(api.calls.map((c) => c.facet)).toEqual(['destination', 'clicks', 'countries', 'referrers']);
    expect(cardStatus(model.snapshot)).toBe('data');
  });

  it('normalises the link it is given', () => {
    expect(new CardModel(createFixtureCardApi(), 'HTTP://J.MP/Q').snapshot.target).toBe('j.mp/Q');
  });
});

describe('what the card shows for each answer (PRODUCT.md §5)', () => {
  const s = sampleAnswers(NOW);
  it.each<[string, string, FixtureAnswers]>([
    ['no token', 'no-token', { destination: { state: 'no-token' }, clicks: { state: 'no-token' }, countries: { state: 'no-token' }, referrers: { state: 'no-token' } }],
    ['token rejected', 'token-rejected', { ...s, clicks: { state: 'token-rejected' } }],
    ['not in account', 'not-in-account', { ...s, clicks: { state: 'not-in-account' }, countries: { state: 'not-in-account' }, referrers: { state: 'not-in-account' } }],
    ['deleted', 'deleted', { destination: { state: 'deleted' }, clicks: { state: 'deleted' }, countries: { state: 'deleted' }, referrers: { state: 'deleted' } }],
    ['deleted, seen first by the destination', 'deleted', { ...s, destination: { state: 'deleted' } }],
    ['rate limited', 'rate-limited', { ...s, clicks: { state: 'rate-limited', retryAt: NOW + 30_000 } }],
    ['error', 'error', { ...s, clicks: { state: 'error', reason: 'server' } }],
    ['invalid link', 'error', { destination: { state: 'invalid-link' }, clicks: { state: 'invalid-link' }, countries: { state: 'invalid-link' }, referrers: { state: 'invalid-link' } }],
    ['cancelled', 'error', { ...s, clicks: { state: 'cancelled' } }],
    ['clicks need another plan: the rest is shown', 'data', { ...s, clicks: { state: 'upgrade-required' } }],
    ['a secondary facet failing leaves the card showing data', 'data', { ...s, referrers: { state: 'error', reason: 'timeout' } }],
    ['the background not answering at all', 'error', { ...s, clicks: () => Promise.reject(new Error('No answer')) }],
  ])('%s → %s', async (_name, expected, answers) => {
    const { status } = setup(answers);
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe(expected);
  });

  it('a failure with no earlier answer is an error to retry', async () => {
    const { model } = setup({ ...s, clicks: () => Promise.reject(new Error('No answer')) });
    await vi.runAllTimersAsync();
    expect(model.snapshot.slots.clicks.reply).toEqual({ state: 'error', reason: 'network' });
  });
});

describe('rate limits', () => {
  it('asks again by itself when the pause ends, and shows data then', async () => {
    const s = sampleAnswers(NOW);
    const { asked, model, status } = setup({ ...s, clicks: [{ state: 'rate-limited', retryAt: NOW + 5_000 }, s.clicks] });
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('rate-limited');
    expect(nextRetryAt(model.snapshot)).toBe(NOW + 5_000);
    await vi.advanceTimersByTimeAsync(5_000 + RETRY_MARGIN_MS - 1);
    expect(asked().filter((f) => f === 'clicks')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked().filter((f) => f === 'clicks')).toHaveLength(2);
    expect(status()).toBe('data');
    expect(nextRetryAt(model.snapshot)).toBeNull();
  });

  it('keeps numbers already shown when a later question is rate limited, and says so', async () => {
    const s = sampleAnswers(NOW);
    const { model, status } = setup({ ...s, clicks: [s.clicks, { state: 'rate-limited', retryAt: NOW + 60_000 }] });
    await vi.runAllTimersAsync();
    model.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('data');
    expect(model.snapshot.slots.clicks.reply).toMatchObject({ state: 'data', problem: { state: 'rate-limited', retryAt: NOW + 60_000 } });
    expect(dataAge(model.snapshot)?.refreshFailed).toBe(true);
    expect(nextRetryAt(model.snapshot)).toBe(NOW + 60_000);
  });
});

describe('retry and refresh', () => {
  it('Retry asks again only for what failed', async () => {
    const s = sampleAnswers(NOW);
    const { asked, model, status } = setup({ ...s, clicks: [{ state: 'error', reason: 'server' }, s.clicks] });
    await vi.runAllTimersAsync();
    expect(status()).toBe('error');
    model.retry();
    expect(isBusy(model.snapshot)).toBe(true);
    await vi.runAllTimersAsync();
    expect(asked()).toEqual(['destination', 'clicks', 'countries', 'referrers', 'clicks']);
    expect(status()).toBe('data');
  });

  it('refresh asks every metric with refresh, the destination only when it is missing', async () => {
    const s = sampleAnswers(NOW);
    const { asked, model } = setup({ ...s, destination: [{ state: 'error', reason: 'timeout' }, s.destination] });
    await vi.runAllTimersAsync();
    model.refresh();
    await vi.runAllTimersAsync();
    expect(asked().slice(4)).toEqual(['clicks!', 'countries!', 'referrers!', 'destination']);
    model.refresh();
    await vi.runAllTimersAsync();
    expect(asked().slice(8)).toEqual(['clicks!', 'countries!', 'referrers!']);
  });

  it('shows refreshing until the push lands, or gives up after a while', async () => {
    const s = sampleAnswers(NOW);
    const stale = dataReply(s.clicks.data, NOW - 3_600_000, { stale: true, refreshing: true });
    const api2 = createFixtureCardApi({ ...s, clicks: [stale, s.clicks] });
    const model2 = new CardModel(api2, LINK);
    model2.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(isBusy(model2.snapshot)).toBe(true);
    expect(dataAge(model2.snapshot)).toEqual({ fetchedAt: NOW - 3_600_000, stale: true, refreshFailed: false });
    api2.push({ type: 'facetUpdated', target: LINK, facet: 'clicks' });
    await vi.advanceTimersByTimeAsync(0);
    expect(isBusy(model2.snapshot)).toBe(false);
    expect(dataAge(model2.snapshot)?.stale).toBe(false);

    const api3 = createFixtureCardApi({ ...s, clicks: stale });
    const model3 = new CardModel(api3, LINK);
    model3.start();
    await vi.advanceTimersByTimeAsync(REFRESH_PATIENCE_MS - 1);
    expect(isBusy(model3.snapshot)).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(isBusy(model3.snapshot)).toBe(false);
  });

  it('a refresh that failed keeps the numbers and says why', async () => {
    const s = sampleAnswers(NOW);
    const api2 = createFixtureCardApi(s);
    const model2 = new CardModel(api2, LINK);
    model2.start();
    await vi.advanceTimersByTimeAsync(0);
    api2.push({ type: 'facetRefreshFailed', target: LINK, facet: 'clicks', problem: { state: 'error', reason: 'server' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(model2.snapshot.slots.clicks.reply).toMatchObject({ state: 'data', data: s.clicks.data, problem: { state: 'error', reason: 'server' } });
    expect(dataAge(model2.snapshot)?.refreshFailed).toBe(true);
    api2.push({ type: 'facetRefreshFailed', target: 'bit.ly/Other99', facet: 'countries', problem: { state: 'error', reason: 'server' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(model2.snapshot.slots.countries.reply).not.toHaveProperty('problem');
  });

  it('an older answer arriving after a newer one is ignored', async () => {
    const s = sampleAnswers(NOW);
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const older = dataReply({ ...s.clicks.data, units: 1 }, NOW - 1000);
    const { model } = setup({ ...s, clicks: [() => slow.then(() => older), s.clicks] });
    await vi.advanceTimersByTimeAsync(0);
    model.refresh();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(model.snapshot.slots.clicks.reply).toEqual(s.clicks);
  });
});

describe('pushes', () => {
  it('re-asks a facet of this link that was refreshed, and nothing for other links or hidden facets', async () => {
    const { api, asked } = setup(sampleAnswers(NOW), { cardFacets: ['clicks', 'countries'] });
    await vi.runAllTimersAsync();
    api.push({ type: 'facetUpdated', target: 'bit.ly/Abc1234', facet: 'countries' });
    api.push({ type: 'facetUpdated', target: 'bit.ly/Other99', facet: 'clicks' });
    api.push({ type: 'facetUpdated', target: 'bit.ly/abc1234', facet: 'clicks' }); // hashes are case-sensitive
    api.push({ type: 'facetUpdated', target: 'bit.ly/Abc1234', facet: 'referrers' });
    api.push({ type: 'facetUpdated', target: 'bit.ly/Abc1234', facet: 'cities' });
    await vi.runAllTimersAsync();
    expect(asked()).toEqual(['destination', 'clicks', 'countries', 'countries']);
  });

  it('applies settings at once: facets appear and disappear; another time window asks again', async () => {
    const { api, asked, model } = setup(sampleAnswers(NOW), { cardFacets: ['clicks'] });
    await vi.runAllTimersAsync();
    expect(model.snapshot.metrics).toEqual(['clicks']);

    api.push({ type: 'settingsChanged', settings: { ...api.settings, cardFacets: ['clicks', 'referrers'] } });
    await vi.runAllTimersAsync();
    expect(asked()).toEqual(['destination', 'clicks', 'referrers']);

    api.push({ type: 'settingsChanged', settings: { ...api.settings, cardFacets: ['referrers'] } });
    await vi.runAllTimersAsync();
    expect(model.snapshot.metrics).toEqual(['referrers']);
    expect(model.snapshot.slots.clicks.reply).toBeUndefined();
    expect(asked()).toHaveLength(3);

    api.push({ type: 'settingsChanged', settings: { ...api.settings, cardFacets: ['referrers'], range: '7d' } });
    expect(cardStatus(model.snapshot)).toBe('loading');
    await vi.runAllTimersAsync();
    expect(asked()).toEqual(['destination', 'clicks', 'referrers', 'referrers']);
    expect(cardStatus(model.snapshot)).toBe('data');
  });
});

it('does nothing more once disposed', async () => {
  const s = sampleAnswers(NOW);
  const { api, model, asked } = setup({ ...s, clicks: { state: 'rate-limited', retryAt: NOW + 2_000 } });
  await vi.advanceTimersByTimeAsync(0);
  const before = model.snapshot;
  model.dispose();
  api.push({ type: 'facetUpdated', target: LINK, facet: 'countries' });
  await vi.advanceTimersByTimeAsync(10_000);
  expect(asked()).toEqual(['destination', 'clicks', 'countries', 'referrers']);
  expect(model.snapshot).toBe(before);
});
