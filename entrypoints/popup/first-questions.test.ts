import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageLinks } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings-schema';
import { askFirstQuestions, asPageLinks, firstView, handOverFirstQuestions, takeFirstQuestions, type FirstQuestions } from './first-questions';
import { EarlyAnswers, firstViewRequests } from './first-view-facets';
import type { PopupView } from './popup-start';
import { createMessagePopupApi } from './popup-api';
import { SIGNED_IN } from './popup-api-fixture';

const PAGE: PageLinks = { url: 'https://news.example/story', links: [{ id: 'bit.ly/A1', text: 'a story' }], total: 1 };

/** The background's answers by message type, and every message it got. */
function fakeBackground() {
  const asked: string[] = [];
  const answers: Record<string, unknown> = { getAccount: SIGNED_IN, getSettings: DEFAULT_SETTINGS, getBrandedHosts: ['go.acme.example'] };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
    asked.push(message.type);
    return { ok: true, value: answers[message.type] };
  }) as never);
  return asked;
}

/** The tab the popup was opened on, and what its content script answers (a function of the tab asked). */
function fakeTab(tab: { id?: number; url?: string } | undefined, answer: (tabId: number) => Promise<unknown>) {
  const pagesAsked: Array<{ tabId: number; frameId?: number }> = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue((tab ? [tab] : []) as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(((tabId: number, _message: unknown, options?: { frameId?: number }) => {
    pagesAsked.push({ tabId, frameId: options?.frameId });
    return answer(tabId);
  }) as never);
  return pagesAsked;
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  // The boot script speaks to the browser's own API (`browser`, else `chrome`), not through the polyfill.
  vi.stubGlobal('browser', fakeBrowser);
  return () => vi.unstubAllGlobals();
});

describe('a content script’s answer, checked', () => {
  it.each<[string, unknown, PageLinks | null]>([
    ['a well-formed answer', PAGE, PAGE],
    ['its own link kept', { ...PAGE, ownLink: 'bit.ly/Own1' }, { ...PAGE, ownLink: 'bit.ly/Own1' }],
    ['no answer', undefined, null],
    ['no address', { links: [], total: 0 }, null],
    ['links not a list', { url: PAGE.url, links: 'bit.ly/A1', total: 1 }, null],
    ['malformed links left out, the total at least the links kept', { url: PAGE.url, links: [{ id: 'bit.ly/A1', text: 'a' }, { id: 7 }, null], total: 0 }, { url: PAGE.url, links: [{ id: 'bit.ly/A1', text: 'a' }], total: 1 }],
    ['an own link that is not text dropped', { ...PAGE, ownLink: 42 }, PAGE],
  ])('%s', (_name, answer, expected) => {
    expect(asPageLinks(answer)).toEqual(expected);
  });
});

describe('the popup’s first questions', () => {
  it('asks the tab’s top frame as soon as the tab is known, and the background for the account, settings and branded domains', async () => {
    const asked = fakeBackground();
    const pagesAsked = fakeTab({ id: 7, url: PAGE.url }, async () => PAGE);
    const questions = askFirstQuestions();
    expect(await questions.tab).toEqual({ id: 7, url: PAGE.url });
    expect(await questions.page).toEqual(PAGE);
    expect(pagesAsked).toEqual([{ tabId: 7, frameId: 0 }]);
    expect([await questions.account, await questions.settings, await questions.brandedHosts]).toEqual([SIGNED_IN, DEFAULT_SETTINGS, ['go.acme.example']]);
    expect(asked.sort()).toEqual(['getAccount', 'getBrandedHosts', 'getSettings']);
  });

  it.each<[string, { id?: number; url?: string } | undefined, () => Promise<unknown>]>([
    ['no content script answers (a browser page)', { id: 7 }, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))],
    ['the content script answers something else', { id: 7 }, async () => ({ hello: 'world' })],
    ['no active tab', undefined, async () => PAGE],
    ['a tab without an id', { url: PAGE.url }, async () => PAGE],
  ])('the page is null when %s', async (_name, tab, answer) => {
    fakeBackground();
    fakeTab(tab, answer);
    expect(await askFirstQuestions().page).toBeNull();
  });

  it('a failed question fails for its taker only', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('the background is gone'));
    fakeTab({ id: 7 }, async () => PAGE);
    const questions = askFirstQuestions();
    await expect(questions.account).rejects.toThrow('the background is gone');
    expect(await questions.page).toEqual(PAGE);
  });
});

describe('handing the questions over from the boot script to the popup', () => {
  it('the popup takes them once; a second taker finds none', () => {
    const window = {};
    const questions = { tab: Promise.resolve({}) } as FirstQuestions;
    expect(takeFirstQuestions(window)).toBeUndefined();
    handOverFirstQuestions(questions, window);
    expect(takeFirstQuestions(window)).toBe(questions);
    expect(takeFirstQuestions(window)).toBeUndefined();
  });
});

