/**
 * Page object for the hover page: a web page on 127.0.0.1 with Bitly links, driven with the real
 * pointer and keyboard, and the card frame Bitlens puts on it (PRODUCT.md F2). Shared by
 * hover-card.spec.ts and card-page.spec.ts.
 *
 * Everything here waits for states (the frame shown or hidden, the card document's `data-state`),
 * never for times, with one named exception: `waitNothingHappenedWindow()`, for tests that
 * assert something did NOT happen. Its length is derived from the intent delay in effect.
 * Tests where the pointer must leave before the card is due first set `LONG_HOVER_DELAY_MS`,
 * so they never depend on how long a Playwright action takes.
 */
import { expect, type BrowserContext, type Frame, type Locator, type Page } from '@playwright/test';
import { CARD_HOST, isCardFrameUrl } from '../../support/chromium';
import { restPointerOn } from '../../support/pointer';
import type { Site } from '../fixtures';
import { ask, changeSettings } from './protocol';

type SettingsPatch = Parameters<typeof changeSettings>[1];

/**
 * A hover delay far longer than any Playwright action on these machines (`locator.hover()` alone
 * took 170–330 ms), for tests where the pointer must leave a link before its card is due: the
 * largest delay the settings accept.
 */
export const LONG_HOVER_DELAY_MS = 3_000;

/**
 * How long the content script lets the pointer cross between link and card before closing it
 * (`CLOSE_GRACE_MS` in entrypoints/content-script/hover-controller.ts). Not a setting, so it is
 * mirrored here; it only lengthens the "nothing happened" window when it exceeds the delay.
 */
export const CLOSE_GRACE_MS = 300;

/** A "nothing happened" window lasts this many intent delays. */
export const NOTHING_HAPPENED_WINDOW_IN_DELAYS = 2;

/** Longest wait for a card's state once it is due (the stand-in answers at once; the machine may be slow). */
const CARD_STATE_TIMEOUT_MS = 8_000;

