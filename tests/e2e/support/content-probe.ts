/**
 * Talking to the test build's content-script probe (entrypoints/test-probe.content.ts) from a
 * page on the test site: what a compromised content process could ask of the extension.
 */
import { expect, type Page } from '@playwright/test';

export type ProbeRequest =
  | { op: 'storage' }
  | { op: 'send'; message: unknown }
  | { op: 'sendAll'; messages: unknown[] }
  | { op: 'connect'; name: string; posts: unknown[]; disconnect: boolean };

export interface ProbeResult {
  items?: Record<string, unknown>;
  reply?: unknown;
  replies?: Array<{ reply?: unknown; error?: string }>;
  heard?: unknown[];
  connected?: boolean;
  error?: string;
}

/** Sends one request to the probe in `page` and returns its result (once the probe is running). */
export async function probe(page: Page, request: ProbeRequest): Promise<ProbeResult> {
  // The probe starts at document_idle: ask until it answers a harmless request.
  await expect(async () => {
    const ready = await ask(page, { op: 'send', message: 'not-bitlens' }, 1_000);
    expect(ready).not.toBeNull();
  }).toPass({ timeout: 10_000 });
  return (await ask(page, request, 10_000))!;
}

function ask(page: Page, request: ProbeRequest, timeoutMs: number): Promise<ProbeResult | null> {
  return page.evaluate(
    ([request, timeoutMs]) =>
      new Promise<ProbeResult | null>((resolve) => {
        const id = `${Date.now()}-${Math.random()}`;
        const timer = setTimeout(() => {
          window.removeEventListener('message', listener);
          resolve(null);
        }, timeoutMs);
        const listener = (event: MessageEvent) => {
          if (event.data?.bitlensProbeReply !== id) return;
          clearTimeout(timer);
          window.removeEventListener('message', listener);
          resolve(event.data.result as ProbeResult);
        };
        window.addEventListener('message', listener);
        window.postMessage({ ...request, bitlensProbe: id }, '*');
      }),
    [request, timeoutMs] as const,
  );
}
