/**
 * The account overview (report.html#account, F6) of the real built extension against the
 * stand-in's paid account, which has two groups in one organization: the group picker switches
 * every group facet to the chosen group and a reload keeps it; the organization's clicks are its
 * groups' added up; links created per period are asked for the group and for the organization;
 * a top link opens its report; exports hold what is shown.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';
import { parseCsv } from '../csv-reader';
import { SAMPLE } from '../fake-bitly/data';
import type { FakeBitly } from '../fake-bitly/server';

const { paid } = SAMPLE.accounts;
const [mainGroup, campaigns] = paid.groups as [(typeof paid.groups)[0], (typeof paid.groups)[0]];
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
const GROUP_PATHS = ['bitlinks/clicks', 'clicks', 'countries', 'referring_networks', 'shorten_counts'].sort();

async function groupTotal(fake: FakeBitly, guid: string): Promise<number> {
  const response = await fetch(`${fake.url}/v4/groups/${guid}/clicks?unit=day&units=30`, { headers: { authorization: `Bearer ${paid.token}` } });
  const body = (await response.json()) as { data: Array<{ count: number }> };
  return body.data.reduce((sum, row) => sum + row.count, 0);
}

async function settled(fake: FakeBitly) {
  await expect.poll(() => fake.inFlight).toBe(0);
}

/** The group-metric paths asked for `guid` since log entry `from`. */
const groupPaths = (fake: FakeBitly, guid: string, from = 0) =>
  fake.log
    .slice(from)
    .filter((r) => r.path.startsWith(`/v4/groups/${guid}/`))
    .map((r) => r.path.slice(`/v4/groups/${guid}/`.length))
    .sort();

