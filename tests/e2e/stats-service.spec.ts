import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';

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
    fake.faults.add({ match: { path: '/referrers' }, fault: { kind: 'rate-limit-403' }, times: 1 });
    const [first, second] = await page.evaluate((id) => {
      const send = (facet: string) => chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: id, facet } });
      return Promise.all([send('referrers'), new Promise((r) => setTimeout(r, 200)).then(() => send('countries'))]);
    }, link.id);
    expect([first, second]).toMatchObject([{ value: { state: 'data' } }, { value: { state: 'data' } }]);
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
  const pushed = page.evaluate(
    () =>
      new Promise((resolve) => {
        const port = chrome.runtime.connect({ name: 'bitlens-asker:settings-test' });
        port.onMessage.addListener((message) => resolve(message));
      }),
  );
  await page.waitForTimeout(100);
  const updated = await ask(page, 'updateSettings', { hoverDelayMs: 600, disabledSites: ['News.Example'] });
  expect(updated).toMatchObject({ ok: true, value: { hoverDelayMs: 600, disabledSites: ['news.example'] } });
  expect(await pushed).toMatchObject({ type: 'settingsChanged', settings: { hoverDelayMs: 600 } });
  expect(await ask(page, 'getSettings', {})).toMatchObject({ value: { hoverDelayMs: 600, unit: 'day' } });
  expect(await ask(page, 'updateSettings', { hoverDelayMs: 'soon' } as never)).toMatchObject({ ok: false });
});

test('closing a surface drops its queued requests before they reach Bitly', async ({ page, extensionId, fake }) => {
  await signIn(page, extensionId, SAMPLE.accounts.paid);
  fake.clearLog();
  fake.faults.add({ match: { path: '/clicks' }, fault: { kind: 'latency', ms: 400 } });
  const surface = await page.context().newPage();
  await surface.goto(`chrome-extension://${extensionId}/options.html`);
  const ids = SAMPLE.accounts.paid.links.slice(30, 50).map((l) => l.id);
  await surface.evaluate(() => {
    (window as { askerPort?: unknown }).askerPort = chrome.runtime.connect({ name: 'bitlens-asker:closing-surface' });
  });
  await surface.waitForTimeout(200);
  await surface.evaluate((ids) => {
    for (const id of ids) {
      void chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: id, facet: 'clicks', askerId: 'closing-surface' } });
    }
  }, ids);
  await expect.poll(() => fake.log.filter((r) => r.path.endsWith('/clicks')).length).toBe(4);
  await surface.close();
  await page.waitForTimeout(1500);
  // The 4 already running finish; the 16 still queued were dropped with their asker.
  expect(fake.log.filter((r) => r.path.endsWith('/clicks'))).toHaveLength(4);
});
