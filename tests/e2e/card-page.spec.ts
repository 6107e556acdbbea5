/**
 * The hover card page (PRODUCT.md F2), opened directly in a tab as `card.html#link=…&text=…`,
 * the way the content script frames it, against the stand-in Bitly.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import type { FacetReply } from '../../utils/messages';

const paid = SAMPLE.accounts.paid;

/** Page object for the card. */
class CardPage {
  constructor(
    readonly page: Page,
    private readonly extensionId: string,
  ) {}

  async open(link: string, text = '') {
    // A new document each time: only the hash would change otherwise.
    await this.page.goto('about:blank');
    await this.page.setViewportSize({ width: 360, height: 380 });
    await this.page.goto(`chrome-extension://${this.extensionId}/card.html#${new URLSearchParams({ link, text })}`);
  }

  async expectState(state: string, timeout?: number) {
    await expect(this.page.locator('html')).toHaveAttribute('data-state', state, { timeout });
  }

  get host() {
    return this.page.getByTestId('destination-host');
  }
  get total() {
    return this.page.getByTestId('total-clicks');
  }
  get panel() {
    return this.page.getByTestId('panel');
  }
  hint(kind: string) {
    return this.page.locator(`[data-hint="${kind}"]`);
  }
}

const hostOf = (url: string) => new URL(url).hostname;

/** The total the card must show: the sum of the clicks series for the default range. */
async function expectedTotal(page: Page, link: string): Promise<string> {
  const reply = await ask(page, 'getLinkFacet', { link, facet: 'clicks' });
  if (!reply.ok || reply.value.state !== 'data') throw new Error(`no clicks for ${link}`);
  const data = (reply.value as Extract<FacetReply<{ link_clicks: Array<{ clicks: number }> }>, { state: 'data' }>).data;
  return new Intl.NumberFormat('en-US').format(data.link_clicks.reduce((sum, b) => sum + b.clicks, 0));
}

