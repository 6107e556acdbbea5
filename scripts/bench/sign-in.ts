/**
 * Signs the extension in as a user would (tests/e2e/fixtures.ts `signIn`): paste the token on the
 * options page, "Check and save", wait for the account. Then reads the hover intent delay the
 * extension will use from its settings.
 */
import type { BrowserContext } from '@playwright/test';

export async function signIn(context: BrowserContext, extensionId: string, token: string): Promise<{ hoverDelayMs: number }> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('input#token').fill(token);
  await page.getByRole('button', { name: 'Check and save' }).click();
  try {
    await page.getByTestId('account').waitFor({ timeout: 10_000 });
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
