/**
 * Whether a link is visible enough to be meant (PRODUCT.md §4): a page can put a link the user
 * cannot see, or one covering the whole page, under the pointer; hovering it opens no card. The
 * rules, checked once when a card is due (never per pointer move):
 * - its opacity, multiplied over the link and every ancestor (shadow hosts included), is at
 *   least MIN_OPACITY;
 * - its box is at least MIN_SIDE_PX wide and high;
 * - its part inside the viewport covers less than MAX_VIEWPORT_SHARE of the viewport (a link that
 *   size is an overlay, however transparent, not a link a person points at).
 */
export const MIN_OPACITY = 0.3;
export const MIN_SIDE_PX = 6;
export const MAX_VIEWPORT_SHARE = 0.6;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The size rules alone, pure maths on viewport coordinates. */
export function boxLooksMeant(box: Box, viewport: { width: number; height: number }): boolean {
  if (box.right - box.left < MIN_SIDE_PX || box.bottom - box.top < MIN_SIDE_PX) return false;
  const width = Math.max(0, Math.min(box.right, viewport.width) - Math.max(box.left, 0));
  const height = Math.max(0, Math.min(box.bottom, viewport.height) - Math.max(box.top, 0));
  return width * height < MAX_VIEWPORT_SHARE * viewport.width * viewport.height;
}

/** The opacity the user sees `element` with: its own times every ancestor's, across shadow roots. */
export function effectiveOpacity(element: Element): number {
  let opacity = 1;
  for (let el: Element | null = element; el && opacity >= MIN_OPACITY; el = el.parentElement ?? ((el.getRootNode() as Partial<ShadowRoot>).host ?? null)) {
    opacity *= Number(getComputedStyle(el).opacity);
  }
  return opacity;
}

export function linkLooksMeant(anchor: Element): boolean {
  if (!boxLooksMeant(anchor.getBoundingClientRect(), { width: document.documentElement.clientWidth, height: window.innerHeight })) return false;
  return getComputedStyle(anchor).visibility === 'visible' && effectiveOpacity(anchor) >= MIN_OPACITY;
}
