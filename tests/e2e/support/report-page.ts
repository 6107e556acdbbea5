/** The report page as the report specs drive it: opened with both charts drawn, and its downloads read back. */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';

export async function openReport(page: Page, extensionId: string, link: string) {
  await page.goto(`chrome-extension://${extensionId}/report.html#link=${link}`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(page.getByTestId('world-map')).toHaveAttribute('data-drawn', 'true');
  await expect(page.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
}

/** Clicks the button named `button` and returns the downloaded file's suggested name and text. */
export async function download(page: Page, button: string) {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await saved;
  return { name: file.suggestedFilename(), text: (await readFile((await file.path())!)).toString('utf8') };
}
