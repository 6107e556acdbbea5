/**
 * Launching Debian's Chromium, with or without a built Bitlens (TOOLCHAIN.md). The one place the
 * e2e fixture, the demo, the benchmark and the icon renderer start a browser from.
 */
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import type { FlavourName } from '../../scripts/flavour';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How every Chromium here is started (TOOLCHAIN.md): the closed network makes background calls fail. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--lang=en-US',
];

/**
 * The hover card in a web page, as the page sees it: the one element Bitlens adds, a shadow host
 * directly under `<html>` (test pages add nothing there). Its iframe is in a closed shadow root,
 * out of reach of selectors; the card's document is found by its address (`isCardFrameUrl`).
 */
export const CARD_HOST = ':root > :not(head, body)';

/** Whether a frame's address is the card page of an extension (Chromium). */
export const isCardFrameUrl = (url: string) => url.startsWith('chrome-extension://') && new URL(url).pathname === '/card.html';

/** The arguments that load one unpacked extension. */
export function loadExtensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

/** Where `wxt build` puts a flavour's Chromium build (scripts/flavour.ts). */
export function extensionDir(flavour: FlavourName): string {
  const out = flavour === 'production' ? '.output' : `.output/${flavour}`;
  return path.resolve(out, 'chrome-mv3');
}

export interface LaunchOptions {
  headless?: boolean;
  /** '' (the default): a fresh temporary profile. */
  userDataDir?: string;
  viewport?: { width: number; height: number };
  /** The browser's language (`--lang`), which `_locales` and Intl follow: 'en-US' unless given. */
  lang?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension's background service worker, as it was when the browser started. */
  worker: Worker;
  extensionId: string;
}

/** A persistent context (the only kind that loads extensions) with `extensionDir` loaded, or none. */
export async function launchChromium(extensionDir: string | null, { headless = true, userDataDir = '', viewport, lang }: LaunchOptions = {}): Promise<BrowserContext> {
  const args = lang ? CHROMIUM_ARGS.map((arg) => (arg.startsWith('--lang=') ? `--lang=${lang}` : arg)) : CHROMIUM_ARGS;
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    ...(viewport ? { viewport } : {}),
    ...(lang ? { locale: lang } : {}),
    args: [...(extensionDir ? loadExtensionArgs(extensionDir) : []), ...args],
  });
}

/** The extension's service worker once it has started (it may have before the call). */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Chromium with the unpacked Bitlens in `dir`, once its background worker runs. */
export async function launchWithExtension(dir: string, options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const context = await launchChromium(dir, options);
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  await closeOnboardingTab(context, extensionId);
  return { context, worker, extensionId };
}

/**
 * A first install opens the options page (onboarding); every run starts from its own pages, so it
 * is closed — once it has rendered: Chromium closing an extension page that is still starting up
 * can leave the extension's next pages without their `_locales` messages.
 */
export async function closeOnboardingTab(context: BrowserContext, extensionId: string): Promise<void> {
  const tab = await onboardingTab(context, extensionId);
  await tab.waitForLoadState('load');
  await tab.getByRole('heading', { level: 1 }).waitFor();
  await tab.close();
}

/** The options tab Bitlens opens when it is installed, once it is there. */
export async function onboardingTab(context: BrowserContext, extensionId: string, timeout = 10_000): Promise<Page> {
  const isOnboarding = (page: Page) => page.url() === `chrome-extension://${extensionId}/options.html`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const tab = context.pages().find(isOnboarding);
    if (tab) return tab;
    if (Date.now() > deadline) throw new Error('Bitlens did not open its options page on install');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
