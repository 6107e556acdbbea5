/** A ReportApi without extension APIs, for tests: answers scripted per facet, every question recorded. */
import type { AccountState, AskerPush, FacetReply, GroupsReply } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/settings-schema';
import type { ReportApi, ReportAskOptions } from './report-api';

type Reply = FacetReply<unknown>;
type Answer = Reply | ((link: string, options: ReportAskOptions) => Reply | Promise<Reply>);

export interface ReportCall {
  link: string;
  facet: string;
  options: ReportAskOptions;
}

export interface FixtureReportApi extends ReportApi {
  account: AccountState;
  settings: Settings;
  groups: GroupsReply;
  /** Answers per facet name; missing: never answers. */
  answers: Record<string, Answer>;
  readonly calls: ReportCall[];
  readonly copied: string[];
  push(message: AskerPush): void;
}

export function createFixtureReportApi(given: { settings?: Partial<Settings>; answers?: Record<string, Answer> } = {}): FixtureReportApi {
  const listeners = new Set<(push: AskerPush) => void>();
  const api: FixtureReportApi = {
    account: { signedIn: true, account: { login: 'paula', name: 'Paula', defaultGroup: { guid: 'Bg1', name: 'Paula' }, organization: null } },
    settings: { ...DEFAULT_SETTINGS, ...given.settings },
    groups: { state: 'data', data: [{ guid: 'Bg1', name: 'Paula' }], fetchedAt: 0, stale: false, refreshing: false },
    answers: given.answers ?? {},
    calls: [],
    copied: [],
    getAccount: async () => api.account,
    getSettings: async () => api.settings,
    getGroups: async () => api.groups,
    async askLinkFacet(link, facet, options) {
      api.calls.push({ link, facet, options });
      const scripted = api.answers[facet];
      if (scripted === undefined) return new Promise<never>(() => {});
      return (typeof scripted === 'function' ? await scripted(link, options) : scripted) as never;
    },
    async askAccountFacet(facet, options) {
      api.calls.push({ link: '', facet, options });
      const scripted = api.answers[facet];
      if (scripted === undefined) return new Promise<never>(() => {});
      return (typeof scripted === 'function' ? await scripted('', options) : scripted) as never;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openOptions: async () => {},
    copyText: async (text) => {
      api.copied.push(text);
    },
    push(message) {
      for (const listener of listeners) listener(message);
    },
  };
  return api;
}
