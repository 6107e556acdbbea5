/**
 * The real toolbar popup (PRODUCT.md F3), opened with `chrome.action.openPopup()` for a tab
 * against the stand-in Bitly: what it opens on for each kind of tab, lists and full statistics,
 * the pickers' requests, plan notes, "Shorten this page", the no-token call to action and the
 * requests each open costs.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import type { FakeBitly, LoggedRequest } from '../fake-bitly/server';
import { isSamePage, pageKey } from '../../utils/links/page-url';
import { Popup, touchPage } from '../support/popup';

const { paid, free } = SAMPLE.accounts;
const LINK_METRICS = ['clicks', 'countries', 'referrers', 'referring_domains', 'cities', 'devices'];
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A request in short: `GET /v4/bitlinks/bit.ly/Abc/countries?unit=day&units=30` is
 * `countries unit=day&units=30` when `link` is `bit.ly/Abc`; anything else is method, path and query.
 */
function described(r: LoggedRequest, link?: string): string {
  const query = new URLSearchParams(r.query).toString();
  const prefix = `/v4/bitlinks/${link}/`;
  const path = link && r.path.startsWith(prefix) ? r.path.slice(prefix.length) : `${r.method} ${r.path}`;
  return query ? `${path} ${query}` : path;
}

/** Serves `html` at `url` (any host, e.g. a Bitly link or a destination) for this browser. */
async function serveAt(context: BrowserContext, url: string, html = '<p>A page</p>') {
  await context.route((u) => u.href === url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><title>Served</title></head><body>${html}</body></html>` }),
  );
}

/** Waits until the stand-in has seen `n` requests and none is running. */
async function settled(fake: FakeBitly, n: number) {
  await expect.poll(() => fake.log.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
  await expect.poll(() => fake.inFlight).toBe(0);
}

/**
 * The sum of the stand-in's clicks for a link and window, read back through the stats service
 * (from its cache) by the popup itself: opening another page would close the popup.
 */
async function totalOf(popup: Popup, link: string, unit = 'day', units = 30): Promise<number> {
  const reply = await popup.evaluate(
    ([link, unit, units]) => chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link, facet: 'clicks', unit, units } }),
    [link, unit, units] as const,
  );
  if (!reply.ok || reply.value.state !== 'data') throw new Error(`no clicks for ${link}`);
  return (reply.value.data as { link_clicks: Array<{ clicks: number }> }).link_clicks.reduce((sum: number, c: { clicks: number }) => sum + c.clicks, 0);
}

/** Opens the popup on `url`, served as a page the user has moved the pointer over. */
async function popupOn(context: BrowserContext, background: Worker, page: Page, url: string, html?: string): Promise<Popup> {
  await serveAt(context, url, html);
  await page.goto(url);
  await touchPage(page, background);
  return Popup.open(context, background, page);
}

const chartDrawn = () => document.querySelector('[data-testid=clicks-chart]')?.getAttribute('data-drawn') === 'true';
const allListsShown = () => document.querySelectorAll('.link-numbers .top ol, .link-numbers .top .note').length === 5;

test.describe('popup, signed in', () => {
  test.beforeEach(async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
  });

  test('a tab whose address is a Bitly link: that link’s full statistics, then the same from the cache', async ({ context, background, page, fake }) => {
    const own = paid.links[0]!;
    const popup = await popupOn(context, background, page, `https://${own.id}`);
    expect(await popup.view()).toBe('link');
    await popup.waitForText(own.id, '#link-stats-heading');
    await popup.waitFor(chartDrawn);
    await popup.waitFor(allListsShown);
    await popup.waitForText(new URL(own.long_url).hostname, '[data-testid=destination-host]');
    await settled(fake, 7);
    expect(fake.log.map((r) => described(r, own.id)).sort()).toEqual(['POST /v4/expand', ...LINK_METRICS.map((m) => `${m} unit=day&units=30`)].sort());
    for (const list of ['countries', 'referrers', 'referringDomains', 'cities', 'devices']) {
      expect(await popup.evaluate((id) => document.querySelectorAll(`[data-testid="${id}"] li`).length, list), list).toBeGreaterThan(0);
    }
    const total = await totalOf(popup, own.id);
    expect(await popup.text('[data-testid=total-clicks]')).toBe(count(total));
    // A table gives the chart's numbers to screen readers.
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid=clicks-chart] table tbody tr').length)).toBe(30);
    await popup.close();

    fake.clearLog();
    const again = await Popup.open(context, background, page);
    await again.waitFor(chartDrawn);
    expect(await again.text('[data-testid=total-clicks]')).toBe(count(total));
    expect(await again.evaluate(() => Number(document.documentElement.dataset.paintedAt) > 0)).toBe(true);
    expect(fake.log).toEqual([]);
  });

  test('a page with three Bitly links: listed with totals and mini charts; one chosen, then back', async ({ context, background, page, site, fake }) => {
    const links = paid.links.slice(0, 3);
    const html =
      `<p><a href="https://example.org/about">Not a short link</a></p>` +
      links.map((l, i) => `<p><a href="https://${l.id}">${escapeHtml(`Story ${i + 1}`)}</a></p>`).join('') +
      `<p><a href="http://${links[0]!.id}?utm=again">the first again</a></p>`;
    await page.goto(await site.show(html));
    await touchPage(page, background);
    const popup = await Popup.open(context, background, page);
    expect(await popup.view()).toBe('page-links');
    await popup.waitFor(() => document.querySelectorAll('[data-testid=sparkline]').length === 3);
    expect(await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-link]')].map((e) => [e.dataset.link, e.querySelector('.row-title')?.textContent]))).toEqual(
      links.map((l, i) => [l.id, `Story ${i + 1}`]),
    );
    expect(await popup.text('#view-heading')).toContain('3');
    const firstTotal = await totalOf(popup, links[0]!.id);
    expect(await popup.text(`[data-link="${links[0]!.id}"] .row-total`)).toContain(new Intl.NumberFormat('en-US', { notation: firstTotal >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(firstTotal));
    await settled(fake, 3);
    expect(fake.log.map((r) => described(r)).sort()).toEqual(links.map((l) => `GET /v4/bitlinks/${l.id}/clicks unit=day&units=30`).sort());

    // Choosing one opens its statistics; back returns to the list, on that row.
    await popup.click(`[data-link="${links[1]!.id}"]`);
    await popup.waitForView('link');
    await popup.waitForText(links[1]!.id, '#link-stats-heading');
    await popup.waitFor(chartDrawn);
    await popup.click('[data-testid=back]');
    await popup.waitForView('page-links');
    await popup.waitFor((id) => (document.activeElement as HTMLElement | null)?.dataset.link === id, links[1]!.id);

    // The same with the keyboard: Tab to a row, Enter opens it, Escape comes back.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let tab = 0; tab < 6 && (await popup.focused()).link !== links[0]!.id; tab++) await popup.press('Tab');
    expect((await popup.focused()).link).toBe(links[0]!.id);
    await popup.press('Enter');
    await popup.waitForView('link');
    await popup.waitFor(() => document.activeElement?.id === 'link-stats-heading');
    await popup.press('Escape');
    await popup.waitForView('page-links');
    await popup.waitFor((id) => (document.activeElement as HTMLElement | null)?.dataset.link === id, links[0]!.id);
  });

  test('a page with more Bitly links than the list holds says how many more', async ({ context, background, page, site }) => {
    const links = paid.links.slice(0, 13);
    await page.goto(await site.show(links.map((l) => `<p><a href="https://${l.id}">${l.id}</a></p>`).join('')));
    await touchPage(page, background);
    const popup = await Popup.open(context, background, page);
    await popup.waitForView('page-links');
    expect(await popup.evaluate(() => document.querySelectorAll('[data-link]').length)).toBe(10);
    expect(await popup.text('[data-testid=more]')).toBe('and 3 more on the page');
  });

  test('a page one of the account’s links goes to: that link, with its total', async ({ context, background, page, fake }) => {
    const target = paid.links.find((l) => l.long_url.startsWith('https://') && !l.long_url.includes('xn--') && new URL(l.long_url).href === l.long_url)!;
    const expected = paid.links.filter((l) => l.group_guid === paid.defaultGroupGuid && isSamePage(l.long_url, target.long_url)).map((l) => l.id);
    const popup = await popupOn(context, background, page, target.long_url, '<p>An article without short links.</p>');
    await popup.waitForView('links-to-page');
    await popup.waitFor((n) => document.querySelectorAll('[data-testid=sparkline]').length === n, expected.length);
    expect(await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-link]')].map((e) => e.dataset.link))).toEqual(expected);
    expect(await popup.text('#view-heading')).toBe('Your Bitly links to this page');
    await settled(fake, 1 + expected.length);
    expect(fake.log.map((r) => described(r)).sort()).toEqual(
      [
        `GET /v4/groups/${paid.defaultGroupGuid}/bitlinks ${new URLSearchParams({ query: pageKey(target.long_url)!, size: '50' })}`,
        ...expected.map((id) => `GET /v4/bitlinks/${id}/clicks unit=day&units=30`),
      ].sort(),
    );
  });

  test('a page no link goes to: "Shorten this page" makes the link in the default group, shows it and copies it', async ({ context, background, page, site, fake }) => {
    const url = await site.show('<p>Our new landing page.</p>');
    await page.goto(url);
    await touchPage(page, background);
    const popup = await Popup.open(context, background, page);
    await popup.waitFor(() => document.querySelector('[data-testid=shorten-button]'));
    expect(await popup.text('#view-heading')).toBe('None of your Bitly links goes to this page');
    await settled(fake, 1);
    fake.clearLog();

    await popup.click('[data-testid=shorten-button]');
    await popup.waitFor(() => document.querySelector('[data-testid=new-link]'));
    const shortened = fake.log.find((r) => r.path === '/v4/shorten')!;
    expect(shortened).toMatchObject({ method: 'POST', status: 201, body: { long_url: url, group_guid: paid.defaultGroupGuid, domain: 'bit.ly' } });
    expect(fake.log.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v4/groups/${paid.defaultGroupGuid}/preferences`, 'POST /v4/shorten']);
    const newLink = await popup.text('[data-testid=new-link]');
    expect(newLink).toMatch(/^https:\/\/bit\.ly\/\w+$/);
    expect(await popup.text('[data-testid=copy-status]')).toBe('Copied to the clipboard.');
    // Chromium grants clipboard reading to web origins only: read it back from a page of the stand-in.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fake.url });
    const reader = await context.newPage();
    await reader.goto(`${fake.url}/__fake/stats`);
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(newLink);
    await reader.close();
    await popup.close();

    // Next time the popup lists the new link for this page, without searching again.
    fake.clearLog();
    const again = await Popup.open(context, background, page);
    await again.waitFor((id) => document.querySelector(`[data-link="${id}"]`), newLink.replace('https://', ''));
    await settled(fake, 1);
    expect(fake.log.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v4/bitlinks/${newLink.replace('https://', '')}/clicks`]);
  });

  test('Bitly’s monthly limit: said plainly, asked once, not offered again', async ({ context, background, page, site, fake }) => {
    await page.goto(await site.show('<p>Another page.</p>'));
    await touchPage(page, background);
    const popup = await Popup.open(context, background, page);
    await popup.waitFor(() => document.querySelector('[data-testid=shorten-button]'));
    fake.faults.add({ match: { path: '/v4/shorten' }, fault: { kind: 'rate-limit-429' } });
    await popup.click('[data-testid=shorten-button]');
    await popup.waitFor(() => document.querySelector('[data-testid=shorten-problem]'));
    expect(await popup.evaluate(() => document.querySelector<HTMLElement>('[data-testid=shorten-problem]')!.dataset.problem)).toBe('monthly-limit');
    expect(await popup.text('[data-testid=shorten-problem]')).toContain('monthly limit for new links is used up');
    expect(await popup.evaluate(() => document.querySelector('[data-testid=shorten-button]'))).toBeNull();
    expect(fake.log.filter((r) => r.path === '/v4/shorten')).toHaveLength(1);
  });

  test('the unit and range pickers change exactly unit and units of every metric request, and are remembered', async ({ context, background, page, fake, extensionId }) => {
    const own = paid.links[1]!;
    const popup = await popupOn(context, background, page, `https://${own.id}`);
    await popup.waitFor(chartDrawn);
    await popup.waitFor(allListsShown);
    await settled(fake, 7);
    const metricRequests = (from: number) => fake.log.slice(from).map((r) => described(r, own.id)).sort();

    let from = fake.log.length;
    await popup.clickByText('Week');
    await settled(fake, from + 6);
    await popup.waitFor(allListsShown);
    expect(metricRequests(from)).toEqual(LINK_METRICS.map((m) => `${m} unit=week&units=5`).sort());

    from = fake.log.length;
    await popup.clickByText('90 days');
    await settled(fake, from + 6);
    await popup.waitFor(allListsShown);
    expect(metricRequests(from)).toEqual(LINK_METRICS.map((m) => `${m} unit=week&units=13`).sort());
    expect(await popup.text('.total-label')).toBe('clicks in the last 90 days');
    expect(await popup.text('[data-testid=total-clicks]')).toBe(count(await totalOf(popup, own.id, 'week', 13)));

    from = fake.log.length;
    await popup.clickByText('All');
    await settled(fake, from + 6);
    expect(metricRequests(from)).toEqual(LINK_METRICS.map((m) => `${m} unit=week&units=-1`).sort());

    const reader = await context.newPage();
    await reader.goto(`chrome-extension://${extensionId}/options.html`);
    expect(await ask(reader, 'getSettings', {})).toMatchObject({ ok: true, value: { unit: 'week', range: 'all' } });
  });

  test('a browser page: the account overview, whose top links open their statistics', async ({ context, background, page, fake }) => {
    await page.goto('chrome://version/');
    const popup = await Popup.open(context, background, page);
    await popup.waitForView('account');
    await popup.waitFor(chartDrawn);
    await popup.waitFor(() => document.querySelectorAll('[data-testid=top-links] [data-link]').length === 5);
    await settled(fake, 2);
    expect(fake.log.map((r) => described(r)).sort()).toEqual(
      [`GET /v4/groups/${paid.defaultGroupGuid}/clicks unit=day&units=30`, `GET /v4/groups/${paid.defaultGroupGuid}/bitlinks/clicks unit=day&units=30&size=5`].sort(),
    );
    const top = await popup.evaluate(() => document.querySelector<HTMLElement>('[data-testid=top-links] [data-link]')!.dataset.link!);
    await popup.click(`[data-link="${top}"]`);
    await popup.waitForView('link');
    await popup.waitForText(top, '#link-stats-heading');
    await popup.click('[data-testid=back]');
    await popup.waitForView('account');
  });

  test('a token Bitly no longer accepts: the list says so once, with the way to update it', async ({ context, background, page, site, fake }) => {
    await page.goto(await site.show(paid.links.slice(0, 2).map((l) => `<p><a href="https://${l.id}">${l.id}</a></p>`).join('')));
    await touchPage(page, background);
    fake.faults.add({ match: { token: paid.token }, fault: { kind: 'token-revoked' } });
    const popup = await Popup.open(context, background, page);
    await popup.waitForText('Bitly rejected your token — update it', '[data-testid=panel]');
    expect(await popup.evaluate(() => document.querySelectorAll('[data-link]').length)).toBe(0);
  });

  test('Bitly’s rate limit: the link’s statistics say when they ask again, and do', async ({ context, background, page, fake }) => {
    const own = paid.links[3]!;
    fake.faults.add({ match: { path: `/v4/bitlinks/${own.id}/clicks` }, fault: { kind: 'rate-limit-403' } });
    const popup = await popupOn(context, background, page, `https://${own.id}`);
    await popup.waitForText('Bitly rate limit — retrying in', '[data-testid=panel]');
    fake.faults.clear();
    await popup.waitFor(chartDrawn, undefined, 20_000);
    expect(fake.log.filter((r) => r.path.endsWith('/clicks')).at(-1)?.status).toBe(200);
  });

  test('Bitly unreachable: the link’s statistics say so, with a retry that works once Bitly is back', async ({ context, background, page, fake }) => {
    const own = paid.links[2]!;
    fake.faults.add({ match: { path: `/v4/bitlinks/${own.id}/clicks` }, fault: { kind: 'status', status: 503 } });
    const popup = await popupOn(context, background, page, `https://${own.id}`);
    await popup.waitForText('Couldn’t load the statistics', '[data-testid=panel]');
    expect(fake.log.filter((r) => r.path.endsWith('/clicks')).map((r) => r.status)).toEqual([503, 503, 503]);
    fake.faults.clear();
    await popup.clickByText('Retry');
    await popup.waitFor(chartDrawn);
  });
});

