/**
 * What the content script tells the card in its URL: `card.html#link=bit.ly/Abc1234&text=…`,
 * plus `wait=1` while the card is loaded ahead during the hover intent delay.
 */

export interface CardParams {
  /** The normalised bitlink id. */
  link: string;
  /** The link's visible text on the page (for the "text names another domain" hint). */
  text: string;
  /** Loaded ahead of need: ask nothing until the content script drops `wait` from the URL. */
  wait: boolean;
}

export const MAX_LINK_TEXT = 200;

export function parseCardParams(hash: string): CardParams {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return {
    link: (params.get('link') ?? '').trim().slice(0, 2048),
    text: (params.get('text') ?? '').slice(0, MAX_LINK_TEXT),
    wait: params.get('wait') === '1',
  };
}
