/**
 * PRODUCT.md §5, every row on every surface that shows a link's statistics — the hover card, the
 * toolbar popup (its link view: the tab is the Bitly link) and the full report — against the
 * stand-in's fault injection. Each cell asserts what the user sees and how many requests reached
 * Bitly. Cells other specs already cover are not repeated here (see COVERED_ELSEWHERE).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import type { Site } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { startFakeBitly, type FakeBitly, type LoggedRequest } from '../fake-bitly/server';
import type { FaultRule } from '../fake-bitly/faults';
import { HoverPage } from './support/hover-page';
import { Popup, touchPage } from '../support/popup';
import { TEST_API_PORT } from '../../scripts/flavour';

const { paid, free } = SAMPLE.accounts;

/** The client's timeout (utils/bitly/transport.ts) times three attempts, and room to show it. */
const TIMEOUT_CELL_MS = 100_000;
/** A rate limit's first pause (2 s) is waited out, the second (4 s) answered: the auto re-ask follows. */
const RATE_LIMIT_STATE_MS = 20_000;
/** The scheduler's first rate-limit pause (utils/scheduler/request-scheduler.ts), as the stand-in's clock sees it. */
const RATE_LIMIT_FIRST_PAUSE_MS = 2_000;
const CLOCK_SLACK_MS = 100;
/** Three attempts of a failing request with the scheduler's backoff (0.5 s, 1.5 s). */
const RETRIES_STATE_MS = 15_000;

type SurfaceName = 'card' | 'popup' | 'report';

/** One surface showing one link, driven the way a person uses it. */
interface Surface {
  open(link: string): Promise<void>;
  /** Waits until the whole-view message says `title` (and `detail`, when given). */
  expectPanel(title: string, detail?: string, timeout?: number): Promise<void>;
  /** Waits until the numbers show: the total clicks. */
  expectNumbers(timeout?: number): Promise<void>;
  /** Clicks a control by its accessible name: Retry. */
  press(name: string): Promise<void>;
  refresh(): Promise<void>;
  /** The age line next to the numbers. */
  age(): Promise<string>;
  /** The view says it is loading. */
  loading(): Promise<boolean>;
  /** The text of the section of one facet (e.g. `cities`). */
  facetText(facet: string): Promise<string>;
}

interface World {
  context: BrowserContext;
  background: Worker;
  /** The options page the test signed in on: an extension page to speak the protocol from. */
  page: Page;
  site: Site;
  extensionId: string;
}

/** Serves a page at the Bitly link's own address, so the tab "is" that link for the popup. */
async function serveAt(context: BrowserContext, url: string) {
  await context.route((u) => u.href === url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><title>Served</title></head><body><p>A page</p></body></html>' }),
  );
}

async function cardSurface(w: World): Promise<Surface> {
  const hover = await HoverPage.open(w.context, w.site, w.page);
  return {
    open: (link) => hover.openCard(link),
    async expectPanel(title, detail, timeout = 8_000) {
      await expect(hover.panel).toContainText(title, { timeout });
      if (detail) await expect(hover.panel).toContainText(detail);
    },
    async expectNumbers(timeout = 8_000) {
      await hover.expectState('data', timeout);
      await expect(hover.total).toBeVisible();
    },
    press: (name) => hover.card.getByRole('button', { name }).click(),
    refresh: () => hover.card.getByTestId('refresh').click(),
    age: async () => (await hover.card.getByTestId('age').textContent()) ?? '',
    loading: async () => (await hover.card.locator('html').getAttribute('data-state')) === 'loading',
    facetText: async (facet) => (await hover.card.getByTestId(facet).textContent()) ?? '',
  };
}

