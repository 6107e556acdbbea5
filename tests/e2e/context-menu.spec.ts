/**
 * The context-menu item "Bitly stats for this link" (F7). A headless browser cannot open a
 * native context menu, so the test reads the patterns the item is registered with and chooses it
 * through the test build's hook on the service worker (`bitlensTest`, absent from production),
 * with the click data the browser would give (the link's address, the frame it is in).
 * The new tab is the link's report, which loads the link's numbers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { matchesAny as shownOn } from '../support/match-pattern';
import { extensionWorker, launchChromium } from '../support/chromium';
import { touchPage } from '../support/popup';

const brand = SAMPLE.accounts.brand;
const brandedLink = brand.links.find((l) => l.domain === 'go.acme.example')!;
const MENU_ID = 'bitlens-link-stats';

interface TestHook {
  linkMenu: {
    registered(): string[] | null;
    open(click: { menuItemId: string; linkUrl?: string; frameId?: number }, tab: chrome.tabs.Tab | undefined): Promise<string | null>;
  };
}

const registered = (background: Worker) =>
  background.evaluate(() => (globalThis as unknown as { bitlensTest: TestHook }).bitlensTest.linkMenu.registered());

/** Chooses the item on `linkUrl` (in the top frame) of the tab showing `pageUrl`, as the browser would call the handler. */
function choose(background: Worker, pageUrl: string, linkUrl: string) {
  return background.evaluate(
    async ({ pageUrl, linkUrl, menuItemId }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const hook = (globalThis as unknown as { bitlensTest: TestHook }).bitlensTest;
      const opened = await hook.linkMenu.open({ menuItemId, linkUrl, frameId: 0 }, tab);
      return { opened, tab: tab && { id: tab.id, index: tab.index, windowId: tab.windowId } };
    },
    { pageUrl, linkUrl, menuItemId: MENU_ID },
  );
}

