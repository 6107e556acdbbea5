/**
 * The page's Bitly links, listed only when the popup asks (PRODUCT.md F1: no scan at load): one
 * pass over the `<a href>`s as they are at that moment, a cheap host check first, then the
 * link's id; each link once (by id, in page order, with the text of its first occurrence),
 * the first `cap` of them listed and all of them counted. The page's own address is named too
 * when it is a Bitly link (only this script knows the account's branded domains at once).
 */
import { isBitlyHost, parseBitlink } from '@/utils/bitly/link';
import { MAX_LINK_TEXT } from '@/utils/card-frame-contract';
import type { PageLinks } from '@/utils/messaging/protocol';

/** Links listed in the popup; the rest are counted ("and N more"). */
export const MAX_PAGE_LINKS = 10;

/** What is read of a link: an `HTMLAnchorElement` has all of it (`href` and `hostname` resolved by the browser). */
export interface AnchorLike {
  href: string;
  hostname: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

/** The link's words as a person sees them; for an image link, its label or title. */
function textOf(anchor: AnchorLike): string {
  const text = (anchor.textContent ?? '').replace(/\s+/g, ' ').trim() || anchor.getAttribute('aria-label')?.trim() || anchor.getAttribute('title')?.trim() || '';
  return text.slice(0, MAX_LINK_TEXT);
}

export function collectPageLinks(anchors: Iterable<AnchorLike>, brandedHosts: ReadonlySet<string>, url: string, cap = MAX_PAGE_LINKS): PageLinks {
  const seen = new Set<string>();
  const links: PageLinks['links'] = [];
  for (const anchor of anchors) {
    if (typeof anchor.hostname !== 'string' || !isBitlyHost(anchor.hostname, brandedHosts)) continue;
    const id = parseBitlink(anchor.href, brandedHosts)?.id;
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    if (links.length < cap) links.push({ id, text: textOf(anchor) });
  }
  const ownLink = parseBitlink(url, brandedHosts)?.id;
  return { url, ...(ownLink ? { ownLink } : {}), links, total: seen.size };
}