async function openOverview(page: Page, extensionId: string, hash = '#account') {
  await page.goto(`chrome-extension://${extensionId}/report.html${hash}`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(page.getByTestId('organization-total')).toBeVisible();
}

async function download(page: Page, button: string) {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await saved;
  return { name: file.suggestedFilename(), text: (await readFile((await file.path())!)).toString('utf8') };
}

test.beforeEach(async ({ page, extensionId }) => {
  await signIn(page, extensionId, paid);
});

test('two groups: the picker shows the default group, switches every group facet to the other, and a reload keeps it', async ({ page, extensionId, fake }) => {
  const [mainTotal, campaignsTotal] = [await groupTotal(fake, mainGroup.guid), await groupTotal(fake, campaigns.guid)];
  fake.clearLog();
  await openOverview(page, extensionId);
  const picker = page.getByRole('combobox', { name: 'Group' });
  await expect(picker.locator('option')).toHaveText([mainGroup.name, campaigns.name]);
  await expect(picker).toHaveValue(mainGroup.guid);
  await expect(page.getByTestId('group-clicks').getByTestId('total-clicks')).toHaveText(count(mainTotal));
  await settled(fake);
  expect(groupPaths(fake, mainGroup.guid)).toEqual(expect.arrayContaining(GROUP_PATHS));

  const from = fake.log.length;
  await picker.selectOption({ label: campaigns.name });
  await expect(page).toHaveURL(`chrome-extension://${extensionId}/report.html#account&group=${campaigns.guid}`);
  await expect(page.getByTestId('group-clicks').getByTestId('total-clicks')).toHaveText(count(campaignsTotal));
  await settled(fake);
  // Every group facet asked for the chosen group; none for the other.
  expect(groupPaths(fake, campaigns.guid, from)).toEqual(GROUP_PATHS);
  expect(groupPaths(fake, mainGroup.guid, from).filter((p) => p !== 'clicks')).toEqual([]);
  // The chosen group's top links are its own.
  const campaignLinks = new Set(paid.links.filter((l) => l.group_guid === campaigns.guid).map((l) => l.id));
  const shown = (await page.getByTestId('top-links-list').getByRole('link').allInnerTexts()).map((id) => id.trim());
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.filter((id) => !campaignLinks.has(id))).toEqual([]);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveValue(campaigns.guid);
  await expect(page.getByTestId('group-clicks').getByTestId('total-clicks')).toHaveText(count(campaignsTotal));

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('reopened in a new tab, the overview paints from the cache with its group picker and asks the stand-in nothing', async ({ page, context, extensionId, fake }) => {
  await openOverview(page, extensionId);
  await expect(page.getByRole('combobox', { name: 'Group' }).locator('option')).toHaveText([mainGroup.name, campaigns.name]);
  await settled(fake);
  await page.close();

  const from = fake.log.length;
  const again = await context.newPage();
  await openOverview(again, extensionId);
  await expect(again.getByTestId('clicks-chart')).toHaveAttribute('data-drawn', 'true');
  await expect(again.getByTestId('world-map')).toHaveAttribute('data-drawn', 'true');
  // The picker is filled from the cached list: asked of Bitly, it could only show after the answer was logged.
  const picker = again.getByRole('combobox', { name: 'Group' });
  await expect(picker.locator('option')).toHaveText([mainGroup.name, campaigns.name]);
  await expect(picker).toHaveValue(mainGroup.guid);
  await settled(fake);
  expect(fake.log.slice(from).map((r) => `${r.method} ${r.path}`)).toEqual([]);

  // The same from the other group's address.
  await picker.selectOption({ label: campaigns.name });
  await expect(again.getByTestId('group-clicks').getByTestId('total-clicks')).toHaveText(count(await groupTotal(fake, campaigns.guid)));
  await settled(fake);
  const reopened = fake.log.length;
  await again.reload();
  await openOverview(again, extensionId, `#account&group=${campaigns.guid}`);
  await expect(again.getByRole('combobox', { name: 'Group' })).toHaveValue(campaigns.guid);
  await settled(fake);
  expect(fake.log.slice(reopened).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});

test('organization clicks are the sum of its groups’, with a table by group; links created are asked for group and organization', async ({ page, extensionId, fake }) => {
  const totals = [await groupTotal(fake, mainGroup.guid), await groupTotal(fake, campaigns.guid)];
  fake.clearLog();
  await openOverview(page, extensionId);
  await expect(page.getByTestId('organization-total')).toHaveText(count(totals[0]! + totals[1]!));
  const rows = page.getByTestId('organization-clicks-table').locator('tbody tr');
  const expected = [
    [mainGroup.name, totals[0]!],
    [campaigns.name, totals[1]!],
  ].sort((a, b) => (b[1] as number) - (a[1] as number));
  await expect(rows).toHaveText(expected.map(([name, clicks]) => new RegExp(`${name}\\s*${count(clicks as number)}`)));

  await settled(fake);
  // The legacy organization/clicks: the organization's groups, then each group's clicks.
  expect(fake.log.filter((r) => r.path === '/v4/groups' && r.query.organization_guid === paid.organizationGuid)).toHaveLength(1);
  expect(fake.log.filter((r) => r.path === `/v4/groups/${campaigns.guid}/clicks`).map((r) => `${r.query.unit} ${r.query.units}`)).toEqual(['day 30']);
  // Links created per period, in the group and in the organization.
  expect(fake.log.filter((r) => r.path === `/v4/groups/${mainGroup.guid}/shorten_counts`)).toHaveLength(1);
  expect(fake.log.filter((r) => r.path === `/v4/organizations/${paid.organizationGuid}/shorten_counts`)).toHaveLength(1);
  await expect(page.getByTestId('group-created-table')).toBeVisible();
  await expect(page.getByTestId('organization-created-table')).toBeVisible();

  // Exported, the series adds up to the total shown.
  const file = await download(page, 'Export Clicks in the organization as CSV');
  expect(file.name).toMatch(/_organization-clicks\.csv$/);
  const records = parseCsv(file.text).records;
  expect(records[0]).toEqual(['date', 'clicks']);
  expect(records.slice(1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(totals[0]! + totals[1]!);

  // A second visit answers from the cache: nothing asked again.
  const from = fake.log.length;
  await openOverview(page, extensionId);
  await expect(page.getByTestId('organization-total')).toHaveText(count(totals[0]! + totals[1]!));
  await settled(fake);
  expect(fake.log.slice(from)).toEqual([]);
});

test('the overview’s exports hold the numbers shown, and a top link opens its report', async ({ page, extensionId }) => {
  await openOverview(page, extensionId);
  const shownDays = await page.getByTestId('clicks-table').locator('tbody tr td').allInnerTexts();
  const clicks = parseCsv((await download(page, 'Export Clicks over time as CSV')).text).records;
  expect(clicks.slice(1).map((r) => count(Number(r[1])))).toEqual(shownDays.map((c) => c.trim()));

  const shownLinks = await page.getByTestId('top-links-list').locator('li').all();
  const top = parseCsv((await download(page, 'Export Top links by clicks as CSV')).text).records;
  expect(top[0]).toEqual(['rank', 'id', 'link', 'title', 'long_url', 'created_at', 'clicks']);
  for (const [i, row] of shownLinks.entries()) {
    await expect(row.getByRole('link')).toHaveText(top[i + 1]![1]!);
    await expect(row.locator('.num')).toHaveText(count(Number(top[i + 1]![6])));
  }

  const first = page.getByTestId('top-links-list').getByRole('link').first();
  const link = (await first.innerText()).trim();
  await first.click();
  await expect(page).toHaveURL(`chrome-extension://${extensionId}/report.html#link=${link}`);
  await expect(page.locator('html')).toHaveAttribute('data-view', 'data');
  await expect(page.getByTestId('total-clicks')).toHaveText(count(Number(top[1]![6])));
});
