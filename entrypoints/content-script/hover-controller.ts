/**
 * Everything the content script does once the user is on the page: hover intent, the card frame,
 * the keyboard path and the page's config. Created by index.ts on the first trusted event that
 * needs it, so a page load pays only for index.ts's three listeners.
 */
import { isBitlyHost } from '@/utils/bitly/link';
import { DEFAULTS } from '@/utils/settings/defaults';
import { bitlyLinkAt, type BitlyLink } from './bitly-link-at';
import { brandedLinkListener } from './branded-links';
import { createCardFrame, type CardFrame } from './card-frame';
import { createCardPreparer } from './card-prepare';
import { createConfigSource } from './content-config';
import { HoverIntent, type PointerTarget } from './hover-intent';
import { createLinkRest } from './link-rest';
import { linkLooksMeant } from './link-visibility';
import { createMovedOn } from './moved-on';
import { collectPageLinks } from './page-links';
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
   * The pointer is on this Bitly-looking link (a trusted `:hover` animation start, or a trusted
   * `pointerover` on a branded link); its card waits for a real move on it (moved-on.ts).
   * `since`: when the pointer got there (performance.now() clock), if known.
   */
  linkHovered(anchor: HTMLAnchorElement, since?: number): void;
  /** A trusted `focusin`. */
  focused(target: EventTarget | null): void;
  /**
   * Asks the page's config (and with it the account's branded domains) if not yet asked; `target`
   * is what the pointer entered meanwhile, checked once the branded domains are known.
   */
  loadConfig(target: EventTarget | null): void;
  /** The extension went away: close the card and stop listening. */
  stop(): void;
}

export function createHoverController(): HoverController {
  /** Made on the first Bitly hover, then kept hidden between cards. */
  let frame: CardFrame | undefined;
  let lastTarget: EventTarget | null = null;
  let whileOpen: AbortController | undefined;
  let linkFocused = false;

  // A card is due only for a link the user really moved on and can see (PRODUCT.md §4).
  const moves = createMovedOn((anchor) => {
    const pending = intent.pendingLink;
    if (pending?.anchor === anchor) intent.ready(pending);
  });

  const intent = new HoverIntent<BitlyLink>({
    delayMs: () => config.now?.hoverDelayMs ?? DEFAULTS.hoverDelayMs,
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
    (page) => branded(page.enabled ? page.brandedHosts : new Set()),
    // `document.links`: the page's `<a href>` and `<area href>`, HTML only (an SVG link has no host).
    (href) => collectPageLinks(document.links as HTMLCollectionOf<HTMLAnchorElement>, config.now?.brandedHosts ?? new Set(), location.href, undefined, href),
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

  // From a Bitly hover until the card closes: what the pointer enters. Only trusted events count,
  // so a page cannot drive lookups by synthesising them.
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

  // The link is looked at, and the pointer followed, once it rests on the link (link-rest.ts).
  const restedOn = (anchor: HTMLAnchorElement, since?: number) => {
    follow(true);
    lastTarget = anchor;
    whenClassified(anchor, (target) => pointerOn(target, since));
  };
  const rest = createLinkRest(restedOn);
  const linkHovered = (anchor: HTMLAnchorElement, since?: number) => {
    // The proof of a real move is watched for at once: the pointer may be still by the time it rests.
    moves.watch(anchor);
    // While a card is pending or open, `follow` already hears where the pointer goes.
    if (intent.idle) rest.hovered(anchor, since);
    else restedOn(anchor, since);
  };
  const branded = brandedLinkListener(linkHovered);

  return {
    linkHovered,
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
    loadConfig(target) {
      void config.load().then((page) => {
        const anchor = (target as Element | null)?.closest?.('a[href]');
        if (page?.enabled && anchor instanceof HTMLAnchorElement && anchor.matches(':hover') && !isBitlyHost(anchor.hostname) && isBitlyHost(anchor.hostname, page.brandedHosts)) linkHovered(anchor);
      });
    },
    stop() {
      rest.stop();
      intent.closeNow();
      frame?.remove();
      follow(false);
      keys(false);
      branded(new Set());
    },
  };
}