async function popupSurface(w: World): Promise<Surface> {
  const tab = await w.context.newPage();
  let popup: Popup | undefined;
  const open = () => {
    if (!popup) throw new Error('the popup is not open');
    return popup;
  };
  const panelSays = ([title, detail]: readonly [string, string]) => {
    const text = document.querySelector('[data-testid=panel]')?.textContent ?? '';
    return text.includes(title) && text.includes(detail);
  };
  return {
    async open(link) {
      const url = `https://${link}`;
      await serveAt(w.context, url);
      await tab.goto(url);
      await touchPage(tab, w.background);
      popup = await Popup.open(w.context, w.background, tab);
      await popup.waitForView('link');
    },
    async expectPanel(title, detail = '', timeout = 8_000) {
      await open().waitFor(panelSays, [title, detail] as const, timeout);
    },
    async expectNumbers(timeout = 8_000) {
      await open().waitFor(() => document.querySelector('[data-testid=total-clicks]')?.textContent?.trim() || null, undefined, timeout);
    },
    press: (name) => open().clickByText(name),
    refresh: () => open().click('[data-testid=refresh]'),
    age: () => open().text('[data-testid=age]'),
    loading: () => open().evaluate(() => document.querySelector('.link-numbers[aria-busy=true]') !== null),
    facetText: (facet) => open().text(`[data-testid="${facet}"]`),
  };
}

async function reportSurface(w: World): Promise<Surface> {
  const { page } = w;
  return {
    async open(link) {
      // A new document each time: the report reads its hash once.
      await page.goto('about:blank');
      await page.goto(`chrome-extension://${w.extensionId}/report.html#link=${link}`);
    },
    async expectPanel(title, detail, timeout = 8_000) {
      await expect(page.getByTestId('panel')).toContainText(title, { timeout });
      if (detail) await expect(page.getByTestId('panel')).toContainText(detail);
    },
    async expectNumbers(timeout = 8_000) {
      await expect(page.locator('html')).toHaveAttribute('data-view', 'data', { timeout });
      await expect(page.getByTestId('total-clicks')).toBeVisible();
    },
    press: (name) => page.getByRole('button', { name }).click(),
    refresh: () => page.getByTestId('refresh').click(),
    age: async () => (await page.getByTestId('age').textContent()) ?? '',
    loading: async () => (await page.locator('html').getAttribute('data-view')) === 'loading',
    facetText: async (facet) => (await page.getByTestId(facet).textContent()) ?? '',
  };
}

const SURFACES: Record<SurfaceName, (w: World) => Promise<Surface>> = { card: cardSurface, popup: popupSurface, report: reportSurface };

