/**
 * The popup's first questions — the active tab, its content script's list of Bitly links, the
 * account, the settings and the branded domains — asked by the popup's boot script
 * (entrypoints/popup-boot/) while the popup document is still loading: the answers travel while
 * the popup's own bundle loads and runs, instead of after it (PRODUCT.md §6, B7). The boot
 * script hands the questions over on the window; the popup's API (popup-api.ts) takes them.
 *
 * Kept small and free of the popup's bundle (no Preact, no validator, no WebExtension polyfill —
 * the bundle brings its own copy): the boot script is fetched and run before the document is
 * parsed, and every byte of it delays the page. So it speaks protocol.ts on the browser's own
 * promise-based API (`browser` in Firefox, `chrome` in Chromium), as send.ts does through the polyfill.
 */
import { ASKER_PORT_PREFIX, perLinkFacetsMessage } from '@/utils/messaging/protocol-constants';
import type { AccountState, Envelope, MessageType, PageLinks, PageRequest, Replies, ReplyEnvelope, RequestOf } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings/settings-schema';
import { EarlyAnswers, firstViewRequests, type ViewRequests } from './first-view-facets';
import { choosePopupView, learnAboutTab, type ActiveTab, type PopupView, type TabFacts } from './popup-start';

/** The browser's extension API: read when asked (tests put a fake in its place). */
const extension = (): typeof chrome => (globalThis as { browser?: typeof chrome }).browser ?? chrome;

/** One request to the background: its reply's value, or an error with the background's reason (like send.ts). */
async function ask<T extends MessageType>(type: T, data: RequestOf<T>): Promise<Replies[T]> {
  const envelope: Envelope<T> = { bitlens: 1, type, data };
  const reply = (await extension().runtime.sendMessage(envelope)) as ReplyEnvelope<T> | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** How long the popup waits for the tab's content script before doing without it. */
export const PAGE_ANSWER_TIMEOUT_MS = 1_000;

export type { ActiveTab };

/**
 * The popup's asker port (utils/messaging/asker-ports.ts), opened before the first request that
 * names the asker, so the background can drop that asker's queued work when the popup closes and
 * tell it about refreshes. Pushes that arrive before the popup's API takes the port over are kept.
 */
export interface EarlyPort {
  port: chrome.runtime.Port;
  /** Stops keeping pushes: those kept so far, and whether the port dropped meanwhile. */
  takeOver(): { missed: unknown[]; dropped: boolean };
}

export interface FirstQuestions {
  /** Names the popup in its requests and its asker port. */
  askerId: string;
  /** Undefined when it could not be opened (the extension was reloaded). */
  port?: EarlyPort;
  tab: Promise<ActiveTab>;
  /** The active tab's content script's answer, or null when none answers (or there is no tab). */
  page: Promise<PageLinks | null>;
  account: Promise<AccountState>;
  settings: Promise<Settings>;
  brandedHosts: Promise<string[]>;
  /** The first view's facets, asked as soon as the view and the settings are known (first-view-facets.ts). */
  early: EarlyAnswers;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** A content script's answer, checked: it comes from a page's world, through our own script. */
export function asPageLinks(value: unknown): PageLinks | null {
  const page = value as PageLinks | null | undefined;
  if (!page || typeof page.url !== 'string' || !Array.isArray(page.links) || typeof page.total !== 'number') return null;
  const links = page.links.filter((l) => typeof l?.id === 'string' && typeof l.text === 'string');
  const ownLink = typeof page.ownLink === 'string' ? page.ownLink : undefined;
  return { url: page.url, ...(ownLink ? { ownLink } : {}), links, total: Math.max(page.total, links.length) };
}

export async function askActiveTab(): Promise<ActiveTab> {
  const [tab] = await extension().tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

/** The tab's own answer (its address and Bitly links), or null when no content script answers in time. */
export function askPageLinks(tabId: number): Promise<PageLinks | null> {
  const message: PageRequest = { bitlensPage: 'links' };
  const answer = extension().tabs.sendMessage(tabId, message, { frameId: 0 }).then(asPageLinks, () => null);
  return withTimeout(answer, PAGE_ANSWER_TIMEOUT_MS, null);
}

/** A question nobody may be waiting for yet: its failure is not reported as unhandled (the taker sees it). */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

export function openAskerPort(askerId: string): EarlyPort | undefined {
  let port: chrome.runtime.Port;
  try {
    port = extension().runtime.connect({ name: ASKER_PORT_PREFIX + askerId });
  } catch {
    return undefined;
  }
  const missed: unknown[] = [];
  let dropped = false;
  const keep = (message: unknown) => void missed.push(message);
  const drop = () => void (dropped = true);
  port.onMessage.addListener(keep);
  port.onDisconnect.addListener(drop);
  return {
    port,
    takeOver() {
      port.onMessage.removeListener(keep);
      port.onDisconnect.removeListener(drop);
      return { missed, dropped };
    },
  };
}

/** The view the popup will open on: the first one the facts allow, as the popup chooses it (popup-app.tsx). */
export function firstView(first: Pick<FirstQuestions, 'tab' | 'page' | 'account' | 'brandedHosts'>): Promise<PopupView> {
  return new Promise((resolve) => {
    let known: TabFacts = {};
    learnAboutTab(
      { activeTab: () => first.tab, pageLinks: () => first.page, getAccount: () => first.account, brandedHosts: () => first.brandedHosts },
      (fact) => {
        known = { ...known, ...fact };
        const view = choosePopupView(known);
        if (view) resolve(view);
      },
    );
  });
}

/** Sends the requests as the popup's API would (link facets together), leaving each answer in `early`. */
export function askEarly({ links, account }: ViewRequests, early: EarlyAnswers): void {
  for (const batch of perLinkFacetsMessage(links)) {
    const replies = ask('getLinkFacets', { requests: batch });
    batch.forEach((request, i) => early.add(request, replies.then((all) => all[i] ?? Promise.reject(new Error('no answer')))));
  }
  for (const request of account) early.add(request, ask('getAccountFacet', request));
}

/** Asks all of them at once; the content script as soon as the tab is known; the first view's facets once it is known. */
export function askFirstQuestions(): FirstQuestions {
  const askerId = crypto.randomUUID();
  const port = openAskerPort(askerId);
  const tab = quiet(askActiveTab());
  const early = new EarlyAnswers();
  const first = {
    askerId,
    port,
    tab,
    page: tab.then((t) => (t.id === undefined ? null : askPageLinks(t.id))).catch(() => null),
    account: quiet(ask('getAccount', {})),
    settings: quiet(ask('getSettings', {})),
    brandedHosts: quiet(ask('getBrandedHosts', {})),
    early,
  };
  void firstView(first).then((view) => first.settings.then((settings) => askEarly(firstViewRequests(view, settings, askerId), early))).catch(() => {});
  return first;
}

/** Where the boot script leaves the questions for the popup's bundle (two bundles, one window). */
const HANDOVER = Symbol.for('bitlens.popupFirstQuestions');

type Handover = { [HANDOVER]?: FirstQuestions };

export function handOverFirstQuestions(questions: FirstQuestions, on: object = globalThis): void {
  (on as Handover)[HANDOVER] = questions;
}

/** The questions the boot script asked, once (a second taker asks again), or undefined when it did not run. */
export function takeFirstQuestions(on: object = globalThis): FirstQuestions | undefined {
  const questions = (on as Handover)[HANDOVER];
  delete (on as Handover)[HANDOVER];
  return questions;
}
