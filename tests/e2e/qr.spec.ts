/**
 * QR codes (PRODUCT.md F5b) in the real built extension against the stand-in Bitly: a paid plan
 * shows Bitly's own code and the link's scans beside its other clicks; a free plan gets the code
 * made in the extension with its note, after one 402 that is never asked again; the PNG and SVG
 * downloads are named after the link and decode back to it; copying puts a PNG on the clipboard.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import type { FakeBitly } from '../fake-bitly/server';
import { decodeQr, readPng, readQrSvg } from '../qr-reader';
import { HoverPage } from './support/hover-page';

const { paid, free } = SAMPLE.accounts;
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

type Metrics = { metrics: Array<{ value: string; clicks: number }> };

async function referrers(fake: FakeBitly, token: string, link: string): Promise<Metrics> {
  const response = await fetch(`${fake.url}/v4/bitlinks/${link}/referrers?unit=day&units=30`, { headers: { authorization: `Bearer ${token}` } });
  return (await response.json()) as Metrics;
}

const qrRequests = (fake: FakeBitly) => fake.log.filter((r) => r.path.endsWith('/qr')).map((r) => `${r.path} ${r.status} ${new URLSearchParams(r.query).toString()}`);

async function openReport(page: Page, extensionId: string, link: string) {
  await page.goto(`chrome-extension://${extensionId}/report.html#link=${link}`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
}

async function openQr(page: Page) {
  await page.getByTestId('qr-toggle').click();
  await expect(page.getByTestId('qr-image')).toBeVisible();
  // The image has loaded and is at a size that scans.
  await expect.poll(() => page.getByTestId('qr-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

async function download(page: Page, testId: string) {
  const saved = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await saved;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!)) };
}

/** Both downloads: named after the link, the right kind of file, and each decodes back to the short link. */
async function checkDownloads(page: Page, link: string) {
  const [domain, hash] = link.split('/');
  const png = await download(page, 'qr-download-png');
  expect(png.name).toBe(`${domain}-${hash}_qr.png`);
  expect(decodeQr(readPng(png.bytes))).toBe(`https://${link}`);
  await expect(page.getByTestId('qr-message')).toHaveText(`Saved ${png.name}`);

  const svg = await download(page, 'qr-download-svg');
  expect(svg.name).toBe(`${domain}-${hash}_qr.svg`);
  const text = new TextDecoder().decode(svg.bytes);
  // A well-formed SVG document, as the browser's own parser reads it.
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    return { root: doc.documentElement.localName, namespace: doc.documentElement.namespaceURI, errors: doc.getElementsByTagName('parsererror').length };
  }, text);
  expect(parsed).toEqual({ root: 'svg', namespace: 'http://www.w3.org/2000/svg', errors: 0 });
  expect(decodeQr(readQrSvg(text))).toBe(`https://${link}`);
}