test.describe('popup, free plan', () => {
  test('cities and devices show the plan they need and are not asked again', async ({ context, background, page, fake, extensionId }) => {
    await signIn(page, extensionId, free);
    fake.clearLog();
    const own = free.links[0]!;
    const popup = await popupOn(context, background, page, `https://${own.id}`);
    await popup.waitFor(chartDrawn);
    await popup.waitFor(allListsShown);
    for (const list of ['cities', 'devices']) {
      expect(await popup.text(`[data-testid="${list}"] .note`)).toBe('Needs a Bitly plan with city and device data');
    }
    await settled(fake, 7);
    expect(fake.log.filter((r) => /\/(cities|devices)$/.test(r.path)).map((r) => r.status)).toEqual([402, 402]);

    const from = fake.log.length;
    await popup.clickByText('7 days');
    await settled(fake, from + 4);
    await popup.waitFor(allListsShown);
    expect(fake.log.slice(from).map((r) => described(r, own.id)).sort()).toEqual(['clicks', 'countries', 'referrers', 'referring_domains'].map((m) => `${m} unit=day&units=7`).sort());
    expect(await popup.text('[data-testid="cities"] .note')).toBe('Needs a Bitly plan with city and device data');
    await popup.close();

    const again = await Popup.open(context, background, page);
    await again.waitFor(allListsShown);
    expect(fake.log.filter((r) => /\/(cities|devices)$/.test(r.path))).toHaveLength(2);
  });
});