test.describe('signed in', () => {
  let card: CardPage;
  test.beforeEach(async ({ page, extensionId }) => {
    await signIn(page, extensionId, paid.token);
    card = new CardPage(page, extensionId);
  });

  test('data: destination host, total clicks for the range, chart, countries, referrers', async ({ page }) => {
    const link = paid.links[0]!;
    const total = await expectedTotal(page, link.id);
    await card.open(link.id, 'Read this');
    await card.expectState('data');
    await expect(card.host).toHaveText(hostOf(link.long_url));
    await expect(page.getByTestId('destination-url')).toHaveAttribute('href', link.long_url);
    await expect(page.getByTestId('destination-url')).toHaveAttribute('rel', 'noreferrer noopener');
    await expect(card.total).toHaveText(total);
    await expect(page.getByText('clicks in the last 30 days', { exact: true })).toBeVisible();
    await expect(page.getByTestId('countries').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('referrers').locator('li')).toHaveCount(3);
    await expect(page.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    // The chart's text equivalent: one row per day of the range.
    await expect(page.locator('.chart table tbody tr')).toHaveCount(30);
    await expect(page.getByTestId('age')).toHaveText('Updated just now');
    const paintedAt = Number(await page.locator('html').getAttribute('data-painted-at'));
    expect(paintedAt).toBeGreaterThan(Date.now() - 60_000);
    await expect(page.getByRole('dialog', { name: `Statistics for ${link.id}` })).toBeVisible();
  });

  test('asks Bitly only for the hover budget: expand, clicks, countries, referrers', async ({ page, fake }) => {
    const link = paid.links[1]!;
    // Leave the options page (it asks for the account's groups) and start counting once it is quiet.
    await page.goto('about:blank');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await card.open(link.id);
    await card.expectState('data');
    await expect(page.getByTestId('referrers').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('countries').locator('li').first()).toBeVisible();
    await page.waitForTimeout(300);
    expect(fake.log.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [`GET /v4/bitlinks/${link.id}/clicks`, `GET /v4/bitlinks/${link.id}/countries`, `GET /v4/bitlinks/${link.id}/referrers`, 'POST /v4/expand'].sort(),
    );
  });

  test('a link in another account: its destination and "Not in your Bitly account"', async ({ page }) => {
    const foreign = SAMPLE.accounts.free.links[0]!;
    await card.open(foreign.id);
    await card.expectState('not-in-account');
    await expect(card.host).toHaveText(hostOf(foreign.long_url));
    await expect(card.panel).toContainText('Not in your Bitly account');
    await expect(card.total).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('data-painted-at', /^\d+$/);
  });

  test('a deleted link', async () => {
    await card.open(paid.deletedLinks[0]!.id);
    await card.expectState('deleted');
    await expect(card.panel).toContainText('This link was deleted');
  });

  test('rate limited: a live countdown, asked again by itself', async ({ page, fake }) => {
    test.setTimeout(60_000);
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'rate-limit-429' } });
    await card.open(paid.links[2]!.id);
    await card.expectState('rate-limited', 20_000);
    const countdown = card.panel.getByRole('heading');
    await expect(countdown).toHaveText(/^Bitly rate limit — retrying in \d+ s$/);
    const first = Number((await countdown.textContent())!.match(/\d+/)![0]);
    await expect(countdown).not.toHaveText(`Bitly rate limit — retrying in ${first} s`, { timeout: 3_000 });
    const calls = () => fake.log.filter((r) => r.path.endsWith('/clicks')).length;
    const before = calls();
    fake.faults.clear();
    // When the pause ends the card asks again, and the numbers arrive.
    await card.expectState('data', 40_000);
    expect(calls()).toBeGreaterThan(before);
    await expect(card.total).toBeVisible();
    void page;
  });

  test('an error, then Retry works', async ({ page, fake }) => {
    const link = paid.links[3]!;
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'status', status: 503 }, times: 3 });
    await card.open(link.id);
    await card.expectState('error', 15_000);
    await expect(card.panel).toContainText('Couldn’t load the statistics');
    await card.panel.getByRole('button', { name: 'Retry' }).click();
    await card.expectState('data');
    await expect(card.total).toHaveText(await expectedTotal(page, link.id));
  });

  test('destination hints: plain http, IP address, internationalised host, another shortener, text naming another domain', async ({ page }) => {
    const { plainHttp, ipHost, idnHost, shortener } = paid.hintLinks;

    await card.open(plainHttp.id);
    await card.expectState('data');
    await expect(card.hint('not-https')).toContainText('Not HTTPS');
    await expect(page.locator('[data-hint]')).toHaveCount(1);

    await card.open(ipHost.id);
    await card.expectState('data');
    await expect(card.host).toHaveText(new URL(ipHost.long_url).host);
    await expect(card.hint('ip-address')).toContainText('IP address');

    await card.open(idnHost.id);
    await card.expectState('data');
    await expect(card.host).toHaveText('аpple.com'); // Cyrillic а
    await expect(card.hint('internationalised')).toContainText('xn--pple-43d.com');

    await card.open(shortener.id);
    await card.expectState('data');
    await expect(card.hint('shortener')).toContainText('tinyurl.com');

    await card.open(paid.links[0]!.id, 'Sign in at paypal.com');
    await card.expectState('data');
    await expect(card.hint('text-mismatch')).toContainText('paypal.com');

    await card.open(paid.links[0]!.id, paid.links[0]!.id);
    await card.expectState('data');
    await expect(page.locator('[data-hint]')).toHaveCount(0);
  });

  test('copy puts the short link on the clipboard', async ({ page, context, fake }) => {
    const link = paid.links[0]!;
    await card.open(link.id);
    await card.expectState('data');
    await page.getByRole('button', { name: 'Copy short link' }).click();
    await expect(page.getByTestId('copy')).toContainText('Copied');
    // Chromium grants clipboard reading to web origins only: read it back from a page of the stand-in.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fake.url });
    const reader = await context.newPage();
    await reader.goto(`${fake.url}/__fake/stats`);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(`https://${link.id}`);
    await page.bringToFront();
    await expect(page.getByRole('link', { name: 'Open statistics on bitly.com' })).toHaveAttribute('href', `https://${link.id}+`);
  });

  test('keyboard: the first control has focus, Tab goes copy → Bitly → refresh, Escape asks to close', async ({ page, background }) => {
    await background.evaluate(() => {
      const seen: unknown[] = [];
      (globalThis as { closeRequests?: unknown[] }).closeRequests = seen;
      chrome.runtime.onMessage.addListener((message: { type?: string; data?: unknown }) => {
        if (message?.type === 'closeCard') seen.push(message.data);
      });
    });
    await card.open(paid.links[0]!.id);
    await card.expectState('data');
    await expect(page.getByTestId('copy')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Open statistics on bitly.com' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('refresh')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect.poll(() => background.evaluate(() => (globalThis as { closeRequests?: unknown[] }).closeRequests)).toEqual([{ refocusLink: true }]);
  });

  test('refresh asks Bitly again for the numbers', async ({ page, fake }) => {
    const link = paid.links[4]!;
    await card.open(link.id);
    await card.expectState('data');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await page.getByTestId('refresh').click();
    await expect.poll(() => fake.log.map((r) => r.path).sort()).toEqual(
      [`/v4/bitlinks/${link.id}/clicks`, `/v4/bitlinks/${link.id}/countries`, `/v4/bitlinks/${link.id}/referrers`].sort(),
    );
    await expect(page.getByTestId('refresh')).toHaveAttribute('aria-busy', 'false');
  });

  test('the card shows only the facets chosen in the settings, and asks for nothing else', async ({ page, fake }) => {
    await ask(page, 'updateSettings', { cardFacets: ['countries'] });
    const link = paid.links[5]!;
    await page.goto('about:blank');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await card.open(link.id);
    await card.expectState('data');
    await expect(page.getByTestId('countries').locator('li')).toHaveCount(3);
    await expect(card.total).toHaveCount(0);
    await expect(page.getByTestId('referrers')).toHaveCount(0);
    // (The settings change itself makes the background renew the branded domains for content scripts.)
    const asked = fake.log.map((r) => r.path).filter((path) => path !== '/v4/bsds');
    expect(asked.sort()).toEqual(['/v4/expand', `/v4/bitlinks/${link.id}/countries`].sort());
  });

  test('light and dark follow the system', async ({ page }) => {
    await card.open(paid.links[0]!.id);
    await card.expectState('data');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
  });

  test('no serious accessibility violations, light and dark, with data and with a message', async ({ page }) => {
    const serious = async () => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    await card.open(paid.hintLinks.idnHost.id, 'apple.com');
    await card.expectState('data');
    await expect(page.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await card.open(SAMPLE.accounts.free.links[0]!.id);
    await card.expectState('not-in-account');
    expect(await serious()).toEqual([]);
  });
});

test('no token: "Add your Bitly token" opens the settings, and Bitly is not asked', async ({ page, context, extensionId, fake }) => {
  const card = new CardPage(page, extensionId);
  await card.open(paid.links[0]!.id);
  await card.expectState('no-token');
  await expect(card.panel).toContainText('Add your Bitly token');
  await expect(page.getByText('Destination hidden')).toBeVisible();
  const opened = context.waitForEvent('page');
  await card.panel.getByRole('button', { name: 'Open Bitlens settings' }).click();
  // Chromium shows an embedded options page inside chrome://extensions.
  expect((await opened).url()).toMatch(new RegExp(`^(chrome-extension://${extensionId}/options\\.html|chrome://extensions/\\?options=${extensionId})$`));
  expect(fake.log).toEqual([]);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
