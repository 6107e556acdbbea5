/**
 * Signs the bench extension in to the stand-in's paid sample account with the one sign-in helper
 * (tests/support/options-page.ts: the options page, as a user does, waiting for the new token to
 * be saved), then reads the hover intent delay the extension will use from its settings.
 */
import type { BrowserContext } from '@playwright/test';
import { SAMPLE } from '../../tests/fake-bitly/data';
import { signIn } from '../../tests/support/options-page';

export async function signInSampleAccount(context: BrowserContext, extensionId: string): Promise<{ hoverDelayMs: number }> {
  const page = await context.newPage();
  await signIn(page, extensionId, SAMPLE.accounts.paid);
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ bitlens: 1, type: 'getSettings', data: {} }))) as
    | { ok: true; value: { hoverDelayMs: number } }
    | { ok: false; error: string };
  await page.close();
  if (!reply.ok) throw new Error(`getSettings failed: ${reply.error}`);
  return { hoverDelayMs: reply.value.hoverDelayMs };
}
