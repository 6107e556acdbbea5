/**
 * A hostile page against the content script and the card frame (PRODUCT.md §4, issue 12 items
 * 1–4), each attack written as the page's own script would run it, with the real pointer of a
 * user who does not play along. Every attack is first shown to reach what it aims at (the page
 * sees its link hovered, its frame running…), so a test cannot pass because the attack misfired.
 */
import type { Frame, Page } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { LINK_HOVER_ANIMATION } from '../../utils/bitly/link-hover-css';
import { CARD_HOST, isCardFrameUrl } from '../support/chromium';
import { restPointerAt } from '../support/pointer';
import { HoverPage } from './support/hover-page';

const paid = SAMPLE.accounts.paid;
const brand = SAMPLE.accounts.brand;
const own = paid.links[0]!;
const second = paid.links[1]!;
const brandedLink = brand.links.find((l) => !l.id.startsWith('bit.ly/') && !l.id.startsWith('j.mp/'))!;

/** Requests that are about a link (the account's branded-domain list is fetched on account changes). */
const linkRequests = (log: Array<{ path: string }>) => log.filter((r) => r.path !== '/v4/bsds');

/** Where the pointer rests during the swap attack, on plain text. */
const REST = { x: 300, y: 300 };

test.describe('item 1: lookups need the user’s own movement onto a visible link', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page, context, extensionId, fake, site }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
    hover = await HoverPage.open(context, site, page);
  });

  test('links swapped under a resting pointer every 600 ms make no request; a real move then does', async ({ fake }) => {
    const links = paid.links.slice(0, 6).map((l) => `https://${l.id}`);
    // The attack: every 600 ms (longer than the intent delay) a fresh, fully visible Bitly link is
    // put exactly under the resting pointer. The page counts the swaps whose link it saw hovered.
    await hover.show(`<p style="height:2000px">Reading an article.</p>
      <script>
        const hrefs = ${JSON.stringify(links)};
        window.attack = { swaps: 0, hovered: 0 };
        let current;
        window.attack.timer = setInterval(() => {
          if (current?.matches(':hover')) window.attack.hovered++;
          current?.remove();
          current = Object.assign(document.createElement('a'), { href: hrefs[window.attack.swaps % hrefs.length], textContent: 'Read more' });
          current.id = 'swapped';
          current.style.cssText = 'position:fixed;left:${REST.x - 100}px;top:${REST.y - 20}px;width:200px;height:40px;display:block;background:#def';
          document.body.append(current);
          window.attack.swaps++;
        }, 600);
      </script>`);
    await hover.page.mouse.move(REST.x, REST.y);
    // Eight swaps with the pointer at rest, at least three of whose links had `:hover`.
    await hover.page.waitForFunction(() => (window as unknown as { attack: { swaps: number } }).attack.swaps >= 8, null, { timeout: 20_000 });
    const attack = await hover.page.evaluate(() => {
      const a = (window as unknown as { attack: { swaps: number; hovered: number; timer: number } }).attack;
      clearInterval(a.timer);
      return a;
    });
    expect(attack.hovered).toBeGreaterThanOrEqual(3);
    await hover.waitNothingHappenedWindow();
    await expect(hover.shown).not.toBeVisible();
    expect(linkRequests(fake.log)).toEqual([]);

    // The user really moves the pointer on the link that is there: that is a hover.
    await hover.page.mouse.move(REST.x + 2, REST.y + 1);
    await hover.expectState('data');
    await hover.expectOpen();
  });

  test('a nearly transparent full-screen link, a full-screen empty link, a tiny link and a faded link open nothing under a moving pointer', async ({ fake }) => {
    const cases = [
      { id: 'ghost', style: 'position:fixed;inset:0;opacity:.05;display:block;background:#000' },
      { id: 'cover', style: 'position:fixed;inset:0;display:block' },
      { id: 'tiny', style: 'position:absolute;left:600px;top:500px;width:3px;height:3px;display:block;overflow:hidden' },
      { id: 'faded', style: 'position:absolute;left:600px;top:400px', wrap: 'opacity:.2' },
    ];
    for (const c of cases) {
      const link = `<a id="${c.id}" href="https://${own.id}" style="${c.style}">${c.id === 'cover' ? '' : 'x'}</a>`;
      await hover.show(c.wrap ? `<div style="${c.wrap}">${link}</div>` : link);
      const box = (await hover.page.locator(`#${c.id}`).boundingBox())!;
      await restPointerAt(hover.page, { x: box.x + box.width / 2 - 0.5, y: box.y + box.height / 2 });
      // The pointer is really on the link, and moving.
      expect(await hover.page.locator(`#${c.id}`).evaluate((a) => a.matches(':hover'))).toBe(true);
      await hover.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 0.5);
      await hover.waitNothingHappenedWindow();
      await expect(hover.shown, `${c.id}: no card`).not.toBeVisible();
    }
    expect(linkRequests(fake.log)).toEqual([]);

    // The same link, plainly visible: a card.
    await hover.show(`<p style="margin:40px"><a id="l" href="https://${own.id}">visible</a></p>`);
    await hover.hover('#l');
    await hover.expectState('data');
  });
});

