/**
 * The hover card (PRODUCT.md F2) in its frame on a web page, opened the way a keyboard user does
 * (focus the link, Alt+Shift+B), against the stand-in Bitly: every state and control of the card.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { test, expect, signIn, ask, type Site } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { CARD_FRAME as CARD } from '../support/chromium';
import type { FacetReply } from '../../utils/messages';

const paid = SAMPLE.accounts.paid;
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Page object: a web page with one Bitly link, and the card framed next to it. */
class CardPage {
  readonly frame: FrameLocator;

  private constructor(
    readonly page: Page,
    private readonly site: Site,
  ) {
    this.frame = page.frameLocator(CARD);
  }

  static async create(context: BrowserContext, site: Site) {
    return new CardPage(await context.newPage(), site);
  }

  /** Opens the card for `link`, whose text on the page is `text`. */
  async open(link: string, text = link) {
    await this.page.goto(await this.site.show(`<p style="margin:40px"><a id="l" href="https://${link}">${escapeHtml(text)}</a></p>`));
    await this.page.locator('#l').focus();
    await this.page.keyboard.press('Alt+Shift+KeyB');
    await expect(this.page.locator(CARD)).toBeVisible();
    await expect(this.frame.getByRole('dialog', { name: `Statistics for ${link}` })).toBeVisible();
  }

  async expectState(state: string, timeout?: number) {
    await expect(this.frame.locator('html')).toHaveAttribute('data-state', state, { timeout });
  }

