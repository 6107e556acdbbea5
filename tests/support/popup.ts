/**
 * Page object for the real toolbar popup (TOOLCHAIN.md "Driving the real toolbar popup"): the
 * service worker opens it with `chrome.action.openPopup()` for the active tab; Playwright does not
 * list it as a page, so it is driven over the DevTools protocol through a session attached to its
 * target (script evaluation, and trusted mouse and key input).
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';

const POLL_MS = 50;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

type TargetInfo = { targetId: string; type: string; url: string };

/** Keys the tests press, as the protocol wants them. */
const KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  Tab: { code: 'Tab', keyCode: 9 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27 },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
};

/** Longest wait for the popup to answer one command. */
const COMMAND_TIMEOUT_MS = 10_000;

export class Popup {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The popup went away (closed itself, e.g. by opening another page). */
  closed = false;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
    readonly targetId: string,
    /** `Date.now()` in the service worker just before it asked the browser to open the popup. */
    readonly openedAt: number,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
    cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
      if (event.sessionId !== this.sessionId) return;
      this.closed = true;
      for (const waiting of this.pending.values()) waiting.reject(new Error('the popup closed'));
      this.pending.clear();
    });
  }

  /**
   * Opens the popup for `page`'s tab (brought to the front first) the way the toolbar button
   * does, and attaches to it once it has loaded. `handsOffMs`: how long to leave the popup alone
   * before asking it anything (the benchmark times the popup's own first paint).
   */
  static async open(context: BrowserContext, background: Worker, page: Page, { timeoutMs = 10_000, handsOffMs = 0 } = {}): Promise<Popup> {
    await page.bringToFront();
    const cdp = await context.newCDPSession(page);
    const isPopup = (t: TargetInfo) => t.type === 'page' && /^chrome-extension:\/\/[^/]+\/popup\.html/.test(t.url);
    const before = new Set(((await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos.filter(isPopup).map((t) => t.targetId));
    const openedAt = await background.evaluate(async () => {
      const at = Date.now();
      await chrome.action.openPopup();
      return at;
    });
    if (handsOffMs > 0) await new Promise((r) => setTimeout(r, handsOffMs));
    const deadline = Date.now() + timeoutMs;
    let target: TargetInfo | undefined;
    while (!target) {
      if (Date.now() > deadline) throw new Error('the popup did not open');
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      target = targetInfos.find((t) => isPopup(t) && !before.has(t.targetId));
      if (!target) await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const popup = new Popup(cdp, sessionId, target.targetId, openedAt);
    await popup.waitFor(() => document.readyState === 'complete' && document.documentElement.dataset.view !== 'loading', undefined, timeoutMs);
    return popup;
  }

  /** One protocol command to the popup's own target. */
  send<T = unknown>(method: string, params: object = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the popup closed'));
    const id = this.nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the popup did not answer ${method} within ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    void this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch((error: Error) => {
      this.pending.get(id)?.reject(error);
      this.pending.delete(id);
    });
    return reply;
  }

  /** Runs `fn(arg)` in the popup and returns its (awaited) value. */
  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const expression = `(${fn.toString()})(${JSON.stringify(arg ?? null)})`;
    const { result, exceptionDetails } = await this.send<{ result: { value?: R }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in the popup: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  }

  /** Waits until `fn(arg)` is truthy in the popup, and returns that value. */
  async waitFor<A, R>(fn: (arg: A) => R, arg?: A, timeoutMs = 8_000): Promise<NonNullable<R>> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await this.evaluate(fn, arg);
        if (value) return value;
        last = value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms in the popup for ${fn.toString()} (last: ${String(last)})`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** The view shown (`document.documentElement.dataset.view`). */
  view(): Promise<string | undefined> {
    return this.evaluate(() => document.documentElement.dataset.view);
  }

  async waitForView(view: string) {
    await this.waitFor((v) => document.documentElement.dataset.view === v, view);
  }

  /** The text of the first element matching `selector` ('' when none). */
  text(selector: string): Promise<string> {
    return this.evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? '', selector);
  }

  /** Waits for an element whose text contains `text` (optionally within `selector`). */
  async waitForText(text: string, selector = 'body') {
    await this.waitFor(([s, x]) => [...document.querySelectorAll(s)].some((e) => e.textContent?.includes(x)), [selector, text] as const);
  }

  /** A trusted click in the middle of the first element matching `selector`. */
  async click(selector: string) {
    const box = await this.waitFor((s) => {
      const element = document.querySelector(s);
      if (!element) return null;
      element.scrollIntoView({ block: 'center' });
      const r = element.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    }, selector);
    for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
      const sent = this.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', buttons: type === 'mousePressed' ? 1 : 0, clickCount: 1 });
      // A click that closes the popup (it opened another page) gets no answer: that is its effect.
      await (type === 'mouseReleased' ? sent.catch((error: Error) => { if (!this.closed) throw error; }) : sent);
    }
  }

  /** Clicks the first button or link whose text (or label) contains `name`. */
  async clickByText(name: string) {
    const marked = await this.waitFor((n) => {
      const hit = [...document.querySelectorAll<HTMLElement>('button, a, label')].find((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').includes(n));
      if (!hit) return null;
      hit.dataset.e2eTarget = 'yes';
      return true;
    }, name);
    if (marked) await this.click('[data-e2e-target="yes"]');
    // The click may have closed the popup (e.g. it opened another page).
    await this.evaluate(() => document.querySelectorAll<HTMLElement>('[data-e2e-target]').forEach((e) => delete e.dataset.e2eTarget)).catch(() => {});
  }

  /** A trusted key press (see KEYS). */
  async press(key: keyof typeof KEYS, modifiers = 0) {
    const k = KEYS[key]!;
    const base = { key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode, modifiers };
    await this.send('Input.dispatchKeyEvent', { type: 'keyDown', ...base, ...(k.text ? { text: k.text } : {}) });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  }

  /** What has focus: its tag, text or label, and its row's link if it is a row. */
  focused(): Promise<{ tag: string; label: string; link?: string }> {
    return this.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { tag: e?.tagName.toLowerCase() ?? '', label: (e?.getAttribute('aria-label') ?? e?.textContent ?? '').trim(), link: e?.dataset.link };
    });
  }

  /**
   * A PNG of the popup as it is drawn now, as the user sees it: the popup window only (capturing
   * beyond it repeated the popup's top under its scrolled list).
   */
  async screenshot(): Promise<Buffer> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false });
    return Buffer.from(data, 'base64');
  }

  /** Closes the popup and waits until the browser has let it go. */
  async close() {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => {});
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      if (!targetInfos.some((t) => t.targetId === this.targetId)) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    await this.cdp.detach().catch(() => {});
  }
}

/**
 * Moves the real pointer over `page`, as a person does before reaching for the toolbar, and waits
 * until the page's content script answers the popup's question (it listens from then on).
 */
export async function touchPage(page: Page, background: Worker): Promise<void> {
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await page.mouse.move(60, 40);
  const deadline = Date.now() + 8_000;
  for (;;) {
    const answered = await background.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return false;
      return chrome.tabs.sendMessage(tab.id, { bitlensPage: 'links' }, { frameId: 0 }).then(
        (answer) => !!answer,
        () => false,
      );
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error('the page’s content script never answered');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
