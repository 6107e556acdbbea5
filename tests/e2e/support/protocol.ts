/**
 * Speaking the extension's message protocol (utils/messages.ts) from an extension page, as its
 * surfaces do, and the port handshakes tests wait on instead of sleeping.
 */
import { expect, type Page } from '@playwright/test';
import type { AskerPush, MessageType, ReplyEnvelope, RequestOf } from '../../../utils/messaging/protocol';
import type { Settings } from '../../../utils/settings/settings-schema';

type SettingsPatch = RequestOf<'updateSettings'>;

/** Sends one protocol message from the extension page `page` is on, as a surface would. */
export function ask<T extends MessageType>(page: Page, type: T, data: RequestOf<T>): Promise<ReplyEnvelope<T>> {
  return page.evaluate(([type, data]) => chrome.runtime.sendMessage({ bitlens: 1, type, data }), [type, data] as const);
}

/** What the page's asker ports have heard, by asker id (kept on the page's window). */
type Heard = Record<string, AskerPush[]>;

/**
 * Opens the asker port `askerId` from the extension page `page` is on (kept open on its window,
 * with every push it hears recorded), and returns once the background holds it. The handshake:
 * a page's connects and messages reach the background in the order it sent them, so once a
 * message sent after the connect is answered, the background has run its `onConnect` for the port.
 */
export async function connectAsker(page: Page, askerId: string): Promise<void> {
  await page.evaluate(async (askerId) => {
    const w = window as unknown as { bitlensTestPorts?: Record<string, chrome.runtime.Port>; bitlensTestHeard?: Heard };
    const ports = (w.bitlensTestPorts ??= {});
    const heard = (w.bitlensTestHeard ??= {});
    heard[askerId] = [];
    const port = chrome.runtime.connect({ name: `bitlens-asker:${askerId}` });
    port.onMessage.addListener((message: AskerPush) => heard[askerId]!.push(message));
    ports[askerId] = port;
    await chrome.runtime.sendMessage({ bitlens: 1, type: 'getSettings', data: {} });
  }, askerId);
}

/** Closes an asker port opened by `connectAsker`. */
export async function disconnectAsker(page: Page, askerId: string): Promise<void> {
  await page.evaluate((askerId) => {
    const w = window as unknown as { bitlensTestPorts?: Record<string, chrome.runtime.Port> };
    w.bitlensTestPorts?.[askerId]?.disconnect();
    delete w.bitlensTestPorts?.[askerId];
  }, askerId);
}

/** Everything the asker port `askerId` has heard so far. */
export function heardBy(page: Page, askerId: string): Promise<AskerPush[]> {
  return page.evaluate((askerId) => (window as unknown as { bitlensTestHeard?: Heard }).bitlensTestHeard?.[askerId] ?? [], askerId);
}

/** Waits until the asker port `askerId` has heard a push that `matches`, and returns it. */
export async function waitForPush(page: Page, askerId: string, matches: (push: AskerPush) => boolean): Promise<AskerPush> {
  let found: AskerPush | undefined;
  await expect
    .poll(async () => (found = (await heardBy(page, askerId)).find(matches)) !== undefined, { message: `a matching push on asker port ${askerId}` })
    .toBe(true);
  return found!;
}

const WATCHER = 'e2e-settings-watcher';

/**
 * Changes settings through the protocol and returns once the background has announced the change
 * to every open surface and card frame: it posts `settingsChanged` to asker ports and the new
 * settings to card frames' ports in one step, so the watcher port hearing it proves each card
 * frame's port has the change queued ahead of anything sent after. (Content scripts get theirs
 * later, by `tabs.sendMessage`: tests see those by what the page does.)
 */
export async function changeSettings(page: Page, patch: SettingsPatch): Promise<Settings> {
  const before = await ask(page, 'getSettings', {});
  if (!before.ok) throw new Error(`getSettings failed: ${before.error}`);
  await connectAsker(page, WATCHER);
  try {
    const reply = await ask(page, 'updateSettings', patch);
    if (!reply.ok) throw new Error(`updateSettings ${JSON.stringify(patch)} refused: ${reply.error}`);
    const settings = reply.value;
    // Storing what is already stored changes nothing, and nothing is announced.
    if (JSON.stringify(settings) === JSON.stringify(before.value)) return settings;
    await waitForPush(page, WATCHER, (push) => push.type === 'settingsChanged' && JSON.stringify(push.settings) === JSON.stringify(settings));
    return settings;
  } finally {
    await disconnectAsker(page, WATCHER);
  }
}
