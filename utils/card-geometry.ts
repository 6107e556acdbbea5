/**
 * The hover card's frame size, shared by the content script (which reserves and positions it)
 * and the card page (which lays itself out inside it). Fixed, so the loading state already holds
 * the card's final size and nothing jumps when data arrives.
 */
export const CARD_WIDTH = 360;
export const CARD_HEIGHT = 380;
/** Gap between the link and the card. */
export const CARD_GAP = 6;
