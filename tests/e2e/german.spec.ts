/**
 * German (PRODUCT.md: every string through `_locales`, numbers and dates in the browser's
 * locale): the test build in a Chromium whose language is German shows the German catalogue's
 * words, and the report's numbers and dates as Intl formats them for German.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { extensionDir, launchWithExtension } from '../support/chromium';
import { signInAnyLanguage } from '../support/options-page';

const { paid } = SAMPLE.accounts;
type Catalogue = Record<string, { message: string }>;
const catalogue = (lang: string) => JSON.parse(readFileSync(path.resolve('public/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
const de = catalogue('de');
const en = catalogue('en');

test('a German browser: German words, German numbers and dates', async ({ fake }) => {
  const { context, extensionId } = await launchWithExtension(extensionDir('test'), { lang: 'de' });
  try {
    const page = await context.newPage();
    await signInAnyLanguage(page, extensionId, paid);
    await expect(page.getByText(de.settingsHoverLegend!.message, { exact: true })).toBeVisible();
    await expect(page.getByText(en.settingsHoverLegend!.message, { exact: true })).toHaveCount(0);

    const link = paid.links[0]!;
    const answer = await fetch(`${fake.url}/v4/bitlinks/${link.id}/clicks?unit=day&units=30`, { headers: { authorization: `Bearer ${paid.token}` } });
    const series = ((await answer.json()) as { link_clicks: Array<{ clicks: number; date: string }> }).link_clicks;
    const total = series.reduce((sum, b) => sum + b.clicks, 0);
    expect(total, 'a total with a thousands separator').toBeGreaterThanOrEqual(1000);

    await page.goto(`chrome-extension://${extensionId}/report.html#link=${link.id}`);
    await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
    await expect(page.getByText(de.reportClicksOverTime!.message).first()).toBeVisible();
    // 12.345 in German, not 12,345.
    await expect(page.getByTestId('total-clicks')).toHaveText(new Intl.NumberFormat('de').format(total));
    // The chart's table names its days as German dates.
    const days = series.map((b) => new Intl.DateTimeFormat('de', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(b.date)));
    const table = (await page.getByTestId('clicks-table').first().textContent({ timeout: 5_000 })) ?? '';
    expect(days.filter((d) => table.includes(d)).length, `German day names in: ${table.slice(0, 200)}`).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
