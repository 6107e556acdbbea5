/** The card's view helpers: what each state says, in English (the catalogue the build ships). */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { describeDestination } from '@/utils/destination/destination-hints';
import { createFixtureCardApi, dataReply, sampleAnswers } from './card-api-fixture';
import { ageText } from '@/components/data-age';
import { bitlyStatsUrl } from '@/components/link-actions';
import { CardModel, type CardSnapshot } from './card-model';
import { linkStatus as cardStatus, panelFor } from '@/components/link-status';
import { cardKeyFrom } from './card-channel';
import { hintText } from '@/components/destination-view';
import { clickPoints, rangeWords, totalClicks } from '@/components/clicks-total';
import type { CardFacet } from '@/utils/stats/facet-names';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `i18n.getMessage` over the English catalogue, placeholders included. */
function englishMessages(key: string, substitutions?: string | string[]): string {
  const entry = (en as Catalogue)[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return values[Number(content.slice(1)) - 1] ?? '';
  });
}

beforeAll(() => {
  fakeBrowser.i18n.getMessage = englishMessages as typeof fakeBrowser.i18n.getMessage;
});

const NOW = Date.UTC(2026, 9, 14, 12);

describe('card frame key from the frame URL', () => {
  const key = '0f8e6a8c-2b1d-4c55-9a57-3e1f0c2d4b6a';
  it.each([
    [`#k=${key}`, key],
    [`k=${key}`, key],
    ['', null],
    ['#k=short', null],
    ['#link=bit.ly%2FAbc1234&text=Read+more', null],
    [`#k=${key}%22%3E%3Cb%3E`, null],
  ])('%j', (hash, expected) => {
    expect(cardKeyFrom(hash)).toBe(expected);
  });

  it("opens Bitly's statistics page for the link", () => {
    expect(bitlyStatsUrl('bit.ly/Abc1234')).toBe('https://bit.ly/Abc1234+');
    expect(bitlyStatsUrl('go.acme.example/launch')).toBe('https://go.acme.example/launch+');
  });
});

describe('numbers', () => {
  const clicks = {
    link_clicks: [
      { clicks: 5, date: '2026-10-14T00:00:00+0000' },
      { clicks: 0, date: '2026-10-13T00:00:00+0000' },
      { clicks: 7, date: 'not a date' },
      { clicks: 3, date: '2026-10-12T00:00:00+0000' },
    ],
  };

  it('the total is the sum of the series, undatable buckets included', () => {
    expect(totalClicks(clicks)).toBe(15);
    expect(totalClicks({ link_clicks: [] })).toBe(0);
  });

  it('the chart runs oldest to newest and skips buckets it cannot date', () => {
    expect(clickPoints(clicks)).toEqual([
      { ms: Date.UTC(2026, 9, 12), clicks: 3 },
      { ms: Date.UTC(2026, 9, 13), clicks: 0 },
      { ms: Date.UTC(2026, 9, 14), clicks: 5 },
    ]);
  });

  it.each([
    ['30d', 18108, 'clicks in the last 30 days'],
    ['7d', 2, 'clicks in the last 7 days'],
    ['90d', 1, 'click in the last 90 days'],
    ['all', 0, 'clicks in all available history'],
    ['all', 1, 'click in all available history'],
  ] as const)('range %s, total %d → %s', (range, total, words) => {
    expect(rangeWords(range, total)).toBe(words);
  });
});

describe('destination hints in words', () => {
  it.each([
    ['https://xn--pple-43d.com/', 'apple.com', ['Link text says apple.com', 'Unicode host: xn--pple-43d.com']],
    ['http://192.0.2.44:8080/x', '', ['IP address', 'Not HTTPS']],
    ['https://tinyurl.com/abc', '', ['Another short link: tinyurl.com']],
    ['https://paypal.com@evil.example/', '', ['Hidden user name']],
    ['ftp://files.example/', '', ['Not a web page (ftp:)']],
    ['::', '', ['Not a valid address']],
  ])('%s', (url, text, labels) => {
    const hints = describeDestination(url, { linkText: text }).hints.map(hintText);
    expect(hints.map((h) => h.label)).toEqual(labels);
    expect(hints.every((h) => h.detail.length > 20)).toBe(true);
  });

  it('explanations name what they are about', () => {
    const [userinfo] = describeDestination('https://paypal.com@evil.example/').hints.map(hintText);
    expect(userinfo!.detail).toContain('“paypal.com@”');
  });
});

