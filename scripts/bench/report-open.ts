/**
 * The report in the bench (issue 11): open the full report of a link whose every facet is cached,
 * and the account overview likewise, and time every chart painted from the cache. Each open is a
 * new tab on `report.html#link=…` / `#account`; the page stamps `data-charts-painted-at`
 * (entrypoints/report/paint-marks.ts: ms from the document's navigation start to the first frame
 * after the clicks chart and the world map were both drawn). The first open of each fills the
 * cache. During the timed opens every stand-in answer is delayed by WAIT_PROBE_MS: a page that
 * waited for Bitly before painting could not paint before that, so "painted sooner" shows it
 * did not wait. Also: start-up script sizes per page (gzip) and the check that the card's and the
 * popup's start-up holds no report-only module.
 */
import type { BrowserContext } from '@playwright/test';
import type { FakeBitly } from '../../tests/fake-bitly/server';
import { checkStartupBoundaries } from '../../tests/support/bundle-boundaries';
import { pageStartups } from './page-bundles';
import { errorText, type Measured, type Row } from './result';
import { median, ms, sleep, spread } from './stats';

/** The delay the stand-in adds to every answer during timed opens. */
export const WAIT_PROBE_MS = 1500;
const BUDGET = `< ${WAIT_PROBE_MS} ms (no wait for Bitly)`;

interface Open {
  /** Navigation start → every chart painted. */
  paintedMs: number;
  /** Navigation start → both charts drawn (the frame that shows them follows). */
  drawnMs: number;
  /** Stand-in requests made while the tab was open (`METHOD path`). */
  calls: string[];
}

async function idle(fake: FakeBitly) {
  const deadline = Date.now() + 15_000;
  while (fake.inFlight > 0 && Date.now() < deadline) await sleep(10);
}

async function openOnce(context: BrowserContext, url: string, fake: FakeBitly): Promise<Open> {
  const from = fake.log.length;
  const page = await context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => document.documentElement.dataset.chartsPaintedAt ?? null, undefined, { timeout: 20_000, polling: 50 });
    const paintedMs = Number(await handle.jsonValue());
    const drawnMs = Number(await page.evaluate(() => document.documentElement.dataset.chartsDrawnAt));
    // Requests still under way (a refresh a cached open should never start) are counted once they are logged.
    await idle(fake);
    return { paintedMs, drawnMs, calls: fake.log.slice(from).map((r) => `${r.method} ${r.path.replace(/^\/v4/, '')}`) };
  } finally {
    await page.close();
  }
}

export async function measureReportOpens(opts: { context: BrowserContext; extensionId: string; fake: FakeBitly; linkId: string; runs: number }): Promise<Measured> {
  const { context, extensionId, fake, linkId, runs } = opts;
  const scenarios = [
    { name: 'link report', measure: 'report open → every chart painted from cache (a link: clicks chart and world map)', hash: `#link=${linkId}` },
    { name: 'account overview', measure: 'report open → every chart painted from cache (account overview: group clicks and world map)', hash: '#account' },
  ];
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const scenario of scenarios) {
    const url = `chrome-extension://${extensionId}/report.html${scenario.hash}`;
    fake.faults.clear();
    const first = await openOnce(context, url, fake);
    fake.faults.add({ fault: { kind: 'latency', ms: WAIT_PROBE_MS } });
    const cached: Open[] = [];
    try {
      for (let i = 0; i < runs; i++) cached.push(await openOnce(context, url, fake));
    } finally {
      fake.faults.clear();
    }
    const painted = cached.map((o) => o.paintedMs);
    const calls = cached.flatMap((o) => o.calls);
    const value = median(painted);
    const slowest = cached.reduce((a, b) => (b.paintedMs > a.paintedMs ? b : a));
    rows.push({
      id: 'R',
      measure: scenario.measure,
      measured: `${ms(value, 0)} (median of ${painted.length})${calls.length ? `, ${calls.length} requests on cached opens` : ''}`,
      budget: BUDGET,
      // Everything cached and fresh: nothing at all is asked of Bitly (the group picker's list included).
      pass: Math.max(...painted) < WAIT_PROBE_MS && calls.length === 0,
    });
    notes.push(
      `R ${scenario.name}: cached opens, navigation start → every chart painted ms ${spread(painted, 0)} [${painted.map((p) => p.toFixed(0)).join(', ')}] (the slowest: both charts drawn at ${slowest.drawnMs.toFixed(0)} ms, painted in the next frame at ${slowest.paintedMs.toFixed(0)} ms), every stand-in answer delayed ${WAIT_PROBE_MS} ms meanwhile; requests on cached opens: ${calls.length ? `${calls.length} (${[...new Set(calls)].join(', ')})` : 'none'}. First (uncached) open: ${ms(first.paintedMs, 0)}, ${first.calls.length} requests.`,
    );
  }
  return { rows, notes };
}

/** Start-up script per page (gzip), and whether the card and the popup stay free of report-only code. */
export function measureStartupBundles(extensionDir: string, label: string): Measured {
  const startups = pageStartups(extensionDir);
  let problems: string[];
  try {
    problems = checkStartupBoundaries(extensionDir);
  } catch (error) {
    // A prebuilt extension (BENCH_EXTENSION_DIR) may lack the chunk list: sizes only.
    return { rows: [{ id: 'R', measure: `card and popup start-up scripts hold no report-only module (${label})`, measured: `not checked: ${errorText(error)}`, budget: 'none', pass: null }], notes: [] };
  }
  const sizes = startups.map((s) => `${s.page.replace('.html', '')} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ');
  return {
    rows: [
      {
        id: 'R',
        measure: `card and popup start-up scripts hold no report-only module (${label})`,
        measured: problems.length ? problems.join('; ') : `none (start-up gzip: ${sizes})`,
        budget: 'none',
        pass: problems.length === 0,
      },
    ],
    notes: startups.map((s) => `Start-up JS of ${s.page} (${label}; entry + static imports, gzip -9): ${s.gzip} B gzip, ${s.raw} B minified — ${s.files.map((f) => `${f.file} ${f.gzip} B`).join(', ')}.`),
  };
}
