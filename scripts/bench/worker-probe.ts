/**
 * The extension's service worker seen through the DevTools protocol: its JavaScript heap after a
 * full garbage collection. Playwright gives no CDP session on a worker, so a page's session attaches
 * to the worker target and talks to it through `Target.sendMessageToTarget` (the non-flattened
 * form, where the target's messages come back as events on the page's session).
 */
import type { BrowserContext, CDPSession } from '@playwright/test';

export interface WorkerProbe {
  /** Bytes of the worker's JS heap in use, after a full collection. */
  heapUsedAfterGc(): Promise<number>;
  detach(): Promise<void>;
}

interface TargetMessage {
  sessionId: string;
  message: string;
}

export async function attachWorkerProbe(context: BrowserContext, extensionId: string): Promise<WorkerProbe> {
  const page = await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no service worker target');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  session.on('Target.receivedMessageFromTarget', (event: TargetMessage) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id!);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  });
  const call = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  return {
    async heapUsedAfterGc() {
      await call('HeapProfiler.collectGarbage');
      const { usedSize } = await call<{ usedSize: number }>('Runtime.getHeapUsage');
      return usedSize;
    },
    async detach() {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await session.detach().catch(() => {});
      await page.close();
    },
  };
}
