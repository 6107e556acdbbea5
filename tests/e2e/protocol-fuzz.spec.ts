/**
 * Fuzzing the message protocol (utils/messaging/protocol.ts, issue 12): from an extension page
 * and from a content script (the test build's probe, entrypoints/test-probe.content.ts), random
 * shapes, unknown types, huge payloads, messages from senders that may not send them, and port
 * abuse (odd names, garbage posts, disconnecting mid-request). Every generated message is
 * invalid by construction, or refused for its sender, so none may reach Bitly. The worker must
 * not crash, must refuse each one, and must answer a valid request afterwards.
 *
 * Seeded: a failure prints its seed; `FUZZ_SEED=<n>` replays it.
 */
import type { Page } from '@playwright/test';
import { test, expect, signIn, ask } from './fixtures';
import { SAMPLE } from '../fake-bitly/data';
import { requestSchemas, allowedSenders, type MessageType } from '../../utils/messaging/protocol';
import { probe } from './support/content-probe';

const paid = SAMPLE.accounts.paid;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const MESSAGES = 150;
const HUGE = 512 * 1024;

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const TYPES = Object.keys(requestSchemas) as MessageType[];
const ODD_STRINGS = ['', ' ', '\u0000', '\u202E', '../../v4/user', 'bit.ly/..%2f..%2fv4%2fuser', '__proto__', 'constructor', 'javascript:alert(1)', '🙂'.repeat(50)];

function randomString(rng: Rng, max = 40): string {
  if (rng.next() < 0.3) return rng.pick(ODD_STRINGS);
  return Array.from({ length: rng.int(max) }, () => String.fromCharCode(32 + rng.int(0x2000))).join('');
}

/** Any JSON value, up to `depth` levels. */
function randomValue(rng: Rng, depth = 3): unknown {
  const kind = rng.int(depth > 0 ? 8 : 5);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return rng.pick([0, -1, 1e308, -0, 2 ** 53, 0.5, NaN]);
    case 3:
      return randomString(rng);
    case 4:
      return rng.next() < 0.05 ? 'x'.repeat(HUGE) : randomString(rng, 200);
    case 5:
    case 6:
      return Object.fromEntries(Array.from({ length: 1 + rng.int(4) }, () => [randomString(rng, 12) || 'k', randomValue(rng, depth - 1)]));
    default:
      return Array.from({ length: rng.int(5) }, () => randomValue(rng, depth - 1));
  }
}

/**
 * One message that no handler may act on: not Bitlens' shape, an unknown type, a wrong version,
 * or a known type whose data carries an unknown field (every request schema is strict) — so it
 * is refused whatever else the data holds.
 */
function invalidMessage(rng: Rng): unknown {
  switch (rng.int(6)) {
    case 0:
      return randomValue(rng);
    case 1:
      return { bitlens: 1, type: randomString(rng, 20) + '-unknown', data: randomValue(rng) };
    case 2:
      return { bitlens: rng.pick([0, 2, '1', true, null]), type: rng.pick(TYPES), data: {} };
    case 3: {
      const base = randomValue(rng, 1);
      const fields = typeof base === 'object' && base !== null && !Array.isArray(base) ? base : {};
      return { bitlens: 1, type: rng.pick(TYPES), data: { ...fields, [`fuzz_${rng.int(1e6)}`]: randomValue(rng, 1) } };
    }
    case 4:
      return { bitlens: 1, type: rng.pick(TYPES), data: rng.pick([null, 'x'.repeat(HUGE), [], 42, true]) };
    default:
      return { bitlens: 1, type: rng.pick(TYPES) };
  }
}

/** A well-formed request of a type content scripts may not send (token, stats, settings, sign-out…). */
function extensionOnlyMessage(rng: Rng): unknown {
  const valid: Partial<Record<MessageType, unknown>> = {
    getAccount: {},
    saveToken: { token: 'attacker-token' },
    signOut: {},
    clearCache: {},
    getGroups: {},
    getSettings: {},
    updateSettings: { hoverEnabled: false },
    getLinkFacet: { link: `https://${paid.links[0]!.id}`, facet: 'clicks' },
    getAccountFacet: { facet: 'groupClicks' },
    closeCard: { refocusLink: false },
  };
  const type = rng.pick(Object.keys(valid) as MessageType[]);
  expect(allowedSenders[type]).not.toContain('content-script');
  return { bitlens: 1, type, data: valid[type] };
}

function isRefusal(reply: unknown): boolean {
  // Not Bitlens' shape: the worker does not answer at all (the channel closes without a reply).
  if (reply === null || reply === undefined) return true;
  return typeof reply === 'object' && (reply as { ok?: unknown }).ok === false;
}