/** The report tab a choice opened, loaded with the link's numbers. */
async function expectReportOf(report: Page, linkId: string) {
  await expect(report.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(report.getByRole('heading', { level: 1 })).toContainText(linkId);
  await expect(report.getByTestId('total-clicks')).toHaveText(/^\d[\d,]*$/);
}

/** Chooses the item on a link that must open nothing: no tab, and no request to Bitly. */
async function expectNothingOpened(context: BrowserContext, background: Worker, fakeLog: () => number, pageUrl: string, linkUrl: string) {
  const tabsBefore = context.pages().length;
  const requestsBefore = fakeLog();
  expect((await choose(background, pageUrl, linkUrl)).opened, linkUrl).toBeNull();
  expect(context.pages()).toHaveLength(tabsBefore);
  expect(fakeLog(), linkUrl).toBe(requestsBefore);
}

test('the item shows on Bitly links only, follows the branded domains, and opens the report next to the tab', async ({
  page,
  context,
  extensionId,
  background,
  site,
}) => {
  // Signed out: Bitly's own hosts.
  await expect.poll(() => registered(background)).toContain('*://bit.ly/*');
  expect(shownOn((await registered(background))!, `https://${brandedLink.id}`)).toBe(false);

  await signIn(page, extensionId, brand);
  await expect.poll(async () => (await registered(background)) ?? []).toContain('*://go.acme.example/*');
  const patterns = (await registered(background))!;
  for (const url of ['https://bit.ly/AbC1234', 'http://j.mp/AbC1234', `https://${brandedLink.id}`, 'https://brnd.example/Sale']) {
    expect(shownOn(patterns, url), url).toBe(true);
  }
  for (const url of ['https://example.com/bit.ly/AbC', 'https://bit.ly.evil.example/AbC', 'https://news.example/go.acme.example']) {
    expect(shownOn(patterns, url), url).toBe(false);
  }

  const pageUrl = await site.show(`<p><a href="https://${brandedLink.id}">Launch</a> <a href="https://example.com/">Other</a></p>`);
  await page.goto(pageUrl);
  const reportUrl = `chrome-extension://${extensionId}/report.html#link=${brandedLink.id}`;
  const newPage = context.waitForEvent('page');
  const chosen = await choose(background, pageUrl, `https://${brandedLink.id}?utm_source=test`);
  expect(chosen.opened).toBe(reportUrl);
  const report = await newPage;
  const placed = () =>
    background.evaluate(async (opener) => {
      const tabs = await chrome.tabs.query({ windowId: opener.windowId });
      const created = tabs.find((t) => t.openerTabId === opener.id);
      return created && { url: created.url ?? created.pendingUrl, index: created.index, openerTabId: created.openerTabId };
    }, chosen.tab!);
  // The tab exists before its address is set: wait for it.
  await expect.poll(placed).toEqual({ url: reportUrl, index: chosen.tab!.index + 1, openerTabId: chosen.tab!.id });
  // The report loads: the link's heading, its numbers, its countries' table.
  await expect(report.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(report.getByRole('heading', { level: 1 })).toContainText(brandedLink.id);
  await expect(report.getByTestId('total-clicks')).toHaveText(/^\d[\d,]*$/);
  await expect(report.getByRole('table', { name: 'Clicks by country' })).toBeVisible();

  // An ordinary link (the handler is never called for it by the browser, but if it were): no tab.
  const tabsBefore = context.pages().length;
  expect((await choose(background, pageUrl, 'https://example.com/')).opened).toBeNull();
  expect(context.pages()).toHaveLength(tabsBefore);

  // Signed out again: the branded domains are gone from the item.
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await ask(page, 'signOut', {});
  await expect.poll(async () => (await registered(background)) ?? []).not.toContain('*://go.acme.example/*');
  expect(await registered(background)).toContain('*://bit.ly/*');
});

test.describe('wrapped Bitly links (issue 15)', () => {
  const paid = SAMPLE.accounts.paid;
  const own = paid.links[0]!;
  const enc = encodeURIComponent;
  const safeLink = `https://nam12.safelinks.protection.outlook.com/?url=${enc(`https://${own.id}`)}&data=05%7C02%7Cme%40example.com%7C&sdata=x&reserved=0`;
  const lookAlike = `https://nam12.safelinks.protection.outlook.com.evil.example/?url=${enc(`https://${own.id}`)}&data=05`;
  const tco = 'https://t.co/Ab12Cd34Ef';

  test('the item shows on a Safe Links wrapper of a Bitly link; choosing it there or on a t.co link whose text is the Bitly URL opens that link’s report', async ({
    page,
    context,
    extensionId,
    background,
    site,
    fake,
  }) => {
    await signIn(page, extensionId, paid);
    await expect.poll(() => registered(background)).not.toBeNull();
    const patterns = (await registered(background))!;
    expect(shownOn(patterns, safeLink)).toBe(true);
    expect(shownOn(patterns, tco)).toBe(true);
    for (const url of [lookAlike, `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://example.com/')}`]) {
      expect(shownOn(patterns, url), url).toBe(false);
    }

    // An Outlook mail and an X post, as those sites write their links.
    const pageUrl = await site.show(
      `<p><a id="safe" href="${safeLink}">Spring sale</a></p>` +
        `<article><p>Our sale starts today <a id="x" href="${tco}" rel="noopener" target="_blank"><span style="position:absolute;opacity:0;width:0;overflow:hidden">https://</span>${own.id}</a></p></article>` +
        `<p><a id="x2" href="https://t.co/Zz98Yy76Xx">example.com/sale</a></p>` +
        `<p><a id="evil" href="${lookAlike}">Look-alike</a></p>`,
    );
    await page.goto(pageUrl);
    // The content script listens once the user has moved the pointer over the page.
    await touchPage(page, background);
    const reportUrl = `chrome-extension://${extensionId}/report.html#link=${own.id}`;

    for (const linkUrl of [safeLink, tco]) {
      const newPage = context.waitForEvent('page');
      expect((await choose(background, pageUrl, linkUrl)).opened, linkUrl).toBe(reportUrl);
      const report = await newPage;
      await expectReportOf(report, own.id);
      await report.close();
    }

    // A look-alike wrapper, a t.co link whose text is not a Bitly URL, one not on the page: nothing, and no request.
    const requests = () => fake.log.length;
    for (const linkUrl of [lookAlike, 'https://t.co/Zz98Yy76Xx', 'https://t.co/NotOnPage1']) {
      await expectNothingOpened(context, background, requests, pageUrl, linkUrl);
    }
  });
});

/**
 * A headless browser cannot show the native menu, so the tests above read the patterns with the
 * tests' own matcher (tests/support/match-pattern.ts). Here Chromium's own match-pattern code
 * judges the same patterns: a second browser with a bare extension that may see tab addresses
 * (`tabs`) opens each address and asks `tabs.query({ url: patterns })` — the pattern set the
 * context menu also matches links with — and must agree with the matcher on every address.
 */
test("Chromium's own matching agrees with the tests' matcher on the registered patterns", async ({ background }) => {
  await expect.poll(() => registered(background)).not.toBeNull();
  const patterns = (await registered(background))!;
  const enc = encodeURIComponent;
  const bitly = 'https://bit.ly/AbC1234';
  const urls = [
    bitly,
    `https://nam12.safelinks.protection.outlook.com/?url=${enc(bitly)}&data=05%7C02&reserved=0`,
    `https://www.google.com/url?q=${bitly}&source=gmail`,
    `https://slack-redir.net/link?url=${enc(bitly)}`,
    `https://l.facebook.com/l.php?u=${enc(bitly)}&h=AT0`,
    'https://t.co/Ab12Cd34Ef',
    `https://nam12.safelinks.protection.outlook.com/?url=${enc('https://example.com/')}`,
    `https://nam12.safelinks.protection.outlook.com.evil.example/?url=${enc(bitly)}`,
    `https://www.google.com/search?q=${enc(bitly)}`,
    'https://www.google.com/url?q=https://example.com/#bit.ly',
    'https://t.co.evil.example/Ab12',
    'https://example.com/bit.ly/AbC',
  ];
  const dir = await mkdtemp(path.join(tmpdir(), 'bitlens-match-'));
  await writeFile(
    path.join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'match check', version: '1.0', permissions: ['tabs'], background: { service_worker: 'sw.js' } }),
  );
  await writeFile(path.join(dir, 'sw.js'), '');
  const checker = await launchChromium(dir);
  try {
    // Every address answers at once with an empty page (nothing leaves the machine).
    await checker.route('**/*', (route) => route.fulfill({ contentType: 'text/html', body: '' }));
    const worker = await extensionWorker(checker);
    const ids = await worker.evaluate(async (urls) => Promise.all(urls.map(async (url) => (await chrome.tabs.create({ url, active: false })).id!)), urls);
    // Twelve tabs load at once on a slow machine: seconds.
    await expect
      .poll(() => worker.evaluate(async (ids) => (await chrome.tabs.query({})).filter((t) => ids.includes(t.id!) && t.status === 'complete' && t.url).length, ids), {
        timeout: 20_000,
      })
      .toBe(ids.length);
    const matched = await worker.evaluate(async (patterns) => (await chrome.tabs.query({ url: patterns })).map((t) => t.url), patterns);
    const byChromium = Object.fromEntries(urls.map((url) => [url, matched.includes(url)]));
    expect(byChromium).toEqual(Object.fromEntries(urls.map((url) => [url, shownOn(patterns, url)])));
    expect(Object.values(byChromium).filter(Boolean)).toHaveLength(6);
  } finally {
    await checker.close();
    await rm(dir, { recursive: true, force: true });
  }
});
