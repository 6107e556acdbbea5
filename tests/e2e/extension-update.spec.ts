/**
 * "Nothing the user configured is lost across updates" (PRODUCT.md §5): the built test extension
 * is loaded from a copy into a profile of its own; the browser closes, the copy's manifest gets a
 * higher version, and the browser starts again on the same profile — an unpacked extension
 * updated on disk (same id, same storage). `chrome.runtime.reload()` cannot serve here: in this
 * headless Chromium it leaves a command-line extension disabled. Once with today's settings and a
 * signed-in account, once from the oldest settings schema (utils/settings/fixtures/v1.json).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, signIn, ask, OptionsPage } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { extensionDir, extensionWorker, launchChromium, launchWithExtension } from '../support/chromium';

const { paid } = SAMPLE.accounts;
/** The oldest settings schema's fixture (the one settings.test.ts migrates). */
const v1Settings = JSON.parse(readFileSync(path.resolve('utils/settings/fixtures/v1.json'), 'utf8')) as Record<string, unknown>;

interface Installed {
  dir: string;
  profile: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

/** The test build, installed from a directory of its own that the test can update. */
async function install(): Promise<Installed> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitlens-update-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'bitlens-update-profile-'));
  cpSync(extensionDir('test'), dir, { recursive: true });
  return { dir, profile, ...(await launchWithExtension(dir, { userDataDir: profile })) };
}

/**
 * Closes the browser, puts version `version` on disk and starts the browser again on the same
 * profile, as an update does. Returns a tab on the updated extension's options page.
 */
async function updateTo(installed: Installed, version: string): Promise<Page> {
  await installed.context.close();
  const manifestPath = path.join(installed.dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }));
  installed.context = await launchChromium(installed.dir, { userDataDir: installed.profile });
  installed.worker = await extensionWorker(installed.context);
  expect(new URL(installed.worker.url()).host).toBe(installed.extensionId);
  const page = await installed.context.newPage();
  await page.goto(`chrome-extension://${installed.extensionId}/options.html`);
  expect(await page.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
  return page;
}

async function settingsShown(page: Page) {
  const reply = await ask(page, 'getSettings', {});
  if (!reply.ok) throw new Error('getSettings failed');
  return reply.value;
}


test('an update keeps the token, the account and every setting', async ({ fake: _standIn }) => {
  const installed = await install();
  try {
    const { extensionId } = installed;
    const page = await installed.context.newPage();
    await signIn(page, extensionId, paid);
    const changed = { unit: 'week' as const, range: '90d' as const, hoverEnabled: false, hoverDelayMs: 1200, disabledSites: ['mail.example.com'], cacheLifetimeMinutes: 45 };
    const reply = await ask(page, 'updateSettings', changed);
    expect(reply.ok).toBe(true);
    await page.close();

    const version = JSON.parse(readFileSync(path.join(installed.dir, 'manifest.json'), 'utf8')).version as string;
    const options = await updateTo(installed, bumped(version));
    expect(await ask(options, 'getAccount', {})).toMatchObject({ ok: true, value: { signedIn: true, account: { login: paid.login } } });
    await new OptionsPage(options, extensionId).open();
    await expect(new OptionsPage(options, extensionId).accountOf(paid.login)).toBeVisible();
    await expect(options.getByLabel('Delay before the card opens (milliseconds)')).toHaveValue('1200');
    await expect(options.getByLabel(/Bitlens stays off on these sites/)).toHaveValue('mail.example.com');
    expect(await settingsShown(options)).toMatchObject(changed);
  } finally {
    await installed.context.close();
    rmSync(installed.dir, { recursive: true, force: true });
    rmSync(installed.profile, { recursive: true, force: true });
  }
});

test('settings written by the oldest schema (v1) arrive migrated after an update', async ({ fake: _standIn }) => {
  const installed = await install();
  try {
    const { extensionId } = installed;
    // What a v1 install left in storage: its settings, with the version WXT keeps next to them.
    await installed.worker.evaluate((old) => chrome.storage.local.set({ settings: old, settings$: { v: 1 } }), v1Settings);
    const options = await updateTo(installed, '9.9.9');
    await new OptionsPage(options, extensionId).open();
    expect(await settingsShown(options)).toMatchObject({ unit: 'week', range: '90d', hoverEnabled: false, hoverDelayMs: 500, disabledSites: ['mail.example.com'], cacheLifetimeMinutes: 30 });
    await expect(options.getByLabel('Delay before the card opens (milliseconds)')).toHaveValue('500');
    await expect(options.getByLabel('Numbers stay fresh for (minutes)')).toHaveValue('30');
    expect(((await options.evaluate(() => chrome.storage.local.get('settings$'))) as { settings$: { v: number } }).settings$.v).toBeGreaterThan(1);
  } finally {
    await installed.context.close();
    rmSync(installed.dir, { recursive: true, force: true });
    rmSync(installed.profile, { recursive: true, force: true });
  }
});

/** The next patch version: 0.1.0 → 0.1.1. */
function bumped(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1]! += 1;
  return parts.join('.');
}
