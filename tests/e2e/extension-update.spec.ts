/**
 * "Nothing the user configured is lost across updates" (PRODUCT.md §5): the built test extension
 * is loaded from a copy, the copy's manifest gets a higher version and the extension reloads —
 * what Chromium does when an unpacked extension is updated on disk (same id, same storage,
 * `runtime.onInstalled` with reason `update`). Once with today's settings and a signed-in
 * account, once from the oldest settings schema (utils/settings/fixtures/v1.json).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, signIn, ask, OptionsPage } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { extensionDir, launchWithExtension } from '../support/chromium';

const { paid } = SAMPLE.accounts;
/** The oldest settings schema's fixture (the one settings.test.ts migrates). */
const v1Settings = JSON.parse(readFileSync(path.resolve('utils/settings/fixtures/v1.json'), 'utf8')) as Record<string, unknown>;

interface Installed {
  dir: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** The test build, installed from a directory of its own that the test can update. */
async function install(): Promise<Installed> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitlens-update-'));
  cpSync(extensionDir('test'), dir, { recursive: true });
  return { dir, ...(await launchWithExtension(dir)) };
}

/**
 * Puts version `version` on disk and reloads the extension, as an update does. Returns a new tab
 * on the updated extension's options page (the reload closes its old pages and worker, and
 * Playwright is not told of the new worker, so the page is where the test speaks from).
 */
async function updateTo(installed: Installed, version: string): Promise<Page> {
  const manifestPath = path.join(installed.dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
  // The worker goes away with the reload, so its answer never comes.
  void installed.worker.evaluate(() => chrome.runtime.reload()).catch(() => {});
  const page = await installed.context.newPage();
  const running = async () => {
    try {
      await page.goto(`chrome-extension://${installed.extensionId}/options.html`);
      return await page.evaluate(() => chrome.runtime.getManifest().version);
    } catch {
      return null;
    }
  };
  await expect.poll(running, { timeout: 20_000 }).toBe(version);
  return page;
}

async function settingsShown(page: Page) {
  const reply = await ask(page, 'getSettings', {});
  if (!reply.ok) throw new Error('getSettings failed');
  return reply.value;
}

const extensionTabs = (context: BrowserContext, extensionId: string) => context.pages().filter((p) => p.url().startsWith(`chrome-extension://${extensionId}/`));

test('an update keeps the token, the account and every setting, and does not open the first-run page again', async ({ fake: _standIn }) => {
  const installed = await install();
  try {
    const { context, extensionId } = installed;
    const page = await context.newPage();
    await signIn(page, extensionId, paid);
    const changed = { unit: 'week' as const, range: '90d' as const, hoverEnabled: false, hoverDelayMs: 1200, disabledSites: ['mail.example.com'], cacheLifetimeMinutes: 45 };
    const reply = await ask(page, 'updateSettings', changed);
    expect(reply.ok).toBe(true);
    await page.close();

    const version = JSON.parse(readFileSync(path.join(installed.dir, 'manifest.json'), 'utf8')).version as string;
    const options = await updateTo(installed, bumped(version));
    expect(await options.evaluate(async () => (await chrome.storage.local.get('bitlyToken')).bitlyToken !== undefined)).toBe(true);
    await new OptionsPage(options, extensionId).open();
    await expect(new OptionsPage(options, extensionId).accountOf(paid.login)).toBeVisible();
    await expect(options.getByLabel('Delay before the card opens (milliseconds)')).toHaveValue('1200');
    await expect(options.getByLabel(/Bitlens stays off on these sites/)).toHaveValue('mail.example.com');
    expect(await settingsShown(options)).toMatchObject(changed);
    // Only a first install opens the options page by itself.
    expect(extensionTabs(context, extensionId)).toEqual([options]);
  } finally {
    await installed.context.close();
    rmSync(installed.dir, { recursive: true, force: true });
  }
});

test('settings written by the oldest schema (v1) arrive migrated after an update', async ({ fake: _standIn }) => {
  const installed = await install();
  try {
    const { context, extensionId, worker } = installed;
    // What a v1 install left in storage: its settings, with the version WXT keeps next to them.
    await worker.evaluate((old) => chrome.storage.local.set({ settings: old, settings$: { v: 1 } }), v1Settings);
    const options = await updateTo(installed, '9.9.9');
    await new OptionsPage(options, extensionId).open();
    expect(await settingsShown(options)).toMatchObject({ unit: 'week', range: '90d', hoverEnabled: false, hoverDelayMs: 500, disabledSites: ['mail.example.com'], cacheLifetimeMinutes: 30 });
    await expect(options.getByLabel('Delay before the card opens (milliseconds)')).toHaveValue('500');
    await expect(options.getByLabel('Numbers stay fresh for (minutes)')).toHaveValue('30');
    expect(((await options.evaluate(() => chrome.storage.local.get('settings$'))) as { settings$: { v: number } }).settings$.v).toBeGreaterThan(1);
  } finally {
    await installed.context.close();
    rmSync(installed.dir, { recursive: true, force: true });
  }
});

/** The next patch version: 0.1.0 → 0.1.1. */
function bumped(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1]! += 1;
  return parts.join('.');
}
