import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LINK_STATS_MENU_ID, createLinkStatsMenu, linkPatterns, type ClickedTab } from './link-stats-menu';

const BITLY = ['*://bit.ly/*', '*://bitly.com/*', '*://bitly.is/*', '*://j.mp/*', '*://www.bit.ly/*', '*://www.bitly.com/*', '*://www.bitly.is/*', '*://www.j.mp/*'];

/** Chrome's match-pattern rules for `*://host/*`: http or https, that exact host, any path. */
function matches(pattern: string, url: string): boolean {
  const host = /^\*:\/\/([^/]+)\/\*$/.exec(pattern)?.[1];
  if (!host) throw new Error(`unexpected pattern ${pattern}`);
  const u = new URL(url);
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname === host;
}
const shownOn = (patterns: readonly string[], url: string) => patterns.some((p) => matches(p, url));

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
    const menu = createLinkStatsMenu({ brandedHosts: async () => [] });
    await menu.show(['go.acme.example']);
    expect(created).toEqual([
      {
        id: LINK_STATS_MENU_ID,
        title: 'Bitly stats for this link',
        contexts: ['link'],
        targetUrlPatterns: linkPatterns(['go.acme.example']),
      },
    ]);
    expect(menu.registered()).toEqual(linkPatterns(['go.acme.example']));
  });

  it('re-registers when the hosts change (sign-in, sign-out, a new branded domain), and only then', async () => {
    const { created, removeAll } = fakeMenus();
    const menu = createLinkStatsMenu({ brandedHosts: async () => [] });
    await menu.show([]);
    await menu.show([]);
    expect(removeAll).toHaveBeenCalledTimes(1);
    void menu.show(['brnd.example']);
    await menu.show(['brnd.example', 'go.acme.example']);
    expect(removeAll).toHaveBeenCalledTimes(3);
    expect(created).toHaveLength(1);
    expect(created[0]!.targetUrlPatterns).toEqual(linkPatterns(['brnd.example', 'go.acme.example']));
    await menu.show([]);
    expect(created[0]!.targetUrlPatterns).toEqual(BITLY);
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
    const menu = createLinkStatsMenu({ brandedHosts: async () => [] });
    await menu.show([]);
    expect(menu.registered()).toBeNull();
    refuse = false;
    await menu.show([]);
    expect(menu.registered()).toEqual(BITLY);
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

  const menu = () => createLinkStatsMenu({ brandedHosts: async () => ['go.acme.example'] });

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
});