function snapshotWith(replies: Partial<Record<CardFacet, unknown>>, metrics: CardSnapshot['metrics'] = ['clicks', 'countries', 'referrers']): CardSnapshot {
  const model = new CardModel(createFixtureCardApi(), 'bit.ly/Abc1234');
  const base = model.snapshot;
  const slots = { ...base.slots };
  for (const [facet, reply] of Object.entries(replies)) slots[facet as CardFacet] = { reply: reply as never, asking: false, refreshing: false };
  return { ...base, settings: createFixtureCardApi().settings, metrics, slots };
}

describe('what the stats area shows', () => {
  const s = sampleAnswers(NOW);
  it.each([
    ['data', { ...s }, null],
    ['not in account', { ...s, clicks: { state: 'not-in-account' } }, { kind: 'not-in-account' }],
    ['deleted', { destination: { state: 'deleted' } }, { kind: 'deleted' }],
    ['no token', { destination: { state: 'no-token' } }, { kind: 'no-token' }],
    ['token rejected', { ...s, countries: { state: 'token-rejected' } }, { kind: 'token-rejected' }],
    ['rate limited', { ...s, clicks: { state: 'rate-limited', retryAt: NOW + 9000 } }, { kind: 'rate-limited', retryAt: NOW + 9000, retrying: false }],
    ['error', { ...s, clicks: { state: 'error', reason: 'timeout' } }, { kind: 'error', reason: 'timeout', retrying: false }],
    ['cancelled', { ...s, clicks: { state: 'cancelled' } }, { kind: 'error', reason: 'network', retrying: false }],
    ['invalid link', { destination: { state: 'invalid-link' }, clicks: { state: 'invalid-link' } }, { kind: 'invalid-link' }],
  ])('%s', (_name, replies, panel) => {
    const snapshot = snapshotWith(replies);
    expect(panelFor(snapshot, cardStatus(snapshot), NOW)).toEqual(panel);
  });

  it('says so when the settings turn every statistic off', () => {
    const snapshot = snapshotWith({ destination: s.destination }, []);
    expect(panelFor(snapshot, cardStatus(snapshot), NOW)).toEqual({ kind: 'stats-off' });
  });
});

describe('the age line', () => {
  const age = (minutes: number, extra: Partial<{ stale: boolean; refreshFailed: boolean }> = {}) => ({
    fetchedAt: NOW - minutes * 60_000,
    stale: false,
    refreshFailed: false,
    ...extra,
  });
  it.each([
    ['nothing shown', null, false, null, ''],
    ['fresh', age(0), false, null, 'Updated just now'],
    ['minutes', age(3), false, null, 'Updated 3 minutes ago'],
    ['stale, refreshing', age(125, { stale: true }), true, null, 'Updated 2 hours ago · refreshing…'],
    ['refresh failed', age(125, { stale: true, refreshFailed: true }), false, null, 'Updated 2 hours ago · couldn’t refresh'],
    ['rate limited', age(20, { refreshFailed: true }), false, NOW + 12_500, 'Updated 20 minutes ago · rate limit, retrying in 13 s'],
  ])('%s', (_name, dataAge, busy, retryAt, text) => {
    expect(ageText({ age: dataAge, busy, retryAt, now: NOW, locale: 'en' })).toBe(text);
  });

  it('is what a stale answer from the background shows', () => {
    const stale = dataReply(sampleAnswers(NOW).clicks.data, NOW - 7_200_000, { stale: true, refreshing: true });
    expect(cardStatus(snapshotWith({ ...sampleAnswers(NOW), clicks: stale }))).toBe('data');
  });
});
