/**
 * The hover card's frame: an extension page (card.html) in an iframe, so the page's scripts can
 * neither read what it shows nor reach the background. It is made once, hidden, when a hover
 * first rests on a Bitly link (card-prepare.ts; its document loads during the intent delay), and
 * then only prepared, shown next to a link and hidden again: a card after the delay costs a
 * message, not a page load. What it shows goes through the background
 * (prepareCard/showCard/hideCard), never through the page.
 */
import { CARD_GAP, CARD_HEIGHT, CARD_PAGE, CARD_WIDTH, MAX_LINK_TEXT } from '@/utils/card-frame-contract';
import type { BitlyLink } from './bitly-link-at';
import { placeCard } from './place-card';
import { sendToBackground } from './send-to-background';

export interface CardFrame {
  readonly element: HTMLIFrameElement;
  /** Places the frame next to the link, shows it, and has the card look the link up. */
  show(link: BitlyLink): void;
  /** Has the hidden card render the link from the cache alone (card-prepare.ts); not while a card shows. */
  prepare(link: BitlyLink): void;
  /** Drops a preparation whose card never opened. */
  unprepare(): void;
  hide(): void;
  /** Hides and removes the frame (the extension went away). */
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
  display: 'none',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
};

const linkText = (anchor: HTMLAnchorElement) => (anchor.textContent ?? '').trim().slice(0, MAX_LINK_TEXT);

// `!important` so page styles for `iframe` cannot hide, show or distort the card.
const setStyle = (frame: HTMLIFrameElement, property: string, value: string) => frame.style.setProperty(property, value, 'important');

/** `title`: the frame's accessible name, from the page's config (no `chrome.i18n` here: see protocol.ts ContentConfig). */
export function createCardFrame(title: string): CardFrame {
  const key = crypto.randomUUID();
  const frame = document.createElement('iframe');
  frame.src = `${chrome.runtime.getURL(CARD_PAGE)}#k=${key}`;
  frame.title = title;
  frame.allow = 'clipboard-write';
  for (const [property, value] of Object.entries(FRAME_STYLE)) setStyle(frame, property, value);
  document.documentElement.append(frame);

  let anchor: HTMLAnchorElement | undefined;
  let prepared = false;
  let following: AbortController | undefined;
  let queued = false;
  const reposition = () => {
    queued = false;
    if (!anchor) return;
    const place = placeCard(
      anchor.getBoundingClientRect(),
      { width: CARD_WIDTH, height: CARD_HEIGHT },
      { width: document.documentElement.clientWidth, height: window.innerHeight },
      CARD_GAP,
    );
    setStyle(frame, 'top', `${place.top}px`);
    setStyle(frame, 'left', `${place.left}px`);
  };
  const follow = () => {
    if (!queued) requestAnimationFrame(reposition);
    queued = true;
  };

  const hide = () => {
    if (!anchor) return;
    anchor = undefined;
    following?.abort();
    setStyle(frame, 'display', 'none');
    void sendToBackground('hideCard', { key });
  };

  return {
    element: frame,
    show(link) {
      following?.abort();
      // A page that rebuilt its document may have dropped the frame: put it back (it reloads,
      // and the background keeps the show until the reloaded card connects).
      if (!frame.isConnected) document.documentElement.append(frame);
      anchor = link.anchor;
      prepared = false;
      void sendToBackground('showCard', { key, link: link.id, text: linkText(anchor) });
      reposition();
      setStyle(frame, 'display', 'block');
      following = new AbortController();
      document.addEventListener('scroll', follow, { capture: true, passive: true, signal: following.signal });
      window.addEventListener('resize', follow, { passive: true, signal: following.signal });
    },
    prepare(link) {
      if (anchor) return;
      if (!frame.isConnected) document.documentElement.append(frame);
      prepared = true;
      void sendToBackground('prepareCard', { key, link: link.id, text: linkText(link.anchor) });
    },
    unprepare() {
      if (!prepared || anchor) return;
      prepared = false;
      void sendToBackground('hideCard', { key });
    },
    hide,
    remove() {
      hide();
      frame.remove();
    },
  };
}
