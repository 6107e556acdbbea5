/**
 * B2: added main-thread script time on a 10,000-link page (1 % Bitly links), with an extension
 * vs without any: (a) loading the page, (b) 200 pointer moves across its links.
 *
 * Each run opens the page in a new tab of one browser and reads the tab's ScriptDuration
 * (a) after load plus a settle time, (b) before and after the moves. The page has no script of its
 * own, so without an extension both figures are ~0 and the difference is the extension's. The
 * moves start on the fresh page (nothing moved the pointer over it before), so the first crossing
 * of a Bitly link — everything a content script sets up on first use — is inside (b).
 *
 * These times depend on the machine, so the budgets are ratios (PRODUCT.md §6): Bitlens, the
 * yardstick extension (reference-extension.ts) and a browser without extension are measured
 * interleaved (interleaved-runs.ts), and Bitlens' added time is compared with the yardstick's,
 * both against the same samples without extension.
 */
import type { Page } from '@playwright/test';
import type { Browser } from './browsers';
import { attachProbe } from './cdp-metrics';
import { COMPARED, type Compared, type ComparedBrowsers, figureOf, interleavedRuns, perRound, spreadEach } from './interleaved-runs';
import { BITLY_EVERY, GRID, cellCentre, isBitlyIndex, linkGridPage, linkHref } from './pages';
import type { PageServer } from './page-server';
import { type Measured, errorText, notMeasured } from './result';
import { median, ms, ratio, sleep } from './stats';

export const B2_LINKS = 10_000;
export const B2_MOVES = 200;
/** Of the moves, one in BITLY_MOVE_EVERY lands on a Bitly link (the rest on ordinary links), the first near the start. */
const BITLY_MOVE_EVERY = 20;
const FIRST_BITLY_MOVE = 4;
/** PRODUCT.md §6: Bitlens' added time as a multiple of the yardstick's, measured in the same run. */
export const B2_LOAD_BUDGET_RATIO = 1.2;
export const B2_MOVES_BUDGET_RATIO = 0.5;
/**
 * The first Bitly link of the moves is crossed at a person's pace rather than jumped over: the
 * pointer enters it at its left edge and crosses it in CROSSING_STEPS moves FRAME_MS apart (a
 * 64 px link at ~1,000 px/s, pointer events at 60 Hz), so whatever a crossing sets off (config,
 * timers, anything made on first use) runs inside the window; no card opens (far under the delay).
 */
export const CROSSING_STEPS = 4;
const FRAME_MS = 16;
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
    if (targets.length % BITLY_MOVE_EVERY === FIRST_BITLY_MOVE) {
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
    let crossed = false;
    for (const i of targets) {
      const { x, y } = cellCentre(i);
      if (!crossed && isBitlyIndex(i)) {
        crossed = true;
        const left = x - GRID.CELL_WIDTH / 2 + 2;
        for (let step = 0; step < CROSSING_STEPS; step++) {
          await page.mouse.move(left + (step * (GRID.CELL_WIDTH - 4)) / (CROSSING_STEPS - 1), y);
          await sleep(FRAME_MS);
        }
        continue;
      }
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

/** Medians of what one extension added to the page: its runs − the runs without extension. */
export interface B2Added {
  loadMs: number;
  movesMs: number;
}

/** Bitlens' and the yardstick's added time from the same interleaved runs, with the raw samples for the notes. */
export interface B2Figures {
  bitlens: B2Added;
  yardstick: B2Added;
  notes: string[];
}

/**
 * One warm-up run per browser, then `runs` rounds of one run in each, the order rotated each
 * round (interleaved-runs.ts). Every run is a new tab, so the moves start on a fresh page and
 * include its first crossing of a Bitly link. Throws when a run fails.
 */
export async function measurePageLoadAndMoves(browsers: ComparedBrowsers, server: PageServer, runs: number): Promise<B2Figures> {
  const url = server.add('/b2-grid', linkGridPage(B2_LINKS));
  const targets = moveTargets();
  const samples = await interleavedRuns(COMPARED, runs, (c) => oneRun(browsers[c], url, targets));
  const load = figureOf(samples, (f) => f.loadMs);
  const moves = figureOf(samples, (f) => f.movesMs);
  const added = (c: Compared): B2Added => ({ loadMs: median(load[c]) - median(load.none), movesMs: median(moves[c]) - median(moves.none) });
  const bitlyMoves = targets.filter(isBitlyIndex).length;
  return {
    bitlens: added('bitlens'),
    yardstick: added('yardstick'),
    notes: [
      `B2a page load, ms of ScriptDuration: ${spreadEach(load, 3)}; ${perRound(load, 3)}.`,
      `B2b ${B2_MOVES} moves on a fresh page (${bitlyMoves} onto Bitly links, the first crossed in ${CROSSING_STEPS} moves ${FRAME_MS} ms apart; 1 in ${BITLY_EVERY} links is one), ms: ${spreadEach(moves, 3)}; ${perRound(moves, 2)}.`,
    ],
  };
}

/** "1.23 ms (0.84× yardstick 1.46 ms)". */
const withRatio = (value: number, yardstick: number) => `${ms(value)} (${ratio(value, yardstick)}× yardstick ${ms(yardstick)})`;

/** B2's rows: Bitlens' added time as a ratio to the yardstick's, measured in the same runs (PRODUCT.md §6). */
export function b2Rows(figures: B2Figures | Error): Measured {
  const loadMeasure = `added script time, ${B2_LINKS.toLocaleString('en')}-link page load, vs the yardstick`;
  const movesMeasure = `added script time, ${B2_MOVES} pointer moves on a fresh page (first Bitly crossing included), vs the yardstick`;
  const loadBudget = `≤ ${B2_LOAD_BUDGET_RATIO}× yardstick`;
  const movesBudget = `≤ ${B2_MOVES_BUDGET_RATIO}× yardstick`;
  if (figures instanceof Error) {
    const why = errorText(figures);
    return { rows: [...notMeasured('B2a', loadMeasure, loadBudget, why).rows, ...notMeasured('B2b', movesMeasure, movesBudget, why).rows], notes: [`B2: not measured — ${why}`] };
  }
  const { bitlens, yardstick } = figures;
  return {
    rows: [
      { id: 'B2a', measure: loadMeasure, measured: withRatio(bitlens.loadMs, yardstick.loadMs), budget: loadBudget, pass: bitlens.loadMs / yardstick.loadMs <= B2_LOAD_BUDGET_RATIO },
      { id: 'B2b', measure: movesMeasure, measured: withRatio(bitlens.movesMs, yardstick.movesMs), budget: movesBudget, pass: bitlens.movesMs / yardstick.movesMs <= B2_MOVES_BUDGET_RATIO },
    ],
    notes: figures.notes,
  };
}
