/**
 * The hover session behind B4, B5 and B6: a signed-in browser hovers 50 of the account's own
 * links, 3 rounds (every link once per round, the pointer parked away from the links in between).
 * For every hover it records when the pointer entered the link (the page's own trusted
 * `pointerover`, i.e. when the intent delay starts), when the card first painted its numbers
 * (the card document's `data-painted-at`), and the stand-in's requests made meanwhile.
 */
import type { Frame, Page } from '@playwright/test';
import type { FakeBitly, LoggedRequest } from '../../tests/fake-bitly/server';
import { CARD_HOST } from '../../tests/support/chromium';
import { restPointerAt } from '../../tests/support/pointer';
import { HOVER_PARK, hoverPage } from './pages';
import type { PageServer } from './page-server';
import { sleep } from './stats';

export const HOVER_LINKS = 50;
export const HOVER_ROUNDS = 3;
/** Longest wait for a card to show data (10 s client timeout is far beyond any budget). */
const CARD_TIMEOUT_MS = 5000;
/** Longest wait for the card to go away after the pointer left. */
const CLOSE_TIMEOUT_MS = 3000;
/** After the card closed and the stand-in is idle: late requests would show up in this window. */
const QUIET_MS = 150;
/**
 * After the intent delay, the bench leaves the card alone this long before looking at it: asking
 * the card frame for its state costs that frame's process work, which would slow the very paint
 * being timed. The card stamps its own paint time, so looking late does not change the figure.
 */
const HANDS_OFF_MS = 300;
const POLL_MS = 25;

export interface HoverRecord {
  linkId: string;
  /** 1 = first hover of this link (nothing cached), 2 and 3 = hovers after its data was fetched. */
  round: number;
  /** Date.now() in the page when the pointer entered the link. */
  hoverAt: number;
  /**
   * When the card first showed data (epoch ms): the later of its first paint with numbers (in the
   * card) and its frame coming on screen (a prepared card paints before it is revealed); null when
   * no data showed.
   */
  paintedAt: number | null;
  /** When the card's frame came on screen (the page's `benchCardsOnScreen`, pages.ts), if seen. */
  visibleAt: number | null;
  /** paintedAt − (hoverAt + intent delay). */
  latencyMs: number | null;
  /** When the card frame heard which link to show, and when its document had loaded (epoch ms). */
  cardShownAt: number | null;
  cardLoadedAt: number | null;
  /** Stand-in requests from the hover until the card closed and the stand-in was idle. */
  calls: LoggedRequest[];
  error?: string;
}

export interface HoverSession {
  hoverDelayMs: number;
  records: HoverRecord[];
  /** Requests while the page loaded, before the first hover. */
  pageLoadCalls: LoggedRequest[];
  /** Hovers after which the card did not close (the next hover still worked). */
  cardsLeftOpen: number;
}

const isCardFrame = (f: Frame) => f.url().startsWith('chrome-extension://') && !f.isDetached();

interface CardState {
  state?: string;
  paintedAt?: string;
  shownAt?: string;
  loadedAt: number | null;
}

/** The card's state attributes and load time, or null while the frame is loading or going away. */
async function cardState(frame: Frame): Promise<CardState | null> {
  try {
    return await frame.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        state: document.documentElement.dataset.state,
        paintedAt: document.documentElement.dataset.paintedAt,
        shownAt: document.documentElement.dataset.shownAt,
        loadedAt: nav && nav.loadEventEnd > 0 ? performance.timeOrigin + nav.loadEventEnd : null,
      };
    });
  } catch {
    return null;
  }
}

/** Waits for a card frame showing data first painted at or after `since`. */
async function waitForCardData(page: Page, since: number): Promise<CardState & { paintedAt: string }> {
  const deadline = Date.now() + CARD_TIMEOUT_MS;
  let lastState = 'no card frame';
  while (Date.now() < deadline) {
    for (const frame of page.frames().filter(isCardFrame)) {
      const s = await cardState(frame);
      if (!s) continue;
      lastState = `card state "${s.state ?? ''}"`;
      const paintedAt = Number(s.paintedAt);
      if (s.state === 'data' && Number.isFinite(paintedAt) && paintedAt >= since) return { ...s, paintedAt: s.paintedAt! };
    }
    await sleep(POLL_MS);
  }
  throw new Error(`no card with data within ${CARD_TIMEOUT_MS} ms (${lastState})`);
}