/** Requests whose path ends with `/<suffix>`. */
const hits = (fake: FakeBitly, suffix: string) => fake.log.filter((r) => r.path.endsWith(`/${suffix}`));
/** No request was sent twice (same method, path and query). */
function expectNoRepeats(fake: FakeBitly) {
  const seen = fake.log.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`);
  expect(seen.filter((s, i) => seen.indexOf(s) !== i)).toEqual([]);
}
const quiet = (fake: FakeBitly) => expect.poll(() => fake.inFlight, { timeout: 15_000 }).toBe(0);

interface Cell {
  /** The §5 row, as the test's title. */
  row: string;
  surfaces: SurfaceName[];
  /** Who is signed in (null: nobody). */
  account?: typeof paid | null;
  timeout?: number;
  run(surface: Surface, fake: FakeBitly, w: World): Promise<void>;
}

const retryable = (fault: FaultRule['fault'], detail: string, timeout = RETRIES_STATE_MS): Cell['run'] =>
  async (surface, fake) => {
    const link = paid.links[5]!.id;
    fake.faults.add({ match: { path: `/${link}/clicks` }, fault });
    await surface.open(link);
    await surface.expectPanel('Couldn’t load the statistics', detail, timeout);
    // One request and at most two automatic retries.
    expect(hits(fake, `${link}/clicks`)).toHaveLength(3);
    fake.faults.clear();
    await surface.press('Retry');
    await surface.expectNumbers();
    expect(hits(fake, `${link}/clicks`)).toHaveLength(4);
  };

/** The asks of a rate-limited request: each after a pause of at least the scheduler's first (2 s). */
function expectBackoff(asks: LoggedRequest[]) {
  const gaps = asks.slice(1).map((r, i) => r.startedAt - asks[i]!.startedAt);
  expect(gaps.filter((gap) => gap < RATE_LIMIT_FIRST_PAUSE_MS - CLOCK_SLACK_MS)).toEqual([]);
}

const rateLimited = (fault: FaultRule['fault']): Cell['run'] => async (surface, fake) => {
  const link = paid.links[6]!.id;
  fake.faults.add({ match: { path: `/${link}/clicks` }, fault });
  await surface.open(link);
  await surface.expectPanel('Bitly rate limit — retrying in', undefined, RATE_LIMIT_STATE_MS);
  // The first short pause was waited out and asked once more; then the wait is shown, not hammered.
  expect(hits(fake, `${link}/clicks`).length).toBeGreaterThanOrEqual(2);
  fake.faults.clear();
  // The automatic backoff asks again by itself once the pause ends.
  await surface.expectNumbers(RATE_LIMIT_STATE_MS);
  expectBackoff(hits(fake, `${link}/clicks`));
};

/** Cached numbers, then a refresh that fails: the numbers stay, with their age and why they are not new. */
const staleWhen = (fault: FaultRule['fault'], ageSays: RegExp): Cell['run'] => async (surface, fake) => {
  const link = paid.links[7]!.id;
  await surface.open(link);
  await surface.expectNumbers();
  await quiet(fake);
  fake.clearLog();
  fake.faults.add({ match: { path: `/${link}/clicks` }, fault });
  await surface.refresh();
  await expect.poll(() => surface.age(), { timeout: RATE_LIMIT_STATE_MS }).toMatch(ageSays);
  await surface.expectNumbers();
  if (fault.kind === 'status') expect(hits(fake, `${link}/clicks`)).toHaveLength(3);
  else expectBackoff(hits(fake, `${link}/clicks`));
};

const CELLS: Cell[] = [
  {
    row: 'no token: the way to add one, and Bitly is not asked',
    surfaces: ['report'],
    account: null,
    async run(surface, fake) {
      await surface.open(paid.links[0]!.id);
      await surface.expectPanel('Add your Bitly token');
      expect(fake.log).toEqual([]);
    },
  },
  {
    row: 'token revoked while in use: "token rejected — update it", nothing retried',
    surfaces: ['popup', 'report'],
    async run(surface, fake) {
      await surface.open(paid.links[8]!.id);
      await surface.expectNumbers();
      await quiet(fake);
      fake.clearLog();
      fake.faults.add({ match: { token: paid.token }, fault: { kind: 'token-revoked' } });
      await surface.open(paid.links[9]!.id);
      await surface.expectPanel('Bitly rejected your token — update it');
      await quiet(fake);
      expect(fake.log.length).toBeGreaterThan(0);
      expect(fake.log.every((r) => r.status === 403)).toBe(true);
      expectNoRepeats(fake);
    },
  },
  {
    row: 'link of another account (403): its destination and "Not in your Bitly account"',
    surfaces: ['popup', 'report'],
    async run(surface, fake) {
      const foreign = free.links[1]!;
      await surface.open(foreign.id);
      await surface.expectPanel('Not in your Bitly account');
      await quiet(fake);
      expect(fake.log.filter((r) => r.path === '/v4/expand').map((r) => r.status)).toEqual([200]);
      expectNoRepeats(fake);
    },
  },
  {
    row: 'link Bitly does not know (404): "Not in your Bitly account"',
    surfaces: ['card', 'popup', 'report'],
    async run(surface, fake) {
      await surface.open(SAMPLE.missingLinkId);
      await surface.expectPanel('Not in your Bitly account');
      await quiet(fake);
      expect(fake.log.filter((r) => r.path === '/v4/expand').map((r) => r.status)).toEqual([404]);
      expectNoRepeats(fake);
    },
  },
  {
    row: 'deleted link (410): "This link was deleted"',
    surfaces: ['popup', 'report'],
    async run(surface, fake) {
      await surface.open(paid.deletedLinks[1]!.id);
      await surface.expectPanel('This link was deleted');
      await quiet(fake);
      expect(fake.log.some((r) => r.status === 410)).toBe(true);
      expectNoRepeats(fake);
    },
  },
  { row: 'rate limited (429): "retrying in N s", then the numbers by themselves', surfaces: ['popup', 'report'], run: rateLimited({ kind: 'rate-limit-429' }) },
  { row: 'rate limited (403 RATE_LIMIT_EXCEEDED): "retrying in N s", then the numbers by themselves', surfaces: ['card', 'popup', 'report'], run: rateLimited({ kind: 'rate-limit-403' }) },
  { row: 'server error (503): a retry button after two automatic retries', surfaces: ['report'], run: retryable({ kind: 'status', status: 503 }, 'Bitly had a problem answering') },
  {
    row: 'timeout (10 s): a retry button after two automatic retries',
    surfaces: ['card', 'popup', 'report'],
    timeout: TIMEOUT_CELL_MS,
    run: retryable({ kind: 'timeout' }, 'Bitly didn’t answer in time', 60_000),
  },
  { row: 'malformed body: a retry button after two automatic retries', surfaces: ['card', 'popup', 'report'], run: retryable({ kind: 'malformed' }, 'Bitly’s answer couldn’t be read') },
  {
    row: 'offline: says Bitly cannot be reached, and Retry works once it is back',
    surfaces: ['card', 'popup', 'report'],
    async run(surface, fake) {
      const link = paid.links[10]!.id;
      await fake.close();
      await surface.open(link);
      await surface.expectPanel('Couldn’t load the statistics', 'Bitlens couldn’t reach Bitly', RETRIES_STATE_MS);
      const back = await startFakeBitly({ port: TEST_API_PORT });
      try {
        await surface.press('Retry');
        await surface.expectNumbers();
        expect(hits(back, `${link}/clicks`)).toHaveLength(1);
      } finally {
        await back.close();
      }
    },
  },
  {
    row: 'slow Bitly: a loading state, then the numbers, nothing asked twice',
    surfaces: ['card', 'popup', 'report'],
    async run(surface, fake) {
      const link = paid.links[11]!.id;
      fake.faults.add({ match: { path: `/${link}/` }, fault: { kind: 'latency', ms: 3_000 } });
      await surface.open(link);
      await expect.poll(() => surface.loading()).toBe(true);
      await surface.expectNumbers(15_000);
      await quiet(fake);
      expect(hits(fake, `${link}/clicks`)).toHaveLength(1);
      expectNoRepeats(fake);
    },
  },
  { row: 'cached, then a server error: the cached numbers with their age and "couldn’t refresh"', surfaces: ['card', 'popup', 'report'], run: staleWhen({ kind: 'status', status: 503 }, /^Updated .* · couldn’t refresh$/) },
  { row: 'cached, then rate limited: the cached numbers with their age and the retry time', surfaces: ['card', 'popup', 'report'], run: staleWhen({ kind: 'rate-limit-429' }, /^Updated .* · rate limit, retrying in \d+ s$/) },
];

for (const cell of CELLS) {
  for (const name of cell.surfaces) {
    test(`${name}: ${cell.row}`, async ({ context, background, page, site, extensionId, fake }) => {
      if (cell.timeout) test.setTimeout(cell.timeout);
      else test.setTimeout(60_000);
      const account = cell.account === undefined ? paid : cell.account;
      if (account) await signIn(page, extensionId, account);
      else await page.goto(`chrome-extension://${extensionId}/options.html`);
      await quiet(fake);
      fake.clearLog();
      const w = { context, background, page, site, extensionId };
      // The report navigates its own tab: keep the options page for protocol messages.
      const surface = await SURFACES[name](name === 'report' ? { ...w, page: await context.newPage() } : w);
      await cell.run(surface, fake, w);
    });
  }
}

/*
 * §5 cells other specs cover, not repeated here:
 * card: no token (card-page, hover-card), token revoked (hover-card), another account's link
 *   (card-page, hover-card), 410 (card-page, hover-card), 429 (card-page, hover-card), 503 + Retry (card-page);
 * popup: no token, token revoked in the list view, 503 + Retry, 402 (popup);
 * report: 402 (report).
 * The card has no 402 cell: it shows only clicks, countries and referrers, which no plan gates.
 */
