import type { Page } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { CARD_FRAME as CARD } from '../support/chromium';

const paid = SAMPLE.accounts.paid;
const own = paid.links[0]!;

const anchor = (href: string, text = href) => `<p style="margin:40px"><a id="l" href="${href}">${text}</a></p>`;

/** Moves the real pointer onto an element and keeps it there. */
async function hover(page: Page, selector: string) {
  await page.locator(selector).hover();
}

const card = (page: Page) => page.frameLocator(CARD);
const cardState = (page: Page) => card(page).locator('html').getAttribute('data-state');

async function expectCardState(page: Page, state: string) {
  await expect(card(page).locator(`html[data-state="${state}"]`)).toHaveCount(1, { timeout: 8_000 });
}

function destinationHost(url: string) {
  return new URL(url).hostname;
}

test.describe('hover card on a web page', () => {
  test.beforeEach(async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
  });

  test('hovering a Bitly link shows its destination and the stand-in’s numbers, with only the hover budget of requests', async ({ page, site, fake, extensionId }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`, 'Our spring sale')));
    await hover(page, '#l');
    await expectCardState(page, 'data');
    await expect(card(page).getByText(destinationHost(own.long_url)).first()).toBeVisible();

    const paths = fake.log.map((r) => r.path.replace(`/v4/bitlinks/${own.id}`, '')).sort();
    expect(paths).toEqual(['/clicks', '/countries', '/referrers', '/v4/expand']);

    // The total shown is the sum of the stand-in's clicks for the range (read back from the cache).
    const options = await page.context().newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const clicks = await ask(options, 'getLinkFacet', { link: own.id, facet: 'clicks' });
    const total = (clicks as { value: { data: { link_clicks: { clicks: number }[] } } }).value.data.link_clicks.reduce((n, c) => n + c.clicks, 0);
    await expect(card(page).getByText(new Intl.NumberFormat('en-US').format(total)).first()).toBeVisible();
    // Reading it back came from the cache; only the options page's own group list was asked for.
    expect(fake.log.filter((r) => r.path !== '/v4/groups')).toHaveLength(4);
  });

  test('the page cannot read the card: no contentDocument, no numbers in its DOM text', async ({ page, site }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'data');
    const seenByPage = await page.evaluate((selector) => {
      const frame = document.querySelector<HTMLIFrameElement>(selector)!;
      let contentWindowDocument: unknown = 'unreadable';
      try {
        contentWindowDocument = frame.contentWindow?.document;
      } catch {
        contentWindowDocument = 'threw';
      }
      return { contentDocument: frame.contentDocument, contentWindowDocument: String(contentWindowDocument), text: document.body.innerText };
    }, CARD);
    expect(seenByPage.contentDocument).toBeNull();
    expect(seenByPage.contentWindowDocument).toMatch(/threw|undefined/);
    expect(seenByPage.text).not.toContain(destinationHost(own.long_url));
    expect(seenByPage.text).not.toMatch(/clicks/i);
  });

  test('leaving before the delay makes no request and shows nothing', async ({ page, site, fake }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`) + '<p id="away" style="margin:200px">elsewhere</p>'));
    await hover(page, '#l');
    await page.waitForTimeout(150);
    await hover(page, '#away');
    await page.waitForTimeout(800);
    await expect(page.locator(CARD)).toBeHidden();
    expect(fake.log).toHaveLength(0);
  });

  test('a page that starts the hover animation itself, or frames the card itself, makes no request', async ({ page, site, fake }) => {
    const second = paid.links[1]!;
    await page.goto(
      await site.show(anchor(`https://${own.id}`) + `<p><a id="m" href="https://${second.id}">second</a></p><p id="away" style="margin:200px">elsewhere</p>`),
    );
    // The page plays Bitlens' animation on a link without the pointer on it…
    await page.addStyleTag({ content: '@keyframes bitlens-link-hover{} #l{animation:bitlens-link-hover 50ms 3}' });
    await page.waitForTimeout(800);
    await expect(page.locator(CARD)).toHaveCount(0);
    expect(fake.log).toHaveLength(0);

    // …then, once a card frame exists, copies its address into frames of its own.
    await hover(page, '#m');
    await expectCardState(page, 'data');
    await hover(page, '#away');
    await expect(page.locator(CARD)).toBeHidden();
    fake.clearLog();
    await page.evaluate((selector) => {
      const ours = document.querySelector<HTMLIFrameElement>(selector)!;
      const url = new URL(ours.src);
      for (const hash of [url.hash, '#link=bit.ly%2FAbc1234&text=x']) {
        const copy = document.createElement('iframe');
        copy.src = url.origin + url.pathname + hash;
        document.body.append(copy);
      }
    }, CARD);
    await page.waitForTimeout(1000);
    expect(fake.log).toHaveLength(0);
    const cardFrames = page.frames().filter((f) => f.url().includes('/card.html'));
    expect(cardFrames).toHaveLength(3);
    for (const frame of cardFrames) await expect(frame.locator('html')).toHaveAttribute('data-state', 'hidden');
  });

  test('synthetic events from the page make no request', async ({ page, site, fake }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`)));
    await page.evaluate(() => {
      const link = document.getElementById('l')!;
      for (const type of ['pointerover', 'mouseover', 'pointerenter', 'focusin']) link.dispatchEvent(new PointerEvent(type, { bubbles: true }));
      link.focus();
      link.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, altKey: true, shiftKey: true, code: 'KeyB', key: 'B' }));
    });
    await page.waitForTimeout(1000);
    await expect(page.locator(CARD)).toBeHidden();
    expect(fake.log).toHaveLength(0);
  });

  test('a link added after load works', async ({ page, site }) => {
    await page.goto(await site.show('<div id="feed"></div>'));
    await page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { id: 'late', href, textContent: 'late link' });
      document.getElementById('feed')!.append(a);
    }, `https://${own.id}`);
    await hover(page, '#late');
    await expectCardState(page, 'data');
  });

  test('links written in upper case, with www. or without a scheme work', async ({ page, site }) => {
    const second = paid.links[1]!;
    await page.goto(
      await site.show(anchor(`HTTPS://WWW.${own.id.replace('bit.ly', 'BIT.LY')}`) + `<p style="margin:400px 40px"><a id="m" href="//${second.id}">second</a></p>`),
    );
    await hover(page, '#l');
    await expectCardState(page, 'data');
    await expect(card(page).getByRole('dialog', { name: `Statistics for ${own.id}` })).toBeVisible();
    await page.mouse.move(1, 1);
    await expect(page.locator(CARD)).toBeHidden();
    await hover(page, '#m');
    await expect(card(page).getByRole('dialog', { name: `Statistics for ${second.id}` })).toBeVisible();
    await expectCardState(page, 'data');
  });

  test('an href changed to a Bitly link works', async ({ page, site }) => {
    await page.goto(await site.show(anchor('https://example.com/article', 'an article')));
    await page.evaluate((href) => document.getElementById('l')!.setAttribute('href', href), `https://${own.id}`);
    await hover(page, '#l');
    await expectCardState(page, 'data');
  });

  test('keyboard: focus a link, Alt+Shift+B opens, Tab goes into the card, Escape returns to the link', async ({ page, site }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`) + '<p><a id="next" href="https://example.com/">next</a></p>'));
    await page.locator('#l').focus();
    await page.keyboard.press('Alt+Shift+KeyB');
    await expectCardState(page, 'data');
    await page.keyboard.press('Tab');
    await expect(page.locator(CARD)).toBeFocused();
    await expect(card(page).locator(':focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.locator(CARD)).toBeHidden();
    await expect(page.locator('#l')).toBeFocused();
  });

  test('Escape and a click outside close the card; one card at a time', async ({ page, site }) => {
    const second = paid.links[1]!;
    await page.goto(await site.show(anchor(`https://${own.id}`) + `<p style="margin:400px 40px"><a id="m" href="https://${second.id}">second</a></p>`));
    await hover(page, '#l');
    await expectCardState(page, 'data');
    await page.keyboard.press('Escape');
    await expect(page.locator(CARD)).toBeHidden();

    await page.mouse.move(5, 5);
    await hover(page, '#l');
    await expect(page.locator(CARD)).toBeVisible();
    await page.mouse.click(5, 5);
    await expect(page.locator(CARD)).toBeHidden();

    await hover(page, '#l');
    await expect(page.locator(CARD)).toBeVisible();
    await hover(page, '#m');
    await expect(card(page).getByRole('dialog', { name: `Statistics for ${second.id}` })).toBeVisible();
    // The same frame, moved to the second link: never two cards.
    await expect(page.locator(CARD)).toHaveCount(1);
    const [link, box] = [(await page.locator('#m').boundingBox())!, (await page.locator(CARD).boundingBox())!];
    expect(Math.min(Math.abs(box.y + box.height - link.y), Math.abs(box.y - (link.y + link.height)))).toBeLessThan(12);
  });

  test('a page that removes the waiting card frame still gets a card on the next hover', async ({ page, site }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'data');
    await page.mouse.move(1, 1);
    await expect(page.locator(CARD)).toBeHidden();
    await page.evaluate((selector) => document.querySelector(selector)!.remove(), CARD);
    await hover(page, '#l');
    await expectCardState(page, 'data');
    await expect(page.locator(CARD)).toBeVisible();
  });

  test('the pointer can move into the card without closing it', async ({ page, site }) => {
    await page.goto(await site.show(anchor(`https://${own.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'data');
    const box = (await page.locator(CARD).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.waitForTimeout(700);
    await expect(page.locator(CARD)).toBeVisible();
  });

  test('a link of another account shows its destination and “Not in your Bitly account”', async ({ page, site, fake }) => {
    const foreign = SAMPLE.accounts.free.links[0]!;
    await page.goto(await site.show(anchor(`https://${foreign.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'not-in-account');
    await expect(card(page).getByText(/Not in your Bitly account/i).first()).toBeVisible();
    await expect(card(page).getByText(destinationHost(foreign.long_url)).first()).toBeVisible();
    // Only the hover budget: the expand that worked shows the 403s are not about the token.
    await expect.poll(() => fake.inFlight).toBe(0);
    expect(fake.log.map((r) => r.path).sort()).toEqual(['/clicks', '/countries', '/referrers'].map((p) => `/v4/bitlinks/${foreign.id}${p}`).concat('/v4/expand').sort());
  });

  test('a deleted link says so', async ({ page, site }) => {
    await page.goto(await site.show(anchor(`https://${paid.deletedLinks[0]!.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'deleted');
    await expect(card(page).getByText(/deleted/i).first()).toBeVisible();
  });

  test('rate limited: says when it retries', async ({ page, site, fake }) => {
    fake.faults.add({ fault: { kind: 'rate-limit-429' } });
    await page.goto(await site.show(anchor(`https://${own.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'rate-limited');
    await expect(card(page).getByText(/rate limit/i).first()).toBeVisible();
  });

  test('a token revoked after sign-in: “Bitly rejected your token”, not “Not in your account”', async ({ page, site, fake }) => {
    fake.faults.add({ match: { token: paid.token }, fault: { kind: 'token-revoked' } });
    await page.goto(await site.show(anchor(`https://${own.id}`)));
    await hover(page, '#l');
    await expectCardState(page, 'token-rejected');
    await expect(card(page).getByText('Bitly rejected your token — update it').first()).toBeVisible();
    await expect(card(page).getByRole('button', { name: 'Update token' })).toBeVisible();
    // The hover's own expand told the token apart from a foreign link: no other call.
    expect(fake.log.map((r) => r.path).sort()).toEqual(['/clicks', '/countries', '/referrers'].map((p) => `/v4/bitlinks/${own.id}${p}`).concat('/v4/expand').sort());
  });

  test('crafted hrefs make no request at all', async ({ page, site, fake }) => {
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
    const html = crafted.map((href, i) => `<p style="margin:10px"><a id="c${i}" href="${href}">crafted ${i}</a></p>`).join('');
    await page.goto(await site.show(html));
    for (let i = 0; i < crafted.length; i++) {
      await hover(page, `#c${i}`);
      await page.waitForTimeout(450);
    }
    await expect(page.locator(CARD)).toBeHidden();
    expect(fake.log.filter((r) => r.path !== '/v4/bsds')).toEqual([]);
  });

  test('hover off and a disabled site apply at once, without reloading', async ({ page, site, extensionId, fake }) => {
    const url = await site.show(anchor(`https://${own.id}`));
    await page.goto(url);
    const options = await page.context().newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);

    await ask(options, 'updateSettings', { hoverEnabled: false });
    await page.bringToFront();
    await hover(page, '#l');
    await page.waitForTimeout(800);
    await expect(page.locator(CARD)).toBeHidden();

    await ask(options, 'updateSettings', { hoverEnabled: true, disabledSites: ['127.0.0.1'] });
    await page.mouse.move(1, 1);
    await hover(page, '#l');
    await page.waitForTimeout(800);
    await expect(page.locator(CARD)).toBeHidden();

    await ask(options, 'updateSettings', { disabledSites: [] });
    await page.mouse.move(1, 1);
    await hover(page, '#l');
    await expectCardState(page, 'data');
    void fake;
  });
});

test('settings changed while the card waits hidden apply to the next card', async ({ page, site, extensionId, fake }) => {
  await signIn(page, extensionId, paid);
  const second = paid.links[1]!;
  const url = await site.show(anchor(`https://${own.id}`) + `<p style="margin:400px 40px"><a id="m" href="https://${second.id}">second</a></p>`);
  const options = page;
  const web = await page.context().newPage();
  await web.goto(url);
  await hover(web, '#l');
  await expectCardState(web, 'data');
  await expect(card(web).getByTestId('referrers')).toBeVisible();
  await web.mouse.move(1, 1);
  await expect(web.locator(CARD)).toBeHidden();

  await ask(options, 'updateSettings', { cardFacets: ['countries'] });
  await expect.poll(() => fake.inFlight).toBe(0);
  fake.clearLog();
  await web.bringToFront();
  await hover(web, '#m');
  await expectCardState(web, 'data');
  await expect(card(web).getByTestId('countries')).toBeVisible();
  await expect(card(web).getByTestId('referrers')).toHaveCount(0);
  expect(fake.log.map((r) => r.path).sort()).toEqual(['/v4/expand', `/v4/bitlinks/${second.id}/countries`].sort());
});

test('a link on one of the account’s branded domains works', async ({ page, site, extensionId }) => {
  const brand = SAMPLE.accounts.brand;
  const branded = brand.links.find((l) => !l.id.startsWith('bit.ly/'))!;
  await signIn(page, extensionId, brand);
  await page.goto(await site.show(anchor(`https://${branded.id}`)));
  await hover(page, '#l');
  await expectCardState(page, 'data');
  await expect(card(page).getByText(destinationHost(branded.long_url)).first()).toBeVisible();
});

test('no token: the card asks for one', async ({ page, site }) => {
  await page.goto(await site.show(anchor(`https://${own.id}`)));
  await hover(page, '#l');
  await expectCardState(page, 'no-token');
  await expect(card(page).getByText(/Add your Bitly token/i).first()).toBeVisible();
  void cardState;
});
