/**
 * The context-menu item "Bitly stats for this link" (F7). A headless browser cannot open a
 * native context menu, so the test reads the patterns the item is registered with and chooses it
 * through the test build's hook on the service worker (`bitlensTest`, absent from production).
 * The new tab is the link's report, which loads the link's numbers.
 */
import type { Worker } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';

const brand = SAMPLE.accounts.brand;
const brandedLink = brand.links.find((l) => l.domain === 'go.acme.example')!;
const MENU_ID = 'bitlens-link-stats';

interface TestHook {
  linkMenu: {
    registered(): string[] | null;
    open(click: { menuItemId: string; linkUrl?: string }, tab: chrome.tabs.Tab | undefined): Promise<string | null>;
  };
}

/** Chrome's match-pattern rules for the `*://host/*` patterns the item uses. */
function shownOn(patterns: readonly string[], url: string): boolean {
  const u = new URL(url);
  return patterns.some((pattern) => {
    const host = /^\*:\/\/([^/*]+)\/\*$/.exec(pattern)?.[1];
    if (!host) throw new Error(`unexpected pattern ${pattern}`);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname === host;
  });
}

const registered = (background: Worker) =>
  background.evaluate(() => (globalThis as unknown as { bitlensTest: TestHook }).bitlensTest.linkMenu.registered());

/** Chooses the item on `linkUrl` in the tab showing `pageUrl`, as the browser would call the handler. */
function choose(background: Worker, pageUrl: string, linkUrl: string) {
  return background.evaluate(
    async ({ pageUrl, linkUrl, menuItemId }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const hook = (globalThis as unknown as { bitlensTest: TestHook }).bitlensTest;
      const opened = await hook.linkMenu.open({ menuItemId, linkUrl }, tab);
      return { opened, tab: tab && { id: tab.id, index: tab.index, windowId: tab.windowId } };
    },
    { pageUrl, linkUrl, menuItemId: MENU_ID },
  );
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
