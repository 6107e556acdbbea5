/**
 * A PopupApi without extension APIs, for tests (and previews): the tab, its page and the
 * account are given; facet answers are scripted per facet; every question is recorded.
 */
import type { AccountState, AskerPush, FacetReply, LinksToPageReply, PageLinks, ShortenReply } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-schema';
import type { ActiveTab, AskOptions, PopupApi } from './popup-api';

type Reply = FacetReply<unknown>;
/** An answer, or a function of the question (a link facet's link, or '' for the account). */
type Answer = Reply | ((target: string, options: AskOptions) => Reply | Promise<Reply>);

export interface FixtureCall {
  target: string;
  facet: string;
  options: AskOptions & { size?: number };
}

export interface FixturePopupApi extends PopupApi {
  account: AccountState;
  tab: ActiveTab;
  page: PageLinks | null;
  settings: Settings;
  /** Answers per facet name ('linksToPage' for the page lookup); missing: never answers. */
  answers: Record<string, Answer>;
  shortenAnswer: ShortenReply;
  readonly calls: FixtureCall[];
  readonly pagesAsked: number[];
  readonly shortened: string[];
  readonly copied: string[];
  readonly settingsStored: Array<Partial<Settings>>;
  optionsOpened: number;
  push(message: AskerPush): void;
}

interface Given {
  account?: AccountState;
  tab?: ActiveTab;
  page?: PageLinks | null;
  settings?: Partial<Settings>;
  answers?: Record<string, Answer>;
}

export const SIGNED_IN: AccountState = {
  signedIn: true,
  account: { login: 'paula', name: 'Paula Paid', defaultGroup: { guid: 'Bg1', name: 'Paula Paid' }, organization: null },
};

export function createFixturePopupApi(given: Given = {}): FixturePopupApi {
  const listeners = new Set<(push: AskerPush) => void>();
  const answer = async (target: string, facet: string, options: FixtureCall['options']): Promise<Reply> => {
    api.calls.push({ target, facet, options });
    const scripted = api.answers[facet];
    if (scripted === undefined) return new Promise<never>(() => {});
    return typeof scripted === 'function' ? scripted(target, options) : scripted;
  };
  const api: FixturePopupApi = {
    account: given.account ?? SIGNED_IN,
    tab: given.tab ?? { id: 1 },
    page: given.page ?? null,
    settings: { ...DEFAULT_SETTINGS, ...given.settings },
    answers: given.answers ?? {},
    shortenAnswer: { ok: false, problem: 'server-error' },
    calls: [],
    pagesAsked: [],
    shortened: [],
    copied: [],
    settingsStored: [],
    optionsOpened: 0,
    getAccount: async () => api.account,
    activeTab: async () => api.tab,
    async pageLinks(tabId) {
      api.pagesAsked.push(tabId);
      return api.page;
    },
    brandedHosts: async () => [],
    getSettings: async () => api.settings,
    async updateSettings(patch) {
      api.settingsStored.push(patch);
      api.settings = { ...api.settings, ...patch };
      return api.settings;
    },
    askLinkFacet: (link, facet, options) => answer(link, facet, options) as never,
    askAccountFacet: (facet, options) => answer('', facet, options) as never,
    findLinksToPage: (url, options) => answer(url, 'linksToPage', { priority: 'interactive', ...options }) as Promise<LinksToPageReply>,
    async shortenPage(url) {
      api.shortened.push(url);
      return api.shortenAnswer;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
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
