/**
 * Proof that the user's own pointer moved on a link (PRODUCT.md §4): a page can put a link under a
 * resting pointer, and the browser then sets `:hover` and even sends a trusted `pointerover`, but
 * only a real movement sends `pointermove`. So once a link is under the pointer, one trusted
 * `pointermove` inside it is waited for; the listener is on only from then until that move (or
 * a move elsewhere), so ordinary pointer movement costs no script.
 */
import { PASSIVE_CAPTURE } from './passive-capture';

export interface MovedOn {
  /** The pointer is now over `element`: forget any earlier proof and wait for a move inside it. */
  watch(element: Element): void;
  /** Whether the pointer has moved inside `element` since it was last watched. */
  movedOn(element: Element): boolean;
}

export function createMovedOn(onMoved: (element: Element) => void): MovedOn {
  let watched: Element | undefined;
  let moved = false;
  let listening = false;

  const listen = (yes: boolean) => {
    if (yes === listening) return;
    listening = yes;
    if (yes) document.addEventListener('pointermove', onMove, PASSIVE_CAPTURE);
    else document.removeEventListener('pointermove', onMove, PASSIVE_CAPTURE);
  };

  function onMove(e: PointerEvent) {
    if (!e.isTrusted) return;
    listen(false);
    const element = watched;
    if (element && e.target instanceof Node && element.contains(e.target)) {
      moved = true;
      onMoved(element);
    } else {
      watched = undefined;
    }
  }

  return {
    watch(element) {
      watched = element;
      moved = false;
      listen(true);
    },
    movedOn: (element) => moved && watched === element,
  };
}
