/**
 * Everything the content script does once the user reaches a Bitly link: hover intent, the card
 * frame and the keyboard path, on the page's config (page-session.ts). Created by index.ts on the
 * first trusted event that needs it, so a page load pays only for index.ts's three listeners.
 */
import type { ContentPush } from '@/utils/messaging/protocol';
import { bitlyLinkAt, type BitlyLink } from './bitly-link-at';
import { createCardFrame, type CardFrame } from './card-frame';
import { createCardPreparer } from './card-prepare';
import type { ConfigSource } from './content-config';
import { HoverIntent, type PointerTarget } from './hover-intent';
import { linkLooksMeant } from './link-visibility';
import type { MovedOn } from './moved-on';
import { PASSIVE_CAPTURE } from './passive-capture';

const CLOSE_GRACE_MS = 300;
const ELSEWHERE = { kind: 'elsewhere' } as const;
const CARD = { kind: 'card' } as const;
export { PASSIVE_CAPTURE };

/** Alt+Shift+B on a focused Bitly link opens its card. */
const isOpenShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyB';

/** A document listener switched on only while it has something to do. */
function switchable<K extends keyof DocumentEventMap>(type: K, listener: (e: DocumentEventMap[K]) => void, options: AddEventListenerOptions) {
  let listening = false;
  return (yes: boolean) => {
    if (yes === listening) return;
    listening = yes;
    if (yes) document.addEventListener(type, listener as EventListener, options);
    else document.removeEventListener(type, listener as EventListener, options);
  };
}

export interface HoverController {
  /**
   * The pointer rests on this Bitly-looking link, or reached it while a card is pending or open
   * (page-session.ts); its card waits for a real move on it (moved-on.ts, watched from the hover).
   * `since`: when the pointer got there (performance.now() clock), if known.
   */
  linkHovered(anchor: HTMLAnchorElement, since?: number): void;
  /** The pointer moved on `anchor` since it got there (moved-on.ts). */
  movedOn(anchor: Element): void;
  /** Nothing pending or open: the pointer is not followed. */
  readonly idle: boolean;
  /** A trusted `focusin`. */
  focused(target: EventTarget | null): void;
  /** The background pushed a change (page-session.ts). */
  pushed(push: ContentPush): void;
  /** The extension went away: close the card and stop listening. */
  stop(): void;
}

export function createHoverController(config: ConfigSource, moves: MovedOn): HoverController {
  /** Made on the first Bitly hover, then kept hidden between cards. */
  let frame: CardFrame | undefined;
  let lastTarget: EventTarget | null = null;
  let whileOpen: AbortController | undefined;
  let linkFocused = false;

  // A card is due only for a link the user really moved on (`moves`) and can see (PRODUCT.md §4).
  const intent = new HoverIntent<BitlyLink>({
    delayMs: () => config.hoverDelayMs,
    closeGraceMs: CLOSE_GRACE_MS,
    same: (a, b) => a.anchor === b.anchor && a.id === b.id,
    mayOpen: (link) => moves.movedOn(link.anchor) && linkLooksMeant(link.anchor),
    pending: (link) => preparer.pending(link),
    abandoned: () => preparer.abandoned(),
    open(link) {
      whileOpen?.abort();
      preparer.opened();
      frame ??= createCardFrame(config.now?.cardFrameTitle ?? '');
      frame.show(link);
      follow(true);
      listenForKeys();
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
      listenForKeys();
    },
  });

  // The card frame is made when a hover first rests on a Bitly link, not when the pointer passes.
  const preparer = createCardPreparer(
    () => (frame ??= createCardFrame(config.now?.cardFrameTitle ?? '')),
    () => intent.openLink !== undefined,
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

  const pointerOn = (target: PointerTarget<BitlyLink>, since?: number) => {
    intent.pointerOn(target, since);
    if (intent.idle) follow(false);
  };

  // From a rested Bitly hover (page-session.ts) until the card closes: what the pointer enters.
  // Only trusted events count, so a page cannot drive lookups by synthesising them.
  const follow = switchable(
    'pointerover',
    (e) => {
      if (!e.isTrusted || e.target === lastTarget) return;
      lastTarget = e.target;
      whenClassified(e.target, (target) => pointerOn(target, e.timeStamp));
    },
    PASSIVE_CAPTURE,
  );

  // Keys matter only while a link has focus or a card is open: no call per keystroke elsewhere.
  const keys = switchable(
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
        frame.focus();
        return;
      }
      if (!isOpenShortcut(e)) return;
      const focused = document.activeElement;
      const known = classify(focused);
      if (known?.kind === 'link') {
        e.preventDefault();
        openFocused(known.link);
      }
      if (known) return;
      lastTarget = focused;
      // Before the config has loaded the card opens once it has, if the link still has focus.
      whenClassified(focused, (target) => {
        if (target.kind === 'link') openFocused(target.link);
      });
    },
    { capture: true },
  );
  const listenForKeys = () => keys(linkFocused || intent.openLink !== undefined);
  const openFocused = (link: BitlyLink) => {
    if (linkLooksMeant(link.anchor)) intent.openNow(link);
  };

  return {
    linkHovered(anchor, since) {
      follow(true);
      lastTarget = anchor;
      whenClassified(anchor, (target) => pointerOn(target, since));
    },
    movedOn(anchor) {
      const pending = intent.pendingLink;
      if (pending?.anchor === anchor) intent.ready(pending);
    },
    get idle() {
      return intent.idle;
    },
    focused(target) {
      lastTarget = target;
      // Any link may be a Bitly link until the config says otherwise: listen for keys at once, so
      // the shortcut works even while the config is on its way.
      linkFocused = !!(target as Element | null)?.closest?.('a[href]');
      listenForKeys();
      whenClassified(target, (known) => {
        linkFocused = known.kind === 'link';
        const open = intent.openLink;
        if (open && known.kind !== 'card' && !(known.kind === 'link' && known.link.anchor === open.anchor)) intent.closeNow();
        listenForKeys();
      });
    },
    pushed(push) {
      if (push.bitlensPush === 'closeCard') {
        const anchor = intent.openLink?.anchor;
        intent.closeNow();
        if (push.refocusLink) anchor?.focus();
      } else if (!config.now?.enabled) {
        intent.closeNow();
      }
    },
    stop() {
      intent.closeNow();
      frame?.remove();
      follow(false);
      keys(false);
    },
  };
}
