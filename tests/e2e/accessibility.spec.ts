/**
 * Accessibility of every page (PRODUCT.md, issue 14): axe finds no serious or critical violation
 * on the card (in its frame on a web page), the popup, the options page, a link's report and the
 * account overview, in light and in dark; on each, the first Tab stops show a visible focus ring
 * and follow the reading order; loading placeholders and spinners stand still when the system
 * asks for reduced motion. Each test attaches axe's findings by impact (`axe-<page>-<scheme>`).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page, TestInfo } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { HoverPage } from './support/hover-page';

const { paid } = SAMPLE.accounts;
const SCHEMES = ['light', 'dark'] as const;
/** How many Tab stops the focus checks walk through. */
const TAB_STOPS = 6;

/** Runs axe on `page` (frames included), attaches the findings, and returns the serious and critical ones. */
async function axe(page: Page, testInfo: TestInfo, name: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const byImpact = violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length})`);
  await testInfo.attach(`axe-${name}`, { body: JSON.stringify(byImpact, null, 1), contentType: 'application/json' });
  console.log(`axe ${name}: ${byImpact.length === 0 ? 'no violations' : byImpact.join('; ')}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What the focused element of `frame` looks like, and where it is in the document. */
function focusFacts(frame: Page | Frame) {
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    // Reading order: how many elements come before it in the document.
    const order = [...document.querySelectorAll('*')].indexOf(el);
    return { ring, order, name: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}` };
  });
}

/**
 * Walks the first Tab stops of `frame` (focus starts at the top of the document): every stop shows
 * a focus ring, and each comes after the one before in the document (no positive tabindex, no
 * order that jumps around).
 */
async function expectFocusVisibleInOrder(page: Page, frame: Page | Frame = page, stops = TAB_STOPS) {
  const seen: Array<{ ring: boolean; order: number; name: string }> = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const facts = await focusFacts(frame);
    if (!facts) break;
    seen.push(facts);
  }
  expect(seen.length, 'Tab reaches controls').toBeGreaterThan(1);
  expect(seen.filter((s) => !s.ring).map((s) => s.name), 'stops without a visible focus ring').toEqual([]);
  const orders = seen.map((s) => s.order);
  expect(orders, `Tab order follows the document: ${seen.map((s) => s.name).join(' → ')}`).toEqual([...orders].sort((a, b) => a - b));
}

/** Animations running on the page right now (CSS animations and transitions included). */
const runningAnimations = (frame: Page | Frame) =>
  frame.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').map((a) => (a as CSSAnimation).animationName ?? 'transition'));

test.describe('signed in', () => {
  test.beforeEach(async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
  });

  for (const scheme of SCHEMES) {
    test(`options page (${scheme}): axe, focus`, async ({ page, extensionId }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.getByText(paid.login).first()).toBeVisible();
      expect(await axe(page, testInfo, `options-${scheme}`)).toEqual([]);
      await expectFocusVisibleInOrder(page);
    });

    test(`popup (${scheme}): the account overview and a link's statistics, axe, focus`, async ({ page, extensionId }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(page.locator('html')).toHaveAttribute('data-view', 'account');
      await expect(page.getByTestId('top-links').getByTestId('link-row')).toHaveCount(5);
      expect(await axe(page, testInfo, `popup-account-${scheme}`)).toEqual([]);
      await expectFocusVisibleInOrder(page);
      await page.getByTestId('top-links').getByTestId('link-row').first().click();
      await expect(page.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
      expect(await axe(page, testInfo, `popup-link-${scheme}`)).toEqual([]);
    });

    test(`report of a link (${scheme}): axe, focus`, async ({ page, extensionId }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/report.html#link=${paid.links[0]!.id}`);
      await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
      await expect(page.getByTestId('world-map')).toHaveAttribute('data-drawn', 'true');
      expect(await axe(page, testInfo, `report-${scheme}`)).toEqual([]);
      await expectFocusVisibleInOrder(page);
    });

    test(`account overview (${scheme}): axe, focus`, async ({ page, extensionId }, testInfo) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${extensionId}/report.html#account`);
      await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
      await expect(page.getByTestId('top-links-list').getByRole('link')).not.toHaveCount(0);
      expect(await axe(page, testInfo, `overview-${scheme}`)).toEqual([]);
      await expectFocusVisibleInOrder(page);
    });

    test(`hover card (${scheme}): axe on the page with the card, focus inside the card`, async ({ page, context, site }, testInfo) => {
      const hover = await HoverPage.open(context, site, page);
      await hover.page.emulateMedia({ colorScheme: scheme });
      await hover.openCard(paid.links[0]!.id);
      await hover.expectState('data');
      expect(await axe(hover.page, testInfo, `card-${scheme}`)).toEqual([]);
      const card = hover.page.frames().find((f) => f !== hover.page.mainFrame());
      if (!card) throw new Error('no card frame');
      // The keyboard path into the card: focus the link, open it, then Tab moves into the card.
      await hover.page.locator('#l').focus();
      await expectFocusVisibleInOrder(hover.page, card, 4);
    });
  }

  test('reduced motion: loading placeholders and spinners stand still (popup and report)', async ({ page, extensionId, fake }) => {
    const slow = (link: string) => fake.faults.add({ match: { path: `/${link}/` }, fault: { kind: 'latency', ms: 4_000 } });
    const skeletonShown = (p: Page) => expect(p.locator('.skeleton').first()).toBeVisible();
    // Without the preference the placeholder shimmers: the check below can tell.
    slow(paid.links[1]!.id);
    await page.goto(`chrome-extension://${extensionId}/report.html#link=${paid.links[1]!.id}`);
    await skeletonShown(page);
    expect(await runningAnimations(page)).toContain('shimmer');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    slow(paid.links[2]!.id);
    await page.goto('about:blank');
    await page.goto(`chrome-extension://${extensionId}/report.html#link=${paid.links[2]!.id}`);
    await skeletonShown(page);
    expect(await runningAnimations(page), 'report while loading').toEqual([]);

    // The popup's refresh spinner, while Bitly is slow to answer.
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await page.getByTestId('top-links').getByTestId('link-row').first().click();
    await expect(page.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
    fake.faults.add({ match: { path: '/v4/bitlinks/' }, fault: { kind: 'latency', ms: 4_000 } });
    await page.getByTestId('refresh').click();
    await expect(page.getByTestId('refresh')).toHaveAttribute('aria-busy', 'true');
    expect(await runningAnimations(page), 'popup while refreshing').toEqual([]);
  });
});
