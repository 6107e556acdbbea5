import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { matchesAny } from '../../tests/support/match-pattern';
import type { PageLinks } from '../messaging/protocol';
import { LINK_STATS_MENU_ID, createLinkStatsMenu, linkPatterns, menuPatterns, type ClickedTab } from './link-stats-menu';

const BITLY = ['*://bit.ly/*', '*://bitly.com/*', '*://bitly.is/*', '*://j.mp/*', '*://www.bit.ly/*', '*://www.bitly.com/*', '*://www.bitly.is/*', '*://www.j.mp/*'];

const shownOn = matchesAny;
const enc = encodeURIComponent;
const noPage = async () => null;

describe('where the item shows', () => {
  it("covers Bitly's hosts with and without www.", () => {
    expect(linkPatterns([])).toEqual(BITLY);
  });

  it.each([
    [['go.acme.example'], ['*://go.acme.example/*', '*://www.go.acme.example/*']],
    [['Go.Acme.Example', 'www.go.acme.example', 'go.acme.example'], ['*://go.acme.example/*', '*://www.go.acme.example/*']],
    [['brnd.example', 'bit.ly'], ['*://brnd.example/*', '*://www.brnd.example/*']],
    [['*.evil.example', 'evil.example/*', 'localhost', '', 'exa mple.com', '-x.example', 'a'.repeat(64) + '.example'], []],
  ])('branded %j adds %j', (branded, added) => {
    expect(linkPatterns(branded)).toEqual([...BITLY, ...added].sort());
  });

  it.each([
    ['https://bit.ly/AbC123', true],
    ['http://j.mp/AbC123', true],
    ['https://www.bitly.com/AbC123', true],
    ['https://go.acme.example/launch', true],
    ['https://example.com/bit.ly/AbC', false],
    ['https://bit.ly.evil.example/AbC', false],
    ['https://notbit.ly/AbC', false],
    ['https://sub.go.acme.example/launch', false],
    ['ftp://bit.ly/AbC', false],
  ])('%s: %s', (url, shown) => {
    expect(shownOn(linkPatterns(['go.acme.example']), url)).toBe(shown);
  });

  it('adds the wrappers carrying a link of any of those hosts, after the hosts themselves', () => {
    const patterns = menuPatterns(['go.acme.example']);
    expect(patterns.slice(0, 10)).toEqual(linkPatterns(['go.acme.example']));
    expect(shownOn(patterns, `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://go.acme.example/launch')}`)).toBe(true);
    expect(shownOn(menuPatterns([]), `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://go.acme.example/launch')}`)).toBe(false);
  });
});

describe('registering the item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    fakeBrowser.i18n.getMessage = ((key: string) => (key === 'contextMenuLinkStats' ? 'Bitly stats for this link' : '')) as never;
    // A real browser sets lastError only inside a failing call's callback.
    fakeBrowser.runtime.lastError = undefined;
  });

  function fakeMenus() {
    const created: Array<Record<string, unknown>> = [];
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(async () => {
      created.length = 0;
    });
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: Record<string, unknown>, done?: () => void) => {
      created.push(props);
      done?.();
      return props.id as string;
    }) as never);
    return { created, removeAll };
  }

  it('registers one item for links, with the patterns of the hosts it is given', async () => {
    const { created } = fakeMenus();
    const menu = createLinkStatsMenu({ brandedHosts: async () => [], askPage: noPage });
    await menu.show(['go.acme.example']);
    expect(created).toEqual([
      {
        id: LINK_STATS_MENU_ID,
        title: 'Bitly stats for this link',
        contexts: ['link'],
        targetUrlPatterns: menuPatterns(['go.acme.example']),
      },
    ]);
    expect(menu.registered()).toEqual(menuPatterns(['go.acme.example']));
  });

  it('re-registers when the hosts change (sign-in, sign-out, a new branded domain), and only then', async () => {
    const { created, removeAll } = fakeMenus();
    const menu = createLinkStatsMenu({ brandedHosts: async () => [], askPage: noPage });
    await menu.show([]);
    await menu.show([]);
    expect(removeAll).toHaveBeenCalledTimes(1);
    void menu.show(['brnd.example']);
    await menu.show(['brnd.example', 'go.acme.example']);
    expect(removeAll).toHaveBeenCalledTimes(3);
    expect(created).toHaveLength(1);
    expect(created[0]!.targetUrlPatterns).toEqual(menuPatterns(['brnd.example', 'go.acme.example']));
    await menu.show([]);
    expect(created[0]!.targetUrlPatterns).toEqual(menuPatterns([]));
  });

  it('tries again with the next list when the browser refused the item', async () => {
    const { created } = fakeMenus();
    let refuse = true;
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((props: Record<string, unknown>, done?: () => void) => {
      if (refuse) fakeBrowser.runtime.lastError = { message: 'Invalid url pattern' };
      else created.push(props);
      done?.();
      fakeBrowser.runtime.lastError = undefined;
      return props.id as string;
    }) as never);
    const menu = createLinkStatsMenu({ brandedHosts: async () => [], askPage: noPage });
    await menu.show([]);
    expect(menu.registered()).toBeNull();
    refuse = false;
    await menu.show([]);
    expect(menu.registered()).toEqual(menuPatterns([]));
    expect(created).toHaveLength(1);
  });
});

