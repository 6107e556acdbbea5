/**
 * The full report page (PRODUCT.md F5) of the real built extension against the stand-in Bitly:
 * its numbers are the stand-in's, the pickers and the custom dates ask exactly the window the
 * spec names, a free plan's cities and devices say why and are not asked again, the exports hold
 * what is shown, the popup opens it, and it has no serious accessibility problems.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, signIn } from './fixtures';
import { parseCsv } from '../csv-reader';
import { SAMPLE } from '../fake-bitly/data';
import type { FakeBitly, LoggedRequest } from '../fake-bitly/server';
import { download, openReport } from './support/report-page';

const { paid, free } = SAMPLE.accounts;
const METRIC_PATHS = ['clicks', 'countries', 'cities', 'devices', 'referrers', 'referring_domains', 'referrers_by_domains'];
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const countryNames = new Intl.DisplayNames('en', { type: 'region' });

/** The stand-in's own answer, asked directly with the account's token (before the log is cleared). */
async function standIn<T>(fake: FakeBitly, token: string, path: string): Promise<T> {
  const response = await fetch(`${fake.url}/v4/${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

type Metrics = { metrics: Array<{ value: string; clicks: number }> };

/** `countries unit=day&units=30` for a metric request of `link`. */
const described = (r: LoggedRequest, link: string) => `${r.path.slice(`/v4/bitlinks/${link}/`.length)} ${new URLSearchParams(r.query).toString()}`;
const metricRequests = (fake: FakeBitly, link: string, from = 0) =>
  fake.log
    .slice(from)
    .filter((r) => r.path.startsWith(`/v4/bitlinks/${link}/`) && METRIC_PATHS.includes(r.path.slice(`/v4/bitlinks/${link}/`.length)))
    .map((r) => described(r, link))
    .sort();
const every = (query: string) => METRIC_PATHS.map((m) => `${m} ${query}`).sort();

async function settled(fake: FakeBitly, n: number) {
  await expect.poll(() => fake.log.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
  await expect.poll(() => fake.inFlight).toBe(0);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test.describe('report, paid plan', () => {
  test.beforeEach(async ({ page, extensionId }) => {
    await signIn(page, extensionId, paid);
  });

  test('shows the stand-in’s total, countries and referrers, asking every metric for the settings’ window', async ({ page, extensionId, fake }) => {
    const link = paid.links[0]!.id;
    const clicks = await standIn<{ link_clicks: Array<{ clicks: number }> }>(fake, paid.token, `bitlinks/${link}/clicks?unit=day&units=30`);
    const countries = await standIn<Metrics>(fake, paid.token, `bitlinks/${link}/countries?unit=day&units=30`);
    const referrers = await standIn<Metrics>(fake, paid.token, `bitlinks/${link}/referrers?unit=day&units=30`);
    fake.clearLog();

    await openReport(page, extensionId, link);
    const total = clicks.link_clicks.reduce((sum, c) => sum + c.clicks, 0);
    await expect(page.getByTestId('total-clicks')).toHaveText(count(total));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(link);

    const top = [...countries.metrics].sort((a, b) => b.clicks - a.clicks)[0]!;
    const countryRows = page.getByTestId('world-map-table').locator('tbody tr');
    await expect(countryRows.first()).toHaveText(new RegExp(`${countryNames.of(top.value)}\\s*${count(top.clicks)}`));
    await expect(page.getByTestId('world-map-table').locator('tfoot')).toHaveText(new RegExp(`Total\\s*${count(countries.metrics.reduce((s, m) => s + m.clicks, 0))}`));

    const referrerTable = page.getByTestId('referrers-table');
    await expect(referrerTable.locator('tfoot')).toHaveText(new RegExp(`Total\\s*${count(referrers.metrics.reduce((s, m) => s + m.clicks, 0))}`));
    const topReferrer = [...referrers.metrics].sort((a, b) => b.clicks - a.clicks)[0]!;
    await expect(referrerTable.locator('tbody tr').first()).toHaveText(new RegExp(`${topReferrer.value === 'direct' ? 'Direct' : topReferrer.value.replace(/[.?*+()[\]\\/]/g, '\\$&')}\\s*${count(topReferrer.clicks)}`));

    await settled(fake, METRIC_PATHS.length);
    expect(metricRequests(fake, link)).toEqual(every('unit=day&units=30'));
    // A visible table beside the chart, one row per day.
    await expect(page.getByTestId('clicks-table').locator('tbody tr')).toHaveCount(clicks.link_clicks.length);
    await expect(page.getByTestId('clicks-table')).toBeVisible();
  });

  test('the unit and range pickers and the custom dates ask exactly unit, units and unit_reference', async ({ page, extensionId, fake }) => {
    const link = paid.links[1]!.id;
    fake.clearLog();
    await openReport(page, extensionId, link);
    await settled(fake, METRIC_PATHS.length);

    let from = fake.log.length;
    await page.getByRole('radio', { name: 'Week', exact: true }).check();
    await settled(fake, from + METRIC_PATHS.length);
    expect(metricRequests(fake, link, from)).toEqual(every('unit=week&units=5'));

    from = fake.log.length;
    await page.getByRole('radio', { name: '7 days', exact: true }).check();
    await settled(fake, from + METRIC_PATHS.length);
    expect(metricRequests(fake, link, from)).toEqual(every('unit=week&units=1'));
    await expect(page.getByTestId('world-map')).toBeVisible();

    // Ten whole UTC days ending ten days ago: days, its last second as the reference.
    const now = Date.now();
    const first = isoDay(now - 19 * 86_400_000);
    const last = isoDay(now - 10 * 86_400_000);
    from = fake.log.length;
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(first);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(last);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await settled(fake, from + METRIC_PATHS.length);
    const reference = new URLSearchParams({ unit: 'day', units: '10', unit_reference: `${last}T23:59:59+0000` }).toString();
    expect(metricRequests(fake, link, from)).toEqual(every(reference));
    await expect(page.getByRole('radio', { name: '7 days', exact: true })).not.toBeChecked();
    await expect(page.getByTestId('total-clicks').locator('xpath=following-sibling::*[1]')).toHaveText(/^clicks from .+ to .+$/);
    await expect(page.getByTestId('clicks-table').locator('tbody tr')).toHaveCount(10);

    // A refused range says why and asks nothing.
    from = fake.log.length;
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(last);
    await page.getByRole('textbox', { name: 'To', exact: true }).fill(first);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('The first day must be on or before the last day.');
    expect(fake.log.length).toBe(from);
  });

  test('exports: the countries CSV and the whole report hold what the page shows', async ({ page, extensionId }) => {
    const link = paid.links[0]!.id;
    await openReport(page, extensionId, link);
    const shownRows = await page.getByTestId('world-map-table').locator('tbody tr').allInnerTexts();
    const shownTotal = Number((await page.getByTestId('total-clicks').innerText()).replace(/,/g, ''));

    const countries = await download(page, 'Export Clicks by country as CSV');
    expect(countries.name).toMatch(new RegExp(`_countries\\.csv$`));
    const csv = parseCsv(countries.text).records;
    expect(csv[0]).toEqual(['country', 'country_name', 'clicks', 'share_percent']);
    // The table shows the first 15 placed countries (then "Show all"); the file holds them in the same order.
    const shown = shownRows.map((row) => row.split('\t').map((cell) => cell.trim()));
    for (const [i, [name, clicks]] of shown.entries()) {
      const record = csv[i + 1]!;
      if (name === 'Location unknown') continue;
      expect(name).toContain(record[1]);
      expect(clicks).toBe(count(Number(record[2])));
    }

    const report = await download(page, 'Export the whole report (JSON)');
    expect(report.name).toMatch(/_report\.json$/);
    const whole = JSON.parse(report.text);
    expect(whole.subject).toEqual({ type: 'link', id: link });
    expect(Object.keys(whole.facets).sort()).toEqual(['cities', 'clicks', 'countries', 'destination', 'devices', 'info', 'referrers', 'referrersByDomains', 'referringDomains'].sort());
    const clickRows = whole.facets.clicks.rows as Array<{ clicks: number }>;
    expect(clickRows.reduce((sum, row) => sum + row.clicks, 0)).toBe(shownTotal);
    expect(whole.facets.countries.rows.length).toBe(csv.length - 1);
  });

  test('the popup’s link statistics open the report in a new tab', async ({ page, extensionId, context }) => {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(page.locator('html')).toHaveAttribute('data-view', 'account');
    await page.getByTestId('top-links').getByTestId('link-row').first().click();
    await expect(page.locator('html')).toHaveAttribute('data-view', 'link');
    const link = (await page.locator('#link-stats-heading bdi').innerText()).trim();
    const opened = context.waitForEvent('page');
    await page.getByRole('link', { name: 'Open the full report in a new tab' }).click();
    const report = await opened;
    expect(report.url()).toBe(`chrome-extension://${extensionId}/report.html#link=${link}`);
    await expect(report.locator('html')).toHaveAttribute('data-view', 'data');
    await expect(report.getByTestId('total-clicks')).toBeVisible();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious accessibility problems (${scheme})`, async ({ page, extensionId }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openReport(page, extensionId, paid.links[0]!.id);
      await expect(page.getByTestId('referrers-by-domain-table')).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      // Keyboard: the unit picker is a radio group moved with the arrow keys.
      await page.getByRole('radio', { name: 'Day', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('radio', { name: 'Week', exact: true })).toBeChecked();
    });
  }
});

test('a free plan: cities and devices say why, once, and are not asked again on reload', async ({ page, extensionId, fake }) => {
  await signIn(page, extensionId, free);
  fake.clearLog();
  const link = free.links[0]!.id;
  await openReport(page, extensionId, link);
  for (const id of ['cities', 'devices']) {
    await expect(page.getByTestId(id).locator('.note')).toHaveText('Needs a Bitly plan with city and device data');
  }
  await settled(fake, METRIC_PATHS.length);
  expect(fake.log.filter((r) => /\/(cities|devices)$/.test(r.path)).map((r) => r.status)).toEqual([402, 402]);

  const from = fake.log.length;
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(page.getByTestId('cities').locator('.note')).toHaveText('Needs a Bitly plan with city and device data');
  await expect(page.getByTestId('devices').locator('.note')).toHaveText('Needs a Bitly plan with city and device data');
  await expect.poll(() => fake.inFlight).toBe(0);
  expect(fake.log.slice(from).filter((r) => /\/(cities|devices)$/.test(r.path))).toEqual([]);
});

test('an address naming no link says so', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/report.html#link=not a link`);
  await expect(page.getByTestId('report-no-link')).toContainText('names no Bitly link');
});

