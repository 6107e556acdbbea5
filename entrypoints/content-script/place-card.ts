/**
 * Where the card goes: below the link when it fits, else above, else on the side with more room;
 * clamped inside the viewport. Pure maths on viewport coordinates (getBoundingClientRect).
 */
export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

/** Distance kept from the viewport's edges. */
export const EDGE_MARGIN = 8;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

export function placeCard(link: Rect, card: Size, viewport: Size, gap: number): Placement {
  const roomBelow = viewport.height - link.bottom - gap - EDGE_MARGIN;
  const roomAbove = link.top - gap - EDGE_MARGIN;
  const side = roomBelow >= card.height || roomBelow >= roomAbove ? 'below' : 'above';
  const wanted = side === 'below' ? link.bottom + gap : link.top - gap - card.height;
  const top = clamp(wanted, EDGE_MARGIN, Math.max(EDGE_MARGIN, viewport.height - card.height - EDGE_MARGIN));
  const left = clamp(link.left, EDGE_MARGIN, Math.max(EDGE_MARGIN, viewport.width - card.width - EDGE_MARGIN));
  return { top: Math.round(top), left: Math.round(left), side };
}
