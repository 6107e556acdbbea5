/**
 * The instant card (PRODUCT.md F2): while the intent delay runs on a Bitly link, the card frame
 * renders that link hidden, from the cache alone, so that when the delay ends only showing it is
 * left. A pointer that merely passes over a link costs nothing: the preparation starts once the
 * pointer has stayed PREPARE_AFTER_MS on it, and a delay cancelled after that drops it again
 * (nothing was asked of Bitly, and nothing shows). While a card is on screen the next link is not
 * prepared: the one frame keeps showing the open card until the next one is due.
 */
import type { BitlyLink } from './bitly-link-at';
import type { CardFrame } from './card-frame';

/**
 * How long the pointer stays on a link before its card is prepared: longer than a pointer takes
 * to cross a link on its way elsewhere (a 64 px link at a person's 1,000 px/s: ~65 ms), so a
 * crossing costs no frame and no message, and short enough that the frame (made at a page's first
 * preparation) and the card are ready within the default 350 ms intent delay.
 */
export const PREPARE_AFTER_MS = 100;

export interface CardPreparer {
  /** The intent delay started for `link`, on which the pointer has been `restedMs` already. */
  pending(link: BitlyLink, restedMs?: number): void;
  /** That delay was cancelled: the preparation, if any, is dropped. */
  abandoned(): void;
  /** The card opens (the delay ended, or the shortcut): showing replaces any preparation. */
  opened(): void;
}

export function createCardPreparer(frame: () => CardFrame, cardOpen: () => boolean): CardPreparer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let prepared = false;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    pending(link, restedMs = 0) {
      stop();
      if (cardOpen()) return;
      const prepare = () => {
        timer = undefined;
        prepared = true;
        frame().prepare(link);
      };
      // A link handed on by link-rest.ts has been rested on long enough already.
      if (restedMs >= PREPARE_AFTER_MS) prepare();
      else timer = setTimeout(prepare, PREPARE_AFTER_MS - restedMs);
    },
    abandoned() {
      stop();
      if (!prepared) return;
      prepared = false;
      frame().unprepare();
    },
    opened() {
      stop();
      prepared = false;
    },
  };
}