test.describe('item 2: no branded domain in anything the page can read', () => {
  test('styles, adopted sheets, attributes and text hold none of the account’s branded domains, before or after a card', async ({ page, context, extensionId, site }) => {
    await signIn(page, extensionId, brand);
    const hover = await HoverPage.open(context, site, page);
    const ownBitly = brand.links.find((l) => l.id.startsWith('bit.ly/'))!;
    await hover.show(`<p style="margin:40px"><a id="l" href="https://${ownBitly.id}">our link</a></p>`);
    const before = await readEverything(hover.page);
    await hover.hover('#l');
    await hover.expectState('data');
    const after = await readEverything(hover.page);
    for (const seen of [before, after]) {
      for (const domain of brand.bsds) expect(seen.toLowerCase()).not.toContain(domain);
    }
    // The reading is thorough: it holds the page's own link, and the card's host element.
    expect(after).toContain(ownBitly.id);
    expect(after.length).toBeGreaterThan(before.length);
  });

  test('open tabs follow account changes: a new account’s branded links open cards, a signed-out one’s do not', async ({ page, context, extensionId, site, fake }) => {
    await signIn(page, extensionId, paid);
    const hover = await HoverPage.open(context, site, page);
    await hover.show(`<p style="margin:40px"><a id="b" href="https://${brandedLink.id}">branded</a></p><p id="away" style="margin:200px">away</p>`);
    // The paid account has no branded domains: no card.
    await hover.hover('#b');
    await hover.waitNothingHappenedWindow();
    await expect(hover.frame).toHaveCount(0);

    // The brand account signs in, the tab is not reloaded: its links are known at once.
    await signIn(page, extensionId, brand);
    await hover.hover('#away');
    await hover.hover('#b');
    await hover.expectState('data');
    await expect(hover.dialogFor(brandedLink.id)).toBeVisible();
    await hover.hover('#away');
    await hover.expectClosed();

    // Sign-out (answered once every tab has heard it): the domain is no Bitly domain any more.
    const out = await ask(page, 'signOut', {});
    expect(out.ok).toBe(true);
    fake.clearLog();
    await hover.hover('#b');
    await hover.waitNothingHappenedWindow();
    await hover.expectClosed();
    expect(linkRequests(fake.log)).toEqual([]);
  });
});

