/**
 * Bitlens' content script: tiny by design. It hears when the user reaches a Bitly link (pointer or
 * keyboard), waits for hover intent, and shows the card frame next to the link. Numbers, token
 * and storage stay in the background and the card page.
 *
 * A page load costs three listeners and nothing else (PRODUCT.md §6, B2): the stylesheet from
 * utils/bitly/link-hover-css.ts animates a Bitly link while it is hovered, so `animationstart`
 * is heard on Bitly links alone (from the first one on, its `animationend`/`animationcancel` are
 * stopped too, so pages do not hear them); `focusin` serves the keyboard; the first pointer movement asks
 * the config (with the account's branded domains, which only this isolated world knows). That
 * movement makes page-session.ts, where a Bitly hover waits until the pointer rests on the link;
 * the rest (hover-controller.ts) is made when a link is rested on or focused.
 *
 * It is built as an unlisted script and listed in the manifest by wxt.config.ts rather than with
 * `defineContentScript`, whose wrapper brings the WebExtension polyfill and WXT's context: several
 * milliseconds of script time on every page load. So this code uses `chrome.*` directly, and
 * touches no extension API and as few DOM interfaces as it can until the user acts.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LINK_HOVER_ANIMATION } from '@/utils/bitly/link-hover-css';
import { createHoverController, type HoverController } from './hover-controller';
import { createPageSession, type PageSession } from './page-session';
import { PASSIVE_CAPTURE } from './passive-capture';
import { whenOrphaned } from './send-to-background';

/**
 * When the pointer reached the link whose hover animation just started. `animationstart` comes
 * 1–2 frames after the hover (the animation starts in a rendering step after it and is announced
 * in the next): the hover happened during the frame before the event's own, and the intent delay
 * counts from the middle of that frame (at most half a frame off), not from the late event.
 */
const FRAME_MS = 1000 / 60;
function hoverFrameTime(): number | undefined {
  const frameTime = document.timeline.currentTime;
  return typeof frameTime === 'number' ? frameTime - FRAME_MS / 2 : undefined;
}

let controller: HoverController | undefined;
let session: PageSession | undefined;
const page = (): PageSession => (session ??= createPageSession(() => controller, use));
const use = (): HoverController => (controller ??= createHoverController(page().config, page().moves));

// The hover animation's end is Bitlens' own too; the listeners that stop it are added at the first
// hover (each listener at load costs script time on every page, B2a), before that animation can end.
const ownAnimationEnds = (e: AnimationEvent) => {
  if (e.animationName === LINK_HOVER_ANIMATION) e.stopImmediatePropagation();
};
const animationEnds = ['animationend', 'animationcancel'] as const;
let endsStopped = false;
const stopAnimationEnds = () => {
  if (endsStopped) return;
  endsStopped = true;
  for (const type of animationEnds) window.addEventListener(type, ownAnimationEnds, PASSIVE_CAPTURE);
};

// The pointer reached a Bitly link. A page can start an animation of that name itself, but
// not the link's `:hover`, which only the pointer sets (and not the move hover-controller.ts
// then waits for). The event is Bitlens' own: page listeners added after this one never hear it.
const onAnimationStart = (e: AnimationEvent) => {
  if (e.animationName !== LINK_HOVER_ANIMATION) return;
  e.stopImmediatePropagation();
  stopAnimationEnds();
  const anchor = e.target;
  if (e.isTrusted && anchor instanceof HTMLAnchorElement && anchor.matches(':hover')) page().linkHovered(anchor, hoverFrameTime());
};
const onFocusIn = (e: FocusEvent) => {
  if (e.isTrusted) use().focused(e.target);
};
// Branded short domains are checked by the content script itself, so the config is asked when
// the user first moves the pointer: not while the page loads, where the first call into the
// extension APIs would cost more than all of this script.
const onFirstMove = (e: PointerEvent) => {
  if (!e.isTrusted) return;
  window.removeEventListener('pointerover', onFirstMove, PASSIVE_CAPTURE);
  page().load(e.target);
};
// All on the window: its capturing listeners run before the page's on the document and its
// elements (a page's own window listeners added earlier run first), and the page's `document` is not touched at load (its first use from this isolated world makes its wrapper:
// about a quarter of a millisecond per page load, B2a).
const listeners = [
  ['animationstart', onAnimationStart],
  ['focusin', onFocusIn],
  ['pointerover', onFirstMove],
] as unknown as Array<[string, EventListener]>;
// Registered by the module's top level rather than in `main()`: V8 compiles a script's top level
// as it loads it but `main()` only at its first call, a second pass that cost ~0.07 ms per page load.
for (const [type, listener] of listeners) window.addEventListener(type, listener, PASSIVE_CAPTURE);

// After an update or uninstall this copy is orphaned: stop listening and remove the card.
whenOrphaned(() => {
  controller?.stop();
  session?.stop();
  for (const [type, listener] of listeners) window.removeEventListener(type, listener, PASSIVE_CAPTURE);
  for (const type of animationEnds) window.removeEventListener(type, ownAnimationEnds, PASSIVE_CAPTURE);
});

/** WXT's entry point; the listeners above are already in place when it runs. */
export default defineUnlistedScript(() => {});
