/**
 * Bitlens' content script: tiny by design. It recognises Bitly links when the user reaches them
 * (pointer or keyboard), waits for hover intent, and frames the card next to the link. Numbers,
 * token and storage stay in the background and the card page.
 *
 * It is built as an unlisted script and listed in the manifest by wxt.config.ts rather than with
 * `defineContentScript`, whose wrapper brings the WebExtension polyfill and WXT's context: several
 * milliseconds of script time on every page load (PRODUCT.md §6, B2). So this code uses `chrome.*`
 * directly and tears itself down through an AbortSignal when the extension goes away.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { bitlyLinkAt, type BitlyLink } from './bitly-link-at';
import { openCardFrame, type CardFrame } from './card-frame';
import { createConfigSource } from './content-config';
import { HoverIntent, type PointerTarget } from './hover-intent';

const CLOSE_GRACE_MS = 300;
const ELSEWHERE = { kind: 'elsewhere' } as const;
const CARD = { kind: 'card' } as const;

/** Alt+Shift+B on a focused Bitly link opens its card. */
const isOpenShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyB';

export default defineUnlistedScript(() => {
  const alive = new AbortController();
  const on = <K extends keyof DocumentEventMap>(
    type: K,
    listener: (e: DocumentEventMap[K]) => void,
    options: AddEventListenerOptions,
  ) => document.addEventListener(type, listener, { ...options, signal: alive.signal });
  let frame: CardFrame | undefined;
  let lastTarget: EventTarget | null = null;
  let whileOpen: AbortController | undefined;

  const intent = new HoverIntent<BitlyLink>({
    delayMs: () => config.now?.hoverDelayMs ?? 350,
    closeGraceMs: CLOSE_GRACE_MS,
    same: (a, b) => a.anchor === b.anchor && a.id === b.id,
    open(link) {
      closeFrame();
      frame = openCardFrame(link.anchor, link.id);
      whileOpen = new AbortController();
      const outside = (e: Event) => {
        if (e.isTrusted && e.target !== frame?.element) intent.closeNow();
      };
      document.addEventListener('pointerdown', outside, { capture: true, passive: true, signal: whileOpen.signal });
    },
    close: closeFrame,
  });

  function closeFrame() {
    whileOpen?.abort();
    frame?.remove();
    frame = undefined;
  }

  const config = createConfigSource((push) => {
    if (push.bitlensPush === 'closeCard') {
      const anchor = intent.openLink?.anchor;
      intent.closeNow();
      if (push.refocusLink) anchor?.focus();
    } else if (!config.now?.enabled) {
      intent.closeNow();
    }
  });

  /** What the pointer or focus is on, or null while the config is still loading. */
  function classify(target: EventTarget | null): PointerTarget<BitlyLink> | null {
    if (frame && target === frame.element) return CARD;
    const anchor = (target as Element | null)?.closest?.('a[href]');
    if (!anchor) return ELSEWHERE;
    const page = config.now;
    if (!page) return null;
    const link = page.enabled ? bitlyLinkAt(anchor, page.brandedHosts) : null;
    return link ? { kind: 'link', link } : ELSEWHERE;
  }

  /** Classifies now, or once the config has loaded if the target is still current then. */
  function whenClassified(target: EventTarget | null, use: (target: PointerTarget<BitlyLink>) => void) {
    const known = classify(target);
    if (known) return use(known);
    void config.load().then(() => {
      if (lastTarget === target) use(classify(target) ?? ELSEWHERE);
    });
  }

  const pointerOn = (target: PointerTarget<BitlyLink>) => intent.pointerOn(target);

  // Only trusted events start work: a page cannot drive lookups by synthesising events.
  on(
    'pointerover',
    (e) => {
      if (!e.isTrusted || e.target === lastTarget) return;
      lastTarget = e.target;
      whenClassified(e.target, pointerOn);
    },
    { capture: true, passive: true },
  );

  on(
    'focusin',
    (e) => {
      if (!e.isTrusted) return;
      lastTarget = e.target;
      whenClassified(e.target, (target) => {
        const open = intent.openLink;
        if (open && target.kind !== 'card' && !(target.kind === 'link' && target.link.anchor === open.anchor)) intent.closeNow();
      });
    },
    { capture: true, passive: true },
  );

  on(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      const open = intent.openLink;
      if (open && e.key === 'Escape') {
        intent.closeNow();
        return;
      }
      // Tab from the link goes into the card, whose first control takes focus.
      if (open && frame && e.key === 'Tab' && !e.shiftKey && document.activeElement === open.anchor) {
        e.preventDefault();
        frame.element.focus();
        return;
      }
      if (!isOpenShortcut(e)) return;
      const focused = classify(document.activeElement);
      if (focused?.kind === 'link') {
        e.preventDefault();
        intent.openNow(focused.link);
      }
    },
    { capture: true },
  );

  // After an update or uninstall this copy is orphaned: stop listening and close the card.
  config.onInvalidated(() => {
    intent.closeNow();
    alive.abort();
  });
});
