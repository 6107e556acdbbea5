/**
 * The stats service in the background (cache, scheduler, accounts, settings), asked through the
 * message protocol from an extension page as the surfaces ask it. Waits are for states (answers,
 * the stand-in's log, port handshakes); where a request must still be running or queued at some
 * step, the stand-in holds it far longer than any step takes.
 */
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { connectAsker, waitForPush } from './support/protocol';

const paid = SAMPLE.accounts.paid;
const link = paid.links[0]!;
const HOVER_FACETS = ['destination', 'clicks', 'countries', 'referrers'] as const;

test.describe('stats service, seen from an extension page', () => {
  test.beforeEach(async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
  });

  test('asking for the same link’s facets twice makes one request per endpoint', async ({ page, fake }) => {
    for (let round = 0; round < 2; round++) {
      for (const facet of HOVER_FACETS) {
        const reply = await ask(page, 'getLinkFacet', { link: `https://${link.id}`, facet, priority: 'interactive' });
        expect(reply).toMatchObject({ ok: true, value: { state: 'data', stale: false } });
      }
    }
    const paths = fake.log.map((r) => `${r.method} ${r.path}`).sort();
    expect(paths).toEqual(
      [
        `GET /v4/bitlinks/${link.id}/clicks`,
        `GET /v4/bitlinks/${link.id}/countries`,
        `GET /v4/bitlinks/${link.id}/referrers`,
        'POST /v4/expand',
      ].sort(),
    );
  });

  test('the numbers are the stand-in’s: destination and clicks', async ({ page }) => {
    const destination = await ask(page, 'getLinkFacet', { link: link.id, facet: 'destination' });
    expect(destination).toMatchObject({ ok: true, value: { state: 'data', data: { long_url: link.long_url, id: link.id } } });
    const clicks = await ask(page, 'getLinkFacet', { link: link.id, facet: 'clicks', unit: 'day', units: 7 });
    expect(clicks).toMatchObject({ ok: true, value: { state: 'data', data: { unit: 'day', units: 7 } } });
  });

  test('20 different links asked at once: never more than 4 requests in flight at Bitly', async ({ page, fake }) => {
    // The first four to reach Bitly are held far longer than it takes the scheduler to send them,
    // so they are surely all in flight together; the rest are slowed a little, so a scheduler
    // without its cap would have more than four at once.
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'latency', ms: 3_000 }, times: 4 });
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'latency', ms: 150 } });
    const ids = paid.links.slice(0, 20).map((l) => l.id);
    const replies = await page.evaluate(
      (ids) => Promise.all(ids.map((id) => chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: id, facet: 'clicks' } }))),
      ids,
    );
    expect(replies.every((r: { ok: boolean; value: { state: string } }) => r.ok && r.value.state === 'data')).toBe(true);
    expect(fake.log.filter((r) => r.path.endsWith('/clicks'))).toHaveLength(20);
    expect(fake.maxInFlight).toBe(4);
  });

  test('a 429 then success: the answer arrives after the backoff', async ({ page, fake }) => {
    fake.faults.add({ match: { path: '/countries' }, fault: { kind: 'rate-limit-429' }, times: 1 });
    const started = Date.now();
    const reply = await ask(page, 'getLinkFacet', { link: link.id, facet: 'countries' });
    expect(reply).toMatchObject({ ok: true, value: { state: 'data' } });
    const calls = fake.log.filter((r) => r.path.endsWith('/countries'));
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
    expect(calls[1]!.startedAt - calls[0]!.startedAt).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  test('a 403 RATE_LIMIT_EXCEEDED backs off every request, not only its own', async ({ page, fake }) => {
    // Three other requests hang at Bitly, so the scheduler has one slot left: the referrers that
    // meets the rate limit takes it, and the countries asked for afterwards must wait for it.
    // Whether the 403 has come back by then or not, the countries may start only after the pause.
    fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'timeout' } });
    fake.faults.add({ match: { path: '/referrers' }, fault: { kind: 'rate-limit-403' }, times: 1 });
    const hanging = paid.links.slice(1, 4).map((l) => l.id);
    await page.evaluate((ids) => {
      for (const id of ids) void chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: id, facet: 'clicks' } });
    }, hanging);
    await expect.poll(() => fake.inFlight).toBe(3);
    const send = (facet: string) => page.evaluate(([id, facet]) => chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: id, facet } }), [link.id, facet]);
    const first = send('referrers');
    await expect.poll(() => fake.log.some((r) => r.path.endsWith('/referrers'))).toBe(true);
    const second = send('countries');
    expect(await Promise.all([first, second])).toMatchObject([{ value: { state: 'data' } }, { value: { state: 'data' } }]);
    const limited = fake.log.find((r) => r.status === 403)!;
    const countries = fake.log.find((r) => r.path.endsWith('/countries'))!;
    expect(countries.startedAt - limited.startedAt).toBeGreaterThanOrEqual(1900);
  });

  test('the cache survives a service-worker restart', async ({ page, context, fake, background }) => {
    await ask(page, 'getLinkFacet', { link: link.id, facet: 'clicks' });
    expect(fake.log).toHaveLength(1);
    await background.evaluate(() => {
      (globalThis as { restartMarker?: boolean }).restartMarker = true;
    });

    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    const reply = await ask(page, 'getLinkFacet', { link: link.id, facet: 'clicks' });
    expect(reply).toMatchObject({ ok: true, value: { state: 'data', stale: false } });
    expect(fake.log).toHaveLength(1);
    // The worker that answered is a new one: the marker set in the old one is gone.
    const worker = context.serviceWorkers().at(-1)!;
    expect(await worker.evaluate(() => (globalThis as { restartMarker?: boolean }).restartMarker)).toBeUndefined();
  });

  test('failures answer what the surface must show', async ({ page }) => {
    const foreign = SAMPLE.accounts.free.links[0]!;
    const deleted = paid.deletedLinks[0]!;
    expect(await ask(page, 'getLinkFacet', { link: foreign.id, facet: 'clicks' })).toMatchObject({ value: { state: 'not-in-account' } });
    expect(await ask(page, 'getLinkFacet', { link: foreign.id, facet: 'destination' })).toMatchObject({
      value: { state: 'data', data: { long_url: foreign.long_url } },
    });
    expect(await ask(page, 'getLinkFacet', { link: deleted.id, facet: 'clicks' })).toMatchObject({ value: { state: 'deleted' } });
    expect(await ask(page, 'getLinkFacet', { link: SAMPLE.missingLinkId, facet: 'clicks' })).toMatchObject({ value: { state: 'not-in-account' } });
    expect(await ask(page, 'getLinkFacet', { link: 'https://bit.ly/../../v4/user', facet: 'clicks' })).toMatchObject({ value: { state: 'invalid-link' } });
  });

  test('a free plan’s cities are "upgrade required", remembered without asking again', async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, SAMPLE.accounts.free);
    fake.clearLog();
    const own = SAMPLE.accounts.free.links[0]!;
    for (let i = 0; i < 2; i++) {
      expect(await ask(page, 'getLinkFacet', { link: own.id, facet: 'cities' })).toMatchObject({ value: { state: 'upgrade-required' } });
    }
    expect(fake.log.filter((r) => r.path.endsWith('/cities'))).toHaveLength(1);
  });

  test('switching account never shows the previous account’s numbers, and sign-out empties the cache', async ({ page, extensionId, fake, background }) => {
    expect(await ask(page, 'getLinkFacet', { link: link.id, facet: 'clicks' })).toMatchObject({ value: { state: 'data' } });
    await signIn(page, extensionId, SAMPLE.accounts.free);
    expect(await ask(page, 'getLinkFacet', { link: link.id, facet: 'clicks' })).toMatchObject({ value: { state: 'not-in-account' } });

    await ask(page, 'signOut', {});
    const stored = await background.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).filter((k) => k.startsWith('cache:'))).toEqual([]);
    expect(await ask(page, 'getLinkFacet', { link: link.id, facet: 'clicks' })).toMatchObject({ value: { state: 'no-token' } });
    void fake;
  });

  test('the branded domains of the account are offered for detection', async ({ page, extensionId }) => {
    await signIn(page, extensionId, SAMPLE.accounts.brand);
    const reply = await ask(page, 'getBrandedHosts', {});
    expect(reply).toMatchObject({ ok: true });
    expect([...(reply as { value: string[] }).value].sort()).toEqual([...SAMPLE.accounts.brand.bsds].sort());
  });
});

