/**
 * The hover card on a web page (PRODUCT.md F1, F2, §4): what a real pointer opens, what it must
 * not, and what the page can see. Every wait is for a state; the only timed waits are the
 * HoverPage's "nothing happened" windows, derived from the intent delay in effect. Tests where
 * the pointer leaves before the card is due use LONG_HOVER_DELAY_MS, far beyond any action.
 */
import { test, expect, signIn, ask, OptionsPage } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { LINK_HOVER_ANIMATION } from '../../utils/bitly/link-hover-css';
import { CARD_HOST } from '../support/chromium';
import { HoverPage, LONG_HOVER_DELAY_MS } from './support/hover-page';

const paid = SAMPLE.accounts.paid;
const own = paid.links[0]!;
const second = paid.links[1]!;

const anchor = (href: string, text = href) => `<p style="margin:40px"><a id="l" href="${href}">${text}</a></p>`;
const secondLink = (href = `https://${second.id}`) => `<p style="margin:400px 40px"><a id="m" href="${href}">second</a></p>`;
const away = '<p id="away" style="margin:200px">elsewhere</p>';

function destinationHost(url: string) {
  return new URL(url).hostname;
}

/** The hover budget of one link: expand, and the card's three default metrics. */
const hoverBudget = (id: string) => ['/clicks', '/countries', '/referrers'].map((p) => `/v4/bitlinks/${id}${p}`).concat('/v4/expand').sort();

