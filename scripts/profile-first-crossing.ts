/**
 * `npx tsx scripts/profile-first-crossing.ts [extension dir]`: where the first crossing of a Bitly
 * link on a fresh page spends the page's main-thread script time (PRODUCT.md §6 B2b). A CPU profile
 * (DevTools `Profiler` on the page target, where content scripts run) from the first pointer
 * movement over the bench's 10,000-link page to 150 ms after the pointer reached its first Bitly
 * link; prints self time by function and by script, and the ScriptDuration of the same window.
 * Run it under the browser lock: `flock /tmp/bitlens-e2e.lock npx tsx scripts/profile-first-crossing.ts`.
 */
import path from 'node:path';
import { BENCH_API_PORT } from './flavour';
import { startFakeBitly } from '../tests/fake-bitly/server';
import { extensionDir } from '../tests/support/chromium';
import { launchBrowser } from './bench/browsers';
import { attachProbe } from './bench/cdp-metrics';
import { cellCentre, isBitlyIndex, linkGridPage } from './bench/pages';
import { startPageServer } from './bench/page-server';
import { signInSampleAccount } from './bench/sample-account';
import { sleep } from './bench/stats';

const RUNS = Number(process.env.PROFILE_RUNS ?? 3);

async function main() {
  const dir = path.resolve(process.argv[2] ?? extensionDir('bench'));
  const fake = await startFakeBitly({ port: BENCH_API_PORT });
  const server = await startPageServer();
  const browser = await launchBrowser(dir);
  const url = server.add('/grid', linkGridPage(10_000));
  const selfByFunction = new Map<string, number>();
  const selfByScript = new Map<string, number>();
  let total = 0;
  const scriptMs: number[] = [];
  try {
    await signInSampleAccount(browser.context, browser.extensionId!);
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.context.newPage();
      const probe = await attachProbe(page);
      await page.goto(url, { waitUntil: 'load' });
      await sleep(1000);
      const session = await browser.context.newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 50 });
      await probe.collectGarbage();
      const before = await probe.scriptMs();
      await session.send('Profiler.start');
      const ordinary = cellCentre(3);
      const bitly = cellCentre(Array.from({ length: 200 }, (_, i) => i).find(isBitlyIndex)!);
      await page.mouse.move(ordinary.x, ordinary.y);
      await page.mouse.move(bitly.x, bitly.y);
      await sleep(150);
      const { profile } = await session.send('Profiler.stop');
      scriptMs.push((await probe.scriptMs()) - before);
      await page.mouse.move(1270, 710);
      accumulate(profile, selfByFunction, selfByScript, (ms) => (total += ms));
      await session.detach();
      await probe.detach();
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await fake.close();
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / RUNS).toFixed(2).padStart(7)} ms  ${k}`).join('\n');
  console.log(`ScriptDuration of the window (first move, first Bitly link, 150 ms rest), ms per run: ${scriptMs.map((v) => v.toFixed(2)).join(', ')}`);
  console.log(`\nProfiled self time per run, by script (sampled total ${(total / RUNS).toFixed(2)} ms, idle excluded):\n${top(selfByScript, 12)}`);
  console.log(`\nBy function:\n${top(selfByFunction, 30)}`);
}

/** The parts of a DevTools `Profiler.Profile` read here. */
interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

function accumulate(profile: CpuProfile, byFunction: Map<string, number>, byScript: Map<string, number>, add: (ms: number) => void) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = nodes.get(samples[i]!)!;
    const ms = (deltas[i + 1] ?? 0) / 1000;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    const script = url ? url.replace(/^chrome-extension:\/\/[a-p]{32}/, 'ext:') : '(native)';
    const key = `${functionName || '(anonymous)'}  ${script}${url ? `:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    add(ms);
  }
}

void main();
