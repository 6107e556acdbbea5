/**
 * Bitlens' content script: tiny by design. It hears when the user reaches a Bitly link (pointer or
 * keyboard), waits for hover intent, and shows the card frame next to the link. Numbers, token
 * and storage stay in the background and the card page.
 *
 * While nothing is pending it follows no pointer movement: the stylesheet from
 * utils/bitly/link-hover-css.ts animates a Bitly link when it is hovered, so the only event heard
 * is that animation's start, on Bitly links alone (PRODUCT.md §6, B2). From then until the card
 * closes it follows `pointerover` to tell the link, the card and elsewhere apart.
 *
 * It is built as an unlisted script and listed in the manifest by wxt.config.ts rather than with
 * `defineContentScript`, whose wrapper brings the WebExtension polyfill and WXT's context: several
 * milliseconds of script time on every page load. So this code uses `chrome.*` directly and tears
 * itself down when the extension goes away.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LINK_HOVER_ANIMATION } from '@/utils/bitly/link-hover-css';
import { bitlyLinkAt, type BitlyLink } from './bitly-link-at';
import { brandedHostsStyle } from './branded-hosts-style';
import { createCardFrame, type CardFrame } from './card-frame';
import { createConfigSource } from './content-config';
import { HoverIntent, type PointerTarget } from './hover-intent';
import { whenOrphaned } from './send-to-background';

const CLOSE_GRACE_MS = 300;
const ELSEWHERE = { kind: 'elsewhere' } as const;
const CARD = { kind: 'card' } as const;
const PASSIVE_CAPTURE = { capture: true, passive: true } as const;

/** Alt+Shift+B on a focused Bitly link opens its card. */
const isOpenShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyB';

export default defineUnlistedScript(() => {
  const alive = new AbortController();
  const on = <K extends keyof DocumentEventMap>(
    type: K,
    listener: (e: DocumentEventMap[K]) => void,
    options: AddEventListenerOptions,
  ) => document.addEventListener(type, listener, { ...options, signal: alive.signal });
  /** Made on the first Bitly hover, then kept hidden between cards. */
  let frame: CardFrame | undefined;
  let lastTarget: EventTarget | null = null;
  let whileOpen: AbortController | undefined;

  const intent = new HoverIntent<BitlyLink>({
    delayMs: () => config.now?.hoverDelayMs ?? 350,
    closeGraceMs: CLOSE_GRACE_MS,
    same: (a, b) => a.anchor === b.anchor && a.id === b.id,
    open(link) {
      whileOpen?.abort();
      frame ??= createCardFrame();
      frame.show(link);
      follow(true);
      whileOpen = new AbortController();
      const outside = (e: Event) => {
        if (e.isTrusted && e.target !== frame?.element) intent.closeNow();
      };
      document.addEventListener('pointerdown', outside, { capture: true, passive: true, signal: whileOpen.signal });
    },
    close() {
      whileOpen?.abort();
      frame?.hide();
      follow(false);
    },
  });

  const config = createConfigSource(
    (push) => {
      if (push.bitlensPush === 'closeCard') {
        const anchor = intent.openLink?.anchor;
        intent.closeNow();
        if (push.refocusLink) anchor?.focus();
      } else if (!config.now?.enabled) {
        intent.closeNow();
      }
    },
    (page) => brandedHostsStyle(page.enabled ? page.brandedHosts : []),
  );

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

  const pointerOn = (target: PointerTarget<BitlyLink>) => {
    intent.pointerOn(target);
    if (intent.idle) follow(false);
  };

  // Only trusted events start work: a page cannot drive lookups by synthesising events.
  const onPointerOver = (e: PointerEvent) => {
    if (!e.isTrusted || e.target === lastTarget) return;
    lastTarget = e.target;
    whenClassified(e.target, pointerOn);
  };
  let following = false;
  function follow(yes: boolean) {
    if (yes === following) return;
    following = yes;
    if (yes) document.addEventListener('pointerover', onPointerOver, PASSIVE_CAPTURE);
    else document.removeEventListener('pointerover', onPointerOver, PASSIVE_CAPTURE);
  }

  // The pointer reached a Bitly link. A page can start an animation of that name itself, but
  // not the link's `:hover`, which only the real pointer sets.
  on(
    'animationstart',
    (e) => {
      const anchor = e.target;
      if (!e.isTrusted || e.animationName !== LINK_HOVER_ANIMATION || !(anchor instanceof HTMLAnchorElement) || !anchor.matches(':hover')) return;
      follow(true);
      lastTarget = anchor;
      whenClassified(anchor, (target) => {
        // The card's document loads during the intent delay, ready before the card is due.
        if (target.kind === 'link') frame ??= createCardFrame();
        pointerOn(target);
      });
    },
    PASSIVE_CAPTURE,
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
    PASSIVE_CAPTURE,
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
      const focused = document.activeElement;
      const known = classify(focused);
      if (known?.kind === 'link') e.preventDefault();
      lastTarget = focused;
      // Before the config has loaded the card opens once it has, if the link still has focus.
      whenClassified(focused, (target) => {
        if (target.kind === 'link') intent.openNow(target.link);
      });
    },
    { capture: true },
  );

  // Branded short domains need their own hover rule, so the config is asked once the page is idle.
  requestIdleCallback(() => void config.load(), { timeout: 5000 });

  // After an update or uninstall this copy is orphaned: stop listening and remove the card.
  whenOrphaned(() => {
    intent.closeNow();
    frame?.remove();
    follow(false);
    alive.abort();
  });
});
