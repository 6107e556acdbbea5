/**
 * The hover card's frame: an extension page (card.html) in an iframe, so the page's scripts can
 * neither read what it shows nor reach the background. Positioned with fixed coordinates next to
 * its link and kept there while anything scrolls or the window resizes.
 */
import { CARD_GAP, CARD_HEIGHT, CARD_WIDTH } from '@/utils/card-geometry';
import { placeCard } from './place-card';

export interface CardFrame {
  readonly element: HTMLIFrameElement;
  readonly id: string;
  /** Shows a card that was loaded ahead (`waiting`), which then starts asking for its data. */
  show(): void;
  remove(): void;
}

const FRAME_STYLE: Record<string, string> = {
  position: 'fixed',
  'z-index': '2147483647',
  width: `${CARD_WIDTH}px`,
  height: `${CARD_HEIGHT}px`,
  border: '0',
  margin: '0',
  padding: '0',
  'border-radius': '12px',
  'box-shadow': '0 8px 28px rgba(0,0,0,.28)',
  background: 'transparent',
  'color-scheme': 'normal',
  display: 'block',
  opacity: '1',
  transform: 'none',
};

/**
 * Frames the card for `id` next to `anchor`. With `waiting`, the card page loads hidden and asks
 * for nothing until `show()`: loading it during the hover intent delay makes it appear sooner.
 */
export function openCardFrame(anchor: HTMLAnchorElement, id: string, { waiting = false } = {}): CardFrame {
  const frame = document.createElement('iframe');
  const params = new URLSearchParams({ link: id, text: (anchor.textContent ?? '').trim().slice(0, 200) });
  const url = `${chrome.runtime.getURL('/card.html')}#${params}`;
  frame.src = waiting ? `${url}&wait=1` : url;
  frame.title = chrome.i18n.getMessage('cardFrameTitle');
  frame.allow = 'clipboard-write';
  // `!important` so page styles for `iframe` cannot hide or distort the card.
  for (const [property, value] of Object.entries(FRAME_STYLE)) frame.style.setProperty(property, value, 'important');
  const setShown = (shown: boolean) => {
    frame.style.setProperty('visibility', shown ? 'visible' : 'hidden', 'important');
    frame.style.setProperty('pointer-events', shown ? 'auto' : 'none', 'important');
  };
  setShown(!waiting);

  let queued = false;
  const reposition = () => {
    queued = false;
    const place = placeCard(
      anchor.getBoundingClientRect(),
      { width: CARD_WIDTH, height: CARD_HEIGHT },
      { width: document.documentElement.clientWidth, height: window.innerHeight },
      CARD_GAP,
    );
    frame.style.setProperty('top', `${place.top}px`, 'important');
    frame.style.setProperty('left', `${place.left}px`, 'important');
  };
  const follow = () => {
    if (!queued) requestAnimationFrame(reposition);
    queued = true;
  };
  const listening = new AbortController();
  document.addEventListener('scroll', follow, { capture: true, passive: true, signal: listening.signal });
  window.addEventListener('resize', follow, { passive: true, signal: listening.signal });

  reposition();
  document.documentElement.append(frame);
  return {
    element: frame,
    id,
    show() {
      reposition();
      if (waiting) {
        // Only the fragment changes: the loaded card is not reloaded, it hears `hashchange`.
        frame.src = url;
        waiting = false;
      }
      setShown(true);
    },
    remove() {
      listening.abort();
      frame.remove();
    },
  };
}
