/**
 * The hover card's frame: an extension page (card.html) in an iframe, so the page's scripts can
 * neither read what it shows nor reach the background. Positioned with fixed coordinates next to
 * its link and kept there while anything scrolls or the window resizes.
 */
import { CARD_GAP, CARD_HEIGHT, CARD_WIDTH } from '@/utils/card-geometry';
import { placeCard } from './place-card';

export interface CardFrame {
  readonly element: HTMLIFrameElement;
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
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
};

export function openCardFrame(anchor: HTMLAnchorElement, id: string): CardFrame {
  const frame = document.createElement('iframe');
  const params = new URLSearchParams({ link: id, text: (anchor.textContent ?? '').trim().slice(0, 200) });
  frame.src = `${chrome.runtime.getURL('/card.html')}#${params}`;
  frame.title = chrome.i18n.getMessage('cardFrameTitle');
  frame.allow = 'clipboard-write';
  // `!important` so page styles for `iframe` cannot hide or distort the card.
  for (const [property, value] of Object.entries(FRAME_STYLE)) frame.style.setProperty(property, value, 'important');

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
    remove() {
      listening.abort();
      frame.remove();
    },
  };
}