test('no token: one call to action, which opens the options page', async ({ context, background, page, site, extensionId }) => {
  await page.goto(await site.show(`<p><a href="https://${paid.links[0]!.id}">a link</a></p>`));
  const popup = await Popup.open(context, background, page);
  await popup.waitForView('no-token');
  expect(await popup.text('[data-testid=panel] h2')).toBe('Add your Bitly token');
  await popup.clickByText('Open Bitlens settings');
  // Chromium shows an embedded options page inside chrome://extensions.
  const options = new RegExp(`^(chrome-extension://${extensionId}/options\\.html|chrome://extensions/\\?options=${extensionId})$`);
  await expect.poll(() => context.pages().some((p) => options.test(p.url()))).toBe(true);
});

test('the options page lists the shortcut that opens the popup', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('popup-shortcut')).toHaveText('Open the Bitlens popup for this tab: Alt+Shift+K');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
});

test('the popup’s views have no serious accessibility problems (popup.html in a tab: the overview, then a link)', async ({ page, extensionId, fake }) => {
  await signIn(page, extensionId, paid);
  fake.clearLog();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'account');
  await expect(page.getByTestId('top-links').getByTestId('link-row')).toHaveCount(5);
  const serious = async () => (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(await serious()).toEqual([]);
  await page.getByTestId('top-links').getByTestId('link-row').first().click();
  await expect(page.locator('html')).toHaveAttribute('data-view', 'link');
  await expect(page.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
  await expect(page.locator('.link-numbers .top ol')).toHaveCount(5);
  expect(await serious()).toEqual([]);
  // The pickers are radio groups: arrow keys move the choice.
  await page.getByRole('radio', { name: 'Day', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Week', exact: true })).toBeChecked();
});