async function expectWorkerStillAnswers(options: Page) {
  const state = await ask(options, 'getAccount', {});
  expect(state).toMatchObject({ ok: true, value: { signedIn: true, account: { login: paid.login } } });
  const facet = await ask(options, 'getLinkFacet', { link: paid.links[0]!.id, facet: 'clicks' });
  expect(facet).toMatchObject({ ok: true, value: { state: 'data' } });
}

test.describe(`protocol fuzz (seed ${SEED})`, () => {
  test.beforeEach(async ({ page, extensionId, fake }) => {
    await signIn(page, extensionId, paid);
    fake.clearLog();
  });

  test('from an extension page: random, unknown, huge and malformed messages are refused; odd ports are harmless', async ({ page: options, fake, background }) => {
    const rng = prng(SEED);
    const messages = Array.from({ length: MESSAGES }, () => invalidMessage(rng));
    const replies = await options.evaluate(
      (messages) =>
        Promise.all(
          messages.map((message) =>
            chrome.runtime.sendMessage(message).then(
              (reply: unknown) => reply ?? null,
              (error: unknown) => ({ thrown: String(error) }),
            ),
          ),
        ),
      messages,
    );
    for (const [i, reply] of replies.entries()) {
      const thrown = (reply as { thrown?: string } | null)?.thrown;
      // A message that is not Bitlens' gets no answer: the browser reports the closed channel.
      if (thrown) expect(thrown, `message ${i}`).toMatch(/port closed|Receiving end|response/i);
      else expect(isRefusal(reply), `message ${i}: ${JSON.stringify(reply).slice(0, 200)}`).toBe(true);
    }

    // Port abuse from an extension page: odd names, card ports from the wrong page, garbage, early disconnects.
    const names = ['', 'bitlens-card:', `bitlens-card:${'a'.repeat(20)}`, 'bitlens-card:../../x', `bitlens-asker:${'z'.repeat(5000)}`, 'bitlens-asker:fuzz', randomString(rng)];
    await options.evaluate(
      async ([names, garbage]) => {
        for (const name of names) {
          const port = chrome.runtime.connect({ name });
          for (const post of garbage) port.postMessage(post);
          // Disconnect in the middle of a request this asker made.
          const pending = chrome.runtime.sendMessage({ bitlens: 1, type: 'getLinkFacet', data: { link: 'https://bit.ly/..%2fv4%2fuser', facet: 'clicks', askerId: 'fuzz' } });
          port.disconnect();
          await pending.catch(() => {});
        }
      },
      [names, Array.from({ length: 5 }, () => randomValue(rng, 2))] as const,
    );

    expect(fake.log).toEqual([]);
    expect(await background.evaluate(() => 'alive')).toBe('alive');
    await expectWorkerStillAnswers(options);
  });

  test('from a content script: the same fuzz, messages for extension pages only, and port abuse are refused', async ({ page: options, context, site, fake, background }) => {
    const rng = prng(SEED + 1);
    const tab = await context.newPage();
    await tab.goto(await site.show('<p>fuzz target</p>'));

    const invalid = Array.from({ length: MESSAGES }, () => invalidMessage(rng));
    const wrongSender = Array.from({ length: 40 }, () => extensionOnlyMessage(rng));
    const { replies } = await probe(tab, { op: 'sendAll', messages: [...invalid, ...wrongSender] });
    expect(replies).toHaveLength(invalid.length + wrongSender.length);
    for (const [i, { reply, error }] of replies!.entries()) {
      if (error) expect(error, `message ${i}`).toMatch(/port closed|Receiving end|response/i);
      else expect(isRefusal(reply), `message ${i}: ${JSON.stringify(reply).slice(0, 200)}`).toBe(true);
    }
    for (const { reply } of replies!.slice(invalid.length)) expect((reply as { error: string }).error).toMatch(/not allowed from this sender/);

    // Ports a content script may not hold, garbage on them, and disconnecting at once.
    const names = ['bitlens-card:' + 'k'.repeat(20), 'bitlens-asker:fuzz', '', randomString(rng), 'bitlens-card:'.repeat(200)];
    for (const name of names) {
      const result = await probe(tab, { op: 'connect', name, posts: Array.from({ length: 3 }, () => randomValue(rng, 2)), disconnect: rng.next() < 0.5 });
      expect(result.error, name).toBeUndefined();
    }

    // Nothing changed: still signed in, settings untouched, nothing asked of Bitly.
    expect(fake.log).toEqual([]);
    expect(await background.evaluate(() => 'alive')).toBe('alive');
    const settings = await ask(options, 'getSettings', {});
    expect(settings).toMatchObject({ ok: true, value: { hoverEnabled: true } });
    await expectWorkerStillAnswers(options);
  });
});
