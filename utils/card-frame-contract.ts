/**
 * What the content script, the background's card relay and the card page agree on about the
 * hover card's frame. Constants only (no imports), so the content script can use them without
 * pulling in the protocol's validator.
 *
 * The frame loads `CARD_PAGE#k=<key>` with a random key; the card page holds the port
 * `CARD_PORT_PREFIX + key`; the content script shows and hides it through the background, which
 * relays to the port with that key in the same tab.
 */

/** The card page inside the frame. */
export const CARD_PAGE = '/card.html';

/** Name prefix of a card frame's port; the rest is the frame's key. */
export const CARD_PORT_PREFIX = 'bitlens-card:';

/** A frame key: what `crypto.randomUUID()` gives, within bounds the background checks. */
export const CARD_KEY_PATTERN = /^[\w-]{16,64}$/;

/**
 * The frame's size, fixed so the loading state already holds the card's final size and nothing
 * jumps when data arrives.
 */
export const CARD_WIDTH = 360;
export const CARD_HEIGHT = 380;
/** Gap between the link and the card. */
export const CARD_GAP = 6;

/** Longest link text a card is told, in characters (it only feeds the "text names another domain" hint). */
export const MAX_LINK_TEXT = 200;
