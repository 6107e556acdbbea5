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
import { cardFrame, cardState, launchFirefox, onboardingTab, restPointerOn, until } from './firefox';

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
