/**
 * The hover card's frame: an extension page (card.html) in an iframe, so the page's scripts can
 * neither read what it shows nor reach the background. It is made once, hidden, when a hover
 * first rests on a Bitly link (card-prepare.ts; its document loads during the intent delay), and
 * then only prepared, shown next to a link and hidden again: a card after the delay costs a
 * message, not a page load. What it shows goes through the background
 * (prepareCard/showCard/hideCard), never through the page. A prepared card is laid out and
 * painted in place, fully transparent, inert and letting the pointer through, so that showing it
 * is one style change in the page's next frame (B4): a frame under `display: none` would first
 * lay out and paint its document once shown, a frame or two later.
 *
 * Nothing of it tells the page about the extension (PRODUCT.md §4): the iframe sits in a closed
 * shadow root, so the page reaches only a bare host element; it has no `src` attribute — the
 * content script navigates it (`location.replace`), so neither an attribute nor a resource
 * timing entry of the page holds the card's address, and the frame's key (which pairs it with the
 * background) is in no place the page can read.
 */
import { CARD_GAP, CARD_HEIGHT, CARD_PAGE, CARD_WIDTH, MAX_LINK_TEXT } from '@/utils/card-frame-contract';
import type { BitlyLink } from './bitly-link-at';
import { placeCard } from './place-card';
import { sendToBackground } from './send-to-background';

export interface CardFrame {
  /** The shadow host: what page events are retargeted to when they happen in the card. */
  readonly element: HTMLElement;
  /** Places the frame next to the link, shows it, and has the card look the link up. */
  show(link: BitlyLink): void;
  /** Has the hidden card render the link from the cache alone (card-prepare.ts); not while a card shows. */
  prepare(link: BitlyLink): void;
  /** Drops a preparation whose card never opened. */
  unprepare(): void;
  hide(): void;
  /** Moves keyboard focus into the card. */
  focus(): void;
  /** Hides and removes the frame (the extension went away). */
  remove(): void;
}

const HOST_STYLE: Record<string, string> = {
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
  display: 'none',
  visibility: 'visible',
  opacity: '0',
  'pointer-events': 'none',
  transform: 'none',
  overflow: 'hidden',
};
const FRAME_STYLE = 'display:block;width:100%;height:100%;border:0;margin:0;padding:0;background:transparent;color-scheme:normal';

const linkText = (anchor: HTMLAnchorElement) => (anchor.textContent ?? '').trim().slice(0, MAX_LINK_TEXT);

// `!important` so page styles cannot hide, show or distort the card.
const setStyle = (element: HTMLElement, property: string, value: string) => element.style.setProperty(property, value, 'important');

/** `title`: the frame's accessible name, from the page's config (no `chrome.i18n` here: see protocol.ts ContentConfig). */
export function createCardFrame(title: string): CardFrame {
  const host = document.createElement('div');
  for (const [property, value] of Object.entries(HOST_STYLE)) setStyle(host, property, value);
  host.inert = true;
  const shadow = host.attachShadow({ mode: 'closed' });
  let frame: HTMLIFrameElement | undefined;
  let key = '';

  /** A fresh frame with a fresh key, attached and navigated to the card page. */
  const load = () => {
    frame?.remove();
    key = crypto.randomUUID();
    const next = document.createElement('iframe');
    next.setAttribute('style', FRAME_STYLE);
    next.title = title;
    next.allow = 'clipboard-write';
    shadow.append(next);
    frame = next;
    if (!host.isConnected) document.documentElement.append(host);
    next.contentWindow?.location.replace(`${chrome.runtime.getURL(CARD_PAGE)}#k=${key}`);
  };
  load();

  /** The link the card shows (`shown`) or is prepared for. */
  let anchor: HTMLAnchorElement | undefined;
  let shown = false;
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
    setStyle(host, 'top', `${place.top}px`);
    setStyle(host, 'left', `${place.left}px`);
  };
  const follow = () => {
    if (!queued) requestAnimationFrame(reposition);
    queued = true;
  };

  /** What the background relays to the card for `link` (prepareCard and showCard alike). */
  const cardLink = (link: BitlyLink) => ({ key, link: link.id, text: linkText(link.anchor), ...(link.via ? { via: link.via } : {}) });

  /** Shown, or out of sight and reach (hidden, or prepared in place). */
  const reveal = (yes: boolean) => {
    host.inert = !yes;
    setStyle(host, 'opacity', yes ? '1' : '0');
    setStyle(host, 'pointer-events', yes ? 'auto' : 'none');
  };
  const hide = () => {
    if (!anchor) return;
    anchor = undefined;
    shown = false;
    following?.abort();
    reveal(false);
    setStyle(host, 'display', 'none');
    void sendToBackground('hideCard', { key });
  };

  return {
    element: host,
    show(link) {
      following?.abort();
      // A page that rebuilt its document may have dropped the frame: a new one takes its place
      // (with a new key; the background keeps the show until the new card connects).
      if (!host.isConnected) load();
      anchor = link.anchor;
      shown = true;
      void sendToBackground('showCard', cardLink(link));
      reposition();
      setStyle(host, 'display', 'block');
      reveal(true);
      following = new AbortController();
      document.addEventListener('scroll', follow, { capture: true, passive: true, signal: following.signal });
      window.addEventListener('resize', follow, { passive: true, signal: following.signal });
    },
    prepare(link) {
      if (shown) return;
      if (!host.isConnected) load();
      anchor = link.anchor;
      void sendToBackground('prepareCard', cardLink(link));
      reposition();
      setStyle(host, 'display', 'block');
    },
    unprepare() {
      if (!shown) hide();
    },
    hide,
    focus: () => frame?.focus(),
    remove() {
      hide();
      host.remove();
    },
  };
}