test.describe('paid plan: Bitly’s own QR code', () => {
  test.beforeEach(async ({ page, extensionId }) => {
    await signIn(page, extensionId, paid);
  });

  test('the report shows the link’s scans beside its other clicks, and Bitly’s code to download', async ({ page, extensionId, fake }) => {
    const link = paid.scannedLinks[0]!.id;
    const rows = (await referrers(fake, paid.token, link)).metrics;
    const scans = rows.find((r) => r.value === 'Bitly QR Code')!.clicks;
    const total = rows.reduce((s, r) => s + r.clicks, 0);
    expect(scans).toBeGreaterThan(0);
    fake.clearLog();

    await openReport(page, extensionId, link);
    await expect(page.getByTestId('total-clicks')).toHaveText(count(total));
    await expect(page.getByTestId('qr-scans')).toHaveText(`· ${count(scans)} from QR scans`);
    await expect(page.getByTestId('scan-split-scans')).toHaveText(new RegExp(`QR scans\\s*${count(scans)}`));
    await expect(page.getByTestId('scan-split-other')).toHaveText(new RegExp(`Other clicks\\s*${count(total - scans)}`));
    await expect(page.getByTestId('scan-split')).toContainText('not per day');
    // Nothing about QR codes is asked before the section is opened.
    expect(qrRequests(fake)).toEqual([]);

    await openQr(page);
    await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'bitly');
    await expect(page.getByTestId('qr-note')).toHaveText(/Bitly's own QR code .*Bitly counts its scans/);
    expect(qrRequests(fake)).toEqual([`/v4/bitlinks/${link}/qr 200 image_format=png`, `/v4/bitlinks/${link}/qr 200 image_format=svg`]);
    await checkDownloads(page, link);

    // Bitly's code is kept: opening the report again asks Bitly nothing more for it.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
    await openQr(page);
    await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'bitly');
    expect(qrRequests(fake)).toHaveLength(2);
  });

  test('when Bitly fails, the code made here stands in for this time only; the next opening shows Bitly’s', async ({ page, extensionId, fake }) => {
    const link = paid.links[2]!.id;
    await openReport(page, extensionId, link);
    fake.faults.add({ match: { path: '/qr' }, fault: { kind: 'status', status: 503 } });
    fake.clearLog();
    await openQr(page);
    await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'local');
    await expect(page.getByTestId('qr-note')).toHaveText("Made in Bitlens (Bitly's own code could not be fetched just now): scans of it count as ordinary clicks.");
    await checkDownloads(page, link);
    // A server error is not a plan gate: nothing is remembered.
    fake.faults.clear();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
    await openQr(page);
    await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'bitly');
    expect(qrRequests(fake).filter((r) => r.includes(' 200 '))).toEqual([`/v4/bitlinks/${link}/qr 200 image_format=png`, `/v4/bitlinks/${link}/qr 200 image_format=svg`]);
  });

  test('a link without scans says so and shows no scan count', async ({ page, extensionId, fake }) => {
    const link = paid.links.find((l) => !paid.scannedLinks.some((s) => s.id === l.id))!.id;
    fake.clearLog();
    await openReport(page, extensionId, link);
    await expect(page.getByTestId('scan-split')).toContainText('No QR scans in this range');
    await expect(page.getByTestId('total-clicks')).toBeVisible();
    await expect(page.getByTestId('qr-scans')).toHaveCount(0);
  });

  test('the popup’s link view: the total says how many were scans, and the QR section shows Bitly’s code', async ({ page, extensionId, fake }) => {
    // popup.html in a tab shows the account overview; its top links open the same link view.
    const top = await fetch(`${fake.url}/v4/groups/${paid.defaultGroupGuid}/bitlinks/clicks?unit=day&units=30&size=5`, { headers: { authorization: `Bearer ${paid.token}` } });
    const topIds = ((await top.json()) as { sorted_links: Array<{ id: string }> }).sorted_links.map((l) => l.id);
    const link = paid.scannedLinks.find((l) => topIds.includes(l.id))!;
    const rows = (await referrers(fake, paid.token, link.id)).metrics;
    const scans = rows.find((r) => r.value === 'Bitly QR Code')!.clicks;
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.locator('html')).toHaveAttribute('data-view', 'account');
    await page.getByTestId('top-links').getByTestId('link-row').filter({ hasText: link.id }).click();
    await expect(page.locator('html')).toHaveAttribute('data-view', 'link');
    await expect(page.getByTestId('qr-scans')).toHaveText(`· ${count(scans)} from QR scans`);
    await openQr(page);
    await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'bitly');
    // Shown at a size that scans: at least 4 px a module (a short link's code is at most 41 modules with its quiet zone).
    const shown = await page.getByTestId('qr-image').boundingBox();
    expect(shown!.width).toBeGreaterThanOrEqual(41 * 4);
    await checkDownloads(page, link.id);
  });

  test('the hover card’s total says how many were scans, within the hover budget', async ({ page, context, site, fake }) => {
    const link = paid.scannedLinks[0]!.id;
    const scans = (await referrers(fake, paid.token, link)).metrics.find((r) => r.value === 'Bitly QR Code')!.clicks;
    fake.clearLog();
    const hover = await HoverPage.open(context, site, page);
    await hover.showLink(`https://${link}`);
    await hover.hover('#l');
    await hover.expectState('data');
    await expect(hover.card.getByTestId('qr-scans')).toHaveText(`· ${count(scans)} from QR scans`);
    await hover.expectEveryFacetAnswered();
    expect(fake.log.map((r) => r.path).sort()).toEqual(['/clicks', '/countries', '/referrers'].map((p) => `/v4/bitlinks/${link}${p}`).concat('/v4/expand').sort());
  });

  test('copying gives the clipboard the code as a PNG', async ({ page, extensionId }) => {
    const link = paid.links[0]!.id;
    await openReport(page, extensionId, link);
    // What the page hands the browser's clipboard, recorded on its way through.
    await page.evaluate(() => {
      const real = navigator.clipboard.write.bind(navigator.clipboard);
      const seen: Array<{ types: string[]; bytes: number[] }> = [];
      (window as unknown as { copied: typeof seen }).copied = seen;
      navigator.clipboard.write = async (items: ClipboardItem[]) => {
        for (const item of items) seen.push({ types: [...item.types], bytes: [...new Uint8Array(await (await item.getType('image/png')).arrayBuffer())] });
        return real(items);
      };
    });
    await openQr(page);
    await page.getByTestId('qr-copy').click();
    await expect(page.getByTestId('qr-message')).toHaveText('QR code copied as an image');
    const copied = await page.evaluate(() => (window as unknown as { copied: Array<{ types: string[]; bytes: number[] }> }).copied);
    expect(copied).toHaveLength(1);
    expect(copied[0]!.types).toEqual(['image/png']);
    expect(decodeQr(readPng(Uint8Array.from(copied[0]!.bytes)))).toBe(`https://${link}`);
  });

  test('a browser that refuses the clipboard gets a clear message', async ({ page, extensionId }) => {
    const link = paid.links[0]!.id;
    await openReport(page, extensionId, link);
    await page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'write', { value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    });
    await openQr(page);
    await page.getByTestId('qr-copy').click();
    await expect(page.getByTestId('qr-message')).toHaveText('The browser did not allow copying the image. Download it instead.');
  });
});

