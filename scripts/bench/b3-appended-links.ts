/**
 * B3: 1,000 links appended after load (10 batches of 100, one per task, as infinite scroll does)
 * to the 10,000-link page: added main-thread script time with an extension vs without any. Bitlens,
 * the yardstick extension and a browser without extension are measured interleaved
 * (interleaved-runs.ts); both extensions' added time is taken against the same samples without.
 *
 * The page's own script appends pre-parsed <template> content, so its cost is small and the same
 * in every browser; a full garbage collection just before the "before" reading keeps a collection
 * owed by the page load from landing in the window.
 *
 * "No full rescans": in the browser without extension, after the append, the bench times one
 * full rescan of the page the way an extension would do it (every `a[href]`, host checked against
 * a Set; a page task, since script run through DevTools' Runtime.evaluate is not counted in
 * ScriptDuration), with the same clock. An extension that rescanned the document even once during the 10
 * batches would have added at least that much; so the added time must stay below it.
 */
import type { Browser } from './browsers';
import { attachProbe } from './cdp-metrics';
import { COMPARED, type ComparedBrowsers, figureOf, interleavedRuns, perRound, spreadEach } from './interleaved-runs';
import { BITLY_EVERY, appendPage } from './pages';
import type { PageServer } from './page-server';
import { type Measured, errorText, notMeasured } from './result';
import { median, ms, ratio, sleep, spread } from './stats';
import { SETTLE_MS } from './b2-page-load-and-moves';

export const B3_APPENDED = 1000;
export const B3_BATCHES = 10;
export const B3_BUDGET_MS = 0.5;
const BASE_LINKS = 10_000;
/** After the last batch: time for observers, debounced or idle-time work to run. */
const AFTER_APPEND_MS = 1000;

interface RunFigures {
  appendMs: number;
  /** Only in the browser without extension. */
  rescanMs?: number;
}

async function oneRun(browser: Browser, url: string): Promise<RunFigures> {
  const page = await browser.context.newPage();
  try {
    const probe = await attachProbe(page);
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    await probe.collectGarbage();
    const before = await probe.scriptMs();
    const links = await probe.evaluate<number>('benchAppend()');
    await sleep(AFTER_APPEND_MS);
    const after = await probe.scriptMs();
    if (links !== BASE_LINKS + B3_APPENDED) throw new Error(`the page has ${links} links after appending, expected ${BASE_LINKS + B3_APPENDED}`);
    const figures: RunFigures = { appendMs: after - before };
    if (browser.extensionId) {
      if (!probe.hasContentScriptOf(browser.extensionId)) throw new Error('the extension has no script running in the page (content script not injected?)');
    } else {
      await probe.collectGarbage();
      const beforeRescan = await probe.scriptMs();
      const found = await probe.evaluate<number>('benchRescan()');
      const expected = (BASE_LINKS + B3_APPENDED) / BITLY_EVERY;
      if (found !== expected) throw new Error(`the rescan found ${found} Bitly links, expected ${expected}`);
      figures.rescanMs = (await probe.scriptMs()) - beforeRescan;
    }
    await probe.detach();
    return figures;
  } finally {
    await page.close();
  }
}

export interface B3Figures {
  /** Medians: Bitlens' runs − the runs without extension. */
  bitlensAddedMs: number;
  /** Medians: the yardstick's runs − the same runs without extension. */
  yardstickAddedMs: number;
  /** One full rescan of the page, timed in the browser without extension. */
  rescanMs: number;
  notes: string[];
}

/**
 * One warm-up run per browser, then `runs` rounds of one run in each, the order rotated each
 * round (interleaved-runs.ts). The page's own append costs ~2 ms, varying by a few tenths from
 * run to run, against a 0.5 ms budget: callers should give B3 more runs than B2. Throws when a
 * run fails.
 */
export async function measureAppendedLinks(browsers: ComparedBrowsers, server: PageServer, runs: number): Promise<B3Figures> {
  const url = server.add('/b3-append', appendPage(BASE_LINKS, B3_APPENDED, B3_BATCHES));
  const samples = await interleavedRuns(COMPARED, runs, (c) => oneRun(browsers[c], url));
  const append = figureOf(samples, (f) => f.appendMs);
  const rescans = samples.none.map((f) => f.rescanMs!);
  return {
    bitlensAddedMs: median(append.bitlens) - median(append.none),
    yardstickAddedMs: median(append.yardstick) - median(append.none),
    rescanMs: median(rescans),
    notes: [
      `B3 append, ms: ${spreadEach(append, 3)}; ${perRound(append, 3)}.`,
      `B3 one full rescan of 11,000 links (querySelectorAll('a[href]') + host in a Set, a page task in the main world, no extension), ms: ${spread(rescans, 3)}.`,
    ],
  };
}

/** B3's rows: an absolute budget (PRODUCT.md §6), with the yardstick's figure of the same runs beside it. */
export function b3Rows(figures: B3Figures | Error): Measured {
  const measure = `added script time, ${B3_APPENDED.toLocaleString('en')} links appended (${B3_BATCHES} batches) to a 10,000-link page`;
  const rescanMeasure = 'no full rescans: added time < one full rescan of the 11,000-link page';
  const budget = `≤ ${B3_BUDGET_MS} ms`;
  if (figures instanceof Error) {
    const why = errorText(figures);
    return {
      rows: [...notMeasured('B3', measure, budget, why).rows, ...notMeasured('B3', rescanMeasure, 'below one rescan', why).rows],
      notes: [`B3: not measured — ${why}`],
    };
  }
  const added = figures.bitlensAddedMs;
  const yardstick = figures.yardstickAddedMs;
  // A yardstick figure within noise of zero makes no meaningful ratio: then it is shown alone.
  const beside = yardstick > 0.05 ? ` (${ratio(added, yardstick)}× yardstick ${ms(yardstick)})` : ` (yardstick ${ms(yardstick)})`;
  return {
    rows: [
      { id: 'B3', measure, measured: `${ms(added)}${beside}`, budget, pass: added <= B3_BUDGET_MS },
      { id: 'B3', measure: rescanMeasure, measured: `${ms(added)} added vs ${ms(figures.rescanMs)} per rescan`, budget: 'added < one rescan', pass: added < figures.rescanMs },
    ],
    notes: figures.notes,
  };
}
