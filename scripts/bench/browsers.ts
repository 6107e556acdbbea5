/**
 * The two browsers every comparison needs: Debian's Chromium with the built extension and the
 * same Chromium without it, launched with the same arguments (TOOLCHAIN.md), each a fresh
 * persistent context in a temporary profile.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, loadExtensionArgs } from '../../tests/e2e/extension';
import { VIEWPORT } from './pages';

export interface Browser {
  context: BrowserContext;
  /** The extension's id; null for the browser without it. */
  extensionId: string | null;
  close(): Promise<void>;
}

/** Launches Chromium; with `extensionDir`, loads that unpacked extension and waits for its worker. */
export async function launchBrowser(extensionDir: string | null): Promise<Browser> {
  const extensionArgs = extensionDir ? loadExtensionArgs(extensionDir) : [];
  const context = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    args: [...extensionArgs, ...CHROMIUM_ARGS],
  });
  let extensionId: string | null = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, close: () => context.close() };
}
