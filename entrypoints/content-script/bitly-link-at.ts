/**
 * Detection (F1) at the moment it is needed: the `<a href>` enclosing the element the pointer or
 * focus entered, if it is a Bitly short link, directly or behind a known link wrapper. Nothing scans the page or observes it, so
 * links added later or whose href changes are seen as they are when the user reaches them.
 */
import { isBitlyHost, parseBitlink } from '@/utils/bitly/link';
import { linkWrapperOf, parseWrappedBitlink, type WrappedBitlink } from '@/utils/bitly/wrapped-link';

export interface BitlyLink {
  anchor: HTMLAnchorElement;
  /** Normalised `domain/hash` id. */
  id: string;
  /** For a link behind a known link wrapper (issue 15): which, and how its Bitly link was found. */
  via?: { wrapper: WrappedBitlink['wrapper']; found: WrappedBitlink['found'] };
}

/** The Bitly link that `anchor` (an element matching `a[href]`) is, or null. */
export function bitlyLinkAt(anchor: Element, brandedHosts: ReadonlySet<string>): BitlyLink | null {
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  // A cheap host check first: almost every link on a page fails it.
  if (isBitlyHost(anchor.hostname, brandedHosts)) {
    const ref = parseBitlink(anchor.href, brandedHosts);
    return ref ? { anchor, id: ref.id } : null;
  }
  if (!linkWrapperOf(anchor.hostname.toLowerCase())) return null;
  const wrapped = parseWrappedBitlink(anchor.href, anchor.textContent, brandedHosts);
  return wrapped ? { anchor, id: wrapped.ref.id, via: { wrapper: wrapped.wrapper, found: wrapped.found } } : null;
}
