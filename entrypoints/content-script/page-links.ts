/**
 * The page's Bitly links, listed only when the popup asks (PRODUCT.md F1: no scan at load): one
 * pass over the `<a href>`s as they are at that moment, a cheap host check first, then the
 * link's id; each link once (by id, in page order, with the text of its first occurrence),
 * the first `cap` of them listed and all of them counted. The page's own address is named too
 * when it is a Bitly link (only this script knows the account's branded domains at once).
 * A link behind a known wrapper (issue 15) counts as its Bitly link, with how it was found.
 * Given `href`, only the links with that resolved address are looked at (the context menu's
 * question about one `t.co` link, whose text the browser does not give it).
 */
import { isBitlyHost, parseBitlink } from '@/utils/bitly/link';
import { linkWrapperOf, parseWrappedBitlink } from '@/utils/bitly/wrapped-link';
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

export function collectPageLinks(anchors: Iterable<AnchorLike>, brandedHosts: ReadonlySet<string>, url: string, cap = MAX_PAGE_LINKS, href?: string): PageLinks {
  const seen = new Set<string>();
  const links: PageLinks['links'] = [];
  for (const anchor of anchors) {
    const found = href === undefined || anchor.href === href ? bitlinkOf(anchor, brandedHosts) : null;
    if (found === null || seen.has(found.id)) continue;
    seen.add(found.id);
    if (links.length < cap) links.push({ ...found, text: textOf(anchor) });
  }
  const ownLink = parseBitlink(url, brandedHosts)?.id;
  return { url, ...(ownLink ? { ownLink } : {}), links, total: seen.size };
}

/** The link's bitlink id, and for a wrapped link the wrapper and how it was found. A cheap host check first. */
function bitlinkOf(anchor: AnchorLike, brandedHosts: ReadonlySet<string>): Omit<PageLinks['links'][number], 'text'> | null {
  if (typeof anchor.hostname !== 'string') return null;
  if (isBitlyHost(anchor.hostname, brandedHosts)) {
    const id = parseBitlink(anchor.href, brandedHosts)?.id;
    return id === undefined ? null : { id };
  }
  if (!linkWrapperOf(anchor.hostname.toLowerCase())) return null;
  const wrapped = parseWrappedBitlink(anchor.href, anchor.textContent, brandedHosts);
  return wrapped ? { id: wrapped.ref.id, via: { wrapper: wrapped.wrapper, found: wrapped.found } } : null;
}
