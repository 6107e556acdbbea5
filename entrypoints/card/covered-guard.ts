/**
 * Clicks on the card count only while the user can see all of it (PRODUCT.md §4): a page can lay
 * something over the card, or fade or transform it, to make the user click it unknowingly
 * (clickjacking). Intersection Observer v2 (`trackVisibility`, Chromium) tells whether the card
 * is shown unobscured and untouched; while it is not, clicks (and the keys that click) are
 * dropped. Browsers without it (Firefox) keep clicks as they are.
 */
const CHECK_EVERY_MS = 100;
const GUARDED = ['click', 'auxclick', 'dblclick', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'contextmenu'];

export function ignoreClicksWhileCovered(element: Element): void {
  if (!('isVisible' in IntersectionObserverEntry.prototype)) return;
  let seen = false;
  const marks = document.documentElement.dataset;
  new IntersectionObserver(
    (entries) => {
      seen = (entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined)?.isVisible ?? seen;
      marks.covered = String(!seen);
    },
    { threshold: [1], trackVisibility: true, delay: CHECK_EVERY_MS } as IntersectionObserverInit,
  ).observe(element);
  const drop = (e: Event) => {
    if (seen) return;
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  for (const type of GUARDED) window.addEventListener(type, drop, { capture: true });
}