/** The card frame stays in the page between cards, hidden. */
async function waitForCardClosed(page: Page): Promise<boolean> {
  const deadline = Date.now() + CLOSE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const shown = await page.evaluate(
      (selector) => [...document.querySelectorAll(selector)].some((host) => getComputedStyle(host).display !== 'none'),
      CARD_HOST,
    );
    if (!shown) return true;
    await sleep(20);
  }
  return false;
}

async function waitForStandInIdle(fake: FakeBitly) {
  const deadline = Date.now() + 10_000;
  while (fake.inFlight > 0 && Date.now() < deadline) await sleep(10);
}

/** The time the page saw the pointer enter link `#h<i>`, at or after `since`. */
/** When the page saw the card come on screen, at or after `since`, if it did. */
async function pageCardOnScreenTime(page: Page, since: number): Promise<number | null> {
  const at = await page.evaluate(() => (window as unknown as { benchCardsOnScreen: number[] }).benchCardsOnScreen.at(-1));
  return at !== undefined && at >= since ? at : null;
}

async function pageHoverTime(page: Page, elementId: string, since: number): Promise<number> {
  const at = await page.evaluate(
    (id) => (window as unknown as { benchHovers: Array<{ id: string; at: number }> }).benchHovers.filter((h) => h.id === id).at(-1)?.at,
    elementId,
  );
  if (at === undefined || at < since - 1) throw new Error(`the page saw no pointer entering #${elementId}`);
  return at;
}

export async function runHoverSession(opts: {
  page: Page;
  fake: FakeBitly;
  server: PageServer;
  linkIds: readonly string[];
  hoverDelayMs: number;
}): Promise<HoverSession> {
  const { page, fake, server, linkIds, hoverDelayMs } = opts;
  fake.clearLog();
  await page.goto(server.add('/hover', hoverPage(linkIds)), { waitUntil: 'load' });
  await page.mouse.move(HOVER_PARK.x, HOVER_PARK.y);
  await sleep(1000);
  await waitForStandInIdle(fake);
  const pageLoadCalls = fake.log.slice();

  // Link centres, read once (the page does not change).
  const centres = await page.evaluate((n) => {
    const out: Array<{ x: number; y: number }> = [];
    for (let i = 0; i < n; i++) {
      const r = document.getElementById(`h${i}`)!.getBoundingClientRect();
      out.push({ x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 });
    }
    return out;
  }, linkIds.length);

  const records: HoverRecord[] = [];
  let cardsLeftOpen = 0;
  for (let round = 1; round <= HOVER_ROUNDS; round++) {
    for (let i = 0; i < linkIds.length; i++) {
      const linkId = linkIds[i]!;
      const logStart = fake.log.length;
      const startedAt = Date.now();
      // As a person does: onto the link, then a little further once the page heard the hover.
      await restPointerAt(page, centres[i]!);
      const record: HoverRecord = { linkId, round, hoverAt: startedAt, paintedAt: null, visibleAt: null, latencyMs: null, cardShownAt: null, cardLoadedAt: null, calls: [] };
      try {
        await sleep(hoverDelayMs + HANDS_OFF_MS);
        const card = await waitForCardData(page, startedAt);
        record.hoverAt = await pageHoverTime(page, `h${i}`, startedAt);
        record.visibleAt = await pageCardOnScreenTime(page, startedAt);
        // A prepared card paints before it is revealed: without the reveal there is no latency.
        if (record.visibleAt === null) throw new Error('the page saw no card come on screen');
        record.paintedAt = Math.max(Number(card.paintedAt), record.visibleAt ?? 0);
        record.latencyMs = record.paintedAt - (record.hoverAt + hoverDelayMs);
        record.cardShownAt = card.shownAt ? Number(card.shownAt) : null;
        record.cardLoadedAt = card.loadedAt;
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      await page.mouse.move(HOVER_PARK.x, HOVER_PARK.y);
      if (!(await waitForCardClosed(page))) cardsLeftOpen++;
      await waitForStandInIdle(fake);
      await sleep(QUIET_MS);
      record.calls = fake.log.slice(logStart);
      records.push(record);
    }
  }
  return { hoverDelayMs, records, pageLoadCalls, cardsLeftOpen };
}
