/**
 * The Bitly stand-in: a real HTTP server on loopback that answers /v4 like Bitly's API (see
 * README.md). `startFakeBitly()` for in-process use; `cli.ts` to run it alone.
 */
import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import { type ApiState, type LoggedRequest, handleApi, sendJson } from './api';
import { handleControl } from './control';
import { apiErrors } from './errors';
import { FaultRegistry } from './faults';
import { LinkStore } from './link-store';

export type { LoggedRequest } from './api';
export type { Fault, FaultRule } from './faults';
export { FaultRegistry } from './faults';
export { BRAND_TOKEN, FREE_TOKEN, PAID_TOKEN, SAMPLE } from './data';

export interface FakeBitlyOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Clock for "now" (default Date.now): the default `unit_reference` and new links' created_at. */
  now?: () => number;
}

export interface FakeBitly {
  /** e.g. http://127.0.0.1:48787 (no trailing slash, no /v4). */
  url: string;
  /** Stops the server, also ending requests held by a `timeout` fault. */
  close(): Promise<void>;
  /** Every /v4 request, in arrival order. */
  log: LoggedRequest[];
  /** Empties the log and restarts maxInFlight from the current inFlight. */
  clearLog(): void;
  readonly inFlight: number;
  readonly maxInFlight: number;
  faults: FaultRegistry;
  /** Clears log, faults and maxInFlight, and forgets links created by /v4/shorten. */
  reset(): void;
}

export async function startFakeBitly(opts: FakeBitlyOptions = {}): Promise<FakeBitly> {
  const host = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const sleepers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  let closing = false;

  const state: ApiState = {
    log: [],
    faults: new FaultRegistry(),
    store: new LinkStore(),
    inFlight: 0,
    maxInFlight: 0,
    now: opts.now ?? Date.now,
    isClosing: () => closing,
    sleep: (ms) =>
      new Promise<boolean>((resolve) => {
        const sleeper = {
          timer: setTimeout(() => {
            sleepers.delete(sleeper);
            resolve(true);
          }, ms),
          wake: () => resolve(false),
        };
        sleepers.add(sleeper);
      }),
  };

  const fake: FakeBitly = {
    url: '',
    log: state.log,
    faults: state.faults,
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    clearLog() {
      state.log.length = 0;
      state.maxInFlight = state.inFlight;
    },
    reset() {
      fake.clearLog();
      state.faults.clear();
      state.store.reset();
    },
    close: async () => {
      if (closing) return;
      closing = true;
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.wake();
      }
      sleepers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const done = (p: Promise<void>) =>
      p.catch((error: unknown) => {
        console.error('[fake-bitly] request failed', error);
        const e = apiErrors.internal('');
        sendJson(res, 500, JSON.stringify(e.body));
      });
    if (url.pathname === '/v4' || url.pathname.startsWith('/v4/')) return void done(handleApi(state, req, res, url));
    if (url.pathname.startsWith('/__fake/')) return void done(handleControl(fake, req, res, url));
    const e = apiErrors.pageNotFound('');
    sendJson(res, 404, JSON.stringify(e.body));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake-bitly: no TCP address');
  const urlHost = host.includes(':') ? `[${host}]` : host;
  fake.url = `http://${urlHost}:${address.port}`;
  return fake;
}
