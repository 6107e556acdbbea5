/**
 * The hover card (PRODUCT.md F2) in its frame on a web page, opened the way a keyboard user does
 * (focus the link, Alt+Shift+B), against the stand-in Bitly: every state and control of the card.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, signIn, ask, OptionsPage } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { HoverPage } from './support/hover-page';
import type { FacetReply } from '../../utils/messaging/protocol';

const paid = SAMPLE.accounts.paid;

const hostOf = (url: string) => new URL(url).hostname;

/** The total the card must show: the sum of the clicks series for the default range. */
async function expectedTotal(page: Page, link: string): Promise<string> {
  const reply = await ask(page, 'getLinkFacet', { link, facet: 'clicks' });
  if (!reply.ok || reply.value.state !== 'data') throw new Error(`no clicks for ${link}`);
  const data = (reply.value as Extract<FacetReply<{ link_clicks: Array<{ clicks: number }> }>, { state: 'data' }>).data;
  return new Intl.NumberFormat('en-US').format(data.link_clicks.reduce((sum, b) => sum + b.clicks, 0));
}

test.describe('signed in', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page, context, extensionId, site }) => {
    await signIn(page, extensionId, paid);
    // `page` stays on the options page: settings are read and changed from there.
    hover = await HoverPage.open(context, site, page);
  });

  test('data: destination host, total clicks for the range, chart, countries, referrers', async ({ page }) => {
    const link = paid.links[0]!;
    const total = await expectedTotal(page, link.id);
    await hover.openCard(link.id, 'Read this');
    await hover.expectState('data');
    await expect(hover.host).toHaveText(hostOf(link.long_url));
    await expect(hover.card.getByTestId('destination-url')).toHaveAttribute('href', link.long_url);
    await expect(hover.card.getByTestId('destination-url')).toHaveAttribute('rel', 'noreferrer noopener');
    await expect(hover.total).toHaveText(total);
    await expect(hover.card.getByText('clicks in the last 30 days', { exact: true })).toBeVisible();
    await expect(hover.card.getByTestId('countries').locator('li')).toHaveCount(3);
    await expect(hover.card.getByTestId('referrers').locator('li')).toHaveCount(3);
    await expect(hover.card.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    // The chart's text equivalent: one row per day of the range.
    await expect(hover.card.locator('.chart table tbody tr')).toHaveCount(30);
    await expect(hover.card.getByTestId('age')).toHaveText('Updated just now');
    const paintedAt = Number(await hover.card.locator('html').getAttribute('data-painted-at'));
    expect(paintedAt).toBeGreaterThan(Date.now() - 60_000);
    await expect(hover.card.getByRole('dialog', { name: `Statistics for ${link.id}` })).toBeVisible();
  });

  test('asks Bitly only for the hover budget: expand, clicks, countries, referrers', async ({ page, fake }) => {
    const link = paid.links[1]!;
    // Leave the options page (it asks for the account's groups) and start counting once it is quiet.
    await page.goto('about:blank');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await hover.openCard(link.id);
    await hover.expectState('data');
    await hover.expectEveryFacetAnswered();
    // Nothing more is asked for after the answers: a late request would show up in this window.
    await hover.waitNothingHappenedWindow();
    expect(fake.log.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [`GET /v4/bitlinks/${link.id}/clicks`, `GET /v4/bitlinks/${link.id}/countries`, `GET /v4/bitlinks/${link.id}/referrers`, 'POST /v4/expand'].sort(),
    );
  });

  test('a link in another account: its destination and "Not in your Bitly account"', async ({ page }) => {
    const foreign = SAMPLE.accounts.free.links[0]!;
    await hover.openCard(foreign.id);
    await hover.expectState('not-in-account');
    await expect(hover.host).toHaveText(hostOf(foreign.long_url));
    await expect(hover.panel).toContainText('Not in your Bitly account');
    await expect(hover.total).toHaveCount(0);
    await expect(hover.card.locator('html')).toHaveAttribute('data-painted-at', /^\d+$/);
  });

  test('a deleted link', async () => {
    await hover.openCard(paid.deletedLinks[0]!.id);
    await hover.expectState('deleted');
    await expect(hover.panel).toContainText('This link was deleted');
  });

  test('rate limited: a live countdown, asked again by itself', async ({ page, fake }) => {
    test.setTimeout(60_000);
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'rate-limit-429' } });
    await hover.openCard(paid.links[2]!.id);
    await hover.expectState('rate-limited', 20_000);
    const countdown = hover.panel.getByRole('heading');
    await expect(countdown).toHaveText(/^Bitly rate limit — retrying in \d+ s$/);
    const first = Number((await countdown.textContent())!.match(/\d+/)![0]);
    await expect(countdown).not.toHaveText(`Bitly rate limit — retrying in ${first} s`);
    const calls = () => fake.log.filter((r) => r.path.endsWith('/clicks')).length;
    const before = calls();
    fake.faults.clear();
    // When the pause ends the card asks again, and the numbers arrive.
    await hover.expectState('data', 40_000);
    expect(calls()).toBeGreaterThan(before);
    await expect(hover.total).toBeVisible();
    void page;
  });

  test('an error, then Retry works', async ({ page, fake }) => {
    const link = paid.links[3]!;
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'status', status: 503 }, times: 3 });
    await hover.openCard(link.id);
    await hover.expectState('error', 15_000);
    await expect(hover.panel).toContainText('Couldn’t load the statistics');
    await hover.panel.getByRole('button', { name: 'Retry' }).click();
    await hover.expectState('data');
    await expect(hover.total).toHaveText(await expectedTotal(page, link.id));
  });

  test('destination hints: plain http, IP address, internationalised host, another shortener, text naming another domain', async ({ page }) => {
    const { plainHttp, ipHost, idnHost, shortener } = paid.hintLinks;

    await hover.openCard(plainHttp.id);
    await hover.expectState('data');
    await expect(hover.hint('not-https')).toContainText('Not HTTPS');
    await expect(hover.card.locator('[data-hint]')).toHaveCount(1);

    await hover.openCard(ipHost.id);
    await hover.expectState('data');
    await expect(hover.host).toHaveText(new URL(ipHost.long_url).host);
    await expect(hover.hint('ip-address')).toContainText('IP address');

    await hover.openCard(idnHost.id);
    await hover.expectState('data');
    await expect(hover.host).toHaveText('аpple.com'); // Cyrillic а
    await expect(hover.hint('internationalised')).toContainText('xn--pple-43d.com');

    await hover.openCard(shortener.id);
    await hover.expectState('data');
    await expect(hover.hint('shortener')).toContainText('tinyurl.com');

    await hover.openCard(paid.links[0]!.id, 'Sign in at paypal.com');
    await hover.expectState('data');
    await expect(hover.hint('text-mismatch')).toContainText('paypal.com');

    await hover.openCard(paid.links[0]!.id, paid.links[0]!.id);
    await hover.expectState('data');
    await expect(hover.card.locator('[data-hint]')).toHaveCount(0);
  });

  test('copy puts the short link on the clipboard', async ({ page, context, fake }) => {
    const link = paid.links[0]!;
    await hover.openCard(link.id);
    await hover.expectState('data');
    await hover.card.getByRole('button', { name: 'Copy short link' }).click();
    await expect(hover.card.getByTestId('copy')).toContainText('Copied');
    // Chromium grants clipboard reading to web origins only: read it back from a page of the stand-in.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fake.url });
    const reader = await context.newPage();
    await reader.goto(`${fake.url}/__fake/stats`);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(`https://${link.id}`);
    await hover.page.bringToFront();
    await expect(hover.card.getByRole('link', { name: 'Open statistics on bitly.com' })).toHaveAttribute('href', `https://${link.id}+`);
  });

  test('keyboard: Tab goes into the card and on copy → report → Bitly → refresh, Escape closes it and returns to the link', async () => {
    await hover.openCard(paid.links[0]!.id);
    await hover.expectState('data');
    const { page } = hover;
    await page.keyboard.press('Tab');
    await expect(hover.card.getByTestId('copy')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(hover.card.getByRole('link', { name: 'Open the full report in a new tab' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(hover.card.getByRole('link', { name: 'Open statistics on bitly.com' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(hover.card.getByTestId('refresh')).toBeFocused();
    await hover.closeWithEscape();
    await expect(page.locator('#l')).toBeFocused();
  });

  test('refresh asks Bitly again for the numbers', async ({ page, fake }) => {
    const link = paid.links[4]!;
    await hover.openCard(link.id);
    await hover.expectState('data');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await hover.card.getByTestId('refresh').click();
    await expect.poll(() => fake.log.map((r) => r.path).sort()).toEqual(
      [`/v4/bitlinks/${link.id}/clicks`, `/v4/bitlinks/${link.id}/countries`, `/v4/bitlinks/${link.id}/referrers`].sort(),
    );
    await expect(hover.card.getByTestId('refresh')).toHaveAttribute('aria-busy', 'false');
  });

  test('the card shows only the facets chosen in the settings, and asks for nothing else', async ({ page, fake }) => {
    await ask(page, 'updateSettings', { cardFacets: ['countries'] });
    const link = paid.links[5]!;
    await page.goto('about:blank');
    await expect.poll(() => fake.inFlight).toBe(0);
    fake.clearLog();
    await hover.openCard(link.id);
    await hover.expectState('data');
    await expect(hover.card.getByTestId('countries').locator('li')).toHaveCount(3);
    await expect(hover.total).toHaveCount(0);
    await expect(hover.card.getByTestId('referrers')).toHaveCount(0);
    await expect(hover.host).toHaveText(hostOf(link.long_url));
    // (The settings change itself makes the background renew the branded domains for content scripts.)
    const asked = fake.log.map((r) => r.path).filter((path) => path !== '/v4/bsds');
    expect(asked.sort()).toEqual(['/v4/expand', `/v4/bitlinks/${link.id}/countries`].sort());
  });

  test('light and dark follow the system', async () => {
    await hover.openCard(paid.links[0]!.id);
    await hover.expectState('data');
    const background = () => hover.card.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
    await hover.page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await hover.page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
  });

  test('no serious accessibility violations, light and dark, with data and with a message', async () => {
    const { page } = hover;
    const serious = async () => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    await hover.openCard(paid.hintLinks.idnHost.id, 'apple.com');
    await hover.expectState('data');
    await expect(hover.card.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await hover.openCard(SAMPLE.accounts.free.links[0]!.id);
    await hover.expectState('not-in-account');
    expect(await serious()).toEqual([]);
  });
});

test('no token: "Add your Bitly token" opens the settings, and Bitly is not asked', async ({ page: options, context, extensionId, fake, site }) => {
  await new OptionsPage(options, extensionId).open();
  const hover = await HoverPage.open(context, site, options);
  const { page } = hover;
  await hover.openCard(paid.links[0]!.id);
  await hover.expectState('no-token');
  await expect(hover.panel).toContainText('Add your Bitly token');
  await expect(hover.card.getByText('Destination hidden')).toBeVisible();
  const opened = context.waitForEvent('page');
  await hover.panel.getByRole('button', { name: 'Open Bitlens settings' }).click();
  // Chromium shows an embedded options page inside chrome://extensions.
  expect((await opened).url()).toMatch(new RegExp(`^(chrome-extension://${extensionId}/options\\.html|chrome://extensions/\\?options=${extensionId})$`));
  expect(fake.log).toEqual([]);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
