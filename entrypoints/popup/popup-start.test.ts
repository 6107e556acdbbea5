import { describe, expect, it } from 'vitest';
import type { AccountState, PageLinks } from '@/utils/messaging/protocol';
import { choosePopupView, learnAboutTab, type TabFacts } from './popup-start';
import { createFixturePopupApi, SIGNED_IN } from './popup-api-fixture';

const ARTICLE = 'https://news.example.com/2026/story.html';
const SIGNED_OUT: AccountState = { signedIn: false };
const page = (url: string, ids: string[] = [], ownLink?: string): PageLinks => ({ url, ...(ownLink ? { ownLink } : {}), links: ids.map((id) => ({ id, text: id })), total: ids.length });

describe('what the popup opens on', () => {
  it.each<[string, TabFacts, ReturnType<typeof choosePopupView>]>([
    ['no token, whatever the tab', { account: SIGNED_OUT, page: page('https://bit.ly/Abc1234', [], 'bit.ly/Abc1234') }, { kind: 'no-token' }],
    ['no token, before anything else is known', { account: SIGNED_OUT }, { kind: 'no-token' }],
    ['the tab is a Bitly link (its stats page), named by its content script', { page: page('https://bit.ly/Abc1234+', ['bit.ly/Other1'], 'bit.ly/Abc1234') }, { kind: 'link', link: 'bit.ly/Abc1234' }],
    ['the tab is a branded link, named by its content script', { page: page('https://go.acme.example/launch', [], 'go.acme.example/launch') }, { kind: 'link', link: 'go.acme.example/launch' }],
    ['a page with Bitly links', { page: page(ARTICLE, ['bit.ly/A1', 'bit.ly/B2']) }, { kind: 'page-links', page: page(ARTICLE, ['bit.ly/A1', 'bit.ly/B2']) }],
    ['a page without Bitly links', { page: page(ARTICLE) }, { kind: 'links-to-page', url: ARTICLE, pageListed: true }],
    ['a page of a branded-looking host that is not the account’s', { page: page('https://go.acme.example/launch') }, { kind: 'links-to-page', url: 'https://go.acme.example/launch', pageListed: true }],
    ['no content script; the tab is a Bitly link (activeTab)', { tab: { id: 7, url: 'https://j.mp/Q7' }, page: null }, { kind: 'link', link: 'j.mp/Q7' }],
    ['no content script; a branded link (activeTab), once the domains are known', { tab: { id: 7, url: 'https://brnd.example/Q3' }, page: null, brandedHosts: ['brnd.example'] }, { kind: 'link', link: 'brnd.example/Q3' }],
    ['no content script; a web page (activeTab), once the domains are known', { tab: { id: 7, url: ARTICLE }, page: null, brandedHosts: [] }, { kind: 'links-to-page', url: ARTICLE, pageListed: false }],
    ['a browser page (activeTab gives its address)', { tab: { id: 7, url: 'chrome://extensions/' }, page: null }, { kind: 'account' }],
    ['a store page (no content script runs there)', { tab: { id: 7, url: 'https://chromewebstore.google.com/detail/x' }, page: null }, { kind: 'account' }],
    ['Firefox’s add-on store', { tab: { id: 7, url: 'https://addons.mozilla.org/de/firefox/' }, page: null }, { kind: 'account' }],
    ['a local file', { tab: { id: 7, url: 'file:///home/me/notes.html' }, page: null }, { kind: 'account' }],
    ['nothing known about the tab', { tab: { id: 7 }, page: null }, { kind: 'account' }],
    ['the tab is a Bitly link (activeTab): chosen before its content script answers', { tab: { id: 7, url: 'https://bit.ly/Abc1234' } }, { kind: 'link', link: 'bit.ly/Abc1234' }],
    ['a browser page (activeTab): chosen without waiting for a content script', { tab: { id: 7, url: 'chrome://version/' } }, { kind: 'account' }],
    ['a store page: chosen without waiting for a content script', { tab: { id: 7, url: 'https://chromewebstore.google.com/detail/x' } }, { kind: 'account' }],
    ['a local file with Bitly links (content scripts may run there)', { tab: { id: 7, url: 'file:///home/me/notes.html' }, page: page('file:///home/me/notes.html', ['bit.ly/A1']) }, { kind: 'page-links', page: page('file:///home/me/notes.html', ['bit.ly/A1']) }],
    ['signed in: the same choice as not yet known', { account: SIGNED_IN, page: page(ARTICLE, ['bit.ly/A1']) }, { kind: 'page-links', page: page(ARTICLE, ['bit.ly/A1']) }],
  ])('%s', (_name, facts, view) => {
    expect(choosePopupView(facts)).toEqual(view);
  });

  it.each<[string, TabFacts]>([
    ['nothing known yet', {}],
    ['the account only', { account: SIGNED_IN }],
    ['the tab, its content script not yet answered', { tab: { id: 7, url: ARTICLE } }],
    ['a local file, its content script not yet answered', { tab: { id: 7, url: 'file:///home/me/notes.html' } }],
    ['a web page without content script, branded domains not yet known', { tab: { id: 7, url: ARTICLE }, page: null }],
  ])('waits while it knows only %s', (_name, facts) => {
    expect(choosePopupView(facts)).toBeNull();
  });
});

describe('learning about the tab', () => {
  it('asks the tab’s content script by the active tab’s id, and reports each fact', async () => {
    const api = createFixturePopupApi({ tab: { id: 42 }, page: page(ARTICLE, ['bit.ly/A1']) });
    const facts: TabFacts = {};
    learnAboutTab(api, (fact) => Object.assign(facts, fact));
    await new Promise((r) => setTimeout(r, 0));
    expect(api.pagesAsked).toEqual([42]);
    expect(facts).toEqual({ tab: { id: 42 }, page: page(ARTICLE, ['bit.ly/A1']), account: SIGNED_IN, brandedHosts: [] });
  });

  it('does without what fails: no tab, no content script, no account, no branded domains', async () => {
    const api = createFixturePopupApi({ tab: {}, page: null });
    api.brandedHosts = () => Promise.reject(new Error('gone'));
    api.getAccount = () => Promise.reject(new Error('gone'));
    const facts: TabFacts = {};
    learnAboutTab(api, (fact) => Object.assign(facts, fact));
    await new Promise((r) => setTimeout(r, 0));
    expect(facts).toEqual({ tab: {}, page: null, account: SIGNED_OUT, brandedHosts: [] });
    expect(api.pagesAsked).toEqual([]);
  });
});
