/**
 * Longest link text a card is told, in characters (it only feeds the "text names another domain"
 * hint). Its own module so the content script can use it without the protocol's validator.
 */
export const MAX_LINK_TEXT = 200;
