/**
 * Bitlens in Firefox, end to end (PRODUCT.md §7): token setup on the options page Bitlens opens
 * on install, a hover card with the stand-in's numbers, and a link of another account.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { TEST_API_PORT } from '../../scripts/flavour';
import { SAMPLE } from '../fake-bitly/data';
import { startFakeBitly, type FakeBitly } from '../fake-bitly/server';
import type { ReplyEnvelope } from '../../utils/messaging/protocol';
import { cardFrame, cardState, launchFirefox, locationOf, onboardingTab, restPointerOn, until } from './firefox';

const paid = SAMPLE.accounts.paid;
const own = paid.links[0]!;
const foreign = SAMPLE.accounts.free.links[0]!;

const test = base.extend<{ fake: FakeBitly; firefox: Browser; options: Page; site: { show(html: string): Promise<string> } }>({
  fake: async ({}, use) => {
    const fake = await startFakeBitly({ port: TEST_API_PORT });
    await use(fake);
    await fake.close();
  },
  firefox: async ({ fake: _startedFirst }, use) => {
    const browser = await launchFirefox();
    await use(browser);
    await browser.close();
  },
  options: async ({ firefox }, use) => {
    await use(await onboardingTab(firefox));
  },
  site: async ({}, use) => {
    const pages = new Map<string, string>();
    const server = createServer((req, res) => {
      const html = pages.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await use({
      async show(html) {
        const path = `/page-${pages.size}.html`;
        pages.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>${html}</body></html>`);
        return origin + path;
      },
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
});

/** Pastes a token on the options page and waits until the account it belongs to is shown. */
async function signIn(options: Page, token: string, login: string) {
  await options.waitForSelector('input#token');
  await options.locator('input#token').fill(token);
  await options.locator('button[type="submit"]').click();
  await until(`the account of ${login}`, () => options.evaluate((login) => document.querySelector('[data-testid="account"]')?.textContent?.includes(login), login));
  // The settings then list the account's groups (a group option in a select): that request is behind us.
  const group = SAMPLE.accounts.paid.groups[0]!.guid;
  await until('the group list', () => options.evaluate((guid) => !!document.querySelector(`select option[value="${guid}"]`), group));
}

/** Sends one protocol message from the options page, as a surface would (Firefox's promise-based `browser`). */
function ask(options: Page, type: string, data: object): Promise<unknown> {
  return options.evaluate(
    (type, data) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ bitlens: 1, type, data }),
    type,
    data,
  );
}

const link = (href: string, text: string) => `<p style="margin:40px"><a id="l" href="${href}">${text}</a></p>`;

test.describe('Firefox', () => {
  test('the options page opens on install, and a pasted token is checked and saved', async ({ options, fake }) => {
    await signIn(options, paid.token, paid.login);
    expect(fake.log.map((r) => r.path)).toContain('/v4/user');
    const state = await ask(options, 'getAccount', {});
    expect(state).toMatchObject({ ok: true, value: { signedIn: true, account: { login: paid.login } } });
  });

  test('hovering a Bitly link shows its destination and the stand-in’s total', async ({ firefox, options, site, fake }) => {
    await signIn(options, paid.token, paid.login);
    fake.clearLog();
    const page = await firefox.newPage();
    await page.goto(await site.show(link(`https://${own.id}`, 'Our spring sale')));
    await restPointerOn(page, '#l');
    const card = await cardFrame(page);
    await cardState(card, 'data');
    const shown = await card.evaluate(() => ({
      host: document.querySelector('[data-testid="destination-host"]')?.textContent,
      total: document.querySelector('[data-testid="total-clicks"]')?.textContent,
    }));
    expect(shown.host).toBe(new URL(own.long_url).hostname);
    const reply = (await ask(options, 'getLinkFacet', { link: own.id, facet: 'clicks' })) as ReplyEnvelope<'getLinkFacet'>;
    if (!reply.ok || reply.value.state !== 'data') throw new Error('no clicks for the link');
    const total = (reply.value.data as { link_clicks: Array<{ clicks: number }> }).link_clicks.reduce((n, c) => n + c.clicks, 0);
    expect(shown.total).toBe(new Intl.NumberFormat('en-US').format(total));
    expect(fake.log.map((r) => r.path.replace(`/v4/bitlinks/${own.id}`, '')).sort()).toEqual(['/clicks', '/countries', '/referrers', '/v4/expand']);
  });

  test('a link of another account shows its destination and “Not in your Bitly account”', async ({ firefox, options, site }) => {
    await signIn(options, paid.token, paid.login);
    const page = await firefox.newPage();
    await page.goto(await site.show(link(`https://${foreign.id}`, 'Someone else’s link')));
    await restPointerOn(page, '#l');
    const card = await cardFrame(page);
    await cardState(card, 'not-in-account');
    const text = await card.evaluate(() => document.body.innerText);
    expect(text).toContain('Not in your Bitly account');
    expect(text).toContain(new URL(foreign.long_url).hostname);
  });
});

