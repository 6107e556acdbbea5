/**
 * Test builds only (skipped otherwise in wxt.config.ts): a content script that does what a
 * compromised content process could, on a page's request, so e2e tests can prove what such a
 * context can and cannot reach (tests/e2e/security-background.spec.ts, protocol-fuzz.spec.ts).
 * The page posts `{ bitlensProbe: id, op, ... }`; the probe answers `{ bitlensProbeReply: id, result }`.
 * Runs only on the test site (127.0.0.1).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';

type Probe =
  | { op: 'storage' }
  | { op: 'send'; message: unknown }
  | { op: 'sendAll'; messages: unknown[] }
  | { op: 'connect'; name: string; posts: unknown[]; disconnect: boolean };

/** Firefox's promise-based `browser`, else Chromium's `chrome` (promises in MV3). */
const api: typeof chrome = (globalThis as { browser?: typeof chrome }).browser ?? chrome;

async function run(probe: Probe): Promise<unknown> {
  switch (probe.op) {
    case 'storage':
      try {
        return { items: await api.storage.local.get(null) };
      } catch (error) {
        return { error: String(error) };
      }
    case 'send':
      try {
        return { reply: (await api.runtime.sendMessage(probe.message)) ?? null };
      } catch (error) {
        return { error: String(error) };
      }
    case 'sendAll':
      return {
        replies: await Promise.all(
          probe.messages.map((message) =>
            api.runtime.sendMessage(message).then(
              (reply: unknown) => ({ reply: reply ?? null }),
              (error: unknown) => ({ error: String(error) }),
            ),
          ),
        ),
      };
    case 'connect': {
      try {
        const port = api.runtime.connect({ name: probe.name });
        const heard: unknown[] = [];
        port.onMessage.addListener((message) => heard.push(message));
        for (const post of probe.posts) port.postMessage(post);
        if (probe.disconnect) port.disconnect();
        return { connected: true, heard };
      } catch (error) {
        return { error: String(error) };
      }
    }
  }
}

export default defineContentScript({
  matches: ['http://127.0.0.1/*'],
  main() {
    window.addEventListener('message', (event) => {
      const data = event.data as { bitlensProbe?: string } & Probe;
      if (event.source !== window || typeof data?.bitlensProbe !== 'string') return;
      void run(data).then((result) => window.postMessage({ bitlensProbeReply: data.bitlensProbe, result }, '*'));
    });
  },
});
