/**
 * `npx tsx scripts/bench/popup-timeline.ts [extension dir]` (a bench build; under the e2e lock):
 * where the popup's cached opens spend their time, for working on B7 (scripts/bench/b7-popup.ts
 * measures it). Opens the popup on the bench's three tabs like B7 and prints, per tab, the median
 * time from the popup document's navigation start to each step: the document's response and
 * parse, the popup's performance marks (`bitlens-popup-*`), the first paint
 * and the cached numbers painted. Add temporary `performance.mark()`s where you want more steps.
 */
import path from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { BENCH_API_PORT } from '../flavour';
import { startFakeBitly, SAMPLE } from '../../tests/fake-bitly/server';
import { Popup, touchPage } from '../../tests/support/popup';
import { launchBrowser } from './browsers';
import { startPageServer } from './page-server';
import { signInSampleAccount } from './sample-account';
import { median, sleep } from './stats';

const RUNS = Number(process.env.TIMELINE_RUNS ?? 10);

type Steps = Record<string, number>;

async function openOnce(context: BrowserContext, worker: Worker, page: Page): Promise<Steps> {
  const popup = await Popup.open(context, worker, page, { handsOffMs: 400 });
  try {
    return await popup.waitFor(() => {
      const d = document.documentElement.dataset;
      if (!d.paintedAt) return null;
      const steps: Record<string, number> = {};
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      steps['response end'] = nav.responseEnd;
      steps['DOM interactive'] = nav.domInteractive;
      steps['DOMContentLoaded'] = nav.domContentLoadedEventStart;
      for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (!/\.js$/.test(r.name)) continue;
        steps[`fetched ${r.name.replace(/^.*\//, '').replace(/-[\w]{8}\.js$/, '')}`] = r.responseEnd;
      }
      // A mark set more than once (one per facet, say): its first and its last.
      for (const m of performance.getEntriesByType('mark')) {
        if (steps[m.name] === undefined) steps[m.name] = m.startTime;
        else steps[`${m.name} (last)`] = m.startTime;
      }
      for (const p of performance.getEntriesByType('paint')) steps[p.name] = p.startTime;
      steps['painted (data-painted-at)'] = Number(d.paintedAt) - performance.timeOrigin;
      return steps;
    }, undefined, 10_000);
  } finally {
    await popup.close();
  }
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? '.output/bench/chrome-mv3');
  const fake = await startFakeBitly({ port: BENCH_API_PORT });
  const server = await startPageServer();
  const browser = await launchBrowser(dir);
  try {
    const { context } = browser;
    await signInSampleAccount(context, browser.extensionId!);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const ids = SAMPLE.accounts.paid.links.slice(0, 6).map((l) => l.id);
    await context.route(`https://${ids[5]}`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Bitly</title><p>A Bitly link.</p>' }));
    const linksPage = server.add('/popup-links', `<!doctype html><title>Links</title>${ids.slice(0, 5).map((id) => `<p><a href="https://${id}">${id}</a></p>`).join('')}`);
    const tabs: [string, string, boolean][] = [
      ['page links', linksPage, true],
      ['own link', `https://${ids[5]}`, true],
      ['overview', 'chrome://version/', false],
    ];
    const page = await context.newPage();
    for (const [name, url, touch] of tabs) {
      await page.goto(url);
      if (touch) await touchPage(page, worker);
      await openOnce(context, worker, page);
      await sleep(300);
      const runs: Steps[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await openOnce(context, worker, page));
        await sleep(150);
      }
      const names = [...new Set(runs.flatMap((r) => Object.keys(r)))];
      const rows = names.map((n) => [n, median(runs.map((r) => r[n]).filter((x): x is number => x !== undefined))] as const).sort((a, b) => a[1] - b[1]);
      console.log(`\n${name} (median of ${RUNS} cached opens, ms from navigation start):`);
      for (const [n, ms] of rows) console.log(`  ${ms.toFixed(1).padStart(6)}  ${n}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await fake.close();
  }
}

void main();
