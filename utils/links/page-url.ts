/**
 * Which page a URL is, for finding the account's links to the page the user is on: http and
 * https count as the same page, as do an address with and without its trailing slash or its
 * fragment. Host case and default ports are normalised by the URL parser; the query stays (it
 * often names a different page).
 */

/** The facet name a refreshed answer for a page is announced under (`facetUpdated`, target: its `pageKey`). */
export const LINKS_TO_PAGE_FACET = 'linksToPage';

/** Longest page URL Bitlens looks up or shortens (the protocol's limit for a link). */
export const MAX_PAGE_URL = 2048;

/** The page's identity as `host/path?query` without scheme, trailing slash or fragment; null unless http(s). */
export function pageKey(url: string): string | null {
  if (typeof url !== 'string' || url.length > MAX_PAGE_URL) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return null;
  return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
}

/** Whether Bitlens offers to shorten this address: web pages only. */
export function isWebPage(url: string): boolean {
  return pageKey(url) !== null;
}

/** True when two addresses are the same page in the sense above. */
export function isSamePage(a: string, b: string): boolean {
  const key = pageKey(a);
  return key !== null && key === pageKey(b);
}
