/**
 * The report's part of `npm run bench` (kept apart from scripts/bench.ts, which calls it): in a
 * fresh profile signed in to the sample account, the report and the account overview opened
 * from cache (report-open.ts), and the start-up script of every page with the card's and the
 * popup's boundary check. Starts and stops its own stand-in on the bench port.
 */
import { BENCH_API_PORT } from '../flavour';
import { startFakeBitly, SAMPLE } from '../../tests/fake-bitly/server';
import { launchBrowser } from './browsers';
import { WAIT_PROBE_MS, measureReportOpens, measureStartupBundles } from './report-open';
import type { Measured } from './result';
import { signInSampleAccount } from './sample-account';

export const REPORT_METHOD = `R (the report, issue 11): in a fresh profile signed in the same way, report.html#link=<the paid account's busiest link> and report.html#account are each opened once in a new tab (filling the cache), then BENCH_RUNS × 2 more times while the stand-in delays every answer by ${WAIT_PROBE_MS} ms. Time = the page's \`data-charts-painted-at\` (performance.now() at the first animation frame after the clicks chart and the world map were both drawn, i.e. from the report document's navigation start); an open that waited for Bitly could not paint before the delay ends. Start-up JS per page: the HTML's module script and modulepreloads plus every chunk they import statically (not \`import()\`), gzip -9; the card and popup check reads the build's chunk list (chunk-modules.json) against tests/support/bundle-boundaries.ts.`;

export async function measureReport(dir: string, runs: number, phase: (text: string) => void): Promise<Measured[]> {
  const results: Measured[] = [measureStartupBundles(dir, 'bench build')];
  phase(`R: the report and the overview opened ${2 * runs + 1} times each, fresh profile`);
  const fake = await startFakeBitly({ port: BENCH_API_PORT });
  const browser = await launchBrowser(dir);
  try {
    await signInSampleAccount(browser.context, browser.extensionId!);
    results.push(await measureReportOpens({ context: browser.context, extensionId: browser.extensionId!, fake, linkId: SAMPLE.accounts.paid.links[0]!.id, runs: 2 * runs }));
  } finally {
    await browser.close();
    await fake.close();
  }
  return results;
}
