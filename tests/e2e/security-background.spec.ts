/**
 * Issue 12, the background's side (SECURITY.md): each finding written as the attacking page, or the
 * failing storage, would play it, against the built test extension and the stand-in Bitly.
 * Test-build hooks in the worker (`bitlensTest`, entrypoints/background.ts) lower the lookup cap,
 * count card-port connections and make cache writes fail; the test build's content-script probe
 * (entrypoints/test-probe.content.ts) plays a compromised content process.
 */
import type { Worker } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { HoverPage } from './support/hover-page';
import { probe } from './support/content-probe';
import { RECONNECT_MS } from '../../utils/messaging/held-port';
import { MAX_CARD_PORTS_PER_TAB } from '../../utils/messaging/card-relay';

const paid = SAMPLE.accounts.paid;
const [first, second, third] = paid.links as [(typeof paid.links)[0], (typeof paid.links)[0], (typeof paid.links)[0]];

/** The worker's test hooks (test builds only). */
interface TestHooks {
  lookups: { setLimit(limit: number): void };
  cards: { connectAttempts: number; portsIn(tabId: number): number };
  cache: { area: { get: unknown; set(items: object): Promise<void>; remove: unknown } };
}
const hooks = (worker: Worker) => worker.evaluate(() => Object.keys((globalThis as unknown as { bitlensTest: object }).bitlensTest));

const links = (...ids: string[]) => ids.map((id, i) => `<p style="margin:${i ? 300 : 40}px 40px"><a id="l${i}" href="https://${id}">${id}</a></p>`).join('');

