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
import type { AccountState, Envelope, MessageType, PageLinks, PageRequest, Replies, ReplyEnvelope, RequestOf } from '@/utils/messaging/protocol';
import type { Settings } from '@/utils/settings/settings-schema';

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

export interface ActiveTab {
  id?: number;
  /** Only when the browser shares it: `activeTab`, granted when the user opened the popup. */
  url?: string;
}

export interface FirstQuestions {
  tab: Promise<ActiveTab>;
  /** The active tab's content script's answer, or null when none answers (or there is no tab). */
  page: Promise<PageLinks | null>;
  account: Promise<AccountState>;
  settings: Promise<Settings>;
  brandedHosts: Promise<string[]>;
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

/** Asks all of them at once; the content script as soon as the tab is known. */
export function askFirstQuestions(): FirstQuestions {
  const tab = quiet(askActiveTab());
  return {
    tab,
    page: tab.then((t) => (t.id === undefined ? null : askPageLinks(t.id))).catch(() => null),
    account: quiet(ask('getAccount', {})),
    settings: quiet(ask('getSettings', {})),
    brandedHosts: quiet(ask('getBrandedHosts', {})),
  };
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
