/**
 * What a page needs from the user's first pointer movement on: its config (content-config.ts) and
 * the branded-link listener that config switches, and the first step of every Bitly hover (the
 * proof of a real move is watched for, then link-rest.ts waits for the pointer to rest). Kept apart
 * from the hover controller, which a page needs only once a Bitly link is rested on or focused: a
 * pointer that moves around, crossing Bitly links on its way, makes no controller.
 */
import { isBitlyHost } from '@/utils/bitly/link';
import { brandedLinkListener } from './branded-links';
import { type ConfigSource, createConfigSource } from './content-config';
import type { HoverController } from './hover-controller';
import { createLinkRest } from './link-rest';
import { createMovedOn, type MovedOn } from './moved-on';
import { collectPageLinks } from './page-links';

export interface PageSession {
  readonly config: ConfigSource;
  readonly moves: MovedOn;
  /**
   * The pointer is on this Bitly-looking link (a trusted `:hover` animation start, or a trusted
   * `pointerover` on a branded link); `since`: when it got there (performance.now() clock), if known.
   */
  linkHovered(anchor: HTMLAnchorElement, since?: number): void;
  /**
   * Asks the config if not yet asked; `target` is what the pointer entered meanwhile, checked once
   * the branded domains are known.
   */
  load(target: EventTarget | null): void;
  /** The extension went away: stop listening. */
  stop(): void;
}

/** `controller`: the hover controller if made; `use`: it, made if need be. */
export function createPageSession(controller: () => HoverController | undefined, use: () => HoverController): PageSession {
  const moves = createMovedOn((anchor) => controller()?.movedOn(anchor));
  const rest = createLinkRest(
    (anchor, since) => use().linkHovered(anchor, since),
    () => config.hoverDelayMs,
  );
  const linkHovered = (anchor: HTMLAnchorElement, since?: number) => {
    // Watched at once: the pointer may be still by the time it rests.
    moves.watch(anchor);
    const now = controller();
    // While a card is pending or open, the controller already follows the pointer: no wait.
    if (now && !now.idle) now.linkHovered(anchor, since);
    else rest.hovered(anchor, since);
  };
  const branded = brandedLinkListener(linkHovered);
  const config: ConfigSource = createConfigSource(
    // Without a controller no card is open or due: nothing to close.
    (push) => controller()?.pushed(push),
    (page) => branded(page.enabled ? page.brandedHosts : new Set()),
    // `document.links`: the page's `<a href>` and `<area href>`, HTML only (an SVG link has no host).
    (href) => collectPageLinks(document.links as HTMLCollectionOf<HTMLAnchorElement>, config.now?.brandedHosts ?? new Set(), location.href, undefined, href),
  );
  return {
    config,
    moves,
    linkHovered,
    load(target) {
      void config.load().then((page) => {
        if (!page?.enabled || page.brandedHosts.size === 0) return;
        const anchor = (target as Element | null)?.closest?.('a[href]');
        if (anchor instanceof HTMLAnchorElement && anchor.matches(':hover') && !isBitlyHost(anchor.hostname) && isBitlyHost(anchor.hostname, page.brandedHosts)) linkHovered(anchor);
      });
    },
    stop() {
      rest.stop();
      branded(new Set());
    },
  };
}