test.describe('the background under attack', () => {
  let hover: HoverPage;
  test.beforeEach(async ({ page, context, extensionId, fake, site, background }) => {
    await signIn(page, extensionId, paid);
    expect(await hooks(background)).toEqual(expect.arrayContaining(['lookups', 'cards', 'cache']));
    fake.clearLog();
    hover = await HoverPage.open(context, site, page);
  });

  test('1: beyond the tab’s cap of new lookups the card asks Bitly nothing and offers a click, which loads the link', async ({ fake, background }) => {
    await background.evaluate(() => (globalThis as unknown as { bitlensTest: TestHooks }).bitlensTest.lookups.setLimit(2));
    await hover.show(links(first.id, second.id, third.id));
    for (const [i, link] of [first, second].entries()) {
      await hover.hover(`#l${i}`);
      await hover.expectOpen(link.id);
      await hover.expectState('data');
      await hover.expectEveryFacetAnswered();
      await hover.leave();
      await hover.expectClosed();
    }
    const before = fake.log.length;

    // The third new link this minute: nothing reaches Bitly, the card says why and offers the click.
    await hover.hover('#l2');
    await hover.expectOpen(third.id);
    await hover.expectState('click-to-load');
    await expect(hover.card.getByTestId('click-to-load')).toContainText('Statistics paused on this page');
    expect(fake.log.slice(before)).toEqual([]);

    // A link already looked up is answered from the cache: it never counts.
    await hover.leave();
    await hover.expectClosed();
    await hover.hover('#l0');
    await hover.expectOpen(first.id);
    await hover.expectState('data');
    expect(fake.log.slice(before)).toEqual([]);

    // The user's own click in the card loads the capped link.
    await hover.leave();
    await hover.expectClosed();
    await hover.hover('#l2');
    await hover.expectState('click-to-load');
    await hover.card.getByRole('button', { name: 'Load statistics' }).click();
    await hover.expectState('data');
    await hover.expectEveryFacetAnswered();
    expect(fake.log.slice(before).map((r) => r.path)).toEqual(expect.arrayContaining([`/v4/bitlinks/${third.id}/clicks`, '/v4/expand']));
  });

  test('5: page-made copies of the card frame never connect, now or later; card ports per tab stay capped', async ({ background }) => {
    await hover.show(links(first.id));
    await hover.hover('#l0');
    await hover.expectState('data');
    const attempts = () => background.evaluate(() => (globalThis as unknown as { bitlensTest: TestHooks }).bitlensTest.cards.connectAttempts);
    const before = await attempts();
    const COPIES = 20;
    // Suppose the page learnt the card's address and key (nothing it can read holds them: see
    // hostile-page.spec.ts). It frames copies with that key and with keys of its own…
    const address = hover.card.url();
    await hover.page.evaluate(
      ([url, copies]) => {
        for (let i = 0; i < copies; i++) {
          for (const hash of [new URL(url).hash, `#k=${crypto.randomUUID()}`]) {
            const copy = Object.assign(document.createElement('iframe'), { className: 'page-copy', src: url.replace(/#.*/, '') + hash });
            document.body.append(copy);
          }
        }
      },
      [address, COPIES] as const,
    );
    await expect.poll(() => hover.page.frames().filter((f) => f.url().startsWith('chrome-error:')).length, { timeout: 20_000 }).toBe(2 * COPIES);
    // …which load no card page, so none connects, now or later (before the fixes each copy
    // connected and, turned away, came back every RECONNECT_MS).
    await hover.page.waitForTimeout(8 * RECONNECT_MS);
    expect(await attempts()).toBe(before);
    const held = await background.evaluate(async () => {
      const { cards } = (globalThis as unknown as { bitlensTest: TestHooks }).bitlensTest;
      const tabs = await chrome.tabs.query({});
      return Math.max(...tabs.map((tab) => cards.portsIn(tab.id!)));
    });
    expect(held).toBeLessThanOrEqual(MAX_CARD_PORTS_PER_TAB);

    // The real card still works (the copies removed, so the page object sees one frame again).
    await hover.page.evaluate(() => document.querySelectorAll('.page-copy').forEach((copy) => copy.remove()));
    await hover.leave();
    await hover.expectClosed();
    await hover.hover('#l0');
    await hover.expectState('data');
  });

  test('6: a content-script context cannot read the token (storage.local is for trusted contexts only)', async ({ background }) => {
    await hover.show(links(first.id));
    const seen = await probe(hover.page, { op: 'storage' });
    expect(seen.items).toBeUndefined();
    expect(seen.error).toMatch(/not allowed|access/i);
    expect(JSON.stringify(seen)).not.toContain(paid.token);
    // The token is there, for the background.
    expect(await background.evaluate(() => chrome.storage.local.get('credentials'))).toMatchObject({ credentials: { token: paid.token } });
  });

  test('10: a content script is told only its own page’s on/off, never the disabled-sites list', async () => {
    await hover.show(links(first.id));
    const ask = () => probe(hover.page, { op: 'send', message: { bitlens: 1, type: 'getContentConfig', data: {} } });
    expect((await ask()).reply).toMatchObject({ ok: true, value: { enabled: true } });
    await hover.changeSettings({ disabledSites: ['secret-intranet.example', '127.0.0.1'] });
    const reply = await ask();
    expect(reply.reply).toMatchObject({ ok: true, value: { enabled: false } });
    expect(JSON.stringify(reply)).not.toContain('secret-intranet');
    expect(Object.keys((reply.reply as { value: object }).value).sort()).toEqual(['brandedHosts', 'cardFrameTitle', 'enabled', 'hoverDelayMs']);
    await hover.changeSettings({ disabledSites: [] });
  });

  test('7: "hover off" reaches every open tab even when another tab closes during the broadcast', async ({ context, site, page: options }) => {
    const other = await HoverPage.open(context, site, options);
    for (const tab of [hover, other]) {
      await tab.show(links(first.id));
      await tab.hover('#l0');
      await tab.expectState('data');
    }
    // One tab goes away while the change is announced; its ports close unheard.
    await Promise.all([hover.page.close(), other.changeSettings({ hoverEnabled: false })]);
    await other.expectClosed();
    await other.leave();
    await other.hover('#l0');
    await other.waitNothingHappenedWindow();
    await other.expectClosed();
    await other.changeSettings({ hoverEnabled: true });
  });

  test('8: cache writes failing (over quota) still show the numbers', async ({ background, fake }) => {
    await background.evaluate(() => {
      const { cache } = (globalThis as unknown as { bitlensTest: TestHooks }).bitlensTest;
      const real = cache.area as unknown as { get(k: unknown): Promise<object>; remove(k: unknown): Promise<void> };
      cache.area = {
        get: (keys: unknown) => real.get(keys),
        remove: (keys: unknown) => real.remove(keys),
        set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
      };
    });
    await hover.show(links(second.id));
    await hover.hover('#l0');
    await hover.expectState('data');
    await hover.expectEveryFacetAnswered();
    await expect(hover.host).toHaveText(new URL(second.long_url).hostname);
    expect(fake.log.map((r) => r.path)).toContain(`/v4/bitlinks/${second.id}/clicks`);
    const stored = Object.keys(await background.evaluate(() => chrome.storage.local.get(null)));
    expect(stored.filter((key) => key.includes(second.id))).toEqual([]);
    // Hovering again is answered from memory: no second request.
    const requests = fake.log.length;
    await hover.leave();
    await hover.expectClosed();
    await hover.hover('#l0');
    await hover.expectState('data');
    expect(fake.log.slice(requests).map((r) => r.path)).toEqual([]);
  });

  test('11: a destination with U+202E is shown with the control written out, not applied', async ({ fake }) => {
    const created = await fetch(`${fake.url}/v4/shorten`, {
      method: 'POST',
      headers: { authorization: `Bearer ${paid.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ long_url: 'https://example.com/invoice\u202Efdp.exe' }),
    }).then((r) => r.json() as Promise<{ id: string }>);
    await hover.openCard(created.id);
    await hover.expectState('data');
    const url = hover.card.getByTestId('destination-url');
    await expect(url).toContainText('[U+202E]');
    expect(await url.textContent()).not.toContain('\u202E');
    await expect(hover.host).toHaveText('example.com');
  });
});