/** Longest time to keep hovering again for a change the page shows no sign of having received. */
const HOVER_AGAIN_TIMEOUT_MS = 15_000;

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export class HoverPage {
  /** The card, as an element of the web page: the shadow host its frame is in. */
  readonly frame: Locator;
  /**
   * That host while the card shows: otherwise (hidden, or prepared in place during the delay:
   * painted but transparent) it is `inert`.
   */
  readonly shown: Locator;
  private delayMs: number;
  private shownAPage = false;

  private constructor(
    /** The web page's tab. */
    readonly page: Page,
    private readonly site: Site,
    /** An extension page (the options page) the protocol is spoken from. */
    readonly control: Page,
    hoverDelayMs: number,
  ) {
    this.frame = page.locator(CARD_HOST);
    this.shown = page.locator(`${CARD_HOST}:not([inert])`);
    this.delayMs = hoverDelayMs;
  }

  /**
   * Opens a new tab for web pages. `control` must be on an extension page (tests use the options
   * page they signed in on); settings are read and changed through it.
   */
  static async open(context: BrowserContext, site: Site, control: Page): Promise<HoverPage> {
    const settings = await ask(control, 'getSettings', {});
    if (!settings.ok) throw new Error(`getSettings from ${control.url()} failed: ${settings.error}`);
    return new HoverPage(await context.newPage(), site, control, settings.value.hoverDelayMs);
  }

  /**
   * The card's document: the page's newest card frame (found by its address; the iframe itself is
   * out of reach in a closed shadow root). Use once the card exists (`expectState` waits for it).
   */
  get card(): Frame {
    const frame = this.cardFrameNow();
    if (!frame) throw new Error('no card frame in the page yet');
    return frame;
  }

  private cardFrameNow(): Frame | undefined {
    return this.page.frames().filter((f) => !f.isDetached() && isCardFrameUrl(f.url())).at(-1);
  }

  /** Waits for the card's document to exist. */
  async cardFrame(timeout = CARD_STATE_TIMEOUT_MS): Promise<Frame> {
    await expect.poll(() => this.cardFrameNow() !== undefined, { timeout }).toBe(true);
    return this.card;
  }

  /** The intent delay in effect. */
  get hoverDelayMs(): number {
    return this.delayMs;
  }

  /**
   * Sets the intent delay before the first page is shown. A page asks for its config at the first
   * pointer movement on it, so it then surely has this delay; a page that already had a config
   * would hear of the change by a push whose arrival the test could not see.
   */
  async setHoverDelay(ms: number): Promise<void> {
    if (this.shownAPage) throw new Error('setHoverDelay: set the delay before show(), so the page surely uses it');
    await this.changeSettings({ hoverDelayMs: ms });
  }

  /**
   * Changes settings through the protocol; returns once the background has announced them to
   * every surface and card frame (see `changeSettings` in protocol.ts). A page's content script
   * hears of it later: tests see that by what the page does.
   */
  async changeSettings(patch: SettingsPatch) {
    const settings = await changeSettings(this.control, patch);
    this.delayMs = settings.hoverDelayMs;
    return settings;
  }

  /** Shows a page of the test site with `html` as its body. */
  async show(html: string): Promise<void> {
    await this.page.goto(await this.site.show(html));
    this.shownAPage = true;
  }

  /** Shows a page with one link, `#l`, to `href` (its text: `text`), then `more` HTML. */
  async showLink(href: string, { text = href, more = '' }: { text?: string; more?: string } = {}): Promise<void> {
    await this.show(`<p style="margin:40px"><a id="l" href="${escapeHtml(href)}">${escapeHtml(text)}</a></p>${more}`);
  }

  link(selector = '#l'): Locator {
    return this.page.locator(selector);
  }

  /**
   * Moves the real pointer onto the element and leaves it there, as a person does: one more small
   * move once it is there (tests/support/pointer.ts). Scrolling into view and the moves take a
   * varying time, so nothing may depend on them being quick.
   */
  async hover(selector = '#l'): Promise<void> {
    await restPointerOn(this.page.locator(selector));
  }

  /** Moves the pointer in one step to the page's top-left corner, where there is no link. */
  async leave(): Promise<void> {
    await this.page.mouse.move(1, 1);
  }

  /** The centre of an element, in page coordinates, for moves in one step. */
  async centreOf(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error(`${locator} has no box`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** One trusted pointer move straight to `point`: the pointer is over nothing in between. */
  async moveTo(point: { x: number; y: number }): Promise<void> {
    await this.page.mouse.move(point.x, point.y);
  }

  /** Focuses the link and presses Alt+Shift+B, as a keyboard user opens a card. */
  async openWithKeyboard(selector = '#l'): Promise<void> {
    await this.page.locator(selector).focus();
    await this.page.keyboard.press('Alt+Shift+KeyB');
  }

  /** Shows a page with one link to the bitlink `link` (text: `text`) and opens its card with the keyboard. */
  async openCard(link: string, text = link): Promise<void> {
    await this.showLink(`https://${link}`, { text });
    await this.openWithKeyboard('#l');
    await this.expectOpen(link);
  }

  /** The card's dialog, named after the link it shows. */
  dialogFor(link: string): Locator {
    return this.card.getByRole('dialog', { name: `Statistics for ${link}` });
  }

  /** Waits for the card document's own state: `data-state` on its `<html>`. */
  async expectState(state: string, timeout = CARD_STATE_TIMEOUT_MS): Promise<void> {
    const card = await this.cardFrame(timeout);
    await expect(card.locator('html')).toHaveAttribute('data-state', state, { timeout });
  }

  /** Waits for the frame to show, for `link` when given. */
  async expectOpen(link?: string): Promise<void> {
    await expect(this.shown).toBeVisible({ timeout: CARD_STATE_TIMEOUT_MS });
    if (link) {
      await this.cardFrame();
      await expect(this.dialogFor(link)).toBeVisible();
    }
  }

  /** Waits for no card to show (the frame hidden, or none made). */
  async expectClosed(): Promise<void> {
    await expect(this.shown).toBeHidden();
  }

  /**
   * Waits for the card frame to exist: the content script makes it, hidden, as soon as it takes
   * the pointer's arrival on a Bitly link, and the card is due one delay later. So this proves a
   * hover was heard without waiting for the card.
   */
  async expectFrameMade(): Promise<void> {
    await expect(this.frame).toHaveCount(1);
  }

  /**
   * Waits until each of the card's default facets shows its answer (total, countries, referrers):
   * every request the card made has then reached the stand-in.
   */
  async expectEveryFacetAnswered(): Promise<void> {
    await expect(this.total).toBeVisible();
    await expect(this.card.getByTestId('countries').locator('li').first()).toBeVisible();
    await expect(this.card.getByTestId('referrers').locator('li').first()).toBeVisible();
  }

  /** Escape, and the card gone. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.expectClosed();
  }

  /**
   * The "nothing happened" window: NOTHING_HAPPENED_WINDOW_IN_DELAYS intent delays (the close
   * grace if that is longer). A card wrongly due, or wrongly closing, after the last action
   * would have shown it within one of them.
   */
  get nothingHappenedWindowMs(): number {
    return NOTHING_HAPPENED_WINDOW_IN_DELAYS * Math.max(this.delayMs, CLOSE_GRACE_MS);
  }

  /** Lets the "nothing happened" window pass; only for asserting that something did not happen. */
  async waitNothingHappenedWindow(): Promise<void> {
    await this.page.waitForTimeout(this.nothingHappenedWindowMs);
  }

  /**
   * Hovers the link, again if need be, until its card shows: for a settings change the page shows
   * no sign of having received (hover switched back on), which a first hover might still precede.
   */
  async hoverUntilOpen(selector = '#l'): Promise<void> {
    await expect(async () => {
      await this.leave();
      await this.hover(selector);
      await expect(this.shown).toBeVisible({ timeout: this.nothingHappenedWindowMs });
    }).toPass({ timeout: HOVER_AGAIN_TIMEOUT_MS });
  }

  // What the card shows.

  get host(): Locator {
    return this.card.getByTestId('destination-host');
  }
  get total(): Locator {
    return this.card.getByTestId('total-clicks');
  }
  get panel(): Locator {
    return this.card.getByTestId('panel');
  }
  hint(kind: string): Locator {
    return this.card.locator(`[data-hint="${kind}"]`);
  }
}
