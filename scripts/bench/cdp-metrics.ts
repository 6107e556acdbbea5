/**
 * Main-thread script time of a tab, from the DevTools protocol: `Performance.getMetrics` →
 * `ScriptDuration` (JavaScript run on the renderer's main thread for that page, content scripts in
 * their isolated worlds included), reported in milliseconds. Durations use the thread's CPU clock
 * (`timeDomain: 'threadTicks'`), so time the thread spends descheduled on a busy machine is not
 * counted.
 *
 * The same session tells which extensions injected scripts into the page (isolated worlds whose
 * origin is `chrome-extension://<id>`), so a run can prove the content script was there.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface PageProbe {
  /** Cumulative script time of the page so far, in ms. */
  scriptMs(): Promise<number>;
  /** A full garbage collection now, so a collection started by earlier work is not billed to what comes next. */
  collectGarbage(): Promise<void>;
  /** Runs `expression` in the page's main world (awaiting a promise) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Whether a script of extension `extensionId` has run in this page (an isolated world of that origin). */
  hasContentScriptOf(extensionId: string): boolean;
  detach(): Promise<void>;
}

interface ExecutionContextCreated {
  context: { origin: string; name: string; auxData?: { type?: string } };
}

/** Attach before navigating: execution contexts are reported as they are created. */
export async function attachProbe(page: Page): Promise<PageProbe> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const isolatedOrigins = new Set<string>();
  session.on('Runtime.executionContextCreated', (event: ExecutionContextCreated) => {
    if (event.context.auxData?.type === 'isolated') isolatedOrigins.add(event.context.origin);
  });
  await session.send('Runtime.enable');
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    async scriptMs() {
      const { metrics } = await session.send('Performance.getMetrics');
      const script = metrics.find((m) => m.name === 'ScriptDuration');
      if (!script) throw new Error('Performance.getMetrics returned no ScriptDuration');
      return script.value * 1000;
    },
    async collectGarbage() {
      await session.send('HeapProfiler.collectGarbage');
    },
    async evaluate<T>(expression: string) {
      const reply = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (reply.exceptionDetails) throw new Error(`page script failed: ${reply.exceptionDetails.text}`);
      return reply.result.value as T;
    },
    hasContentScriptOf: (extensionId) => isolatedOrigins.has(`chrome-extension://${extensionId}`),
    detach: () => session.detach(),
  };
}
