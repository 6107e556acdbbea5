import { describe, expect, it } from 'vitest';
import type { AccountState, PageLinks } from '@/utils/messaging/protocol';
import { choosePopupView, learnAboutTab, type TabFacts } from './popup-start';
import { createFixturePopupApi } from './popup-api-fixture';

const signedIn: AccountState = { signedIn: true, account: { login: 'paula', name: 'Paula', defaultGroup: { guid: 'Bg1', name: 'Paula' }, organization: null } };
const ARTICLE = 'https://news.example.com/2026/story.html';
const page = (url: string, ids: string[] = []): PageLinks => ({ url, links: ids.map((id) => ({ id, text: id })), total: ids.length });
const facts = (over: Partial<TabFacts>): TabFacts => ({ account: signedIn, tab: { id: 7 }, page: null, brandedHosts: [], ...over });

describe('what the popup opens on', () => {
  it.each<[string, Partial<TabFacts>, ReturnType<typeof choosePopupView>]>([
    ['no token, whatever the tab', { account: { signedIn: false }, page: page('https://bit.ly/Abc1234') }, { kind: 'no-token' }],
    ['the tab is a Bitly link (its stats page)', { page: page('https://bit.ly/Abc1234+', ['bit.ly/Other1']) }, { kind: 'link', link: 'bit.ly/Abc1234' }],
    ['the tab is a Bitly link, known from activeTab only', { tab: { id: 7, url: 'https://j.mp/Q7' } }, { kind: 'link', link: 'j.mp/Q7' }],
    ['the tab is a branded link', { page: page('https://go.acme.example/launch'), brandedHosts: ['go.acme.example'] }, { kind: 'link', link: 'go.acme.example/launch' }],
    ['a branded-looking host that is not the account’s', { page: page('https://go.acme.example/launch') }, { kind: 'links-to-page', url: 'https://go.acme.example/launch', pageListed: true }],
    ['a page with Bitly links', { page: page(ARTICLE, ['bit.ly/A1', 'bit.ly/B2']) }, { kind: 'page-links', page: page(ARTICLE, ['bit.ly/A1', 'bit.ly/B2']) }],
    ['a page without Bitly links', { page: page(ARTICLE) }, { kind: 'links-to-page', url: ARTICLE, pageListed: true }],
    ['a page whose content script did not answer, address from activeTab', { tab: { id: 7, url: ARTICLE } }, { kind: 'links-to-page', url: ARTICLE, pageListed: false }],
    ['a browser page (activeTab gives its address)', { tab: { id: 7, url: 'chrome://extensions/' } }, { kind: 'account' }],
    ['a store page (no content script runs there)', { tab: { id: 7, url: 'https://chromewebstore.google.com/detail/x' } }, { kind: 'account' }],
    ['Firefox’s add-on store', { tab: { id: 7, url: 'https://addons.mozilla.org/de/firefox/' } }, { kind: 'account' }],
    ['nothing known about the tab', {}, { kind: 'account' }],
    ['a local file', { tab: { id: 7, url: 'file:///home/me/notes.html' } }, { kind: 'account' }],
  ])('%s', (_name, given, view) => {
    expect(choosePopupView(facts(given))).toEqual(view);
  });
});

describe('learning about the tab', () => {
  it('asks the tab’s content script by the active tab’s id', async () => {
    const api = createFixturePopupApi({ tab: { id: 42 }, page: page(ARTICLE, ['bit.ly/A1']) });
    const learnt = await learnAboutTab(api);
    expect(api.pagesAsked).toEqual([42]);
    expect(learnt.page?.links).toEqual([{ id: 'bit.ly/A1', text: 'bit.ly/A1' }]);
  });

  it('does without what fails: no tab, no content script, no branded domains', async () => {
    const api = createFixturePopupApi({ tab: {}, page: null });
    api.brandedHosts = () => Promise.reject(new Error('gone'));
    expect(await learnAboutTab(api)).toEqual({ account: api.account, tab: {}, page: null, brandedHosts: [] });
    expect(api.pagesAsked).toEqual([]);
  });
});
