/** What the content script tells the card in its URL: `card.html#link=bit.ly/Abc1234&text=…`. */

export interface CardParams {
  /** The normalised bitlink id. */
  link: string;
  /** The link's visible text on the page (for the "text names another domain" hint). */
  text: string;
}

export const MAX_LINK_TEXT = 200;

export function parseCardParams(hash: string): CardParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    link: (params.get('link') ?? '').trim().slice(0, 2048),
    text: (params.get('text') ?? '').slice(0, MAX_LINK_TEXT),
  };
}
