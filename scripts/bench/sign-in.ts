/**
 * Signs the extension in as a user would (`signInOnOptionsPage`), with a clearer failure for the
 * benchmark's log, then reads the hover intent delay the extension will use from its settings.
 */
import type { BrowserContext } from '@playwright/test';
import { signInOnOptionsPage } from '../../tests/e2e/extension';

export async function signIn(context: BrowserContext, extensionId: string, token: string): Promise<{ hoverDelayMs: number }> {
  const page = await context.newPage();
  try {
    await signInOnOptionsPage(page, extensionId, token);
  } catch {
    const status = await page.locator('#token-status').textContent().catch(() => null);
    throw new Error(`signing in on the options page failed (status: ${status?.trim() || 'none'}; is the stand-in running?)`);
  }
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ bitlens: 1, type: 'getSettings', data: {} }))) as
    | { ok: true; value: { hoverDelayMs: number } }
    | { ok: false; error: string };
  await page.close();
  if (!reply.ok) throw new Error(`getSettings failed: ${reply.error}`);
  return { hoverDelayMs: reply.value.hoverDelayMs };
}
