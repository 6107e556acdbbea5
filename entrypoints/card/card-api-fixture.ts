/**
 * A CardApi without extension APIs, for tests (and any preview of the card): answers are
 * scripted per facet, every question is recorded, pushes are sent by hand.
 */
import type { AskerPush } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-schema';
import type { CardFacet } from '@/utils/stats/facet-names';
import type { CardApi, CardFacetRequest, CardReply } from './card-api';

type Answer<F extends CardFacet> = CardReply<F> | ((request: CardFacetRequest<F>) => CardReply<F> | Promise<CardReply<F>>);

export type FixtureAnswers = { [F in CardFacet]?: Answer<F> | Array<Answer<F>> };

export interface FixtureCardApi extends CardApi {
  /** Every question asked, in order. */
  readonly calls: Array<CardFacetRequest<CardFacet>>;
  /** Answers per facet; a list is used in order and its last answer repeats. Change freely. */
  answers: FixtureAnswers;
  settings: Settings;
  readonly copied: string[];
  closed: number;
  optionsOpened: number;
  push(message: AskerPush): void;
}

export function createFixtureCardApi(answers: FixtureAnswers = {}, settings: Partial<Settings> = {}): FixtureCardApi {
  const listeners = new Set<(push: AskerPush) => void>();
  const used = new Map<CardFacet, number>();
  const api: FixtureCardApi = {
    calls: [],
    answers,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    copied: [],
    closed: 0,
    optionsOpened: 0,
    async askFacet<F extends CardFacet>(request: CardFacetRequest<F>): Promise<CardReply<F>> {
      api.calls.push(request);
      const scripted = api.answers[request.facet] as Answer<F> | Array<Answer<F>> | undefined;
      if (scripted === undefined) return new Promise<never>(() => {}); // never answers: loading
      let answer: Answer<F>;
      if (Array.isArray(scripted)) {
        const index = used.get(request.facet) ?? 0;
        used.set(request.facet, index + 1);
        answer = scripted[Math.min(index, scripted.length - 1)]!;
      } else {
        answer = scripted;
      }
      return typeof answer === 'function' ? answer(request) : answer;
    },
    getSettings: async () => api.settings,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      api.closed++;
    },
    openOptions: async () => {
      api.optionsOpened++;
    },
    copyText: async (text) => {
      api.copied.push(text);
    },
    push(message) {
      for (const listener of listeners) listener(message);
    },
  };
  return api;
}

/** A data answer as the background gives it. */
export function dataReply<T>(data: T, fetchedAt: number, extra: { stale?: boolean; refreshing?: boolean } = {}) {
  return { state: 'data' as const, data, fetchedAt, stale: extra.stale ?? false, refreshing: extra.refreshing ?? false };
}

const DAY_MS = 86_400_000;

/** Sample answers for a link with `days` days of clicks (newest first, as Bitly lists them). */
export function sampleAnswers(now: number, days = 30) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const link_clicks = Array.from({ length: days }, (_, i) => ({
    clicks: 40 + ((i * 37) % 23) * 3,
    date: new Date(today - i * DAY_MS).toISOString().replace('.000Z', '+0000'),
  }));
  return {
    destination: dataReply({ id: 'bit.ly/Abc1234', long_url: 'https://www.example.com/spring/launch?utm_source=newsletter', link: 'https://bit.ly/Abc1234' }, now),
    clicks: dataReply({ link_clicks, unit: 'day' as const, units: days }, now),
    countries: dataReply({ facet: 'countries', metrics: [{ clicks: 700, value: 'US' }, { clicks: 300, value: 'DE' }, { clicks: 120, value: 'GB' }, { clicks: 40, value: 'FR' }] }, now),
    referrers: dataReply({ facet: 'referrers', metrics: [{ clicks: 600, value: 'direct' }, { clicks: 350, value: 'Twitter' }, { clicks: 200, value: 'LinkedIn' }, { clicks: 10, value: 'Reddit' }] }, now),
  };
}
