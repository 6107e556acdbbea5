/**
 * `npm run demo`: builds the demo-flavoured extension, starts the Bitly stand-in with sample
 * data, and opens Chromium with Bitlens signed in to the sample account. With a display it opens
 * a window and runs until the window closes; without one it runs headless and saves screenshots.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DEMO_API_PORT } from './flavour';
import { samplePageHtml } from './demo/sample-page';
import { startFakeBitly } from '../tests/fake-bitly/server';
import { SAMPLE } from '../tests/fake-bitly/data';
import { CARD_HOST, extensionDir, isCardFrameUrl, launchWithExtension } from '../tests/support/chromium';
import { restPointerOn } from '../tests/support/pointer';
import { signIn, signInAnyLanguage } from '../tests/support/options-page';
import { Popup } from '../tests/support/popup';

const headless = !process.env.DISPLAY;
const shots = path.resolve('demo-screenshots');

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, BITLENS_FLAVOUR: 'demo' } });
if (build.status !== 0) process.exit(build.status ?? 1);

const fake = await startFakeBitly({ port: DEMO_API_PORT });
const pageServer = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(samplePageHtml()));
await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`;
console.log(`Bitly stand-in: ${fake.url}   sample page: ${pageUrl}`);

const { context, worker, extensionId } = await launchWithExtension(extensionDir('demo'), { headless });

// Sign in through the real options page, as a user would.
const options = await context.newPage();
await signIn(options, extensionId, SAMPLE.accounts.paid);
console.log(`Signed in as ${SAMPLE.accounts.paid.login} (token ${SAMPLE.accounts.paid.token}).`);

const sample = await context.newPage();
await sample.goto(pageUrl);

async function shutdown() {
  await context.close().catch(() => {});
  await fake.close();
  pageServer.close();
}

if (headless) {
  mkdirSync(shots, { recursive: true });
  await options.setViewportSize({ width: 900, height: 700 });
  await options.screenshot({ path: path.join(shots, 'options.png'), fullPage: true });
  await sample.screenshot({ path: path.join(shots, 'sample-page.png'), fullPage: true });
  // Show a hover card the way a user would: rest the pointer on the first link.
  await restPointerOn(sample.locator('a').first());
  const cardFrame = async () => {
    for (;;) {
      const frame = sample.frames().find((f) => isCardFrameUrl(f.url()));
      if (frame) return frame;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const card = await cardFrame();
  await card.locator('html[data-state="data"]').waitFor({ timeout: 10_000 });
  await card.locator('[data-testid="clicks-chart"][data-drawn="true"]').waitFor({ timeout: 10_000 });
  // Shown, not only prepared (a prepared card is transparent and inert).
  await sample.locator(`${CARD_HOST}:not([inert])`).waitFor({ timeout: 10_000 });
  await sample.screenshot({ path: path.join(shots, 'hover-card.png') });
  await sample.mouse.move(5, 5);
  await card.locator('html[data-state="hidden"]').waitFor({ state: 'attached', timeout: 10_000 });

  // The toolbar popup for the sample page: the page's Bitly links, then the first one's statistics.
  const popup = await Popup.open(context, worker, sample);
  await popup.waitForView('page-links');
  await popup.waitFor(() => !!document.querySelector('[data-testid="sparkline"]'));
  writeFileSync(path.join(shots, 'popup.png'), await popup.screenshot());
  await popup.close();

  // The full report of the first sample link, and the account overview.
  const report = await context.newPage();
  await report.setViewportSize({ width: 1200, height: 1600 });
  await report.goto(`chrome-extension://${extensionId}/report.html#link=${SAMPLE.accounts.paid.links[0]!.id}`);
  await report.locator('html[data-view="data"]').waitFor({ timeout: 15_000 });
  await report.locator('[data-testid="clicks-chart"][data-drawn="true"]').first().waitFor({ timeout: 15_000 });
  await report.screenshot({ path: path.join(shots, 'report.png'), fullPage: true });
  await report.goto(`chrome-extension://${extensionId}/report.html#account`);
  await report.reload();
  await report.locator('html[data-view="data"]').waitFor({ timeout: 15_000 });
  await report.screenshot({ path: path.join(shots, 'overview.png'), fullPage: true });
  await context.close();

  // The same report in a German browser: German words, and numbers and dates as Intl writes them
  // for German (the surfaces take the browser's language from i18n.getUILanguage()).
  const german = await launchWithExtension(extensionDir('demo'), { headless, lang: 'de' });
  const de = await german.context.newPage();
  await de.setViewportSize({ width: 1200, height: 1600 });
  await signInAnyLanguage(de, german.extensionId, SAMPLE.accounts.paid);
  await de.goto(`chrome-extension://${german.extensionId}/report.html#link=${SAMPLE.accounts.paid.links[0]!.id}`);
  await de.locator('html[data-view="data"]').waitFor({ timeout: 15_000 });
  await de.locator('[data-testid="world-map"][data-drawn="true"]').waitFor({ timeout: 15_000 });
  await de.screenshot({ path: path.join(shots, 'report-de.png'), fullPage: true });
  await german.context.close();
  console.log(`No display: ran headless. Screenshots saved in ${shots}`);
  await shutdown();
} else {
  console.log('Chromium is open with Bitlens. Close the window or press Ctrl-C to stop.');
  process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));
  context.on('close', () => void shutdown().then(() => process.exit(0)));
}