/**
 * The popup in Firefox. Its real toolbar panel cannot be driven here: BiDi reaches content
 * browsing contexts only, and the panel lives in the browser's own window. So the popup's page is
 * opened by the extension in a tab (as TOOLCHAIN.md describes for extension pages): the active tab
 * is then an extension page, where the popup shows the account overview, whose top link opens that
 * link's full statistics.
 */
test('the popup’s page: the account overview, then a link’s statistics with the stand-in’s total', async ({ firefox, options, fake }) => {
  await signIn(options, paid.token, paid.login);
  fake.clearLog();
  await options.evaluate(() => {
    const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
    return ext.tabs.create({ url: ext.runtime.getURL('popup.html') }).then(() => undefined);
  });
  const popup = await until('the popup page in a tab', async () => {
    for (const page of await firefox.pages()) if ((await locationOf(page)).endsWith('/popup.html')) return page;
    return undefined;
  });
  const view = () => popup.evaluate(() => document.documentElement.dataset.view).catch(() => undefined);
  await until('the account overview', async () => (await view()) === 'account');
  const top = await until('the top links', () => popup.evaluate(() => document.querySelector('[data-testid="top-links"] [data-testid="link-row"]')?.getAttribute('data-link') ?? null));
  await popup.click('[data-testid="top-links"] [data-testid="link-row"]');
  await until('the link view', async () => (await view()) === 'link');
  await until('the chart drawn', () => popup.evaluate(() => document.querySelector('[data-testid="clicks-chart"]')?.getAttribute('data-drawn') === 'true'));
  const shown = await until('the total', () => popup.evaluate(() => document.querySelector('[data-testid="total-clicks"]')?.textContent?.trim() || null));
  const reply = (await ask(options, 'getLinkFacet', { link: top, facet: 'clicks' })) as ReplyEnvelope<'getLinkFacet'>;
  if (!reply.ok || reply.value.state !== 'data') throw new Error('no clicks for the link');
  const total = (reply.value.data as { link_clicks: Array<{ clicks: number }> }).link_clicks.reduce((n, c) => n + c.clicks, 0);
  expect(shown).toBe(new Intl.NumberFormat('en-US').format(total));
  expect(fake.log.filter((r) => r.path === `/v4/bitlinks/${top}/clicks`)).toHaveLength(1);
});

test.describe('Firefox: where the token is kept', () => {
  test('the token is kept out of storage.local (which content scripts share), in the background’s IndexedDB', async ({ firefox, options, site }) => {
    await signIn(options, paid.token, paid.login);
    // A content script on a web page (the test build's probe) reads all of storage.local.
    const page = await firefox.newPage();
    await page.goto(await site.show('<p>probe</p>'));
    const seen = await until('the content-script probe', () =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const id = String(Math.random());
            const timer = setTimeout(() => resolve(null), 1_000);
            addEventListener('message', (event) => {
              if ((event.data as { bitlensProbeReply?: string })?.bitlensProbeReply !== id) return;
              clearTimeout(timer);
              resolve((event.data as { result: unknown }).result);
            });
            postMessage({ bitlensProbe: id, op: 'storage' }, '*');
          }),
      ),
    );
    expect(seen).toHaveProperty('items');
    expect(JSON.stringify(seen)).not.toContain(paid.token);
    expect(Object.keys((seen as { items: object }).items)).not.toEqual(expect.arrayContaining(['credentials']));
    // The background keeps it in its own origin's IndexedDB.
    const stored = await options.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const open = indexedDB.open('bitlens-credentials');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const read = open.result.transaction('kv').objectStore('kv').get('credentials');
            read.onsuccess = () => resolve(read.result);
            read.onerror = () => reject(read.error);
          };
        }),
    );
    expect(stored).toMatchObject({ token: paid.token, account: { login: paid.login } });
  });
});
