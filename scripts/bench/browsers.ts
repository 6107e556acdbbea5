/**
 * The browsers the comparisons need: Debian's Chromium with a built extension (Bitlens, or the
 * yardstick of reference-extension.ts) and the same Chromium without any, launched with the same
 * arguments (TOOLCHAIN.md), each a fresh persistent context in a temporary profile.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { closeOnboardingTab, extensionWorker, launchChromium } from '../../tests/support/chromium';
import { VIEWPORT } from './pages';

export interface Browser {
  context: BrowserContext;
  /** The extension's id; null for the browser without it. */
  extensionId: string | null;
  close(): Promise<void>;
}

/** Launches Chromium; with `extensionDir`, loads that unpacked extension and waits for its worker. */
export async function launchBrowser(extensionDir: string | null): Promise<Browser> {
  const context = await launchChromium(extensionDir, { viewport: VIEWPORT });
  const extensionId = extensionDir ? new URL((await extensionWorker(context)).url()).host : null;
  // Bitlens (not the yardstick extension) opens its options page on install: measured pages start alone.
  if (extensionDir && extensionId && existsSync(path.join(extensionDir, 'options.html'))) await closeOnboardingTab(context, extensionId);
  return { context, extensionId, close: () => context.close() };
}