  get host() {
    return this.frame.getByTestId('destination-host');
  }
  get total() {
    return this.frame.getByTestId('total-clicks');
  }
  get panel() {
    return this.frame.getByTestId('panel');
  }
  hint(kind: string) {
    return this.frame.locator(`[data-hint="${kind}"]`);
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
  test.beforeEach(async ({ page, context, extensionId, site }) => {
    await signIn(page, extensionId, paid);
    card = await CardPage.create(context, site);
  });

  test('data: destination host, total clicks for the range, chart, countries, referrers', async ({ page }) => {
    const link = paid.links[0]!;
    const total = await expectedTotal(page, link.id);
    await card.open(link.id, 'Read this');
    await card.expectState('data');
    await expect(card.host).toHaveText(hostOf(link.long_url));
    await expect(card.frame.getByTestId('destination-url')).toHaveAttribute('href', link.long_url);
    await expect(card.frame.getByTestId('destination-url')).toHaveAttribute('rel', 'noreferrer noopener');
    await expect(card.total).toHaveText(total);
    await expect(card.frame.getByText('clicks in the last 30 days', { exact: true })).toBeVisible();
    await expect(card.frame.getByTestId('countries').locator('li')).toHaveCount(3);
    await expect(card.frame.getByTestId('referrers').locator('li')).toHaveCount(3);
    await expect(card.frame.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    // The chart's text equivalent: one row per day of the range.
    await expect(card.frame.locator('.chart table tbody tr')).toHaveCount(30);
    await expect(card.frame.getByTestId('age')).toHaveText('Updated just now');
    const paintedAt = Number(await card.frame.locator('html').getAttribute('data-painted-at'));
    expect(paintedAt).toBeGreaterThan(Date.now() - 60_000);
    await expect(card.frame.getByRole('dialog', { name: `Statistics for ${link.id}` })).toBeVisible();
  });

  test('asks Bitly only for the hover budget: expand, clicks, countries, referrers', async ({ page, fake }) => {
    const link = paid.links[1]!;
    // Leave the options page (it asks for the account's groups) and start counting once it is quiet.
    await page.goto('about:blank');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await card.open(link.id);
    await card.expectState('data');
    await expect(card.frame.getByTestId('referrers').locator('li').first()).toBeVisible();
    await expect(card.frame.getByTestId('countries').locator('li').first()).toBeVisible();
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
    await expect(card.frame.locator('html')).toHaveAttribute('data-painted-at', /^\d+$/);
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
    await expect(card.frame.locator('[data-hint]')).toHaveCount(1);

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
    await expect(card.frame.locator('[data-hint]')).toHaveCount(0);
  });

  test('copy puts the short link on the clipboard', async ({ page, context, fake }) => {
    const link = paid.links[0]!;
    await card.open(link.id);
    await card.expectState('data');
    await card.frame.getByRole('button', { name: 'Copy short link' }).click();
    await expect(card.frame.getByTestId('copy')).toContainText('Copied');
    // Chromium grants clipboard reading to web origins only: read it back from a page of the stand-in.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fake.url });
    const reader = await context.newPage();
    await reader.goto(`${fake.url}/__fake/stats`);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(`https://${link.id}`);
    await card.page.bringToFront();
    await expect(card.frame.getByRole('link', { name: 'Open statistics on bitly.com' })).toHaveAttribute('href', `https://${link.id}+`);
  });

  test('keyboard: Tab goes into the card and on copy → Bitly → refresh, Escape closes it and returns to the link', async () => {
    await card.open(paid.links[0]!.id);
    await card.expectState('data');
    const { page } = card;
    await page.keyboard.press('Tab');
    await expect(card.frame.getByTestId('copy')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(card.frame.getByRole('link', { name: 'Open statistics on bitly.com' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(card.frame.getByTestId('refresh')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator(CARD)).toBeHidden();
    await expect(page.locator('#l')).toBeFocused();
  });

  test('refresh asks Bitly again for the numbers', async ({ page, fake }) => {
    const link = paid.links[4]!;
    await card.open(link.id);
    await card.expectState('data');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await card.frame.getByTestId('refresh').click();
    await expect.poll(() => fake.log.map((r) => r.path).sort()).toEqual(
      [`/v4/bitlinks/${link.id}/clicks`, `/v4/bitlinks/${link.id}/countries`, `/v4/bitlinks/${link.id}/referrers`].sort(),
    );
    await expect(card.frame.getByTestId('refresh')).toHaveAttribute('aria-busy', 'false');
  });

  test('the card shows only the facets chosen in the settings, and asks for nothing else', async ({ page, fake }) => {
    await ask(page, 'updateSettings', { cardFacets: ['countries'] });
    const link = paid.links[5]!;
    await page.goto('about:blank');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await card.open(link.id);
    await card.expectState('data');
    await expect(card.frame.getByTestId('countries').locator('li')).toHaveCount(3);
    await expect(card.total).toHaveCount(0);
    await expect(card.frame.getByTestId('referrers')).toHaveCount(0);
    // (The settings change itself makes the background renew the branded domains for content scripts.)
    const asked = fake.log.map((r) => r.path).filter((path) => path !== '/v4/bsds');
    expect(asked.sort()).toEqual(['/v4/expand', `/v4/bitlinks/${link.id}/countries`].sort());
  });

  test('light and dark follow the system', async () => {
    await card.open(paid.links[0]!.id);
    await card.expectState('data');
    const background = () => card.frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    await card.page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await card.page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
  });

  test('no serious accessibility violations, light and dark, with data and with a message', async () => {
    const { page } = card;
    const serious = async () => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    await card.open(paid.hintLinks.idnHost.id, 'apple.com');
    await card.expectState('data');
    await expect(card.frame.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await card.open(SAMPLE.accounts.free.links[0]!.id);
    await card.expectState('not-in-account');
    expect(await serious()).toEqual([]);
  });
});

test('no token: "Add your Bitly token" opens the settings, and Bitly is not asked', async ({ context, extensionId, fake, site }) => {
  const card = await CardPage.create(context, site);
  const { page } = card;
  await card.open(paid.links[0]!.id);
  await card.expectState('no-token');
  await expect(card.panel).toContainText('Add your Bitly token');
  await expect(card.frame.getByText('Destination hidden')).toBeVisible();
  const opened = context.waitForEvent('page');
  await card.panel.getByRole('button', { name: 'Open Bitlens settings' }).click();
  // Chromium shows an embedded options page inside chrome://extensions.
  expect((await opened).url()).toMatch(new RegExp(`^(chrome-extension://${extensionId}/options\\.html|chrome://extensions/\\?options=${extensionId})$`));
  expect(fake.log).toEqual([]);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
