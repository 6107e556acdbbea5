/**
 * A Bitly hover becomes work only once the pointer stays on the link. Pointers cross Bitly links
 * on their way elsewhere all the time; such a crossing costs one timer: no lookup of the link, no
 * listener for where the pointer goes next, no intent delay, no message. If the link is still
 * hovered PREPARE_AFTER_MS later (the moment its card would be prepared anyway, card-prepare.ts),
 * or once the user's intent delay is over if that is shorter, it is handed on with the time the
 * pointer got there, so the intent delay still counts from then.
 * A page cannot set `:hover`, so it cannot make a link look rested on.
 */
import { PREPARE_AFTER_MS } from './card-prepare';

export interface LinkRest {
  /** The pointer reached `anchor` at `since` (performance.now() clock; when left out, now); replaces any earlier link. */
  hovered(anchor: HTMLAnchorElement, since?: number): void;
  /** Forgets the link (the extension went away). */
  stop(): void;
}

/** `delayMs`: the user's intent delay; a shorter one than PREPARE_AFTER_MS is not made longer by the wait. */
export function createLinkRest(rested: (anchor: HTMLAnchorElement, since: number) => void, delayMs: () => number): LinkRest {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    hovered(anchor, since = performance.now()) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (anchor.matches(':hover')) rested(anchor, since);
      }, Math.min(PREPARE_AFTER_MS, delayMs()));
    },
    stop: () => clearTimeout(timer),
  };
}
