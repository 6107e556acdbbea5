/**
 * The instant card (PRODUCT.md F2): while the intent delay runs on a Bitly link, the card frame
 * renders that link hidden, from the cache alone, so that when the delay ends only showing it is
 * left. A pointer that merely passes over a link costs nothing: the preparation starts once the
 * pointer has rested PREPARE_AFTER_MS on it, and a delay cancelled after that drops it again
 * (nothing was asked of Bitly, and nothing shows). While a card is on screen the next link is not
 * prepared: the one frame keeps showing the open card until the next one is due.
 */
import type { BitlyLink } from './bitly-link-at';
import type { CardFrame } from './card-frame';

/** How long the pointer rests on a link before its card is prepared (a fraction of the intent delay). */
export const PREPARE_AFTER_MS = 60;

export interface CardPreparer {
  /** The intent delay started for `link`. */
  pending(link: BitlyLink): void;
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
    pending(link) {
      stop();
      if (cardOpen()) return;
      timer = setTimeout(() => {
        timer = undefined;
        prepared = true;
        frame().prepare(link);
      }, PREPARE_AFTER_MS);
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
