/**
 * B3: 1,000 links appended after load (10 batches of 100, one per task, as infinite scroll does),
 * added main-thread script time with the extension vs without.
 *
 * The page's own script appends pre-parsed <template> content, so its cost is small and the same
 * in both browsers; a full garbage collection just before the "before" reading keeps a collection
 * owed by the page load from landing in the window. "No full rescans": the same append on a page of
 * 100 links must cost the extension about the same as on the 10,000-link page; work that grows with
 * the document means the extension looks at more than the new links.
 */
import type { Browser } from './browsers';
import { attachProbe } from './cdp-metrics';
import { appendPage } from './pages';
import type { PageServer } from './page-server';
import { type Measured, errorText, notMeasured } from './result';
import { median, ms, sleep, spread } from './stats';
import { SETTLE_MS } from './b2-page-load-and-moves';

export const B3_APPENDED = 1000;
export const B3_BATCHES = 10;
export const B3_BUDGET_MS = 0.5;
/** The base pages: the 10,000-link page of B2, and a small one for the rescan check. */
const BIG_BASE = 10_000;
const SMALL_BASE = 100;
/** After the last batch: time for observers, debounced or idle-time work to run. */
const AFTER_APPEND_MS = 1000;

async function oneRun(browser: Browser, url: string, expectedLinks: number): Promise<number> {
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
    if (links !== expectedLinks) throw new Error(`the page has ${links} links after appending, expected ${expectedLinks}`);
    if (browser.extensionId && !probe.hasContentScriptOf(browser.extensionId)) {
      throw new Error('the extension has no script running in the page (content script not injected?)');
    }
    await probe.detach();
    return after - before;
  } finally {
    await page.close();
  }
}

interface Samples {
  with: number[];
  without: number[];
}

const added = (s: Samples) => median(s.with) - median(s.without);

export async function measureAppendedLinks(withExt: Browser, withoutExt: Browser, server: PageServer, runs: number): Promise<Measured> {
  const measure = `added script time, ${B3_APPENDED.toLocaleString('en')} links appended (${B3_BATCHES} batches) to a 10,000-link page`;
  const rescanMeasure = `no full rescans: added time on the 10,000-link page − on a ${SMALL_BASE}-link page`;
  const budget = `≤ ${B3_BUDGET_MS} ms`;
  const pages = {
    big: { url: server.add('/b3-append-big', appendPage(BIG_BASE, B3_APPENDED, B3_BATCHES)), links: BIG_BASE + B3_APPENDED },
    small: { url: server.add('/b3-append-small', appendPage(SMALL_BASE, B3_APPENDED, B3_BATCHES)), links: SMALL_BASE + B3_APPENDED },
  };
  const big: Samples = { with: [], without: [] };
  const small: Samples = { with: [], without: [] };
  try {
    await oneRun(withExt, pages.big.url, pages.big.links);
    await oneRun(withoutExt, pages.big.url, pages.big.links);
    for (let r = 0; r < runs; r++) {
      big.with.push(await oneRun(withExt, pages.big.url, pages.big.links));
      big.without.push(await oneRun(withoutExt, pages.big.url, pages.big.links));
      small.with.push(await oneRun(withExt, pages.small.url, pages.small.links));
      small.without.push(await oneRun(withoutExt, pages.small.url, pages.small.links));
    }
  } catch (error) {
    const why = errorText(error);
    return {
      rows: [...notMeasured('B3', measure, budget, why).rows, ...notMeasured('B3', rescanMeasure, budget, why).rows],
      notes: [`B3: not measured — ${why}`],
    };
  }
  const addedBig = added(big);
  const growth = addedBig - added(small);
  return {
    rows: [
      { id: 'B3', measure, measured: ms(addedBig), budget, pass: addedBig <= B3_BUDGET_MS },
      { id: 'B3', measure: rescanMeasure, measured: ms(growth), budget, pass: growth <= B3_BUDGET_MS },
    ],
    notes: [
      `B3 append to 10,000 links, ms: with ${spread(big.with, 3)}; without ${spread(big.without, 3)}.`,
      `B3 append to ${SMALL_BASE} links, ms: with ${spread(small.with, 3)}; without ${spread(small.without, 3)}; added ${ms(added(small), 3)}.`,
    ],
  };
}