describe('choosing the item', () => {
  let tab: ClickedTab;
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(((path: string) => `chrome-extension://bitlens/${path.replace(/^\//, '')}`) as never);
    await fakeBrowser.tabs.create({ url: 'https://news.example/' });
    const opened = await fakeBrowser.tabs.create({ url: 'https://blog.example/post' });
    tab = { id: opened.id, index: 1, windowId: opened.windowId ?? 0, incognito: false };
  });

  const menu = (askPage: (tabId: number, frameId: number, href: string) => Promise<unknown> = noPage) =>
    createLinkStatsMenu({ brandedHosts: async () => ['go.acme.example'], askPage });

  it.each([
    ['https://bit.ly/AbC123?utm_source=x#top', 'bit.ly/AbC123'],
    ['https://www.bitly.com/AbC123+', 'bitly.com/AbC123'],
    ['https://Go.Acme.Example/Launch', 'go.acme.example/Launch'],
  ])('%s opens the report of %s in a new tab after the current one', async (linkUrl, id) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const url = `chrome-extension://bitlens/report.html#link=${id}`;
    expect(await menu().open({ menuItemId: LINK_STATS_MENU_ID, linkUrl }, tab)).toBe(url);
    expect(create).toHaveBeenCalledWith({ url, windowId: tab.windowId, index: 2, openerTabId: tab.id });
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url).slice(-3)).toEqual(['https://news.example/', 'https://blog.example/post', url]);
  });

  it('lets the browser choose the window for a click in an incognito tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await menu().open({ menuItemId: LINK_STATS_MENU_ID, linkUrl: 'https://bit.ly/AbC123' }, { ...tab, incognito: true });
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://bitlens/report.html#link=bit.ly/AbC123' });
  });

  it.each([
    [LINK_STATS_MENU_ID, 'https://bitly.com/pages/pricing'],
    [LINK_STATS_MENU_ID, 'https://bit.ly/'],
    [LINK_STATS_MENU_ID, 'https://other.example/AbC'],
    [LINK_STATS_MENU_ID, undefined],
    ['someone-else', 'https://bit.ly/AbC123'],
  ])('%s on %s opens nothing', async (menuItemId, linkUrl) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await menu().open({ menuItemId, linkUrl }, tab)).toBeNull();
    expect(create).not.toHaveBeenCalled();
  });

  describe('a wrapped link', () => {
    const REPORT = 'chrome-extension://bitlens/report.html#link=';

    it.each([
      [`https://nam12.safelinks.protection.outlook.com/?url=${enc('https://bit.ly/AbC123')}&data=05%7C02%7Cme%40example.com&reserved=0`, 'bit.ly/AbC123'],
      ['https://www.google.com/url?q=https://bit.ly/AbC123&source=gmail&ust=1767225600000', 'bit.ly/AbC123'],
      [`https://www.google.com/url?q=&url=${enc('https://j.mp/Xyz')}`, 'j.mp/Xyz'],
      [`https://slack-redir.net/link?url=${enc('https://go.acme.example/Launch')}`, 'go.acme.example/Launch'],
      [`https://l.facebook.com/l.php?u=${enc('https://bit.ly/AbC123?fbclid=IwAR0x')}&h=AT0abc`, 'bit.ly/AbC123'],
      [`https://l.instagram.com/?u=${enc('https://bitly.is/AbC')}`, 'bitly.is/AbC'],
      [`https://www.linkedin.com/redir/redirect?url=${enc('https://www.bitly.com/AbC')}`, 'bitly.com/AbC'],
      [`https://www.youtube.com/redirect?q=${enc('https://bit.ly/AbC123')}&v=x`, 'bit.ly/AbC123'],
    ])('%s opens the report of %s without asking the page', async (linkUrl, id) => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const askPage = vi.fn(noPage);
      expect(await menu(askPage).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl, frameId: 0 }, tab)).toBe(REPORT + id);
      expect(create).toHaveBeenCalledWith({ url: REPORT + id, windowId: tab.windowId, index: 2, openerTabId: tab.id });
      expect(askPage).not.toHaveBeenCalled();
    });

    it.each([
      ['a look-alike host', `https://nam12.safelinks.protection.outlook.com.evil.example/?url=${enc('https://bit.ly/AbC123')}`],
      ['a nested wrapper', `https://www.google.com/url?q=${enc(`https://slack-redir.net/link?url=${enc('https://bit.ly/AbC123')}`)}`],
      ['double encoding', `https://slack-redir.net/link?url=${enc(enc('https://bit.ly/AbC123'))}`],
      ['the Bitly URL in another parameter', `https://www.google.com/url?q=${enc('https://example.com/')}&continue=${enc('https://bit.ly/AbC123')}`],
      ['two values', `https://slack-redir.net/link?url=${enc('https://bit.ly/AbC123')}&url=${enc('https://bit.ly/Other')}`],
      ['another path', `https://www.google.com/search?q=${enc('https://bit.ly/AbC123')}`],
      ['plain http', `http://slack-redir.net/link?url=${enc('https://bit.ly/AbC123')}`],
      ['a wrapper of another link', `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://example.com/bit.ly')}`],
      ['a Bitly site page', `https://slack-redir.net/link?url=${enc('https://bitly.com/pages/pricing')}`],
    ])('%s opens nothing and asks no one', async (_, linkUrl) => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const askPage = vi.fn(noPage);
      expect(await menu(askPage).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl, frameId: 0 }, tab)).toBeNull();
      expect(create).not.toHaveBeenCalled();
      expect(askPage).not.toHaveBeenCalled();
    });
  });

  describe('a t.co link, whose text only the page knows', () => {
    const TCO = 'https://t.co/Ab12Cd34Ef';
    const answer = (links: PageLinks['links']): PageLinks => ({ url: 'https://x.example/post', links, total: links.length });
    const viaText = { wrapper: 'X (t.co)', found: 'text' } as const;

    it('asks the frame the link is in for that address, and opens the report of the link its text names', async () => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const askPage = vi.fn(async () => answer([{ id: 'bit.ly/AbC123', text: 'bit.ly/AbC123', via: viaText }]));
      const url = 'chrome-extension://bitlens/report.html#link=bit.ly/AbC123';
      expect(await menu(askPage).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl: TCO, frameId: 3 }, tab)).toBe(url);
      expect(askPage).toHaveBeenCalledWith(tab.id, 3, TCO);
      expect(create).toHaveBeenCalledWith({ url, windowId: tab.windowId, index: 2, openerTabId: tab.id });
    });

    it.each<[string, unknown]>([
      ['the page has no Bitly link there (its text is something else)', answer([])],
      ['the content script does not answer', null],
      ['two links with this address name different Bitly links', answer([{ id: 'bit.ly/AbC123', text: '', via: viaText }, { id: 'bit.ly/Other', text: '', via: viaText }])],
      ['the link was found by a parameter, not by its text', answer([{ id: 'bit.ly/AbC123', text: '', via: { wrapper: 'Slack', found: 'param' } }])],
      ['the answer names no bitlink', answer([{ id: 'bit.ly/../options.html', text: '', via: viaText }])],
      ['the answer is not a page', { links: 'bit.ly/AbC123' }],
    ])('opens nothing when %s', async (_, reply) => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      expect(await menu(async () => reply).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl: TCO, frameId: 0 }, tab)).toBeNull();
      expect(create).not.toHaveBeenCalled();
    });

    it('opens nothing when the page cannot be asked (a frame without the content script)', async () => {
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const askPage = vi.fn(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
      expect(await menu(askPage).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl: TCO, frameId: 7 }, tab)).toBeNull();
      expect(askPage).toHaveBeenCalledOnce();
      expect(create).not.toHaveBeenCalled();
    });

    it.each([
      ['a look-alike host', 'https://t.co.evil.example/Ab12Cd34Ef'],
      ['plain http', 'http://t.co/Ab12Cd34Ef'],
    ])('does not ask the page for %s', async (_, linkUrl) => {
      const askPage = vi.fn(noPage);
      expect(await menu(askPage).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl, frameId: 0 }, tab)).toBeNull();
      expect(askPage).not.toHaveBeenCalled();
    });

    it('does not ask without a tab to ask', async () => {
      const askPage = vi.fn(noPage);
      expect(await menu(askPage).open({ menuItemId: LINK_STATS_MENU_ID, linkUrl: TCO }, undefined)).toBeNull();
      expect(askPage).not.toHaveBeenCalled();
    });
  });
});
