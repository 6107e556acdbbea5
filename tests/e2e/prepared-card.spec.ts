/**
 * The instant card (PRODUCT.md F2, issue 13): while the intent delay runs, the card is prepared
 * hidden from the cache alone; nothing goes to Bitly before the delay ends; a pointer that leaves
 * early leaves no request and nothing visible. The delay is LONG_HOVER_DELAY_MS, far beyond any
 * action, so the test can look at the card while it is still due; every wait is for a state.
 */
import { test, expect, signIn } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { HoverPage, LONG_HOVER_DELAY_MS } from './support/hover-page';
import { CARD_HOST } from '../support/chromium';

const paid = SAMPLE.accounts.paid;
const own = paid.links[0]!;
const hoverBudget = (id: string) => ['/clicks', '/countries', '/referrers'].map((p) => `/v4/bitlinks/${id}${p}`).concat('/v4/expand').sort();
const page = (id: string) => `<p style="margin:40px"><a id="l" href="https://${id}">https://${id}</a></p><p id="away" style="margin:200px">elsewhere</p>`;
/** Longest wait for a card after the long delay: the delay, then the stand-in's answers. */
const CARD_DUE_MS = LONG_HOVER_DELAY_MS + 8_000;

test.describe('the card prepared during the intent delay', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page: options, context, extensionId, fake, site }) => {
    await signIn(options, extensionId, paid);
    hover = await HoverPage.open(context, site, options);
    await hover.setHoverDelay(LONG_HOVER_DELAY_MS);
    fake.clearLog();
  });

  test('cached: rendered hidden with its numbers during the delay, no request, shown with them when it ends', async ({ fake }) => {
    await hover.show(page(own.id));
    // A first card fills the cache.
    await hover.hover('#l');
    await hover.expectOpen(own.id);
    await hover.expectEveryFacetAnswered();
    await hover.leave();
    await hover.expectClosed();
    await hover.expectState('hidden');
    fake.clearLog();

    await hover.hover('#l');
    // Still due, already rendered from the cache: the numbers are in the hidden card.
    await hover.expectState('data');
    await expect(hover.total).toBeAttached();
    await expect(hover.shown).toBeHidden();
    // Laid out in place but transparent, and the pointer goes through it to the page.
    await expect(hover.frame).toHaveCSS('opacity', '0');
    const box = (await hover.frame.boundingBox())!;
    expect(box.width).toBeGreaterThan(0);
    const pointerReachesCard = await hover.page.evaluate(
      ({ x, y, selector }) => document.elementFromPoint(x, y) === document.querySelector(selector),
      { x: box.x + box.width / 2, y: box.y + box.height / 2, selector: CARD_HOST },
    );
    expect(pointerReachesCard).toBe(false);
    expect(fake.log).toHaveLength(0);

    await hover.expectOpen(own.id);
    await expect(hover.total).toBeVisible({ timeout: 1 });
    // The frame's accessible name comes with the page's config (the content script reads no locale).
    const frameElement = await (await hover.cardFrame()).frameElement();
    expect(await frameElement.getAttribute('title')).toBe('Bitly link statistics');
    await hover.expectEveryFacetAnswered();
    expect(fake.log).toHaveLength(0);
  });

  test('uncached: nothing is asked of Bitly before the delay ends; the card asks the moment it does', async ({ fake }) => {
    await hover.show(page(own.id));
    await hover.hover('#l');
    // Prepared (hidden, its answers not cached): still nothing asked.
    await hover.expectState('loading');
    await expect(hover.shown).toBeHidden();
    expect(fake.log).toHaveLength(0);

    await hover.expectState('data', CARD_DUE_MS);
    await hover.expectOpen(own.id);
    await hover.expectEveryFacetAnswered();
    expect(fake.log.map((r) => r.path).sort()).toEqual(hoverBudget(own.id));
  });

  test('a pointer that leaves early leaves no request and nothing visible', async ({ fake }) => {
    await hover.show(page(own.id));
    await hover.hover('#l');
    await hover.expectState('loading');
    await hover.hover('#away');
    await hover.expectState('hidden');
    await hover.waitNothingHappenedWindow();
    await hover.expectClosed();
    await hover.expectState('hidden');
    expect(fake.log).toHaveLength(0);
  });
});
