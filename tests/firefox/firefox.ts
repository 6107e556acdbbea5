/**
 * Bitlens in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (TOOLCHAIN.md):
 * Playwright's own Firefox cannot be downloaded here. The add-on's internal UUID is pinned by a
 * launch pref, so tests know its origin; BiDi may not navigate to `moz-extension://` pages, so
 * tests use the options tab Bitlens opens on install, and find extension frames by their address.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Any fixed UUID: the add-on's pages then live at `moz-extension://<it>/`. */
const ADDON_UUID = '6f2b3c1e-8d4a-4b7e-9c5d-2a1f0e3b4c5d';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export function firefoxAddonDir(flavour: 'test' | 'production' = 'test'): string {
  return path.resolve(flavour === 'production' ? '.output' : `.output/${flavour}`, 'firefox-mv2');
}

export async function launchFirefox(addonDir = firefoxAddonDir()): Promise<Browser> {
  const manifest = JSON.parse(readFileSync(path.join(addonDir, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: ADDON_UUID }),
      'intl.locale.requested': 'en-US',
    },
  });
  await browser.installExtension(addonDir);
  return browser;
}

/** Where a page or frame really is (`url()` can be stale for extension contexts). */
export const locationOf = (target: Page | Frame) => target.evaluate(() => location.href).catch(() => '');

/** Waits for a state, checking it again on every turn of the event loop until it holds. */
export async function until<T>(what: string, check: () => Promise<T | undefined | null | false>, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The options tab Bitlens opens when it is installed. */
export function onboardingTab(browser: Browser): Promise<Page> {
  return until('the options tab opened on install', async () => {
    for (const page of await browser.pages()) if ((await locationOf(page)) === `${EXTENSION_ORIGIN}/options.html`) return page;
    return undefined;
  });
}

/** The hover card's frame inside a web page, once it is there. */
export function cardFrame(page: Page): Promise<Frame> {
  return until('the card frame', async () => {
    for (const frame of page.frames()) if ((await locationOf(frame)).startsWith(`${EXTENSION_ORIGIN}/card.html`)) return frame;
    return undefined;
  });
}

/** The card's state (`data-state` on its document), once it is `state`. */
export function cardState(frame: Frame, state: string, timeout = 10_000): Promise<string> {
  return until(`the card in state ${state}`, async () => {
    const now = await frame.evaluate(() => document.documentElement.dataset.state).catch(() => undefined);
    return now === state ? now : undefined;
  }, timeout);
}

/**
 * Rests the real pointer on an element as a person does (see tests/support/pointer.ts): onto it,
 * then — once the page has rendered the hover, a few animation frames later — one pixel further.
 */
export async function restPointerOn(page: Page, selector: string): Promise<void> {
  await page.hover(selector);
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))));
  const box = await (await page.$(selector))!.boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
}