test.describe('hover card on a web page', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page, context, extensionId, fake, site }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
    // `page` stays on the options page: settings are read and changed from there.
    hover = await HoverPage.open(context, site, page);
  });

  test('hovering a Bitly link shows its destination and the stand-in’s numbers, with only the hover budget of requests', async ({ page: options, fake }) => {
    await hover.show(anchor(`https://${own.id}`, 'Our spring sale'));
    await hover.hover('#l');
    await hover.expectState('data');
    await expect(hover.card.getByText(destinationHost(own.long_url)).first()).toBeVisible();
    await hover.expectEveryFacetAnswered();

    expect(fake.log.map((r) => r.path).sort()).toEqual(hoverBudget(own.id));

    // The total shown is the sum of the stand-in's clicks for the range (read back from the cache).
    const clicks = await ask(options, 'getLinkFacet', { link: own.id, facet: 'clicks' });
    const total = (clicks as { value: { data: { link_clicks: { clicks: number }[] } } }).value.data.link_clicks.reduce((n, c) => n + c.clicks, 0);
    await expect(hover.card.getByText(new Intl.NumberFormat('en-US').format(total)).first()).toBeVisible();
    // Reading it back came from the cache: no request beyond the hover's.
    expect(fake.log).toHaveLength(4);
  });

  test('the page cannot read the card: no frame, no shadow root, no numbers in its DOM text', async () => {
    await hover.show(anchor(`https://${own.id}`));
    await hover.hover('#l');
    await hover.expectState('data');
    const seenByPage = await hover.page.evaluate((selector) => {
      const host = document.querySelector(selector)!;
      return { shadowRoot: host.shadowRoot, iframes: document.querySelectorAll('iframe').length, children: host.children.length, text: document.body.innerText + (host.textContent ?? '') };
    }, CARD_HOST);
    expect(seenByPage).toEqual({ shadowRoot: null, iframes: 0, children: 0, text: expect.any(String) });
    expect(seenByPage.text).not.toContain(destinationHost(own.long_url));
    expect(seenByPage.text).not.toMatch(/clicks/i);
  });

  test('leaving before the delay makes no request and shows nothing', async ({ fake }) => {
    // The pointer must leave before the card is due: a delay far longer than the two moves take.
    await hover.setHoverDelay(LONG_HOVER_DELAY_MS);
    await hover.show(anchor(`https://${own.id}`) + away);
    await hover.hover('#l');
    // The content script took the hover (it makes the frame at once, the card is due a delay later)…
    await hover.expectFrameMade();
    // …and the pointer leaves long before the delay ends.
    await hover.hover('#away');
    await hover.waitNothingHappenedWindow();
    await hover.expectClosed();
    expect(fake.log).toHaveLength(0);

    // The same link, the same delay, the pointer resting: the card does come.
    await hover.hover('#l');
    await hover.expectState('data', LONG_HOVER_DELAY_MS + 8_000);
    await hover.expectOpen(own.id);
  });

  test('a page that starts the hover animation itself makes no request', async ({ fake }) => {
    await hover.show(anchor(`https://${own.id}`) + `<p><a id="m" href="https://${second.id}">second</a></p>` + away);
    // The page plays Bitlens' animation on a link without the pointer on it, and waits for it to
    // finish (its events stop at the content script, so the page cannot listen for them).
    await hover.page.addStyleTag({ content: `@keyframes ${LINK_HOVER_ANIMATION}{} #l{animation:${LINK_HOVER_ANIMATION} 50ms 3}` });
    await hover.page.evaluate(() => Promise.all(document.getElementById('l')!.getAnimations().map((a) => a.finished)).then(() => undefined));
    await hover.waitNothingHappenedWindow();
    await expect(hover.frame).toHaveCount(0);
    expect(fake.log).toHaveLength(0);

    // A real hover is looked up, and only it: one expand, nothing about #l.
    await hover.hover('#m');
    await hover.expectState('data');
    await hover.expectEveryFacetAnswered();
    expect(fake.log.filter((r) => r.path === '/v4/expand')).toHaveLength(1);
    expect(fake.log.filter((r) => r.path.includes(own.id))).toEqual([]);
  });

  test('synthetic events from the page make no request', async ({ fake }) => {
    await hover.show(anchor(`https://${own.id}`));
    // Dispatched synchronously: when this returns, the content script's listeners have run.
    await hover.page.evaluate(() => {
      const link = document.getElementById('l')!;
      for (const type of ['pointerover', 'mouseover', 'pointerenter', 'focusin']) link.dispatchEvent(new PointerEvent(type, { bubbles: true }));
      link.focus();
      link.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, altKey: true, shiftKey: true, code: 'KeyB', key: 'B' }));
    });
    await hover.waitNothingHappenedWindow();
    await hover.expectClosed();
    expect(fake.log).toHaveLength(0);
  });

  test('a link added after load works', async () => {
    await hover.show('<div id="feed"></div>');
    await hover.page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { id: 'late', href, textContent: 'late link' });
      document.getElementById('feed')!.append(a);
    }, `https://${own.id}`);
    await hover.hover('#late');
    await hover.expectState('data');
  });

  test('links written in upper case, with www. or without a scheme work', async () => {
    await hover.show(anchor(`HTTPS://WWW.${own.id.replace('bit.ly', 'BIT.LY')}`) + secondLink(`//${second.id}`));
    await hover.hover('#l');
    await hover.expectState('data');
    await expect(hover.dialogFor(own.id)).toBeVisible();
    await hover.leave();
    await hover.expectClosed();
    await hover.hover('#m');
    await expect(hover.dialogFor(second.id)).toBeVisible();
    await hover.expectState('data');
  });

  test('an href changed to a Bitly link works', async () => {
    await hover.show(anchor('https://example.com/article', 'an article'));
    await hover.page.evaluate((href) => document.getElementById('l')!.setAttribute('href', href), `https://${own.id}`);
    await hover.hover('#l');
    await hover.expectState('data');
  });

  test('keyboard: focus a link, Alt+Shift+B opens, Tab goes into the card, Escape returns to the link', async () => {
    const { page } = hover;
    await hover.show(anchor(`https://${own.id}`) + '<p><a id="next" href="https://example.com/">next</a></p>');
    await hover.openWithKeyboard('#l');
    await hover.expectState('data');
    await page.keyboard.press('Tab');
    await expect(hover.frame).toBeFocused();
    await expect(hover.card.locator(':focus')).toHaveCount(1);
    await hover.closeWithEscape();
    await expect(page.locator('#l')).toBeFocused();
  });

  test('Escape and a click outside close the card; one card at a time', async () => {
    const { page } = hover;
    await hover.show(anchor(`https://${own.id}`) + secondLink());
    await hover.hover('#l');
    await hover.expectState('data');
    await hover.closeWithEscape();

    await page.mouse.move(5, 5);
    await hover.hover('#l');
    await hover.expectOpen(own.id);
    await page.mouse.click(5, 5);
    await hover.expectClosed();

    await hover.hover('#l');
    await hover.expectOpen(own.id);
    await hover.hover('#m');
    await expect(hover.dialogFor(second.id)).toBeVisible();
    // The same frame, moved to the second link: never two cards.
    await expect(hover.frame).toHaveCount(1);
    const [link, box] = [(await page.locator('#m').boundingBox())!, (await hover.frame.boundingBox())!];
    expect(Math.min(Math.abs(box.y + box.height - link.y), Math.abs(box.y - (link.y + link.height)))).toBeLessThan(12);
  });

  test('a page that removes the waiting card frame still gets a card on the next hover', async () => {
    await hover.show(anchor(`https://${own.id}`));
    await hover.hover('#l');
    await hover.expectState('data');
    await hover.leave();
    await hover.expectClosed();
    await hover.page.evaluate((selector) => document.querySelector(selector)!.remove(), CARD_HOST);
    await expect(hover.frame).toHaveCount(0);
    await hover.hover('#l');
    await hover.expectState('data');
    await hover.expectOpen(own.id);
  });

  test('the pointer can move into the card without closing it', async () => {
    await hover.show(anchor(`https://${own.id}`));
    await hover.hover('#l');
    await hover.expectState('data');
    // One move, straight from the link into the card (no point in between where the pointer is
    // on neither), so nothing depends on how quickly the moves follow each other.
    await hover.moveTo(await hover.centreOf(hover.frame));
    await hover.waitNothingHappenedWindow();
    await hover.expectOpen(own.id);
    await hover.expectState('data');
  });

  test('a link of another account shows its destination and “Not in your Bitly account”', async ({ fake }) => {
    const foreign = SAMPLE.accounts.free.links[0]!;
    await hover.show(anchor(`https://${foreign.id}`));
    await hover.hover('#l');
    await hover.expectState('not-in-account');
    await expect(hover.card.getByText(/Not in your Bitly account/i).first()).toBeVisible();
    await expect(hover.card.getByText(destinationHost(foreign.long_url)).first()).toBeVisible();
    // Only the hover budget: the expand that worked shows the 403s are not about the token.
    await expect.poll(() => fake.log.map((r) => r.path).sort()).toEqual(hoverBudget(foreign.id));
    await hover.waitNothingHappenedWindow();
    expect(fake.log.map((r) => r.path).sort()).toEqual(hoverBudget(foreign.id));
  });

  test('a deleted link says so', async () => {
    await hover.show(anchor(`https://${paid.deletedLinks[0]!.id}`));
    await hover.hover('#l');
    await hover.expectState('deleted');
    await expect(hover.card.getByText(/deleted/i).first()).toBeVisible();
  });

  test('rate limited: says when it retries', async ({ fake }) => {
    fake.faults.add({ fault: { kind: 'rate-limit-429' } });
    await hover.show(anchor(`https://${own.id}`));
    await hover.hover('#l');
    await hover.expectState('rate-limited');
    await expect(hover.card.getByText(/rate limit/i).first()).toBeVisible();
  });

  test('a token revoked after sign-in: “Bitly rejected your token”, not “Not in your account”', async ({ fake }) => {
    fake.faults.add({ match: { token: paid.token }, fault: { kind: 'token-revoked' } });
    await hover.show(anchor(`https://${own.id}`));
    await hover.hover('#l');
    await hover.expectState('token-rejected');
    await expect(hover.card.getByText('Bitly rejected your token — update it').first()).toBeVisible();
    await expect(hover.card.getByRole('button', { name: 'Update token' })).toBeVisible();
    // The hover's own expand told the token apart from a foreign link: no other call.
    await expect.poll(() => fake.log.map((r) => r.path).sort()).toEqual(hoverBudget(own.id));
    await hover.waitNothingHappenedWindow();
    expect(fake.log.map((r) => r.path).sort()).toEqual(hoverBudget(own.id));
  });

  test('crafted hrefs make no request at all', async ({ fake }) => {
    const crafted = [
      'https://bit.ly/../../v4/user',
      'https://bit.ly/%2e%2e/%2e%2e/v4/user',
      'https://bit.ly/abc%2Fdef',
      `https://bit.ly/${'a'.repeat(10_000)}`,
      'https://bit.ly.evil.example/abc',
      'https://evilbit.ly/abc',
      'javascript:alert(1)',
      'https://bit.ly@evil.example/abc',
    ];
    await hover.show(crafted.map((href, i) => `<p style="margin:10px"><a id="c${i}" href="${href}">crafted ${i}</a></p>`).join(''));
    for (let i = 0; i < crafted.length; i++) {
      // The pointer rests on each for longer than the delay: no card, for any of them.
      await hover.hover(`#c${i}`);
      await hover.waitNothingHappenedWindow();
      await hover.expectClosed();
    }
    expect(fake.log.filter((r) => r.path !== '/v4/bsds')).toEqual([]);
  });

  test('hover off and a disabled site apply at once, without reloading', async ({ fake }) => {
    await hover.show(anchor(`https://${own.id}`));
    // A card is open when "off" arrives: it closes, which shows the page has the change.
    await hover.hover('#l');
    await hover.expectState('data');
    await hover.expectEveryFacetAnswered();
    fake.clearLog();
    await hover.changeSettings({ hoverEnabled: false });
    await hover.expectClosed();
    await hover.leave();
    await hover.hover('#l');
    await hover.waitNothingHappenedWindow();
    await hover.expectClosed();
    // (A settings change makes the background renew the branded domains for content scripts.)
    expect(fake.log.filter((r) => r.path !== '/v4/bsds')).toEqual([]);

    // Back on: nothing on the page shows it arrived, so hover until the card comes.
    await hover.changeSettings({ hoverEnabled: true });
    await hover.hoverUntilOpen('#l');
    await hover.expectState('data');
    await hover.expectEveryFacetAnswered();
    fake.clearLog();
    // The site disabled while its card is open: it closes, and no hover opens one.
    await hover.changeSettings({ disabledSites: ['127.0.0.1'] });
    await hover.expectClosed();
    await hover.leave();
    await hover.hover('#l');
    await hover.waitNothingHappenedWindow();
    await hover.expectClosed();
    expect(fake.log.filter((r) => r.path !== '/v4/bsds')).toEqual([]);

    await hover.changeSettings({ disabledSites: [] });
    await hover.hoverUntilOpen('#l');
    await hover.expectState('data');
  });
});