test.describe('free plan: the code made in the extension', () => {
  test.beforeEach(async ({ page, extensionId }) => {
    await signIn(page, extensionId, free);
  });

  test('one 402, remembered: the local code and its note everywhere after, with no further QR requests', async ({ page, extensionId, fake }) => {
    const link = free.scannedLinks[0]!.id;
    const rows = (await referrers(fake, free.token, link)).metrics;
    const scans = rows.find((r) => r.value === 'Bitly QR Code')!.clicks;
    fake.clearLog();

    await openReport(page, extensionId, link);
    // Scans show from the referrers on any plan.
    await expect(page.getByTestId('qr-scans')).toHaveText(`· ${count(scans)} from QR scans`);
    await openQr(page);
    await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'local');
    await expect(page.getByTestId('qr-note')).toHaveText('Made in Bitlens (your Bitly plan has no QR codes): scans of it count as ordinary clicks.');
    // The PNG was refused, so the SVG was never asked.
    expect(qrRequests(fake)).toEqual([`/v4/bitlinks/${link}/qr 402 image_format=png`]);
    await checkDownloads(page, link);

    // Another link, and the same one again after a reload: the gate is remembered for the account.
    for (const other of [free.links[0]!.id, link]) {
      await openReport(page, extensionId, other);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
      await openQr(page);
      await expect(page.getByTestId('qr-panel')).toHaveAttribute('data-source', 'local');
      await expect(page.getByTestId('qr-note')).toContainText('count as ordinary clicks');
    }
    expect(qrRequests(fake)).toHaveLength(1);
  });
});
