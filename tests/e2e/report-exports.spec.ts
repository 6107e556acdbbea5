/**
 * The report of the stand-in's odd link (a referrer named `=HYPERLINK("http://evil","x")`, clicks
 * Bitly places in no country), in the real built extension: the map colours the top country and
 * the table lists the unknown clicks; every export of the page, parsed back, holds exactly the
 * numbers the page shows; and the hostile referrer stays inert text in the CSV.
 */
import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { parseCsv } from '../csv-reader';
import { SAMPLE } from '../fake-bitly/data';
import type { FakeBitly } from '../fake-bitly/server';
import { download, openReport } from './support/report-page';

const { paid } = SAMPLE.accounts;
const odd = paid.oddLink!;
const HOSTILE = '=HYPERLINK("http://evil","x")';
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
type Metrics = { metrics: Array<{ value: string; clicks: number }> };

async function standIn<T>(fake: FakeBitly, path: string): Promise<T> {
  const response = await fetch(`${fake.url}/v4/${path}`, { headers: { authorization: `Bearer ${paid.token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** A table's body rows as cells (first cell the label, then the numbers), after "Show all". */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const table = page.getByTestId(testId);
  const more = page.getByTestId(testId.replace(/-table$/, '')).getByRole('button', { name: /^Show all/ });
  if (await more.count()) await more.click();
  const rows = await table.locator('tbody tr').all();
  // A country's flag is decoration before its name.
  return Promise.all(rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((cell) => cell.replace(/^[\u{1F1E6}-\u{1F1FF}\s]+/u, '').trim())));
}

/**
 * The map's darkest fill (the scale runs from pale to dark with clicks) among colours that cover a
 * country-sized area, how many pixels have it, and where they sit (0–1 of the canvas). Greys
 * (countries without clicks) and the legend's thin gradient rows are left out.
 */
async function darkestFill(page: Page) {
  return page.getByTestId('world-map').locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const fills = new Map<string, { n: number; x: number; y: number; luminance: number }>();
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a < 255 || (Math.abs(r - g) < 12 && Math.abs(g - b) < 12)) continue;
      const key = `${r},${g},${b}`;
      const fill = fills.get(key) ?? { n: 0, x: 0, y: 0, luminance: 0.2126 * r + 0.7152 * g + 0.0722 * b };
      fill.n++;
      fill.x += (i / 4) % width;
      fill.y += Math.floor(i / 4 / width);
      fills.set(key, fill);
    }
    const areas = [...fills.values()].filter((f) => f.n >= 200).sort((a, b) => a.luminance - b.luminance);
    const darkest = areas[0];
    return { fills: areas.length, n: darkest?.n ?? 0, x: darkest ? darkest.x / darkest.n / width : 0, y: darkest ? darkest.y / darkest.n / height : 0 };
  });
}

test.beforeEach(async ({ page, extensionId }) => {
  await signIn(page, extensionId, paid);
});

test('the map colours the top country, and the table lists the clicks Bitly could not place', async ({ page, extensionId, fake }) => {
  const countries = await standIn<Metrics>(fake, `bitlinks/${odd.id}/countries?unit=day&units=30`);
  const unknown = countries.metrics.filter((m) => m.value === 'None').reduce((sum, m) => sum + m.clicks, 0);
  const top = [...countries.metrics].filter((m) => m.value !== 'None').sort((a, b) => b.clicks - a.clicks)[0]!;
  expect(unknown).toBeGreaterThan(0);
  expect(top.value).toBe('US');

  await openReport(page, extensionId, odd.id);
  const rows = await tableRows(page, 'world-map-table');
  expect(rows[0]).toEqual(['United States', count(top.clicks), expect.any(String)]);
  expect(rows.at(-1)).toEqual(['Location unknown', count(unknown), expect.any(String)]);
  await expect(page.getByTestId('world-map-table').locator('tfoot')).toHaveText(new RegExp(`Total\\s*${count(countries.metrics.reduce((s, m) => s + m.clicks, 0))}`));

  // The darkest fill is the country with the most clicks: a large area in the map's north-west,
  // where the United States are (Equal Earth projection); other countries have paler fills.
  const fill = await darkestFill(page);
  expect(fill.fills).toBeGreaterThan(2);
  expect(fill.n).toBeGreaterThan(500);
  expect(fill.x).toBeLessThan(0.35);
  expect(fill.y).toBeLessThan(0.5);
});

test('every export parsed back equals the numbers shown; the =HYPERLINK referrer stays inert text', async ({ page, extensionId }) => {
  await openReport(page, extensionId, odd.id);

  // Referrers: the page shows the hostile name as text, the CSV holds it behind an apostrophe.
  const referrersShown = await tableRows(page, 'referrers-table');
  expect(referrersShown.map((r) => r[0])).toContain(HOSTILE);
  const referrers = await download(page, 'Export Referrers as CSV');
  const records = parseCsv(referrers.text).records;
  expect(records[0]).toEqual(['referrer', 'clicks', 'share_percent']);
  const hostile = records.find((r) => r[0]!.includes('HYPERLINK'))!;
  expect(hostile[0]).toBe(`'${HOSTILE}`);
  // Every formula-looking cell is inert: no field of the file starts with = + - or @.
  expect(records.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  const label = (value: string) => (value === 'direct' ? 'Direct' : value.replace(/^'/, ''));
  expect(records.slice(1).map((r) => [label(r[0]!), count(Number(r[1]))])).toEqual(referrersShown.map((r) => [r[0], r[1]]));

  // Referring domains and countries: the same rows, numbers and order as the tables.
  const domains = parseCsv((await download(page, 'Export Referring domains as CSV')).text).records;
  const domainsShown = await tableRows(page, 'referring-domains-table');
  expect(domains.slice(1).map((r) => [label(r[0]!), count(Number(r[1]))])).toEqual(domainsShown.map((r) => [r[0], r[1]]));

  const countries = parseCsv((await download(page, 'Export Clicks by country as CSV')).text).records;
  const countriesShown = await tableRows(page, 'world-map-table');
  expect(countries.slice(1).map((r) => [r[1] || 'Location unknown', count(Number(r[2]))])).toEqual(countriesShown.map((r) => [r[0], r[1]]));

  // Clicks over time: one row per day shown in the table, the same counts, summing to the total.
  const clicks = parseCsv((await download(page, 'Export Clicks over time as CSV')).text).records;
  const clicksShown = await tableRows(page, 'clicks-table');
  expect(clicks.slice(1).map((r) => count(Number(r[1])))).toEqual(clicksShown.map((r) => r[1]));
  const total = clicks.slice(1).reduce((sum, r) => sum + Number(r[1]), 0);
  await expect(page.getByTestId('total-clicks')).toHaveText(count(total));

  // The whole report in JSON holds the same referrer as data, not as a formula.
  const whole = JSON.parse((await download(page, 'Export the whole report (JSON)')).text);
  const jsonReferrers = whole.facets.referrers.rows as Array<{ referrer: string; clicks: number }>;
  expect(jsonReferrers.map((r) => [label(r.referrer), count(r.clicks)])).toEqual(referrersShown.map((r) => [r[0], r[1]]));
});