test('a settings change reaches an open surface at once, and bad values are refused', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  // An open surface: its asker port, held by the background once connectAsker returns.
  await connectAsker(page, 'settings-test');
  const updated = await ask(page, 'updateSettings', { hoverDelayMs: 600, disabledSites: ['News.Example'] });
  expect(updated).toMatchObject({ ok: true, value: { hoverDelayMs: 600, disabledSites: ['news.example'] } });
  expect(await waitForPush(page, 'settings-test', (push) => push.type === 'settingsChanged')).toMatchObject({
    type: 'settingsChanged',
    settings: { hoverDelayMs: 600, disabledSites: ['news.example'] },
  });
  expect(await ask(page, 'getSettings', {})).toMatchObject({ value: { hoverDelayMs: 600, unit: 'day' } });
  expect(await ask(page, 'updateSettings', { hoverDelayMs: 'soon' } as never)).toMatchObject({ ok: false });
});

test('closing a surface drops its queued requests before they reach Bitly', async ({ page, extensionId, fake }) => {
  await signIn(page, extensionId, SAMPLE.accounts.paid);
  fake.clearLog();
  // The first four requests are held far longer than closing the surface takes, so the other 16
  // are surely still queued when it closes.
  fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'latency', ms: 3_000 }, times: 4 });
  const surface = await page.context().newPage();
  await surface.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(surface.getByLabel('Group for account statistics')).toBeVisible();
  fake.clearLog();
  const ids = SAMPLE.accounts.paid.links.slice(30, 50).map((l) => l.id);
  await connectAsker(surface, 'closing-surface');
  await surface.evaluate((ids) => {
    for (const id of ids) {
      void chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: id, facet: 'clicks', askerId: 'closing-surface' } });
    }
  }, ids);
  const clicks = () => fake.log.filter((r) => r.path.endsWith('/clicks'));
  await expect.poll(() => clicks().length).toBe(4);
  await surface.close();
  // The 4 already running finish…
  await expect.poll(() => clicks().every((r) => r.endedAt !== undefined)).toBe(true);
  // …and a request asked after them, with the same priority, is answered: any of the 16 not
  // dropped would have been queued ahead of it and gone to Bitly first.
  const after = SAMPLE.accounts.paid.links[29]!.id;
  expect(await ask(page, 'getLinkFacet', { link: after, facet: 'clicks' })).toMatchObject({ value: { state: 'data' } });
  // The 16 still queued were dropped with their asker: Bitly saw the first 4, then that one.
  expect(clicks()).toHaveLength(5);
  expect(clicks()[4]!.path).toBe(`/v4/bitlinks/${after}/clicks`);
});
