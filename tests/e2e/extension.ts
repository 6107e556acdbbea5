/**
 * Launching Debian's Chromium with a built Bitlens (TOOLCHAIN.md). Shared by the e2e fixture,
 * the demo and the benchmark.
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

/** The hover card's frame in a web page: the only extension iframe Bitlens puts there. */
export const CARD_FRAME = 'iframe[src^="chrome-extension://"]';

/** The arguments that load one unpacked extension. */
export function loadExtensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}

export function extensionDir(flavour: FlavourName): string {
  const out = flavour === 'production' ? '.output' : `.output/${flavour}`;
  return path.resolve(out, 'chrome-mv3');
}

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export async function launchWithExtension(
  dir: string,
  { headless = true, userDataDir = '' }: { headless?: boolean; userDataDir?: string } = {},
): Promise<LaunchedExtension> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    args: [...loadExtensionArgs(dir), ...CHROMIUM_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // A first install opens the options page (onboarding); every run starts from its own pages.
  await (await onboardingTab(context, extensionId)).close();
  return { context, worker, extensionId };
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

/**
 * Signs in the way a user does: the token pasted on the options page, "Check and save", and the
 * account shown. For the demo and the benchmark; e2e tests use the OptionsPage object's steps.
 */
export async function signInOnOptionsPage(page: Page, extensionId: string, token: string, timeout = 10_000): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('input#token').fill(token);
  await page.getByRole('button', { name: 'Check and save' }).click();
  await page.getByTestId('account').waitFor({ timeout });
}
