/**
 * B2: added main-thread script time on a 10,000-link page (1 % Bitly links), with the extension
 * vs without it: (a) loading the page, (b) 200 pointer moves across its links.
 *
 * Each run opens the page in a new tab of each browser and reads the tab's ScriptDuration
 * (a) after load plus a settle time, (b) before and after the moves. The page has no script of its
 * own, so without the extension both figures are ~0 and the difference is the extension's.
 */
import type { Page } from '@playwright/test';
import type { Browser } from './browsers';
import { attachProbe } from './cdp-metrics';
import { BITLY_EVERY, GRID, cellCentre, isBitlyIndex, linkGridPage, linkHref } from './pages';
import type { PageServer } from './page-server';
import { type Measured, errorText, notMeasured } from './result';
import { median, ms, sleep, spread } from './stats';

export const B2_LINKS = 10_000;
export const B2_MOVES = 200;
/** Of the moves, one in BITLY_MOVE_EVERY lands on a Bitly link (the rest on ordinary links). */
const BITLY_MOVE_EVERY = 20;
export const B2_LOAD_BUDGET_MS = 1;
export const B2_MOVES_BUDGET_MS = 5;
/** After `load`: time for the content script (document_idle) and anything it schedules to run. */
export const SETTLE_MS = 1000;
/** Moves stay in the first rows: all visible, clear of the parking corner at the bottom right. */
const MOVE_ROWS = 40;

/**
 * 200 distinct link indices in the visible rows, in an order that jumps around the grid; every
 * BITLY_MOVE_EVERY-th is a Bitly link (10 of 200), so the hover-intent path runs too.
 */
export function moveTargets(): number[] {
  const pool = MOVE_ROWS * GRID.COLUMNS;
  const bitly = Array.from({ length: pool }, (_, i) => i).filter(isBitlyIndex);
  const targets: number[] = [];
  let next = 0;
  while (targets.length < B2_MOVES) {
    if (targets.length % BITLY_MOVE_EVERY === BITLY_MOVE_EVERY - 1) {
      targets.push(bitly[Math.floor(targets.length / BITLY_MOVE_EVERY) % bitly.length]!);
      continue;
    }
    next = (next + 37) % pool; // 37 is prime to the pool size: every index once before repeating
    if (!isBitlyIndex(next) && !targets.includes(next)) targets.push(next);
  }
  return targets;
}

interface RunFigures {
  loadMs: number;
  movesMs: number;
}

/** The page must lay out as the grid constants say, or the moves would not land on links. */
async function checkTargets(page: Page, targets: number[]) {
  const points = targets.map((i) => ({ ...cellCentre(i), href: linkHref(i) }));
  const misses = await page.evaluate(
    (pts) => pts.filter((p) => (document.elementFromPoint(p.x, p.y)?.closest('a') as HTMLAnchorElement | null)?.href !== p.href).length,
    points,
  );
  if (misses > 0) throw new Error(`${misses} of ${targets.length} move targets are not on their link (grid layout changed?)`);
}

async function oneRun(browser: Browser, url: string, targets: number[]): Promise<RunFigures> {
  const page = await browser.context.newPage();
  try {
    const probe = await attachProbe(page);
    const before = await probe.scriptMs();
    await page.goto(url, { waitUntil: 'load' });
    await sleep(SETTLE_MS);
    const afterLoad = await probe.scriptMs();

    await probe.collectGarbage();
    const beforeMoves = await probe.scriptMs();
    for (const i of targets) {
      const { x, y } = cellCentre(i);
      await page.mouse.move(x, y);
    }
    // Leave the links (the intent delay of the last Bitly link is cancelled) and let timers run out.
    const park = page.viewportSize()!;
    await page.mouse.move(park.width - 10, park.height - 10);
    await sleep(500);
    const afterMoves = await probe.scriptMs();

    if (browser.extensionId && !probe.hasContentScriptOf(browser.extensionId)) {
      throw new Error('the extension has no script running in the page (content script not injected?)');
    }
    await checkTargets(page, targets);
    await probe.detach();
    return { loadMs: afterLoad - before, movesMs: afterMoves - beforeMoves };
  } finally {
    await page.close();
  }
}

/** `runs` measured runs per browser, alternating, after one warm-up run each. */
export async function measurePageLoadAndMoves(withExt: Browser, withoutExt: Browser, server: PageServer, runs: number): Promise<Measured> {
  const url = server.add('/b2-grid', linkGridPage(B2_LINKS));
  const targets = moveTargets();
  const figures = { with: [] as RunFigures[], without: [] as RunFigures[] };
  try {
    await oneRun(withExt, url, targets);
    await oneRun(withoutExt, url, targets);
    for (let r = 0; r < runs; r++) {
      figures.with.push(await oneRun(withExt, url, targets));
      figures.without.push(await oneRun(withoutExt, url, targets));
    }
  } catch (error) {
    const why = errorText(error);
    return {
      rows: [
        ...notMeasured('B2a', 'added script time, 10,000-link page load', `≤ ${B2_LOAD_BUDGET_MS} ms`, why).rows,
        ...notMeasured('B2b', `added script time, ${B2_MOVES} pointer moves`, `≤ ${B2_MOVES_BUDGET_MS} ms`, why).rows,
      ],
      notes: [`B2: not measured — ${why}`],
    };
  }
  const load = { with: figures.with.map((f) => f.loadMs), without: figures.without.map((f) => f.loadMs) };
  const moves = { with: figures.with.map((f) => f.movesMs), without: figures.without.map((f) => f.movesMs) };
  const addedLoad = median(load.with) - median(load.without);
  const addedMoves = median(moves.with) - median(moves.without);
  const bitlyMoves = targets.filter(isBitlyIndex).length;
  return {
    rows: [
      { id: 'B2a', measure: `added script time, ${B2_LINKS.toLocaleString('en')}-link page load`, measured: ms(addedLoad), budget: `≤ ${B2_LOAD_BUDGET_MS} ms`, pass: addedLoad <= B2_LOAD_BUDGET_MS },
      { id: 'B2b', measure: `added script time, ${B2_MOVES} pointer moves`, measured: ms(addedMoves), budget: `≤ ${B2_MOVES_BUDGET_MS} ms`, pass: addedMoves <= B2_MOVES_BUDGET_MS },
    ],
    notes: [
      `B2a page load, ms of ScriptDuration: with ${spread(load.with, 3)}; without ${spread(load.without, 3)}.`,
      `B2b ${B2_MOVES} moves (${bitlyMoves} onto Bitly links, 1 in ${BITLY_EVERY} links is one), ms: with ${spread(moves.with, 3)}; without ${spread(moves.without, 3)}.`,
    ],
  };
}