describe('the popup’s API answers its first calls with the questions already asked', () => {
  const given = (): FirstQuestions => ({
    askerId: 'popup-1',
    early: new EarlyAnswers(),
    tab: Promise.resolve({ id: 7, url: PAGE.url }),
    page: Promise.resolve(PAGE),
    account: Promise.resolve(SIGNED_IN),
    settings: Promise.resolve({ ...DEFAULT_SETTINGS, range: '7d' }),
    brandedHosts: Promise.resolve(['brnd.example']),
  });

  it('without a message for the account, branded domains, settings, tab and page; later calls ask again', async () => {
    const asked = fakeBackground();
    const pagesAsked = fakeTab({ id: 7, url: PAGE.url }, async () => ({ ...PAGE, total: 2 }));
    const api = createMessagePopupApi(given());
    try {
      expect(await api.activeTab()).toEqual({ id: 7, url: PAGE.url });
      expect(await api.pageLinks(7)).toEqual(PAGE);
      expect(await api.getAccount()).toEqual(SIGNED_IN);
      expect(await api.brandedHosts()).toEqual(['brnd.example']);
      expect((await api.getSettings()).range).toBe('7d');
      expect(asked).toEqual([]);
      expect(pagesAsked).toEqual([]);

      expect(await api.getAccount()).toEqual(SIGNED_IN);
      expect(await api.brandedHosts()).toEqual(['go.acme.example']);
      expect((await api.pageLinks(7))?.total).toBe(2);
      expect(asked).toEqual(['getAccount', 'getBrandedHosts']);
      expect(pagesAsked).toEqual([{ tabId: 7, frameId: 0 }]);
    } finally {
      api.dispose();
    }
  });

  it('asks a tab other than the one the questions were about', async () => {
    fakeBackground();
    const pagesAsked = fakeTab({ id: 9 }, async () => ({ ...PAGE, url: 'https://other.example/' }));
    const api = createMessagePopupApi(given());
    try {
      expect((await api.pageLinks(9))?.url).toBe('https://other.example/');
      expect(pagesAsked).toEqual([{ tabId: 9, frameId: 0 }]);
    } finally {
      api.dispose();
    }
  });
});

/** A fake `runtime.connect`: the ports opened, each able to receive a push or drop. */
function fakePorts() {
  const opened: Array<{ name: string; push(message: unknown): void; drop(): void }> = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation((({ name }: { name: string }) => {
    const onMessage = new Set<(m: unknown) => void>();
    const onDisconnect = new Set<() => void>();
    opened.push({ name, push: (m) => onMessage.forEach((l) => l(m)), drop: () => onDisconnect.forEach((l) => l()) });
    const event = <L>(set: Set<L>) => ({ addListener: (l: L) => void set.add(l), removeListener: (l: L) => void set.delete(l) });
    return { name, onMessage: event(onMessage), onDisconnect: event(onDisconnect), disconnect: () => {} };
  }) as never);
  return opened;
}

describe('the first view’s facets, asked by the boot script', () => {
  it.each<[string, { id?: number; url?: string }, unknown, PopupView]>([
    ['a tab whose address is a Bitly link', { id: 7, url: 'https://bit.ly/Own1' }, PAGE, { kind: 'link', link: 'bit.ly/Own1' }],
    ['a page naming itself a Bitly link', { id: 7 }, { ...PAGE, ownLink: 'bit.ly/Own1' }, { kind: 'link', link: 'bit.ly/Own1' }],
    ['a page with Bitly links', { id: 7 }, PAGE, { kind: 'page-links', page: PAGE }],
    ['a browser page', { id: 7, url: 'chrome://version/' }, undefined, { kind: 'account' }],
  ])('%s: the view the popup will choose, its requests sent with the popup’s asker after its port opened', async (_name, tab, answer, view) => {
    const messages: Array<{ type: string; data: Record<string, unknown> }> = [];
    const ports = fakePorts();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; data: Record<string, unknown> }) => {
      messages.push(message);
      if (message.type === 'getLinkFacets') expect(ports).toHaveLength(1);
      const value = { getAccount: SIGNED_IN, getSettings: DEFAULT_SETTINGS, getBrandedHosts: [] }[message.type as string] ?? null;
      return { ok: true, value: message.type === 'getLinkFacets' ? [] : value };
    }) as never);
    fakeTab(tab, async () => (answer === undefined ? Promise.reject(new Error('no receiver')) : answer));
    const questions = askFirstQuestions();
    expect(await firstView(questions)).toEqual(view);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ports.map((p) => p.name)).toEqual([`bitlens-asker:${questions.askerId}`]);
    const expected = firstViewRequests(view, DEFAULT_SETTINGS, questions.askerId);
    expect(messages.filter((m) => m.type === 'getLinkFacets').flatMap((m) => m.data.requests)).toEqual(expected.links);
    expect(messages.filter((m) => m.type === 'getAccountFacet').map((m) => m.data)).toEqual(expected.account);
  });

  it('nothing when no one is signed in', async () => {
    const messages: string[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string }) => {
      messages.push(message.type);
      return { ok: true, value: message.type === 'getAccount' ? { signedIn: false } : message.type === 'getSettings' ? DEFAULT_SETTINGS : [] };
    }) as never);
    fakeTab({ id: 7, url: 'https://bit.ly/Own1' }, async () => PAGE);
    const questions = askFirstQuestions();
    await questions.settings;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(messages.sort()).toEqual(['getAccount', 'getBrandedHosts', 'getSettings']);
  });

  it('the popup’s API holds the port the boot script opened and hears the pushes that came before', async () => {
    fakeBackground();
    fakeTab({ id: 7, url: PAGE.url }, async () => PAGE);
    const ports = fakePorts();
    const questions = askFirstQuestions();
    ports[0]!.push({ type: 'settingsChanged', settings: { ...DEFAULT_SETTINGS, range: '90d' } });
    const api = createMessagePopupApi(questions);
    const heard: unknown[] = [];
    api.subscribe((push) => heard.push(push));
    ports[0]!.push({ type: 'facetUpdated', target: 'bit.ly/A1', facet: 'countries' });
    expect(ports).toHaveLength(1);
    expect((await api.getSettings()).range).toBe('90d');
    expect(heard).toEqual([{ type: 'facetUpdated', target: 'bit.ly/A1', facet: 'countries' }]);
    api.dispose();
  });
});