test.describe('items 3 and 4: the card frame reveals nothing and cannot be taken over', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page, context, extensionId, fake, site }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
    hover = await HoverPage.open(context, site, page);
  });

  test('no extension address in attributes, styles or performance entries; no extension-named event or animation', async () => {
    // The page listens before the content script starts, on every object an event passes.
    await hover.show(`<p style="margin:40px"><a id="l" href="https://${own.id}">our link</a></p>
      <script>
        window.heard = [];
        const types = ['animationstart', 'animationend', 'animationiteration', 'animationcancel', 'transitionrun', 'transitionstart', 'transitionend'];
        for (const type of types) for (const target of [window, document]) target.addEventListener(type, (e) => heard.push(e.type + ':' + (e.animationName ?? e.propertyName)), true);
        window.heardLate = [];
        addEventListener('load', () => { for (const type of types) document.addEventListener(type, (e) => heardLate.push(e.type), true); });
      </script>`);
    await hover.hover('#l');
    await hover.expectState('data');
    const seen = await readEverything(hover.page);
    expect(seen).not.toMatch(/chrome-extension:|moz-extension:|card\.html|bitlens/i);
    const page = await hover.page.evaluate(() => ({
      heard: (window as unknown as { heard: string[] }).heard,
      heardLate: (window as unknown as { heardLate: string[] }).heardLate,
      animations: document.getAnimations().map((a) => (a as CSSAnimation).animationName ?? ''),
      frames: window.frames.length,
      iframes: document.querySelectorAll('iframe').length,
    }));
    // The page's early listener hears the hover animation, but its name says nothing…
    expect(page.heard.join(' ')).not.toMatch(/bitlens|bitly|lens/i);
    expect(page.heard).toContain(`animationstart:${LINK_HOVER_ANIMATION}`);
    // …and a listener added once the page loaded hears no event of Bitlens at all.
    expect(page.heardLate).toEqual([]);
    expect(page.animations.join(' ')).not.toMatch(/bitlens|bitly|lens/i);
    // The frame is out of the page's reach.
    expect(page).toMatchObject({ frames: 0, iframes: 0 });
  });

  test('copies of the card frame, even with its key, never show card data; blanking the original moves the card to a new frame of Bitlens', async ({ fake }) => {
    await hover.show(`<p style="margin:40px"><a id="l" href="https://${own.id}">one</a></p><p style="margin:40px"><a id="m" href="https://${second.id}">two</a></p><p id="away" style="margin:200px">away</p>`);
    await hover.hover('#l');
    await hover.expectState('data');
    await hover.hover('#away');
    await hover.expectClosed();
    // Suppose the page learnt the frame's address and key (nothing it can read holds them: see
    // above). It frames copies, which connect while the real frame holds its key…
    const address = hover.card.url();
    expect(address).toMatch(/#k=/);
    await hover.page.evaluate((url) => {
      for (const hash of [new URL(url).hash, '#k=0f8e6a8c-2b1d-4c55-9a57-3e1f0c2d4b6a']) {
        const copy = Object.assign(document.createElement('iframe'), { className: 'copy', src: url.replace(/#.*/, '') + hash });
        copy.style.cssText = 'width:360px;height:380px';
        document.body.append(copy);
      }
    }, address);
    // The copies load nothing of Bitlens: the address the content script navigated to is not one a
    // page may frame (a card document would mark itself "hidden" first thing).
    await expect.poll(() => hover.page.frames().filter((f) => f.parentFrame() === hover.page.mainFrame() && f.url().startsWith('chrome-error:')).length).toBe(2);
    // …then blanks the original, so that its copies might connect in its place.
    await hover.page.evaluate((selector) => document.querySelector(selector)!.remove(), CARD_HOST);
    fake.clearLog();

    await hover.hover('#m');
    await hover.expectOpen();
    // The new frame's document may still be on its way.
    await expect.poll(async () => (await cardFrames(hover.page)).filter((f) => !f.copy).length).toBe(1);
    const ours = (await cardFrames(hover.page)).filter((f) => !f.copy);
    await expect(ours[0]!.frame.locator('html')).toHaveAttribute('data-state', 'data');
    await expect(ours[0]!.frame.getByRole('dialog', { name: `Statistics for ${second.id}` })).toBeVisible();
    await hover.waitNothingHappenedWindow();
    // Still no page-made frame holds a card.
    expect(await copyFrames(hover.page)).toEqual([]);
    // Only the real card looked anything up.
    expect(linkRequests(fake.log).every((r) => r.path === '/v4/expand' || r.path.includes(second.id))).toBe(true);
  });

  test('clicks on a card the page has faded do nothing (clickjacking)', async () => {
    await hover.show(`<p style="margin:40px"><a id="l" href="https://${own.id}">one</a></p>`);
    await hover.hover('#l');
    await hover.expectState('data');
    const copy = hover.card.getByTestId('copy');
    await expect(hover.card.locator('html')).toHaveAttribute('data-covered', 'false');
    // The page fades the card's host to nearly nothing, to have the user click it unknowingly.
    await hover.page.evaluate((selector) => document.querySelector<HTMLElement>(selector)!.style.setProperty('opacity', '0.02', 'important'), CARD_HOST);
    await expect(hover.card.locator('html')).toHaveAttribute('data-covered', 'true');
    await hover.moveTo(await hover.centreOf(hover.frame));
    await copy.click({ force: true });
    await hover.waitNothingHappenedWindow();
    await expect(copy).toHaveText('Copy');
    // Shown as it should be, the same click copies (or says why it could not).
    await hover.page.evaluate((selector) => document.querySelector<HTMLElement>(selector)!.style.setProperty('opacity', '1', 'important'), CARD_HOST);
    await expect(hover.card.locator('html')).toHaveAttribute('data-covered', 'false');
    await copy.click();
    await expect(copy).not.toHaveText('Copy');
  });
});

/**
 * Everything a page's script can read of itself: its markup with every attribute (open shadow
 * roots included), every style sheet's rules (adopted ones too), every performance entry's name.
 */
function readEverything(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sheetText = (sheet: CSSStyleSheet) => {
      try {
        out.push([...sheet.cssRules].map((r) => r.cssText).join('\n'));
      } catch {
        out.push(`unreadable sheet ${sheet.href ?? ''}`);
      }
    };
    const visit = (root: Document | ShadowRoot) => {
      for (const sheet of [...root.styleSheets, ...root.adoptedStyleSheets]) sheetText(sheet);
      for (const el of root.querySelectorAll('*')) {
        out.push(`<${el.localName}`);
        for (const attr of el.attributes) out.push(`${attr.name}=${attr.value}`);
        if (el instanceof HTMLIFrameElement) out.push(`iframe src=${el.src}`);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
      out.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
    };
    visit(document);
    for (const entry of performance.getEntries()) out.push(`${entry.entryType} ${entry.name}`);
    return out.join('\n');
  });
}

/** The page's card-page frames, each with whether the page made it (a `.copy` iframe). */
async function cardFrames(page: Page): Promise<Array<{ frame: Frame; copy: boolean }>> {
  const out: Array<{ frame: Frame; copy: boolean }> = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || !isCardFrameUrl(frame.url())) continue;
    const element = await frame.frameElement().catch(() => null);
    if (!element) continue;
    out.push({ frame, copy: await element.evaluate((e) => (e as Element).classList.contains('copy')) });
  }
  return out;
}

async function copyFrames(page: Page): Promise<Frame[]> {
  return (await cardFrames(page)).filter((f) => f.copy).map((f) => f.frame);
}
