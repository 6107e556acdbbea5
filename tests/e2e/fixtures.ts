/**
 * The e2e fixture: per test, a fresh stand-in Bitly on the port the test build points at (a
 * test may stop it to play "Bitly unreachable") and a fresh Chromium with the built test extension.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect, type Worker } from '@playwright/test';
import { TEST_API_PORT } from '../../scripts/flavour';
import { startFakeBitly, type FakeBitly } from '../fake-bitly/server';
import { extensionDir, extensionWorker, launchWithExtension } from '../support/chromium';

/** Pages served on 127.0.0.1 for the content script to run on; `show(html)` returns its URL. */
export interface Site {
  show(html: string): Promise<string>;
}

interface Fixtures {
  fake: FakeBitly;
  extensionId: string;
  background: Worker;
  site: Site;
}

export const test = base.extend<Fixtures>({
  fake: async ({}, use) => {
    const fake = await startFakeBitly({ port: TEST_API_PORT });
    await use(fake);
    await fake.close();
  },
  context: async ({ fake: _startedFirst }, use) => {
    const launched = await launchWithExtension(extensionDir('test'));
    await use(launched.context);
    await launched.context.close();
  },
  background: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  site: async ({}, use) => {
    const pages = new Map<string, string>();
    const server = createServer((req, res) => {
      const html = pages.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await use({
      async show(html) {
        const path = `/page-${pages.size}.html`;
        pages.set(path, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>${html}</body></html>`);
        return origin + path;
      },
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  },
});

export { expect };

// The options page object and the one sign-in helper are shared with the demo and the benchmark.
export { OptionsPage, signIn, type AccountToSignIn } from '../support/options-page';
export { ask } from './support/protocol';