test.describe('account overview (report.html#account)', () => {
  test('group clicks, countries, networks, links created, and top links each opening its report', async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
    await page.goto(`chrome-extension://${extensionId}/report.html#account`);
    await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Account overview');
    await expect(page.getByTestId('world-map')).toHaveAttribute('data-drawn', 'true');
    await expect(page.getByTestId('clicks-table')).toBeVisible();
    for (const id of ['referring-networks', 'group-created', 'organization-created']) {
      await expect(page.getByTestId(id).getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.getByTestId(id)).toHaveAttribute('aria-busy', 'false');
    }
    await settled(fake, 6);
    const group = fake.log.filter((r) => r.path.startsWith(`/v4/groups/${paid.defaultGroupGuid}/`));
    expect([...new Set(group.map((r) => r.path.slice(`/v4/groups/${paid.defaultGroupGuid}/`.length)))].sort()).toEqual(['bitlinks/clicks', 'clicks', 'countries', 'referring_networks', 'shorten_counts'].sort());
    // The group's clicks, and the organization's sum asks them too (shared when both are in flight at once).
    const groupClicks = group.filter((r) => r.path.endsWith('/clicks') && !r.path.endsWith('bitlinks/clicks')).map((r) => `${r.query.unit} ${r.query.units}`);
    expect(groupClicks.length).toBeGreaterThanOrEqual(1);
    expect(new Set(groupClicks)).toEqual(new Set(['day 30']));

    const light = await new AxeBuilder({ page }).analyze();
    expect(light.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const first = page.getByTestId('top-links-list').getByRole('link').first();
    const link = (await first.innerText()).trim();
    await first.click();
    await expect(page).toHaveURL(`chrome-extension://${extensionId}/report.html#link=${link}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(link);
    await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
    await expect(page.getByTestId('total-clicks')).toBeVisible();
  });
});