test('settings changed while the card waits hidden apply to the next card', async ({ page, context, site, extensionId, fake }) => {
  await signIn(page, extensionId, paid);
  const hover = await HoverPage.open(context, site, page);
  await hover.show(anchor(`https://${own.id}`) + secondLink());
  await hover.hover('#l');
  await hover.expectState('data');
  await expect(hover.card.getByTestId('referrers')).toBeVisible();
  await hover.leave();
  await hover.expectClosed();

  // Returns once the waiting frame's port has the new settings, ahead of the next show.
  await hover.changeSettings({ cardFacets: ['countries'] });
  await expect.poll(() => fake.inFlight).toBe(0);
  fake.clearLog();
  await hover.hover('#m');
  await hover.expectState('data');
  await expect(hover.card.getByTestId('countries')).toBeVisible();
  await expect(hover.card.getByTestId('referrers')).toHaveCount(0);
  await expect(hover.host).toHaveText(destinationHost(second.long_url));
  // (The settings change itself makes the background renew the branded domains for content scripts.)
  expect(fake.log.map((r) => r.path).filter((path) => path !== '/v4/bsds').sort()).toEqual(['/v4/expand', `/v4/bitlinks/${second.id}/countries`].sort());
});

test('a link on one of the account’s branded domains works', async ({ page, context, site, extensionId }) => {
  const brand = SAMPLE.accounts.brand;
  const branded = brand.links.find((l) => !l.id.startsWith('bit.ly/'))!;
  await signIn(page, extensionId, brand);
  const hover = await HoverPage.open(context, site, page);
  await hover.show(anchor(`https://${branded.id}`));
  await hover.hover('#l');
  await hover.expectState('data');
  await expect(hover.card.getByText(destinationHost(branded.long_url)).first()).toBeVisible();
});

test('no token: the card asks for one', async ({ page, context, site, extensionId }) => {
  await new OptionsPage(page, extensionId).open();
  const hover = await HoverPage.open(context, site, page);
  await hover.show(anchor(`https://${own.id}`));
  await hover.hover('#l');
  await hover.expectState('no-token');
  await expect(hover.card.getByText(/Add your Bitly token/i).first()).toBeVisible();
});
